package cn.bipin.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.bipin.bulletin.BulletinService;
import cn.bipin.results.ScoreRepository;
import cn.bipin.results.ScoreRepository.DimensionScoreRow;
import cn.bipin.results.ScoreRepository.RankedScore;
import cn.bipin.run.Run;
import cn.bipin.run.RunLauncher;
import cn.bipin.run.RunStatus;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.SchemeRepository;
import cn.bipin.submission.SubmissionTemplates;
import cn.bipin.testsupport.JobEnvironment;
import cn.bipin.testsupport.JobTest;
import cn.bipin.testsupport.JobTestSupport;

/**
 * The third quarter of {@code appealtest-2024} with 优化服务 (q5) taken from the appeals ledger, then a correction of
 * one case (a new version) and the re-run it calls for. Worked by hand (2024 calendar, 24 h, 3 working days):
 *
 * <pre>
 * a-1 small  received 07-01 09:00, registered 10:00, studied 07-02, resolved 07-10 at 单位 by 分管领导 (right), 满意
 * a-2 small  received 08-01 09:00, registered 10:00, studied 08-02
 * a-3 large  received 09-02 09:00, registered 09-04 09:00: due 09-03 09:00 → registration 1 day late
 * b-1 large  received 07-03 09:00, registered 10:00, studied 07-04, resolved 07-20 at 专班 by 分管领导
 *            (large needs 主要领导: wrong level), 基本满意
 * b-2 small  received 08-05 09:00, registered 09:30, resolved 08-05 17:00 at 单位 by 分管领导, 满意
 * c-1 small  received 08-20 09:00 (Tue), registered 09:30, nothing since: study due 08-21 = 1, 08-22 = 2, 08-23 = 3 →
 *            08-23 24:00, not done by 09-30 → 08-24 .. 09-30 = 8 + 30 = 38 days late; open 41 days (> 30)
 * two bad rows: 受理时间 2024-13-01 (no such month) and unit zzz (not in the scheme): sent back, not counted
 *
 * q5 (equal thirds, best_ratio):
 *   collected a 3, b 2, c 1 → a 100, b 66.67, c 33.33      studied a 2, b 1, c 0 → a 100, b 50, c 0
 *   resolved  a 1, b 2, c 0 → a 50, b 100, c 0
 *   q5: a (100 + 100 + 50)/3 = 83.33; b (66.67 + 50 + 100)/3 = 72.22; c (33.33 + 0 + 0)/3 = 11.11
 * q6 (submitted): a 10, b 5, c 10 → a 100, b 50, c 100; a's value 99 for q5_collected is sent back (from the ledger)
 * total (10·q5 + 10·q6)/20: a 91.665 → 91.67, b 61.11, c 55.555 → 55.56
 *
 * Correction: c re-sends c-1 (version 2) studied 09-10 10:00 and resolved 09-25 at 单位 by 分管领导:
 *   studied c 1 → max 2 → 50; resolved c 1 → max 2 → 50; q5 c (33.33 + 50 + 50)/3 = 44.44; total (44.44 + 100)/2 = 72.22
 *   the re-run of 2024-Q3 is revision 2, a 更正 naming both changed inputs, each with its source: the file
 *   良田镇-更正.csv, case c-1 version 2 and the fields that changed (studied, resolved, level, feedback, satisfaction)
 * </pre>
 */
@JobTest
class AppealJobTest {

    @RegisterExtension
    static final JobEnvironment ENV = new JobEnvironment("appeal");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ENV.register(registry);
    }

    static final String SCHEME = "appealtest-2024";
    static final Period Q3 = Period.parse("2024-Q3");
    static final String HEADER = "case_id,unit_code,enterprise,credit_code,size_class,summary,received_at,registered_at,"
            + "studied_at,resolved_at,resolution_level,feedback_by,satisfaction,note";

    @Autowired
    RunLauncher launcher;
    @Autowired
    ScoreRepository scores;
    @Autowired
    BulletinService bulletins;
    @Autowired
    SchemeRepository schemes;
    @Autowired
    SubmissionTemplates templates;
    @Autowired
    JdbcClient jdbc;

    Run first;
    Run corrected;

    @BeforeAll
    void runTheQuarterThenCorrectACase() {
        Path inbox = ENV.work().resolve("inbox").resolve(SCHEME);
        JobTestSupport.csv(inbox.resolve("2024-Q3").resolve("all.csv"), LocalDateTime.of(2024, 10, 10, 9, 0),
                "unit_code,period,dimension_code,value",
                "a,2024-Q3,q6_count,10", "b,2024-Q3,q6_count,5", "c,2024-Q3,q6_count,10", "a,2024-Q3,q5_collected,99");
        JobTestSupport.csv(inbox.resolve("2024-appeals").resolve("台账-三季度.csv"), LocalDateTime.of(2024, 10, 8, 9, 0),
                HEADER,
                "a-1,a,甲公司,,千万元以下企业,用地手续,2024-07-01 09:00,2024-07-01 10:00,2024-07-02 10:00,2024-07-10 10:00,单位,分管领导,满意,",
                "a-2,a,乙公司,,千万元以下企业,,2024-08-01 09:00,2024-08-01 10:00,2024-08-02 10:00,,,,,",
                "a-3,a,丙公司,,千万元以上企业,,2024-09-02 09:00,2024-09-04 09:00,,,,,,",
                "b-1,b,丁公司,,千万元以上企业,,2024-07-03 09:00,2024-07-03 10:00,2024-07-04 10:00,2024-07-20 10:00,专班,分管领导,基本满意,",
                "b-2,财政局,戊公司,,small,,2024/8/5 9:00,2024/8/5 9:30,,2024-08-05 17:00,unit,deputy,满意,",
                "c-1,c,己公司,,千万元以下企业,,2024-08-20 09:00,2024-08-20 09:30,,,,,,",
                "x-1,a,庚公司,,千万元以下企业,,2024-13-01 09:00,,,,,,,",
                "x-2,zzz,辛公司,,千万元以下企业,,2024-07-01 09:00,2024-07-01 10:00,,,,,,");
        first = launcher.launch(SCHEME, Q3, true);

        JobTestSupport.csv(inbox.resolve("2024-appeals").resolve("良田镇-更正.csv"), LocalDateTime.of(2024, 10, 15, 9, 0),
                HEADER,
                "c-1,c,己公司,,千万元以下企业,,2024-08-20 09:00,2024-08-20 09:30,2024-09-10 10:00,2024-09-25 10:00,单位,分管领导,满意,");
        corrected = launcher.launch(SCHEME, Q3, true);
    }

    @Test
    void bothRunsComplete() {
        assertThat(first.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(corrected.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(corrected.revision()).isEqualTo(2);
    }

    @Test
    void theLedgerFeedsTheServiceCompetition() {
        Map<String, DimensionScoreRow> collected = dimension(first, "q5_collected");
        assertThat(collected.get("a").value()).isEqualByComparingTo("3");
        assertThat(collected.get("b").value()).isEqualByComparingTo("2");
        assertThat(collected.get("c").value()).isEqualByComparingTo("1");
        assertThat(collected.get("a").sourceRowId()).as("a derived value comes from no submission row").isNull();
        assertThat(dimension(first, "q5_studied").get("b").score()).isEqualByComparingTo("50.00");
        assertThat(dimension(first, "q5_resolved").get("a").score()).isEqualByComparingTo("50.00");
        Map<String, RankedScore> q5 = competition(first, "q5");
        assertThat(q5.get("a").score()).isEqualByComparingTo("83.33");
        assertThat(q5.get("b").score()).isEqualByComparingTo("72.22");
        assertThat(q5.get("c").score()).isEqualByComparingTo("11.11");
        Map<String, RankedScore> totals = totals(first);
        assertThat(totals.get("a").score()).isEqualByComparingTo("91.67");
        assertThat(totals.get("b").score()).isEqualByComparingTo("61.11");
        assertThat(totals.get("c").score()).isEqualByComparingTo("55.56");
    }

    @Test
    void aSubmittedLedgerDimensionIsSentBackSayingWhy() {
        String error = jdbc.sql("SELECT error FROM submission_row WHERE dimension_code = 'q5_collected'").query(String.class).single();
        assertThat(error).contains("all.csv", "第5行", "企业诉求全量收集个数", "由企业诉求台账", "不再由单位填报");
    }

    @Test
    void theTemplatesLeaveTheLedgerDimensionsOut() throws IOException {
        Path dir = ENV.work().resolve("templates");
        List<Path> written = templates.write(schemes.load(SCHEME), Q3, "a", dir);
        String text = cells(written.get(0), 0);
        assertThat(text).contains("q6_count").doesNotContain("q5_collected", "q5_studied", "q5_resolved");
    }

    @Test
    void badRowsAreKeptWithAReasonAndEveryRowIsStored() {
        List<Map<String, Object>> rows = jdbc.sql("SELECT case_id, status, error, raw_row FROM appeal_case ORDER BY id").query().listOfRows();
        assertThat(rows).hasSize(9); // 8 rows of the first file + 1 of the correction
        assertThat(rows).filteredOn(r -> "REJECTED".equals(r.get("status"))).extracting(r -> (String) r.get("error"))
                .containsExactly(
                        "文件 台账-三季度.csv 第8行 受理时间（第7列）：'2024-13-01 09:00' 不是存在的日期或时间",
                        "文件 台账-三季度.csv 第9行 责任单位（第2列）：'zzz' 不是方案 appealtest-2024 的单位代码或单位全称");
        assertThat(rows.get(6).get("raw_row")).asString().startsWith("x-1,a,庚公司");
        // the correction is version 2 of c-1; version 1 is kept
        assertThat(jdbc.sql("SELECT version FROM appeal_case WHERE case_id = 'c-1' ORDER BY version").query(Integer.class).list())
                .containsExactly(1, 2);
    }

    @Test
    void theBulletinListsTheLateAndWrongLevelAndOpenCases() throws IOException {
        String text = pdfText(first);
        assertThat(text).contains("企业诉求台账：办理情况", "逾期登记、提级研究的企业诉求", "反馈层级不符的企业诉求",
                "超过30天未办结的企业诉求");
        // a-3 registered 1 day late; c-1 study 38 days late (deadline 2024-08-23 24:00); b-1 answered at the wrong level
        assertThat(text).contains("a-3", "2024-09-03 09:00", "1天", "c-1", "2024-08-23 24:00", "38天", "b-1", "41天");
    }

    @Test
    void eachUnitsFeedbackCarriesItsCasesAndLists() throws IOException {
        Path sheet = Files.list(Path.of(first.outputDir()).resolve("反馈")).filter(p -> p.getFileName().toString().contains("_c_"))
                .findFirst().orElseThrow();
        String appeals = sheetText(sheet, AppealFeedback.SHEET);
        assertThat(appeals).contains("c-1", "38天", "41天").doesNotContain("a-3");
        assertThat(sheetText(sheet, AppealFeedback.ROWS_SHEET)).contains("c-1", "采用（第1版）");
        Path a = Files.list(Path.of(first.outputDir()).resolve("反馈")).filter(p -> p.getFileName().toString().contains("_a_"))
                .findFirst().orElseThrow();
        assertThat(sheetText(a, AppealFeedback.ROWS_SHEET)).contains("x-1", "不是存在的日期或时间");
        // the row naming no unit of the scheme reaches the office's sheet
        assertThat(sheetText(Path.of(first.outputDir()).resolve("反馈").resolve("企业诉求台账_未采用_2024-Q3.xlsx"), "未采用"))
                .contains("x-2", "zzz");
    }

    @Test
    void aCorrectedCaseChangesTheQuarterAndMarksItsBulletinACorrection() throws IOException {
        assertThat(dimension(corrected, "q5_studied").get("c").value()).isEqualByComparingTo("1");
        assertThat(dimension(corrected, "q5_resolved").get("c").score()).isEqualByComparingTo("50.00");
        assertThat(competition(corrected, "q5").get("c").score()).isEqualByComparingTo("44.44");
        assertThat(totals(corrected).get("c").score()).isEqualByComparingTo("72.22");
        assertThat(dimension(first, "q5_studied").get("c").value()).as("revision 1 stays as it was").isEqualByComparingTo("0");
        assertThat(corrected.correction()).isTrue();
        String text = pdfText(corrected);
        assertThat(text).contains("（更正）", "更正说明", "企业诉求研究次数", "企业诉求分级分类协调解决个数");
        // c-1 is no longer open nor late in study at the quarter's end
        assertThat(text).doesNotContain("38天");
        // the 更正说明 names where each changed ledger-derived value came from: the file read since revision 1, the case
        // and version, and what changed in it (studied and resolved were empty in version 1)
        String note = text.replaceAll("\\s", "");
        assertThat(note).contains("由台账计算的指标列出使其变化的台账文件和案件",
                "企业诉求台账良田镇-更正.csv（2024-10-15", // received time in the office's zone
                "收到）诉求c-1第2版：提级研究时间空→2024-09-1010:00，"
                        + "办结时间空→2024-09-2510:00，解决层级空→单位，反馈人空→分管领导，企业满意度空→满意");
        // named once for q5_studied and once for q5_resolved; q5_collected did not change (1 → 1), so no third row
        assertThat(note.split("诉求c-1第2版", -1)).hasSize(3);
    }

    private Map<String, DimensionScoreRow> dimension(Run run, String code) {
        return scores.dimensions(run.id()).stream().filter(d -> d.dimensionCode().equals(code))
                .collect(Collectors.toMap(DimensionScoreRow::unitCode, d -> d));
    }

    private Map<String, RankedScore> competition(Run run, String code) {
        return scores.competitions(run.id()).stream().filter(s -> s.competitionCode().equals(code))
                .collect(Collectors.toMap(RankedScore::unitCode, s -> s));
    }

    private Map<String, RankedScore> totals(Run run) {
        return scores.totals(run.id()).stream().collect(Collectors.toMap(RankedScore::unitCode, s -> s));
    }

    private String pdfText(Run run) throws IOException {
        var files = bulletins.files(schemes.load(SCHEME), run, Path.of(run.outputDir()));
        try (PDDocument pdf = Loader.loadPDF(files.pdf().toFile())) {
            return new PDFTextStripper().getText(pdf).replaceAll("\\s*\\n\\s*", "");
        }
    }

    private static String sheetText(Path file, String sheetName) throws IOException {
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            return text(wb.getSheet(sheetName));
        }
    }

    private static String cells(Path file, int sheet) throws IOException {
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            return text(wb.getSheetAt(sheet));
        }
    }

    private static String text(Sheet sheet) {
        List<String> out = new ArrayList<>();
        for (Row r : sheet) {
            for (Cell c : r) {
                out.add(c.toString());
            }
        }
        return String.join("|", out);
    }

    @SuppressWarnings("unused")
    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }
}
