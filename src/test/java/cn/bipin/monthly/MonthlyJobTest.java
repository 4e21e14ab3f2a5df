package cn.bipin.monthly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.bipin.bulletin.BulletinService;
import cn.bipin.results.ScoreRepository;
import cn.bipin.results.ScoreRepository.RankedScore;
import cn.bipin.run.Run;
import cn.bipin.run.RunLauncher;
import cn.bipin.run.RunStatus;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeRepository;
import cn.bipin.submission.SubmissionTemplates;
import cn.bipin.testsupport.JobEnvironment;
import cn.bipin.testsupport.JobTest;

/**
 * The whole monthly job on the {@link MonthlyFixture} inbox, on a real database (H2 or MariaDB, see
 * {@link JobTest}) and a real SMTP server (GreenMail). The fixture runs June once and then re-runs it unchanged;
 * each test reads what those two runs left. Expected scores are worked by hand from DOMAIN §3.2–3.3; time progress
 * for June is 6/12 = 0.5.
 */
@JobTest
class MonthlyJobTest {

    @RegisterExtension
    static final JobEnvironment ENV = new JobEnvironment("monthly");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ENV.register(registry);
    }

    static final String SCHEME = "testville-2024";

    @Autowired
    RunLauncher launcher;
    @Autowired
    SchemeRepository schemes;
    @Autowired
    SubmissionTemplates templates;
    @Autowired
    ScoreRepository scores;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BulletinService bulletins;

    Scheme scheme;
    /** June, mailed. */
    Run run;
    /** June again with nothing new in the inbox, not mailed. */
    Run again;

    @BeforeAll
    void runJuneTwice() throws IOException {
        scheme = schemes.load(SCHEME);
        MonthlyFixture.writeJuneInbox(scheme, templates, ENV.work().resolve("inbox"));
        run = launcher.launch(SCHEME, MonthlyFixture.JUNE, true);
        again = launcher.launch(SCHEME, MonthlyFixture.JUNE, false);
    }

    @Test
    void runCompletesAndCountsEveryFileAndRow() {
        assertThat(run.status()).as(run.message()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.revision()).isEqualTo(1);
        // 5 readable files (d1 template, d1 correction, d2 csv, t1, t2) + 1 corrupt one
        assertThat(run.filesAccepted()).isEqualTo(5);
        assertThat(run.filesRejected()).isEqualTo(1);
        // accepted: d1 6 + correction 1 + d2 3 + t1 6 + t2 4 = 20; rejected: d2 4 + t2 2 = 6
        assertThat(run.rowsAccepted()).isEqualTo(20);
        assertThat(run.rowsRejected()).isEqualTo(6);
        Integer stored = jdbc.sql("SELECT COUNT(*) FROM submission_row").query(Integer.class).single();
        assertThat(stored).isEqualTo(26);
    }

    @Test
    void rejectedRowsSayWhereAndWhyInChinese() {
        List<String> errors = jdbc.sql("SELECT error FROM submission_row WHERE status = 'REJECTED' ORDER BY id")
                .query(String.class).list();
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("商务和投资促进局.csv", "第5行", "不参加产业发展比拼"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("第6行", "与第2行重复"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("2024-05", "与本次运行的期间 2024-06"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("'x9'", "不在方案"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("丰登镇", "已上限入规企业营业收入", "'12,3O0'", "不是数字"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("入库报统率", "未填写"));
        String corrupt = jdbc.sql("SELECT error FROM received_file WHERE file_name = '损坏.xlsx'").query(String.class).single();
        assertThat(corrupt).isNotBlank();
        // every file is archived with its checksum, whatever happened to it
        assertThat(jdbc.sql("SELECT stored_path FROM received_file").query(String.class).list())
                .hasSize(6).allSatisfy(p -> assertThat(Path.of(p)).exists());
    }

    @Test
    void competitionScoresAndRanksAsWorkedByHand() {
        Map<String, RankedScore> c2 = competition("c2");
        // C2 dimensions (progress_ratio = 100 × rate / 0.5, cap 100; registration = 100 × rate / 1.00):
        //   d1: start 0.50 (the later correction, not 0.45) → 100; invest 0.40 → 80; reg 0.90 → 90 → (100+80+90)/3 = 90.00
        //   d2: start 0.30 → 60; invest 0.55 → 110 → cap 100; reg 1.00 → 100 → 260/3 = 86.666… → 86.67
        //   t1: start 0.60 → 120 → cap 100; invest 0.25 → 50; reg 0.80 → 80 → 230/3 = 76.666… → 76.67
        //   t2: start 0.20 → 40; invest 0.30 → 60; reg empty → missing → 0 → 100/3 = 33.33
        //   t3: nothing → 0.00
        assertScore(c2, "d1", "90.00", 1);
        assertScore(c2, "d2", "86.67", 2);
        assertScore(c2, "t1", "76.67", 3);
        assertScore(c2, "t2", "33.33", 4);
        assertScore(c2, "t3", "0.00", 5);
        Map<String, RankedScore> c4 = competition("c4");
        // C4: revenue best_ratio over {d1 20000, t1 40000} → d1 50, t1 100, t2 (typo) 0, t3 0
        //     growth efficacy over {d1 0.10, t1 −0.05, t2 0.25}: min −0.05, max 0.25
        //       d1 60 + 40 × 0.15/0.30 = 80; t1 60; t2 100; t3 missing 0
        //     new firms best_ratio over {4, 2, 0} → d1 100, t1 50, t2 0 (x ≤ 0), t3 0
        //   d1 (50+80+100)/3 = 76.666… → 76.67; t1 (100+60+50)/3 = 70.00; t2 100/3 = 33.33; t3 0.00
        assertScore(c4, "d1", "76.67", 1);
        assertScore(c4, "t1", "70.00", 2);
        assertScore(c4, "t2", "33.33", 3);
        assertScore(c4, "t3", "0.00", 4);
        assertThat(c4).doesNotContainKey("d2");
        assertThat(scores.dimensions(run.id())).noneMatch(d -> d.competitionCode().startsWith("c1"));
    }

    @Test
    void monthTotalReNormalisesOverTheCompetitionsTakenPart() {
        Map<String, RankedScore> totals = scores.totals(run.id()).stream()
                .collect(Collectors.toMap(RankedScore::unitCode, s -> s));
        // weights C2 15, C4 10 (D3: Σ wᵢ·sᵢ / Σ wᵢ over the competitions the unit takes part in)
        //   d2 only C2: 86.67
        //   d1 (15 × 90.00 + 10 × 76.67) / 25 = 2116.70 / 25 = 84.668 → 84.67
        //   t1 (15 × 76.67 + 10 × 70.00) / 25 = 1850.05 / 25 = 74.002 → 74.00
        //   t2 (15 × 33.33 + 10 × 33.33) / 25 = 33.33;  t3 0.00
        assertThat(totals.get("d2").score()).isEqualByComparingTo("86.67");
        assertThat(totals.get("d2").rank()).isEqualTo(1);
        assertThat(totals.get("d1").score()).isEqualByComparingTo("84.67");
        assertThat(totals.get("d1").rank()).isEqualTo(2);
        assertThat(totals.get("t1").score()).isEqualByComparingTo("74.00");
        assertThat(totals.get("t2").score()).isEqualByComparingTo("33.33");
        assertThat(totals.get("t3").rank()).isEqualTo(5);
    }

    @Test
    void everyScoreKeepsItsInputs() {
        var start = scores.dimensions(run.id()).stream()
                .filter(d -> d.dimensionCode().equals("c2_start_rate") && d.unitCode().equals("d1")).findFirst().orElseThrow();
        assertThat(start.value()).isEqualByComparingTo("0.5");
        assertThat(start.timeProgress()).isEqualByComparingTo("0.5");
        assertThat(start.method()).isEqualTo("progress_ratio");
        assertThat(start.score()).isEqualByComparingTo("100.00");
        String sourceFile = jdbc.sql("SELECT f.file_name FROM submission_row r JOIN received_file f ON f.id = r.file_id WHERE r.id = ?")
                .param(start.sourceRowId()).query(String.class).single();
        assertThat(sourceFile).isEqualTo("发展和改革局-更正.csv");
    }

    @Test
    void feedbackSheetListsRejectedRowsForTheUnit() throws IOException {
        Path sheet = Path.of(run.outputDir()).resolve("反馈").resolve("报送反馈_2024-06_t2_丰登镇.xlsx");
        assertThat(sheet).exists();
        String text = workbookText(sheet);
        assertThat(text).contains("12,3O0", "不是数字", "未填写");
        assertThat(workbookText(Path.of(run.outputDir()).resolve("反馈").resolve("报送反馈_2024-06_t3_满城北街街道.xlsx")))
                .contains("满城北街街道", "本期未收到你单位的报送");
    }

    @Test
    void bulletinPdfShowsChineseWithTheFontEmbedded() throws IOException {
        var files = bulletins.files(scheme, run, Path.of(run.outputDir()));
        try (PDDocument pdf = Loader.loadPDF(files.pdf().toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("测试区", "2024年6月晾晒榜单", "项目投资比拼", "产业发展比拼", "发展和改革局", "满城北街街道",
                    "未报送", "逾期", "良田镇");
            for (PDPage page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
            assertThat(pdf.getPage(0).getResources().getFontNames()).extracting(n -> {
                try {
                    return pdf.getPage(0).getResources().getFont(n).getName();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).anyMatch(n -> n.contains("WenQuanYi"));
        }
        assertThat(workbookText(files.xlsx())).contains("发展和改革局", "90.00");
    }

    @Test
    void scoresCsvFollowsTheInterchangeFormat() throws IOException {
        var files = bulletins.files(scheme, run, Path.of(run.outputDir()));
        List<String> lines = Files.readAllLines(files.scoresCsv(), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("\uFEFFscheme,cycle,period,revision,competition_code,unit_code");
        // 5 units × 3 C2 dimensions + 4 units × 3 C4 dimensions = 27 rows
        assertThat(lines).hasSize(1 + 27);
        assertThat(lines.get(1)).isEqualTo(
                "testville-2024,monthly,2024-06,1,c2,d1,发展和改革局,department,c2_start_rate,0.5,0.5,progress_ratio,100.00,90.00,1");
        List<String> totals = Files.readAllLines(files.totalsCsv(), StandardCharsets.UTF_8);
        assertThat(totals.get(1)).isEqualTo("testville-2024,monthly,2024-06,1,d2,商务和投资促进局,department,86.67,1");
    }

    @Test
    void leadersReceiveTheBulletinByMail() throws Exception {
        MimeMessage[] messages = ENV.mail().getReceivedMessages();
        assertThat(messages).hasSize(2);
        assertThat(messages[0].getSubject()).isEqualTo("测试区\"双拼双促\"2024年6月晾晒榜单");
        List<String> attachments = new java.util.ArrayList<>();
        Multipart multipart = (Multipart) messages[0].getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                attachments.add(jakarta.mail.internet.MimeUtility.decodeText(part.getFileName()));
                try (InputStream in = part.getInputStream()) {
                    assertThat(in.readAllBytes().length).isGreaterThan(1000);
                }
            }
        }
        assertThat(attachments).containsExactlyInAnyOrder("测试区双拼双促2024年6月晾晒榜单-第1版.pdf",
                "测试区双拼双促2024年6月晾晒榜单-第1版.xlsx");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery WHERE run_id = ? AND status = 'SENT'").param(run.id())
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void reRunIsRevisionTwoAndDoesNotReadTheSameFilesTwice() {
        assertThat(again.status()).as(again.message()).isEqualTo(RunStatus.COMPLETED);
        assertThat(again.revision()).isEqualTo(2);
        assertThat(again.filesAccepted() + again.filesRejected()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM submission_row").query(Integer.class).single()).isEqualTo(26);
        assertThat(competition("c2", again.id()).get("d1").score()).isEqualByComparingTo("90.00");
        assertThat(scores.competitions(run.id())).isNotEmpty(); // revision 1 stays readable
    }

    private Map<String, RankedScore> competition(String code) {
        return competition(code, run.id());
    }

    private Map<String, RankedScore> competition(String code, long runId) {
        return scores.competitions(runId).stream().filter(s -> s.competitionCode().equals(code))
                .collect(Collectors.toMap(RankedScore::unitCode, s -> s));
    }

    private static void assertScore(Map<String, RankedScore> scores, String unit, String score, int rank) {
        assertThat(scores.get(unit).score()).as(unit).isEqualByComparingTo(new BigDecimal(score));
        assertThat(scores.get(unit).rank()).as(unit + " rank").isEqualTo(rank);
    }

    static String workbookText(Path xlsx) throws IOException {
        StringBuilder text = new StringBuilder();
        DataFormatter formatter = new DataFormatter();
        try (Workbook wb = WorkbookFactory.create(xlsx.toFile(), null, true)) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    row.forEach(cell -> text.append(formatter.formatCellValue(cell)).append('\t'));
                    text.append('\n');
                }
            }
        }
        return text.toString();
    }
}
