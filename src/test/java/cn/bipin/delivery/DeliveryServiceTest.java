package cn.bipin.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import javax.sql.DataSource;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import cn.bipin.delivery.DeliveryRecord.Channel;
import cn.bipin.delivery.DeliveryRecord.Status;
import cn.bipin.scheme.Recipient;
import cn.bipin.testsupport.MariaDb;
import cn.bipin.testsupport.Migrated;

/** Delivery through GreenMail's SMTP server, through the outbox, and with the server down; rows checked in the log. */
class DeliveryServiceTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final String SUBJECT = "金凤区\"双拼双促\"2024年6月晾晒榜单";
    private static final String BODY = "各位领导：\n附件为金凤区2024年6月晾晒榜单，请审阅。\n比拼专班办公室";
    private static final String PDF_NAME = "金凤区-2024-06-晾晒榜单.pdf";
    private static final Recipient ZHANG = new Recipient("张区长", "zhang@jinfeng.gov.cn");
    private static final Recipient LI = new Recipient("李主任", "li@jinfeng.gov.cn");
    /** 2024-07-05 08:30:00 in Beijing time: the clock the run reads when it mails. */
    private static final Clock CLOCK = Clock.fixed(
            LocalDateTime.of(2024, 7, 5, 8, 30).atZone(ZoneId.of("Asia/Shanghai")).toInstant(), ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path tmp;

    private JdbcClient jdbc;
    private Path pdf;
    private byte[] pdfBytes;

    @BeforeEach
    void setUp() throws IOException {
        DataSource ds = Migrated.h2();
        jdbc = JdbcClient.create(ds);
        pdf = tmp.resolve(PDF_NAME);
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            doc.save(pdf.toFile());
        }
        pdfBytes = Files.readAllBytes(pdf);
    }

    @Test
    void mailsEachRecipientSeparatelyThroughSmtp() throws Exception {
        DeliveryService service = service(smtp(ServerSetupTest.SMTP.getPort()));

        List<DeliveryRecord> records = service.deliver(mail(ZHANG, LI));

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received).extracting(m -> onlyRecipient(m)).containsExactlyInAnyOrder(ZHANG.email(), LI.email());
        for (MimeMessage m : received) {
            assertBulletin(m);
        }
        assertThat(rows()).isEqualTo(records);
        assertThat(records).extracting(DeliveryRecord::recipientName, DeliveryRecord::recipientEmail,
                        DeliveryRecord::channel, DeliveryRecord::status, DeliveryRecord::error, DeliveryRecord::emlPath)
                .containsExactly(
                        tuple("张区长", ZHANG.email(), Channel.SMTP, Status.SENT, null, null),
                        tuple("李主任", LI.email(), Channel.SMTP, Status.SENT, null, null));
        assertThat(records).allSatisfy(r -> {
            assertThat(r.runId()).isEqualTo(42L);
            assertThat(r.subject()).isEqualTo(SUBJECT);
            assertThat(r.createdAt()).isEqualTo(LocalDateTime.of(2024, 7, 5, 8, 30));
        });
    }

    @Test
    void mailTheSmtpServerTookIsOnDiskSoAnOlderDatabaseIsRefused() {
        DeliveryService service = service(smtp(ServerSetupTest.SMTP.getPort()));
        OutboxCheck check = new OutboxCheck(props(tmp.resolve("unused-outbox")), jdbc);

        service.deliver(mail(ZHANG, LI));

        assertThat(check.disagreements()).as("the journal and the database agree").isEmpty();
        // the database replaced by a copy from before these two sends (a restored backup, a truncated file)
        jdbc.sql("DELETE FROM delivery").update();
        assertThat(check.disagreements()).singleElement().asString()
                .contains("中有 2 封已经通过邮件服务器发出的邮件数据库中没有记录")
                .contains("2024-07-05T08:30 运行 #42 发给 " + ZHANG.email() + "《" + SUBJECT + "》");
    }

    @Test
    void oneBadAddressFailsOnlyThatRecipient() {
        Recipient bad = new Recipient("王局长", "wang at jinfeng");
        DeliveryService service = service(smtp(ServerSetupTest.SMTP.getPort()));

        List<DeliveryRecord> records = service.deliver(mail(ZHANG, bad, LI));

        assertThat(greenMail.getReceivedMessages()).hasSize(2);
        assertThat(records).extracting(DeliveryRecord::recipientEmail, DeliveryRecord::status)
                .containsExactly(tuple(ZHANG.email(), Status.SENT), tuple("wang at jinfeng", Status.FAILED),
                        tuple(LI.email(), Status.SENT));
        assertThat(records.get(1).error()).contains("AddressException").contains("wang at jinfeng");
        assertThat(rows()).isEqualTo(records);
    }

    @Test
    void logsDeliveriesTheSameWayOnMariaDb() {
        String url = MariaDb.createDatabase("bipin_delivery_");
        try {
            jdbc = JdbcClient.create(Migrated.mariaDb(url));
            DeliveryService service = service(smtp(ServerSetupTest.SMTP.getPort()));

            List<DeliveryRecord> records = service.deliver(mail(ZHANG, new Recipient("王局长", "wang at jinfeng")));

            assertThat(records).extracting(DeliveryRecord::recipientName, DeliveryRecord::status)
                    .containsExactly(tuple("张区长", Status.SENT), tuple("王局长", Status.FAILED));
            // Chinese names and subject, the generated ids and the 08:30:00 timestamp come back unchanged
            assertThat(rows()).isEqualTo(records);
        } finally {
            MariaDb.drop(url);
        }
    }

    @Test
    void writesEmlFilesToTheOutboxWithoutMailServer() throws Exception {
        Path outbox = tmp.resolve("outbox");
        DeliveryService service = new DeliveryService(noSender(), props(outbox), jdbc, CLOCK);

        List<DeliveryRecord> records = service.deliver(mail(ZHANG, LI));

        // 08:30:00 on 2024-07-05, run 42, one file per recipient
        Path zhangFile = outbox.resolve("20240705-083000-42-zhang@jinfeng.gov.cn.eml");
        Path liFile = outbox.resolve("20240705-083000-42-li@jinfeng.gov.cn.eml");
        try (var files = Files.list(outbox)) {
            assertThat(files).containsExactlyInAnyOrder(zhangFile, liFile);
        }
        MimeMessage parsed;
        try (InputStream in = Files.newInputStream(zhangFile)) {
            parsed = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        assertBulletin(parsed);
        assertThat(onlyRecipient(parsed)).isEqualTo(ZHANG.email());
        assertThat(((InternetAddress) parsed.getRecipients(Message.RecipientType.TO)[0]).getPersonal()).isEqualTo("张区长");

        assertThat(rows()).isEqualTo(records);
        assertThat(records).extracting(DeliveryRecord::recipientEmail, DeliveryRecord::channel,
                        DeliveryRecord::status, DeliveryRecord::emlPath, DeliveryRecord::error)
                .containsExactly(
                        tuple(ZHANG.email(), Channel.EML, Status.WRITTEN, zhangFile.toString(), null),
                        tuple(LI.email(), Channel.EML, Status.WRITTEN, liFile.toString(), null));
    }

    @Test
    void aSecondRunInTheSameSecondKeepsTheFirstFile() throws Exception {
        Path outbox = tmp.resolve("outbox");
        DeliveryService service = new DeliveryService(noSender(), props(outbox), jdbc, CLOCK);

        service.deliver(mail(ZHANG));
        List<DeliveryRecord> again = service.deliver(mail(ZHANG));

        assertThat(again.get(0).emlPath()).isEqualTo(outbox.resolve("20240705-083000-42-zhang@jinfeng.gov.cn-2.eml").toString());
        try (var files = Files.list(outbox)) {
            assertThat(files).hasSize(2);
        }
    }

    @Test
    void mailDuringAnOutageStaysPendingAndIsSentOnceWhenTheServerIsBack() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        DeliveryService service = service(smtp(port));

        List<DeliveryRecord> records = service.deliver(mail(ZHANG, LI));

        assertThat(records).extracting(DeliveryRecord::recipientEmail, DeliveryRecord::channel, DeliveryRecord::status)
                .containsExactly(tuple(ZHANG.email(), Channel.SMTP, Status.PENDING), tuple(LI.email(), Channel.SMTP, Status.PENDING));
        assertThat(records).allSatisfy(r -> assertThat(r.error()).contains("Couldn't connect to host").contains(String.valueOf(port)));
        assertThat(rows()).isEqualTo(records);
        assertThat(jdbc.sql("select attempts from delivery order by id").query(Integer.class).list()).containsExactly(2, 2);

        com.icegreen.greenmail.util.GreenMail back = new com.icegreen.greenmail.util.GreenMail(
                new com.icegreen.greenmail.util.ServerSetup(port, "127.0.0.1", "smtp"));
        back.start();
        try {
            List<DeliveryRecord> retried = service.retryPending();
            assertThat(retried).extracting(DeliveryRecord::status).containsExactly(Status.SENT, Status.SENT);
            assertThat(back.getReceivedMessages()).hasSize(2);
            assertThat(service.retryPending()).isEmpty();
            assertThat(back.getReceivedMessages()).as("never sent twice").hasSize(2);
            assertThat(rows()).extracting(DeliveryRecord::id).containsExactlyElementsOf(
                    records.stream().map(DeliveryRecord::id).toList()); // the same rows, updated
        } finally {
            back.stop();
        }
    }

    @Test
    void heldMailIsSentOnlyWhenReleased() {
        DeliveryService service = service(smtp(greenMail.getSmtp().getPort()));
        DeliveryRecord held = service.hold(new OutgoingMail(7L, "金凤区\"双拼双促\"2024年6月晾晒榜单", "正文", List.of(), List.of(ZHANG))).get(0);
        assertThat(held.status()).isEqualTo(Status.HELD);
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertThat(service.release(7L)).extracting(DeliveryRecord::status).containsExactly(Status.SENT);
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        assertThat(service.release(7L)).isEmpty();
    }
    @Test
    void refusesToMailWithoutItsAttachment() {
        DeliveryService service = service(smtp(ServerSetupTest.SMTP.getPort()));
        OutgoingMail mail = new OutgoingMail(42L, SUBJECT, BODY, List.of(tmp.resolve("missing.pdf")), List.of(ZHANG));

        assertThatThrownBy(() -> service.deliver(mail))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing.pdf");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertThat(rows()).isEmpty();
    }

    private void assertBulletin(MimeMessage m) throws Exception {
        assertThat(m.getSubject()).isEqualTo(SUBJECT);
        InternetAddress from = (InternetAddress) m.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("bipin@jinfeng.gov.cn");
        assertThat(from.getPersonal()).isEqualTo("比拼专班办公室");

        Part text = null;
        Part attachment = null;
        for (Part p : leaves(m)) {
            if (Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition())) {
                assertThat(attachment).as("one attachment").isNull();
                attachment = p;
            } else {
                assertThat(text).as("one text part").isNull();
                text = p;
            }
        }
        assertThat(text.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(((String) text.getContent()).replace("\r\n", "\n")).isEqualTo(BODY);
        assertThat(attachment.getContentType()).startsWith("application/pdf");
        assertThat(MimeUtility.decodeText(attachment.getFileName())).isEqualTo(PDF_NAME);
        try (InputStream in = attachment.getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(pdfBytes);
        }
        // headers travel 7-bit clean: the Chinese is encoded, not sent raw
        String rawHeaders = String.join("\n", java.util.Collections.list(m.getAllHeaderLines()));
        assertThat(rawHeaders).doesNotContain("金凤区").matches("\\p{ASCII}*");
    }

    private static List<Part> leaves(Part part) throws Exception {
        List<Part> leaves = new ArrayList<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                leaves.addAll(leaves(multipart.getBodyPart(i)));
            }
        } else {
            leaves.add(part);
        }
        return leaves;
    }

    private static String onlyRecipient(MimeMessage m) throws Exception {
        Address[] to = m.getAllRecipients();
        assertThat(to).hasSize(1);
        return ((InternetAddress) to[0]).getAddress();
    }

    private List<DeliveryRecord> rows() {
        return jdbc.sql("select * from delivery order by id").query(DeliveryRecord.class).list();
    }

    private OutgoingMail mail(Recipient... to) {
        return new OutgoingMail(42L, SUBJECT, BODY, List.of(pdf), List.of(to));
    }

    private DeliveryService service(JavaMailSender sender) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("mailSender", sender);
        return new DeliveryService(beans.getBeanProvider(JavaMailSender.class), props(tmp.resolve("unused-outbox")), jdbc, CLOCK);
    }

    private static ObjectProvider<JavaMailSender> noSender() {
        return new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class);
    }

    private static DeliveryProperties props(Path outbox) {
        // two tries 20 ms apart: a retry is exercised without slowing the suite
        return new DeliveryProperties("bipin@jinfeng.gov.cn", outbox, "比拼专班办公室", 2, java.time.Duration.ofMillis(20));
    }

    private static JavaMailSenderImpl smtp(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.setDefaultEncoding("UTF-8");
        Properties p = new Properties();
        p.setProperty("mail.smtp.connectiontimeout", "2000");
        p.setProperty("mail.smtp.timeout", "5000");
        sender.setJavaMailProperties(p);
        return sender;
    }
}
