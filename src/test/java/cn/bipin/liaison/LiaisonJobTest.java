package cn.bipin.liaison;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
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

import cn.bipin.run.Run;
import cn.bipin.run.RunKind;
import cn.bipin.run.RunLauncher;
import cn.bipin.run.RunStatus;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.SchemeRepository;
import cn.bipin.testsupport.JobEnvironment;
import cn.bipin.testsupport.JobTest;
import cn.bipin.testsupport.JobTestSupport;

/**
 * The liaison job on {@code liaisontest-2024} (visits_per_month 1, problems due 30 days after raised, 融资 60 days),
 * July 2024, worked by hand (month end 2024-07-31):
 *
 * <pre>
 * assignments  A1 甲公司 d1, A2 乙公司 d1 (from 06-01); A3 丙项目 d1 06-01..06-30 (ended: not active in July);
 *              A4 丁公司 t1 from 07-15 (active); A5 戊公司 t1 from 08-01 (not yet); A6 己公司 t2 from 06-01;
 *              A7 refused (unit 不存在局 is not a unit of the scheme). t3 has none.
 * visits       V1 A1 07-05, V2 A1 07-20, V3 A2 06-28, V4 A4 07-16, V5 A6 06-10, V6 A3 07-02 (A3 not active);
 *              V7 refused (date 2024-07-32), V8 refused (assignment A9 not registered)
 * problems     P1 A1 raised 06-10 promised 06-30 closed 07-10 → closed in July, 10 days late (07-10 − 06-30)
 *              P2 A1 raised 07-03, 审批 → due 07-03 + 30 = 08-02: open, not overdue
 *              P3 A2 raised 06-05, 融资 → due 06-05 + 60 = 08-04: open, not overdue
 *              P4 A2 raised 06-01 → due 07-01: open at 07-31, 30 days overdue (07-31 − 07-01)
 *              P5 A6 raised 07-01 promised 07-15 closed 07-15 → closed on its deadline: on time
 *              P6 A6 raised 06-20 promised 07-20, open → 11 days overdue (07-31 − 07-20)
 *              P7 A4 raised 08-02 → after July, not counted; P8 refused (已办结 without 办结日期)
 *
 * d1  active A1, A2 = 2; visits 2 (V1, V2); visited A1 = 1; coverage 1 / 2 = 50.00%; not visited: A2 (last 06-28)
 *     raised in July P2 = 1; closed P1 = 1 (late 1); open P2, P3, P4 = 3; overdue P4 = 1;
 *     closing rate closed by 07-31 (P1) / raised by 07-31 (P1–P4) = 1 / 4 = 25.00%
 * t1  active A4 = 1; visits 1; visited 1; coverage 100.00%; no problem by 07-31: closing rate none
 * t2  active A6 = 1; visits 0; visited 0; coverage 0.00%; not visited: A6 (last 06-10)
 *     raised P5 = 1; closed P5 = 1 (late 0); open P6 = 1; overdue P6 = 1; closing rate 1 / 2 = 50.00%
 *
 * scores (c9, target_ratio against 100%, equal weights; a unit without a value scores 0):
 *     d1 coverage 100 × 0.5 = 50.00, closing 100 × 0.25 = 25.00 → (50 + 25) / 2 = 37.50
 *     t1 100.00 and 0 (no value) → 50.00;  t2 0 (0 ≤ 0) and 50.00 → 25.00;  t3 0 and 0 → 0.00
 *
 * correction (revision 2): V3 re-dated 07-28 and P4 closed 07-31 (new versions of the same ids):
 * d1  visits 3; visited 2; coverage 2 / 2 = 100.00%; closed P1, P4 = 2 (both late: P4 by 07-31 − 07-01 = 30 days);
 *     open P2, P3 = 2; overdue 0; closing rate 2 / 4 = 50.00%; t1 and t2 unchanged
 *     score d1 (100 + 50) / 2 = 75.00
 * </pre>
 */
@JobTest
class LiaisonJobTest {

    static final String SCHEME = "liaisontest-2024";
    static final Period JULY = Period.parse("2024-07");

    @RegisterExtension
    static final JobEnvironment ENV = new JobEnvironment("liaison");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ENV.register(registry);
    }

    @Autowired
    RunLauncher launcher;
    @Autowired
    LiaisonService liaison;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SchemeRepository schemes;

    Run first;
    Run score1;
    MimeMessage[] firstMail;
    Run second;
    Run score2;
    MimeMessage[] allMail;

    Path inbox() {
        return ENV.work().resolve("inbox").resolve(SCHEME).resolve("liaison");
    }

    @BeforeAll
    void runJulyTwice() {
        LocalDateTime t = LocalDateTime.of(2024, 8, 5, 9, 0);
        JobTestSupport.csv(inbox().resolve("包联对象.csv"), t,
                "assignment_id,subject_type,subject_name,subject_code,unit,leader,officer,from,to",
                "A1,企业,甲公司,,d1,王建国,李丽,2024-06-01,",
                "A2,企业,乙公司,,发展和改革局,王建国,张伟,2024-06-01,",
                "A3,项目,丙项目,,d1,王建国,张伟,2024-06-01,2024-06-30",
                "A4,企业,丁公司,,良田镇,刘志强,陈静,2024-07-15,",
                "A5,企业,戊公司,,t1,刘志强,陈静,2024-08-01,",
                "A6,企业,己公司,,t2,赵国庆,孙敏,2024-06-01,",
                "A7,企业,庚公司,,不存在局,赵国庆,孙敏,2024-06-01,");
        JobTestSupport.csv(inbox().resolve("走访记录.csv"), t.plusMinutes(1),
                "走访编号,包联编号,走访日期,走访人,走访形式,服务内容",
                "V1,A1,2024-07-05,李丽,走访,了解生产经营情况",
                "V2,A1,2024/7/20,李丽,座谈,协调用地",
                "V3,A2,2024-06-28,张伟,走访,宣讲政策",
                "V4,A4,2024年7月16日,陈静,电话,对接融资需求",
                "V5,A6,2024-06-10,孙敏,走访,",
                "V6,A3,2024-07-02,张伟,走访,",
                "V7,A1,2024-07-32,李丽,走访,",
                "V8,A9,2024-07-10,李丽,走访,");
        JobTestSupport.csv(inbox().resolve("问题台账.csv"), t.plusMinutes(2),
                "problem_id,assignment_id,raised_on,category,description,promised_on,closed_on,status,note",
                "P1,A1,2024-06-10,用地,用地指标未落实,2024-06-30,2024-07-10,已办结,已协调",
                "P2,A1,2024-07-03,审批,施工许可材料反复补正,,,未办结,",
                "P3,A2,2024-06-05,融资,流动资金贷款进展慢,,,,",
                "P4,A2,2024-06-01,,技术工人招聘困难,,,未办结,",
                "P5,A6,2024-07-01,水电气,用电增容未批复,2024-07-15,2024-07-15,已办结,已接入",
                "P6,A6,2024-06-20,政策兑现,技改补贴未兑现,2024-07-20,,,",
                "P7,A4,2024-08-02,用工,招聘难,,,,",
                "P8,A4,2024-07-20,用工,招聘难,,,已办结,");
        // two files refused whole; they sink nothing else
        JobTestSupport.csv(inbox().resolve("走访记录-损坏.xlsx"), t.plusMinutes(3), "这不是一个Excel文件");
        JobTestSupport.csv(inbox().resolve("说明.csv"), t.plusMinutes(4), "a,b", "1,2");
        first = launcher.launch(RunKind.LIAISON, SCHEME, JULY, true, false);
        firstMail = ENV.mail().getReceivedMessages();
        score1 = launcher.launch(RunKind.SCORE, SCHEME, JULY, false, false);

        JobTestSupport.csv(inbox().resolve("走访记录-更正.csv"), t.plusDays(1),
                "visit_id,assignment_id,visit_date,visitor,form,content",
                "V3,A2,2024-07-28,张伟,走访,宣讲政策（日期更正）");
        JobTestSupport.csv(inbox().resolve("问题台账-更正.csv"), t.plusDays(1).plusMinutes(1),
                "problem_id,assignment_id,raised_on,category,description,promised_on,closed_on,status,note",
                "P4,A2,2024-06-01,,技术工人招聘困难,,2024-07-31,已办结,已对接人社局专场招聘");
        second = launcher.launch(RunKind.LIAISON, SCHEME, JULY, true, false);
        allMail = ENV.mail().getReceivedMessages();
        score2 = launcher.launch(RunKind.SCORE, SCHEME, JULY, false, false);
    }

    static LiaisonFigures.UnitFigures figures(String unit, int assignments, int visited, int visits, String coverage,
                                              int raised, int closed, int closedLate, int open, int overdue, String closing) {
        return new LiaisonFigures.UnitFigures(unit, assignments, visited, visits,
                coverage == null ? null : new BigDecimal(coverage), raised, closed, closedLate, open, overdue,
                closing == null ? null : new BigDecimal(closing));
    }

    @Test
    void everyRowIsKeptAndBadRowsSayFileRowColumnAndValue() {
        assertThat(first.status()).isEqualTo(RunStatus.COMPLETED);
        // 7 + 8 + 8 rows received, 1 + 2 + 1 refused
        assertThat(first.rowsAccepted()).isEqualTo(19);
        assertThat(first.rowsRejected()).isEqualTo(4);
        assertThat(first.filesAccepted()).isEqualTo(3);
        assertThat(first.filesRejected()).isEqualTo(2);
        assertThat(liaison.rejections(first)).containsExactly(
                "整个文件退回：文件 走访记录-损坏.xlsx：文件已损坏或不是Excel文件，请重新保存为.xlsx后再报送",
                "整个文件退回：文件 说明.csv：从文件名看不出是哪类台账：文件名应含“包联”“走访”或“问题”（或 assignments、visits、problems）",
                "文件 包联对象.csv 第8行 E列（责任单位）：'不存在局' 不是本方案的单位（填单位代码或方案中的单位全称）",
                "文件 走访记录.csv 第8行 C列（走访日期）：'2024-07-32' 不是日期（应写成 2024-07-15）",
                "文件 走访记录.csv 第9行 B列（包联编号）：'A9' 不是已登记的包联编号（请先报送包联对象，或核对编号）",
                "文件 问题台账.csv 第9行 H列（办理状态）：'已办结' 但未填办结日期");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM liaison_row").query(Integer.class).single()).isEqualTo(23 + 2);
        // a row is kept as typed (raw) and as read (cells): 2024/7/20 and the unit's name
        assertThat(jdbc.sql("SELECT raw FROM liaison_row WHERE record_id = 'V2'").query(String.class).single())
                .isEqualTo(String.join("\u001F", "V2", "A1", "2024/7/20", "李丽", "座谈", "协调用地"));
        assertThat(jdbc.sql("SELECT cells FROM liaison_row WHERE record_id = 'A2'").query(String.class).single())
                .isEqualTo(String.join("\u001F", "A2", "企业", "乙公司", "", "d1", "王建国", "张伟", "2024-06-01", ""));
        assertThat(jdbc.sql("SELECT stored_path FROM liaison_file").query(String.class).list())
                .allSatisfy(p -> assertThat(Path.of(p)).exists());
    }

    @Test
    void figuresOfJulyAsWorkedByHand() {
        assertThat(liaison.figures(first).values()).containsExactly(
                figures("d1", 2, 1, 2, "0.5000", 1, 1, 1, 3, 1, "0.2500"),
                figures("t1", 1, 1, 1, "1.0000", 0, 0, 0, 0, 0, null),
                figures("t2", 1, 0, 0, "0.0000", 1, 1, 0, 1, 1, "0.5000"));
    }

    @Test
    void bulletinListsUnvisitedAssignmentsAndOverdueProblemsWithDays() throws Exception {
        String text = pdfText(liaison.pdf(first, schemes.load(SCHEME)));
        assertThat(text).contains("联企区\"双拼双促\"2024年7月千名干部联千企（项目）包联走访通报");
        assertThat(text).contains("50.00%").contains("25.00%");
        // not visited: A2 (last 2024-06-28) and A6 (2024-06-10); overdue: P4 30 days, P6 11 days; closed late: P1 10 days
        assertThat(text).contains("乙公司").contains("2024-06-28").contains("己公司").contains("2024-06-10");
        assertThat(text).containsPattern("P4.*乙公司.*2024-06-01.*2024-07-01.*30");
        assertThat(text).containsPattern("P6.*己公司.*2024-06-20.*2024-07-20.*11");
        assertThat(text).containsPattern("P1.*甲公司.*2024-06-30.*2024-07-10.*10");
        List<String> csv = Files.readAllLines(liaison.files(first, schemes.load(SCHEME)).get(2), StandardCharsets.UTF_8);
        assertThat(csv.get(1)).isEqualTo("liaisontest-2024,2024-07,1,d1,发展和改革局,2,1,2,0.5000,1,1,1,3,1,0.2500");
        assertThat(csv.get(2)).isEqualTo("liaisontest-2024,2024-07,1,t1,良田镇,1,1,1,1.0000,0,0,0,0,0,");
    }

    @Test
    void eachUnitReceivesItsOwnList() throws Exception {
        // 2 leaders + the 3 units with assignments (t3 has none)
        assertThat(firstMail).hasSize(5);
        Map<String, MimeMessage> byRecipient = new java.util.HashMap<>();
        for (MimeMessage m : firstMail) {
            byRecipient.put(((jakarta.mail.internet.InternetAddress) m.getAllRecipients()[0]).getAddress(), m);
        }
        assertThat(byRecipient).containsOnlyKeys("yingshang@liaison.example", "fuquzhang@liaison.example",
                "d1@liaison.example", "t1@liaison.example", "t2@liaison.example");
        MimeMessage t2 = byRecipient.get("t2@liaison.example");
        assertThat(t2.getSubject()).isEqualTo("丰登镇2024年7月包联走访清单");
        assertThat((String) textPart(t2)).contains("包联对象 1 个，本月已走访 0 个（走访覆盖率 0.00%），未办结问题 1 个，其中逾期 1 个");
        List<String> names = new ArrayList<>();
        String pdf = null;
        Multipart multipart = (Multipart) t2.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                String name = MimeUtility.decodeText(part.getFileName());
                names.add(name);
                if (name.endsWith(".pdf")) {
                    try (InputStream in = part.getInputStream(); PDDocument doc = Loader.loadPDF(in.readAllBytes())) {
                        pdf = new PDFTextStripper().getText(doc);
                    }
                }
            }
        }
        assertThat(names).containsExactlyInAnyOrder("丰登镇-2024年7月包联走访清单-第1版.pdf", "丰登镇-2024年7月包联走访清单-第1版.xlsx");
        // its own rows only: 己公司 (not visited, P6 overdue), none of d1's
        assertThat(pdf).contains("己公司").contains("P6").doesNotContain("乙公司").doesNotContain("P4");
        // each unit's list shows the refused rows that concern it: V7 (assignment A1 of d1), P8 (A4 of t1); A7's unit
        // and V8's assignment are unknown, so those two are in the district's rejection list only
        assertThat(pdf).contains("本次退回的记录").doesNotContain("2024-07-32");
        Path units = liaison.pdf(first, schemes.load(SCHEME)).getParent().resolve("单位");
        assertThat(pdfText(units.resolve("发展和改革局-2024年7月包联走访清单-第1版.pdf"))).contains("'2024-07-32' 不是日期");
        assertThat(pdfText(units.resolve("良田镇-2024年7月包联走访清单-第1版.pdf"))).contains("'已办结' 但未填办结日期");
        assertThat(byRecipient.get("yingshang@liaison.example").getSubject())
                .isEqualTo("联企区\"双拼双促\"2024年7月千名干部联千企（项目）包联走访通报");
    }

    @Test
    void derivedRatesAreScoredAsMappedInTheSchemeFile() {
        assertThat(score1.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(scores(score1)).containsExactly("c9:d1:37.50", "c9:t1:50.00", "c9:t2:25.00", "c9:t3:0.00");
        assertThat(jdbc.sql("SELECT input_value FROM dimension_score WHERE run_id = ? AND dimension_code = 'c9_coverage' AND unit_code = 'd1'")
                .param(score1.id()).query(BigDecimal.class).single()).isEqualByComparingTo("0.5");
    }

    @Test
    void aCorrectedRecordIsANewVersionThatChangesTheFigures() throws Exception {
        assertThat(second.revision()).isEqualTo(2);
        assertThat(second.rowsAccepted()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT version FROM liaison_row WHERE kind = 'visits' AND record_id = 'V3' ORDER BY id")
                .query(Integer.class).list()).containsExactly(1, 2);
        assertThat(liaison.figures(second).values()).containsExactly(
                figures("d1", 2, 2, 3, "1.0000", 1, 2, 2, 2, 0, "0.5000"),
                figures("t1", 1, 1, 1, "1.0000", 0, 0, 0, 0, 0, null),
                figures("t2", 1, 0, 0, "0.0000", 1, 1, 0, 1, 1, "0.5000"));
        // revision 1 keeps its figures
        assertThat(liaison.figures(first).get("d1").coverageRate()).isEqualByComparingTo("0.5");
        String text = pdfText(liaison.pdf(second, schemes.load(SCHEME)));
        assertThat(text).contains("【更正】").contains("更正说明")
                .contains("发展和改革局（与第1版相比）：本月走访次数 2 → 3；已走访对象 1 → 2；走访覆盖率 50.00% → 100.00%");
        // revision 2 goes to the leaders and to d1, whose figures changed (t1's and t2's lists are as before): 3 more
        List<String> revision2 = new ArrayList<>();
        for (MimeMessage m : allMail) {
            if (m.getSubject().contains("第2版")) {
                revision2.add(((jakarta.mail.internet.InternetAddress) m.getAllRecipients()[0]).getAddress() + " " + m.getSubject());
            }
        }
        assertThat(allMail).hasSize(5 + 3);
        assertThat(revision2).containsExactlyInAnyOrder(
                "yingshang@liaison.example 【更正】联企区\"双拼双促\"2024年7月千名干部联千企（项目）包联走访通报（第2版）",
                "fuquzhang@liaison.example 【更正】联企区\"双拼双促\"2024年7月千名干部联千企（项目）包联走访通报（第2版）",
                "d1@liaison.example 【更正】发展和改革局2024年7月包联走访清单（第2版）");
        assertThat(scores(score2)).containsExactly("c9:d1:75.00", "c9:t1:50.00", "c9:t2:25.00", "c9:t3:0.00");
    }

    @Test
    void aQuarterIsRefusedWithAChineseReason() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> launcher.launch(RunKind.LIAISON, SCHEME,
                Period.parse("2024-Q3"), false, false)).hasMessageContaining("不按季度运行");
    }

    private List<String> scores(Run run) {
        return jdbc.sql("SELECT competition_code, unit_code, score FROM competition_score WHERE run_id = ? ORDER BY unit_code")
                .param(run.id()).query((rs, n) -> rs.getString(1) + ":" + rs.getString(2) + ":"
                        + rs.getBigDecimal(3).setScale(2)).list();
    }

    private static Object textPart(MimeMessage m) throws Exception {
        Multipart multipart = (Multipart) m.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if (part.getDisposition() == null || !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                Object c = part.getContent();
                if (c instanceof String s) {
                    return s;
                }
                if (c instanceof Multipart inner) {
                    return inner.getBodyPart(0).getContent();
                }
            }
        }
        return "";
    }

    private static String pdfText(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
