package cn.bipin.warning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.bipin.run.Publication;
import cn.bipin.run.Run;
import cn.bipin.run.RunKind;
import cn.bipin.run.RunLauncher;
import cn.bipin.run.RunRepository;
import cn.bipin.run.RunStatus;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.SchemeRepository;
import cn.bipin.testsupport.JobEnvironment;
import cn.bipin.testsupport.JobTest;
import cn.bipin.testsupport.JobTestSupport;

/**
 * The monthly run of {@code warntest-2023} with its nested warning run (D19), April and May 2023, worked by hand.
 * Targets gdp 1,200, gdzc 600 (经济发展办), ybgg 240 (财政金融办); time progress April 4/12 = 33.33%, May 5/12 = 41.67%.
 * <pre>
 * city (zone growth / city average / rank of 5):  March      April          May
 *   gdp                                          4/5  #2    5/6  #2        7/6  #2
 *   gdzc                                         9/7  #3    9/7  #3        9/7  #3
 *   ybgg                                         8/6  #2    8/6  #1        8/6  #3
 * April  gdp  420 / 1,200 = 35.00% ≥ 33.33%; 5% &lt; 6%: GROWTH; #2 = #2                          → listed
 *        gdzc 180 / 600 = 30.00% &lt; 33.33%: PROGRESS; 9% ≥ 7%; #3 = #3                           → listed
 *        ybgg  90 / 240 = 37.50%; 8% ≥ 6%; #1 better than #2                                       → not listed
 *        mail: the office's whole list and 综合组's leader (财税金融组 has nothing): 2
 * May    gdp  560 / 1,200 = 46.67%; 7% ≥ 6%; #2 = #2                → not listed: leaves the list
 *        gdzc 270 / 600 = 45.00%; 9% ≥ 7%; #3 = #3                   → not listed: leaves the list
 *        ybgg  96 / 240 = 40.00% &lt; 41.67%: PROGRESS; #3 worse than April's #1: RANK             → listed
 *        mail: the office, 综合组 (two left the list), 财税金融组 (one listed): 3
 * May again, nothing changed: revision 2, not mailed (UNCHANGED).
 * Weekly ledgers due in April: the Fridays 04-07, 04-14, 04-21, 04-28 (2023-W14..W17) = 4 weeks.
 *   税务局 W14 received 04-07 10:00 (on time), W15 received 04-15 09:00 (late: after Friday 04-14)
 * Monthly summary of May due 2023-06-20: 财政金融办's file received 06-22 10:00 is late.
 * </pre>
 */
@JobTest
class WarningJobTest {

    static final String SCHEME = "warntest-2023";
    static final Period APRIL = Period.parse("2023-04");
    static final Period MAY = Period.parse("2023-05");
    static final ZoneId OFFICE = ZoneId.of("Asia/Shanghai");

    @RegisterExtension
    static final JobEnvironment ENV = new JobEnvironment("warning");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ENV.register(registry);
    }

    @Autowired
    RunLauncher launcher;
    @Autowired
    WarningService warnings;
    @Autowired
    RunRepository runs;
    @Autowired
    SchemeRepository schemes;
    @Autowired
    JdbcClient jdbc;

    Run april;
    Run may;
    Run mayAgain;
    List<MimeMessage> aprilMail;
    List<MimeMessage> mayMail;
    List<MimeMessage> allMail;

    Path inbox() {
        return ENV.work().resolve("inbox").resolve(SCHEME);
    }

    static void arrived(Path file, LocalDateTime at, String... lines) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            Files.setLastModifiedTime(file, FileTime.from(at.atZone(OFFICE).toInstant()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @BeforeAll
    void runAprilAndMay() throws Exception {
        String header = "indicator,zone_growth,city_growth,city_rank";
        arrived(inbox().resolve("city/全市指标对比-2023-03.csv"), LocalDateTime.of(2023, 4, 15, 9, 0), header,
                "gdp,4,5,2", "gdzc,9,7,3", "ybgg,8%,6%,2");
        arrived(inbox().resolve("city/全市指标对比-2023-04.csv"), LocalDateTime.of(2023, 5, 15, 9, 0), header,
                "gdp,5,6,2", "固定资产投资,9,7,3", "ybgg,8,6,1", "rjxx,5,4,9", "ybgg,1,1,1");
        arrived(inbox().resolve("city/全市指标对比-2023-05.csv"), LocalDateTime.of(2023, 6, 15, 9, 0), header,
                "gdp,7,6,2", "gdzc,9,7,3", "ybgg,8,6,3");
        arrived(inbox().resolve("weekly/2023-W14-税务局.xlsx"), LocalDateTime.of(2023, 4, 7, 10, 0), "台账");
        arrived(inbox().resolve("weekly/2023-W15-swj.xlsx"), LocalDateTime.of(2023, 4, 15, 9, 0), "台账 W15");
        arrived(inbox().resolve("weekly/周台账.xlsx"), LocalDateTime.of(2023, 4, 20, 9, 0), "无周次");
        String sub = "unit_code,period,dimension_code,value";
        JobTestSupport.csv(inbox().resolve("2023-04/d1.csv"), LocalDateTime.of(2023, 5, 18, 9, 0), sub,
                "d1,2023-04,gdp,420", "d1,2023-04,gdzc,180");
        JobTestSupport.csv(inbox().resolve("2023-04/d2.csv"), LocalDateTime.of(2023, 5, 18, 9, 0), sub,
                "d2,2023-04,ybgg,90");
        april = launcher.launch(RunKind.SCORE, SCHEME, APRIL, true, false);
        aprilMail = warningMail();

        JobTestSupport.csv(inbox().resolve("2023-05/d1.csv"), LocalDateTime.of(2023, 6, 19, 9, 0), sub,
                "d1,2023-05,gdp,560", "d1,2023-05,gdzc,270");
        JobTestSupport.csv(inbox().resolve("2023-05/d2.csv"), LocalDateTime.of(2023, 6, 22, 10, 0), sub,
                "d2,2023-05,ybgg,96");
        may = launcher.launch(RunKind.SCORE, SCHEME, MAY, true, false);
        mayMail = warningMail();
        mayAgain = launcher.launch(RunKind.SCORE, SCHEME, MAY, true, false);
        allMail = warningMail();
    }

    List<MimeMessage> warningMail() throws Exception {
        List<MimeMessage> result = new ArrayList<>();
        for (MimeMessage m : ENV.mail().getReceivedMessages()) {
            if (m.getSubject().contains("预警清单")) {
                result.add(m);
            }
        }
        return result;
    }

    Run child(Run parent) {
        return runs.children(parent.id()).stream().filter(r -> r.kind() == RunKind.WARNING).findFirst().orElseThrow();
    }

    @Test
    void aprilListsOneIndicatorByEachOfTwoTriggers() throws Exception {
        assertThat(april.status()).isEqualTo(RunStatus.COMPLETED);
        Run w = child(april);
        assertThat(w.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(warnings.listed(w)).containsExactly("gdp:growth", "gdzc:progress");
        String text = flat(pdfText(warnings.pdf(w, schemes.load(SCHEME))));
        assertThat(text).contains(flat("预警区2023年4月经济指标预警清单"));
        assertThat(text).contains(flat("综合组 地区生产总值 经济发展办 增速低于全市平均"));
        assertThat(text).contains(flat("本区增速 5.00%，低于全市平均 6.00%"));
        assertThat(text).contains(flat("1–4月累计 180万元（年度目标 600万元），完成 30.00%，低于序时进度 33.33%"));
        // the refused city rows: rjxx is no indicator of the scheme, rank 9 > 5; ybgg twice
        assertThat(text).contains(flat("'rjxx' 不是本方案工作组的指标")).contains(flat("指标 一般公共预算收入 在本文件中重复"));
        // weekly ledgers: 4 due in April; 税务局 sent 2, W15 late; the file without a week is refused
        assertThat(text).contains(flat("税务局 4 2 2023-W15（截止2023-04-14，04-15 09:00收到）"));
        // a responsible department that is no co-department owes no weekly ledger
        assertThat(text).contains(flat("经济发展办 — — — 按时"));
        assertThat(text).contains(flat("周台账 周台账.xlsx：文件名中没有周次"));
    }

    @Test
    void aprilMailsTheOfficeAndTheLeaderOfTheGroupWithWarnings() throws Exception {
        assertThat(aprilMail).hasSize(2);
        assertThat(recipients(aprilMail)).containsExactlyInAnyOrder("office@warn.example", "g1@warn.example");
        MimeMessage g1 = aprilMail.stream().filter(m -> to(m).equals("g1@warn.example")).findFirst().orElseThrow();
        assertThat(g1.getSubject()).isEqualTo("综合组2023年4月指标预警清单");
        String pdf = attachedPdf(g1, "综合组2023年4月指标预警清单-第1版.pdf");
        assertThat(flat(pdf)).contains("地区生产总值").contains("固定资产投资").doesNotContain("一般公共预算收入");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery WHERE run_id = ?").param(child(april).id())
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void mayListsTheRankAndProgressOfOneAndTwoLeaveTheList() throws Exception {
        Run w = child(may);
        assertThat(warnings.listed(w)).containsExactly("ybgg:rank+progress");
        String text = flat(pdfText(warnings.pdf(w, schemes.load(SCHEME))));
        assertThat(text).contains(flat("全市位次由上月第1位降至第3位（共5个区县）"));
        assertThat(text).contains(flat("1–5月累计 96万元（年度目标 240万元），完成 40.00%，低于序时进度 41.67%"));
        // 560 / 1,200 = 46.67%, 270 / 600 = 45.00%
        assertThat(text).contains(flat("本月情况 综合组 地区生产总值 经济发展办 本区增速 7.00%（全市平均 6.00%）；"
                + "全市位次第2位（上月第2位）；累计完成 46.67%（序时进度 41.67%） 综合组 固定资产投资 经济发展办 "
                + "本区增速 9.00%（全市平均 7.00%）；全市位次第3位（上月第3位）；累计完成 45.00%（序时进度 41.67%）"));
        // the monthly summary of May, due 06-20, came from 财政金融办 on 06-22
        assertThat(text).contains(flat("逾期（截止2023-06-20，06-22 10:00收到）"));
        assertThat(mayMail).hasSize(2 + 3);
        List<MimeMessage> added = mayMail.stream().filter(m -> subject(m).contains("2023年5月")).toList();
        assertThat(recipients(added)).containsExactlyInAnyOrder("office@warn.example", "g1@warn.example", "g2@warn.example");
        MimeMessage g2 = added.stream().filter(m -> to(m).equals("g2@warn.example")).findFirst().orElseThrow();
        assertThat(textPart(g2)).contains("一般公共预算收入（财政金融办）：全市位次下降、累计完成低于序时进度");
        assertThat(flat(attachedPdf(g2, "财税金融组2023年5月指标预警清单-第1版.pdf"))).contains(flat("全市位次由上月第1位降至第3位"));
    }

    @Test
    void reRunningTheMonthDoesNotMailTwice() {
        Run again = child(mayAgain);
        assertThat(again.revision()).isEqualTo(2);
        assertThat(runs.find(again.id()).orElseThrow().publication()).isEqualTo(Publication.UNCHANGED);
        assertThat(allMail).hasSize(mayMail.size());
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> recipients(List<MimeMessage> mails) {
        return mails.stream().map(WarningJobTest::to).toList();
    }

    private static String to(MimeMessage m) {
        try {
            return ((InternetAddress) m.getAllRecipients()[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String attachedPdf(MimeMessage m, String expectedName) throws Exception {
        Multipart multipart = (Multipart) m.getContent();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                String name = MimeUtility.decodeText(part.getFileName());
                names.add(name);
                if (name.equals(expectedName)) {
                    try (InputStream in = part.getInputStream(); PDDocument doc = Loader.loadPDF(in.readAllBytes())) {
                        return new PDFTextStripper().getText(doc);
                    }
                }
            }
        }
        throw new AssertionError("no attachment " + expectedName + " in " + names);
    }

    private static String textPart(MimeMessage m) throws Exception {
        Multipart multipart = (Multipart) m.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if (part.getDisposition() == null || !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                Object c = part.getContent();
                if (c instanceof String s) {
                    return s;
                }
                if (c instanceof Multipart inner) {
                    return String.valueOf(inner.getBodyPart(0).getContent());
                }
            }
        }
        return "";
    }

    /** PDF text without white space: the PDF wraps long cells wherever the column ends. */
    private static String flat(String s) {
        return s.replaceAll("\\s+", "");
    }

    private static String pdfText(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

}
