package cn.bipin.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import cn.bipin.testsupport.JobEnvironment;
import cn.bipin.testsupport.JobTest;

/**
 * Issue 18's budget: 500 messages with attachments collected from a local IMAP server (GreenMail) in under 30 s.
 * A benchmark, not a timed test: off by default, it prints the wall time of three collections (each 500 new messages
 * for a month of its own, so each finds the same work) and their median. Run on H2 with
 * {@code mvn -o -B test -Dtest=MailCollectBenchmarkTest -Dbipin.benchmark=true -Dbipin.test.mariadb=off
 * -Dsurefire.failIfNoSpecifiedTests=false} (drop {@code -Dbipin.test.mariadb=off} for the MariaDB run as well).
 */
@JobTest
@Tag("benchmark")
@EnabledIfSystemProperty(named = "bipin.benchmark", matches = "true")
class MailCollectBenchmarkTest {

    private static final Logger log = LoggerFactory.getLogger(MailCollectBenchmarkTest.class);
    static final int MESSAGES = 500;

    @RegisterExtension
    static final JobEnvironment ENV = new JobEnvironment("mailbench");

    static final GreenMail IMAP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
            .dynamicPort()).withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    static {
        IMAP.start();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ENV.register(registry);
        registry.add("bipin.mailbox.host", () -> "127.0.0.1");
        registry.add("bipin.mailbox.port", () -> IMAP.getImap().getPort());
        registry.add("bipin.mailbox.tls", () -> "false");
        registry.add("bipin.mailbox.user", () -> "office@mailtest.example");
        registry.add("bipin.mailbox.quarantine", () -> ENV.work().resolve("quarantine").toString());
    }

    @Autowired
    MailCollector collector;

    @AfterAll
    void stopImap() {
        IMAP.stop();
    }

    @Test
    void fiveHundredMessagesWithAttachments() throws Exception {
        GreenMailUser office = IMAP.setUser("office@mailtest.example", "office@mailtest.example", "");
        ImapHostManager host = IMAP.getManagers().getImapHostManager();
        String[] units = {"mfa", "mfb", "mfc"};
        String[] senders = {"fgj@mailtest.example", "stranger@other.example", "swj@mailtest.example"};
        List<Long> millis = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            String period = "2024-0" + (6 + round);
            // the previous round's messages stay in the mailbox: each pass also skips what it collected before
            for (int i = 0; i < MESSAGES; i++) {
                int u = i % units.length;
                byte[] csv = ("\uFEFFunit_code,period,dimension_code,value\n" + units[u] + "," + period + ",m1_count,"
                        + (i % 7 == 0 ? "不是数字" : String.valueOf(i)) + "\n").getBytes(StandardCharsets.UTF_8);
                MimeMessage m = message("<bench-" + round + "-" + i + "@mailtest.example>", senders[u],
                        period + " 报送 " + i, units[u] + "-" + period + "-" + i + ".csv", csv);
                host.getInbox(office).appendMessage(m, new Flags(), Date.from(Instant.parse("2024-07-08T01:15:00Z")
                        .plusSeconds(i)));
            }
            long start = System.nanoTime();
            MailCollector.Summary s = collector.collect();
            long ms = (System.nanoTime() - start) / 1_000_000;
            millis.add(ms);
            assertThat(s.messages() - s.skipped()).isEqualTo(MESSAGES);
            assertThat(s.files()).hasSize(MESSAGES);
            log.info("BENCHMARK collect round {}: {} new messages ({} skipped) in {} ms", round + 1, MESSAGES,
                    s.skipped(), ms);
        }
        List<Long> sorted = millis.stream().sorted().toList();
        log.info("BENCHMARK collect of {} messages: {} ms, median {} ms", MESSAGES, millis, sorted.get(1));
        System.out.println("BENCHMARK collect of " + MESSAGES + " messages with attachments: " + millis
                + " ms, median " + sorted.get(1) + " ms");
    }

    private static MimeMessage message(String id, String from, String subject, String name, byte[] content)
            throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", id);
            }
        };
        m.setFrom(new InternetAddress(from));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("office@mailtest.example"));
        m.setSubject(subject, "UTF-8");
        m.setSentDate(new Date());
        MimeMultipart multi = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("见附件", "UTF-8");
        multi.addBodyPart(text);
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(content, "text/csv")));
        file.setFileName(jakarta.mail.internet.MimeUtility.encodeText(name, "UTF-8", "B"));
        multi.addBodyPart(file);
        m.setContent(multi);
        m.saveChanges();
        return m;
    }
}
