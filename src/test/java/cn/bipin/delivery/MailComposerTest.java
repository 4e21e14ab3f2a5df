package cn.bipin.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.bipin.scheme.Recipient;

/** What a leader's mail client sees: each attachment's own type, and the time in the office's zone. */
class MailComposerTest {

    @TempDir
    Path dir;

    @Test
    void attachmentsCarryTheirOwnTypesAndTheDateIsInTheOfficesZone() throws Exception {
        Path pdf = Files.writeString(dir.resolve("榜单.pdf"), "%PDF-1.4");
        Path xlsx = Files.write(dir.resolve("榜单.xlsx"), new byte[] {'P', 'K', 3, 4});
        DeliveryProperties props = new DeliveryProperties("bipin@jinfeng.gov.cn", dir, "比拼专班办公室", 1,
                Duration.ofMillis(1), ZoneId.of("Asia/Shanghai"));
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        // 2024-07-20 18:00:13 UTC is 2024-07-21 02:00:13 in Beijing (UTC+8), when the monthly run fires
        Date sent = Date.from(Instant.parse("2024-07-20T18:00:13Z"));

        new MailComposer(props).compose(message, new OutgoingMail(1L, "榜单", "各位领导：", List.of(pdf, xlsx),
                List.of(new Recipient("督查室", "duchashi@jinfeng.gov.cn"))), new Recipient("督查室", "duchashi@jinfeng.gov.cn"), sent);
        message.saveChanges();

        assertThat(message.getHeader("Date")[0]).startsWith("Sun, 21 Jul 2024 02:00:13 +0800");
        assertThat(message.getSentDate()).isEqualTo(sent);
        List<String> types = new ArrayList<>();
        Multipart mixed = (Multipart) message.getContent();
        for (int i = 0; i < mixed.getCount(); i++) {
            BodyPart part = mixed.getBodyPart(i);
            if (part.getFileName() != null) {
                types.add(part.getContentType().split(";")[0].trim());
            }
        }
        assertThat(types).containsExactly("application/pdf",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }
}
