package cn.bipin.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import cn.bipin.delivery.DeliveryRecord;
import cn.bipin.delivery.DeliveryService;
import cn.bipin.run.Run;
import cn.bipin.run.RunKind;
import cn.bipin.run.RunLauncher;
import cn.bipin.scheme.Period;
import cn.bipin.testsupport.JobEnvironment;
import cn.bipin.testsupport.JobTest;

/**
 * Units mail their files to the office mailbox (GreenMail's IMAP), {@code collect} puts them where they belong;
 * replies go out through GreenMail's SMTP (the job environment's server).
 */
@JobTest
class MailCollectJobTest {

    @RegisterExtension
    static final JobEnvironment ENV = new JobEnvironment("mailcollect");

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
        registry.add("bipin.mailbox.max-attachment-bytes", () -> String.valueOf(MAX_ATTACHMENT));
    }

    /** The test's attachment limit: 100 KB, well above a template (about 8 KB), below {@link #oversize()}. */
    static final int MAX_ATTACHMENT = 100 * 1024;
    static final String HOSTILE_BODY = "<html><body><script>alert('bipin')</script><img src=http://evil.example/x></body></html>";

    /** 2024-07-08 09:15:00 Beijing time (01:15 UTC): when the unit's mail reached the office server. */
    static final Instant RECEIVED = Instant.parse("2024-07-08T01:15:00Z");

    @Autowired
    MailCollector collector;
    @Autowired
    CollectedMailRepository collected;
    @Autowired
    RunLauncher launcher;
    @Autowired
    DeliveryService delivery;
    @Autowired
    Reminders reminders;
    @Autowired
    cn.bipin.scheme.SchemeRepository schemes;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    GreenMailUser office;
    MailCollector.Summary first;
    MailCollector.Summary second;
    MailCollector.Summary third;
    /** What the SMTP server had received when the collect passes were done, before any run. */
    List<MimeMessage> beforeAnyRun;
    byte[] badJuly;
    Run scored;
    Run preview;

    @BeforeAll
    void mailAndCollect() throws Exception {
        office = IMAP.setUser("office@mailtest.example", "office@mailtest.example", "");
        arrive(message("<m1@qq.example>", "clerk@qq.example", "发改局6月报送",
                attachment("发改局-2024-06.csv", csv("mfa", "2024-06", "8"))));
        arrive(message("<m2@other.example>", "stranger@other.example", "财政局6月报送",
                attachment("财政局.csv", csv("mfb", "2024-06", "5"))));
        arrive(message("<m3@mailtest.example>", "fgj@mailtest.example", "补报",
                attachment("报送.zip", zip("发改局6月报送模板.xlsx", template("mfa", "2024-06", 9))),
                attachment("坏文件.xlsx", "这不是Excel文件".getBytes(StandardCharsets.UTF_8)),
                attachment("说明.docx", new byte[] {1, 2, 3})));
        // July's template with its one row bad (text where a number belongs)
        badJuly = template("mfa", "2024-07", "十二个");
        arrive(message("<m4@mailtest.example>", "fgj@mailtest.example", "发改局7月报送",
                attachment("发改局7月报送模板.xlsx", badJuly)));
        // hostile attachments (issue 18 item 6), in a message whose body is HTML with a script
        arrive(message("<m6@mailtest.example>", "fgj@mailtest.example", "安全", HOSTILE_BODY,
                attachment("加密模板.xlsx", ole2()),
                attachment("加密.zip", encryptedZip("发改局.csv", csv("mfa", "2024-06", "7"))),
                attachment("超大.csv", oversize())));
        first = collector.collect();
        // the same file again in a new message: placed beside the first, but the unit's files are the same
        arrive(message("<m5@mailtest.example>", "fgj@mailtest.example", "发改局7月报送（重发）",
                attachment("发改局7月报送模板.xlsx", badJuly)));
        second = collector.collect();
        third = collector.collect();
        beforeAnyRun = List.of(ENV.mail().getReceivedMessages());
        scored = launcher.launch("mailtest-2024", Period.parse("2024-06"), true);
        preview = launcher.launch(RunKind.SCORE, "mailtest-2024", Period.parse("2024-06"), false, true);
    }

    /** Puts a message in the office's inbox as received by its server at {@link #RECEIVED}. */
    private void arrive(MimeMessage m) throws Exception {
        IMAP.getManagers().getImapHostManager().getInbox(office)
                .appendMessage(m, new jakarta.mail.Flags(), Date.from(RECEIVED));
    }

    @AfterAll
    void stopImap() {
        IMAP.stop();
    }

    @Test
    void aListedSendersFileIsInItsPeriodInboxWithTheMessagesReceivedTime() throws IOException {
        Path file = ENV.work().resolve("inbox/mailtest-2024/2024-06/发改局-2024-06.csv");

        assertThat(file).exists();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("mfa,2024-06,m1_count,8");
        assertThat(Files.getLastModifiedTime(file).toInstant()).isEqualTo(RECEIVED);
        // the unit's own address may submit too: the .csv inside the .zip is placed beside it
        // the unit's filled template inside a .zip: its unit and period read from the template's header cells
        assertThat(ENV.work().resolve("inbox/mailtest-2024/2024-06/发改局6月报送模板.xlsx")).exists();
    }

    @Test
    void aFileFromAnUnlistedAddressIsQuarantinedNotInTheInbox() {
        assertThat(ENV.work().resolve("inbox/mailtest-2024/2024-06/财政局.csv")).doesNotExist();
        assertThat(ENV.work().resolve("quarantine/mailtest-2024/2024-06/财政局.csv")).exists();
        assertThat(collected.quarantined()).singleElement().satisfies(q -> {
            assertThat(q.sender()).isEqualTo("stranger@other.example");
            assertThat(q.unitCode()).isEqualTo("mfb");
            assertThat(q.reason()).contains("不在方案文件中财政局的 emails / senders 之列");
        });
    }

    @Test
    void everyAttachmentIsRecordedAndAMessageIsNeverCollectedTwice() {
        // m1: one file; m2: one file; m3: the .zip's file, the corrupt .xlsx, the .docx; m4: one file;
        // m6: three hostile attachments = 9 rows
        assertThat(first.messages()).isEqualTo(5);
        assertThat(first.files()).hasSize(9);
        assertThat(first.count(CollectedMail.PLACED)).isEqualTo(3);
        assertThat(first.count(CollectedMail.QUARANTINED)).isEqualTo(1);
        assertThat(first.count(CollectedMail.ANSWERED)).isEqualTo(5);
        // m1..m4 and m6 skipped, m5 (July's file again) placed; then nothing new
        assertThat(second.skipped()).isEqualTo(5);
        assertThat(second.files()).singleElement().satisfies(f -> assertThat(f.storedFile()).endsWith("发改局7月报送模板(2).xlsx"));
        assertThat(third.skipped()).isEqualTo(6);
        assertThat(third.files()).isEmpty();
        assertThat(collected.all()).hasSize(10);
        assertThat(collected.all()).filteredOn(c -> c.messageId().equals("<m1@qq.example>")).singleElement()
                .satisfies(c -> {
                    assertThat(c.subject()).isEqualTo("发改局6月报送");
                    assertThat(c.receivedAt()).hasToString("2024-07-08T09:15");
                    assertThat(c.storedFile()).endsWith("发改局-2024-06.csv");
                });
    }

    @Test
    void attachmentsThatCannotBePlacedAreAnsweredToTheSenderWithTheReasons() throws Exception {
        List<MimeMessage> replies = List.of(ENV.mail().getReceivedMessages()).stream()
                .filter(m -> address(m).equals("fgj@mailtest.example") && subject(m).equals("报送文件未被接收：补报")).toList();

        assertThat(replies).singleElement().satisfies(reply -> {
            assertThat(reply.getSubject()).isEqualTo("报送文件未被接收：补报");
            String body = GreenMailUtil.getBody(reply);
            String text = body.contains("=") ? decoded(reply) : body;
            assertThat(text).contains("坏文件.xlsx", "说明.docx", "不支持的文件类型");
        });
        assertThat(collected.all()).filteredOn(c -> CollectedMail.ANSWERED.equals(c.outcome())
                        && c.messageId().equals("<m3@mailtest.example>"))
                .extracting(CollectedMail::attachment).containsExactlyInAnyOrder("坏文件.xlsx", null);
    }

    @Test
    void passwordProtectedEncryptedAndOversizeAttachmentsAreAnsweredAndNothingFromTheBodyIsUsed() throws Exception {
        List<MimeMessage> replies = List.of(ENV.mail().getReceivedMessages()).stream()
                .filter(m -> subject(m).equals("报送文件未被接收：安全")).toList();

        assertThat(replies).singleElement().satisfies(reply -> {
            assertThat(address(reply)).isEqualTo("fgj@mailtest.example");
            assertThat(decoded(reply)).contains(
                    "附件 加密模板.xlsx：文件是旧版Excel(.xls)格式或设置了密码，请取消密码并另存为.xlsx后再报送",
                    "附件 加密.zip：压缩包已损坏或已加密，无法解压",
                    // MAX_ATTACHMENT is 100 × 1024 bytes, under a megabyte: written in KB
                    "附件 超大.csv：文件超过 100 KB，未接收");
        });
        assertThat(collected.all()).filteredOn(c -> c.messageId().equals("<m6@mailtest.example>"))
                .allSatisfy(c -> {
                    assertThat(c.outcome()).isEqualTo(CollectedMail.ANSWERED);
                    assertThat(c.storedFile()).isNull();
                }).hasSize(3);
        // stored nowhere: not in any inbox, not in quarantine
        try (var files = Files.walk(ENV.work())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.startsWith("加密") || n.startsWith("超大"));
        }
        // the body's HTML and script reach no outgoing mail and no record
        for (MimeMessage m : ENV.mail().getReceivedMessages()) {
            assertThat(decoded(m)).doesNotContain("alert", "evil.example");
        }
        assertThat(collected.all()).allSatisfy(c -> assertThat(String.valueOf(c.reason())).doesNotContain("alert"));
    }

    @Test
    void afterTheRunTheUnitReceivesItsFeedbackSheetOnceAndThePreviewMailsNoUnit() throws Exception {
        List<MimeMessage> feedback = List.of(ENV.mail().getReceivedMessages()).stream()
                .filter(m -> subject(m).contains("报送反馈")).toList();

        // one unit with an address that sent something (mfa); mfb has no address and its file is quarantined;
        // the preview run after it mails nothing
        assertThat(feedback).singleElement().satisfies(m -> {
            assertThat(address(m)).isEqualTo("fgj@mailtest.example");
            assertThat(m.getSubject()).isEqualTo("邮件测试2024年6月报送反馈（发展和改革局）");
            String text = decoded(m);
            // m1_count sent twice (8 in the CSV, 9 in the template in the .zip): one value used, the other superseded, none rejected
            assertThat(text).contains("采用 1 项，退回 0 项", "本期应报指标均已报齐", "报送截止日期：2024年7月10日");
            MimeMultipart multi = (MimeMultipart) m.getContent();
            assertThat(multi.getBodyPart(multi.getCount() - 1).getFileName()).isNotNull();
        });
        assertThat(delivery.forRun(scored.id())).filteredOn(d -> d.recipientEmail().equals("fgj@mailtest.example"))
                .singleElement().satisfies(d -> assertThat(d.status()).isEqualTo(DeliveryRecord.Status.SENT));
        assertThat(delivery.forRun(preview.id())).isEmpty();
    }

    @Test
    void rightAfterCollectTheUnitIsMailedItsFeedbackNamingTheBadRowBeforeAnyRunAndOnlyOncePerFiles() throws Exception {
        List<MimeMessage> july = beforeAnyRun.stream().filter(m -> subject(m).contains("2024年7月报送已收到")).toList();

        // one mail for July although three passes saw mfa's file (the second a copy of the same bytes in a new message)
        assertThat(july).singleElement().satisfies(m -> {
            assertThat(address(m)).isEqualTo("fgj@mailtest.example");
            assertThat(m.getSubject()).isEqualTo("邮件测试2024年7月报送已收到（发展和改革局）");
            String text = decoded(m);
            // the one row is rejected, so the one dimension is still missing; deadline 2024-08-10 (deadline_day 10)
            assertThat(text).contains("采用 0 项，退回 1 项", "发改局7月报送模板.xlsx", "十二个",
                    "尚未报送的指标（1 项）：开工项目个数", "报送截止日期：2024年8月10日");
            MimeMultipart multi = (MimeMultipart) m.getContent();
            assertThat(multi.getBodyPart(multi.getCount() - 1).getFileName()).isNotNull();
        });
        assertThat(first.feedback()).contains("mailtest-2024/2024-07/mfa");
        assertThat(second.feedback()).isEmpty();
        assertThat(third.feedback()).isEmpty();
        // June: the CSV and the template in the .zip were both placed for mfa in the first pass: one mail, values used
        assertThat(beforeAnyRun.stream().filter(m -> subject(m).contains("2024年6月报送已收到")).toList()).singleElement()
                .satisfies(m -> assertThat(decoded(m)).contains("采用 1 项，退回 0 项", "本期应报指标均已报齐"));
        // in the delivery log like every other message, and sent
        assertThat(jdbc.sql("select status from delivery where subject = ?").param("邮件测试2024年7月报送已收到（发展和改革局）")
                .query(String.class).list()).containsExactly("SENT");
    }

    @Test
    void remindersGoToUnitsWithMissingValuesThenTheStatisticianGetsTheList() throws Exception {
        var scheme = schemes.load("mailtest-2024");
        Period june = Period.parse("2024-06");
        // deadline 2024-07-10 (deadline_day 10), reminder_days 3 by default: the 7th, the 10th and the day after
        assertThat(Reminders.due(scheme, june, java.time.LocalDate.of(2024, 7, 7))).isTrue();
        assertThat(Reminders.due(scheme, june, java.time.LocalDate.of(2024, 7, 8))).isFalse();
        assertThat(Reminders.due(scheme, june, java.time.LocalDate.of(2024, 7, 10))).isTrue();
        assertThat(Reminders.due(scheme, june, java.time.LocalDate.of(2024, 7, 11))).isTrue();

        // mfa's m1_count is in the inbox; mfb's file is quarantined, mfc sent nothing
        Reminders.Outcome early = reminders.remind(scheme, june, java.time.LocalDate.of(2024, 7, 7));
        assertThat(early.missing()).containsOnlyKeys("mfb", "mfc");
        assertThat(early.reminded()).containsExactly("mfc");
        assertThat(early.withoutAddress()).containsExactly("mfb");
        List<MimeMessage> toMfc = List.of(ENV.mail().getReceivedMessages()).stream()
                .filter(m -> address(m).equals("swj@mailtest.example")).toList();
        assertThat(toMfc).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).isEqualTo("【催报】邮件测试2024年6月报送提醒（商务局）");
            assertThat(decoded(m)).contains("2024年7月10日 截止", "开工项目个数");
        });

        Reminders.Outcome after = reminders.remind(scheme, june, java.time.LocalDate.of(2024, 7, 11));
        assertThat(after.overdue()).isTrue();
        assertThat(after.reminded()).isEmpty();
        List<MimeMessage> toOffice = List.of(ENV.mail().getReceivedMessages()).stream()
                .filter(m -> subject(m).contains("逾期未报单位")).toList();
        assertThat(toOffice).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).isEqualTo("【比拼告警】邮件测试2024年6月逾期未报单位（2个）");
            assertThat(decoded(m)).contains("财政局：开工项目个数", "商务局：开工项目个数");
        });
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String decoded(MimeMessage m) throws Exception {
        Object content = m.getContent();
        if (content instanceof String s) {
            return s;
        }
        MimeMultipart multi = (MimeMultipart) content;
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < multi.getCount(); i++) {
            Object part = multi.getBodyPart(i).getContent();
            all.append(part instanceof String s ? s : "");
        }
        return all.toString();
    }

    private static String address(MimeMessage m) {
        try {
            return ((InternetAddress) m.getAllRecipients()[0]).getAddress();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] csv(String unit, String period, String value) {
        return ("\uFEFFunit_code,period,dimension_code,value\n" + unit + "," + period + ",m1_count," + value + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The unit's submission template for the period, as `bipin template` writes it, with m1_count filled in. */
    private byte[] template(String unit, String period, Object value) throws IOException {
        var scheme = schemes.load("mailtest-2024");
        var u = scheme.unit(unit).orElseThrow();
        Period p = Period.parse(period);
        Path dir = Files.createTempDirectory("mail-template");
        Path blank = dir.resolve("blank.xlsx");
        new cn.bipin.submission.SubmissionTemplateWriter().write(scheme, u, p,
                scheme.dimensionsFor(unit, p.cycle()), blank);
        Path filled = dir.resolve("filled.xlsx");
        cn.bipin.demo.TemplateFiller.fill(blank, java.util.Map.<String, Object>of("m1_count", value), filled);
        return Files.readAllBytes(filled);
    }

    /** What a password-protected .xlsx is on disk: an OLE2 compound file (Excel's encryption container). */
    private static byte[] ole2() {
        byte[] bytes = new byte[4096];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        return bytes;
    }

    /** A .zip whose entry is marked encrypted (general purpose flag bit 0), as a password-protected archive is. */
    private static byte[] encryptedZip(String name, byte[] content) throws IOException {
        byte[] zip = zip(name, content);
        zip[6] |= 1; // the local file header's flags
        for (int i = zip.length - 22; i >= 0; i--) { // the central directory header's flags
            if (zip[i] == 0x50 && zip[i + 1] == 0x4b && zip[i + 2] == 0x01 && zip[i + 3] == 0x02) {
                zip[i + 8] |= 1;
                break;
            }
        }
        return zip;
    }

    /** A CSV of 150 KB, over the test's 100 KB attachment limit. */
    private static byte[] oversize() {
        StringBuilder csv = new StringBuilder("\uFEFFunit_code,period,dimension_code,value\n");
        while (csv.length() < 150 * 1024) {
            csv.append("mfa,2024-06,m1_count,1\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] zip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static MimeBodyPart attachment(String name, byte[] content) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(content,
                "application/octet-stream")));
        try {
            part.setFileName(jakarta.mail.internet.MimeUtility.encodeText(name, "UTF-8", "B"));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        return part;
    }

    private static MimeMessage message(String id, String from, String subject, MimeBodyPart... parts)
            throws MessagingException {
        return message(id, from, subject, "见附件", parts);
    }

    private static MimeMessage message(String id, String from, String subject, String body, MimeBodyPart... parts)
            throws MessagingException {
        MimeMessage m = new MimeMessage(Session.getInstance(new java.util.Properties())) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", id);
            }
        };
        m.setFrom(new InternetAddress(from));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("office@mailtest.example"));
        m.setSubject(subject, "UTF-8");
        m.setSentDate(Date.from(RECEIVED));
        MimeMultipart multi = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        if (body.startsWith("<html>")) {
            text.setContent(body, "text/html; charset=UTF-8");
        } else {
            text.setText(body, "UTF-8");
        }
        multi.addBodyPart(text);
        for (MimeBodyPart p : parts) {
            multi.addBodyPart(p);
        }
        m.setContent(multi);
        m.saveChanges();
        return m;
    }
}
