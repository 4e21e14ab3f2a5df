package cn.bipin.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.bipin.results.ScoreRepository;
import cn.bipin.results.ScoreRepository.DimensionScoreRow;
import cn.bipin.results.ScoreRepository.RankedScore;
import cn.bipin.run.Run;
import cn.bipin.run.RunLauncher;
import cn.bipin.run.RunStatus;
import cn.bipin.scheme.Period;
import cn.bipin.testsupport.JobEnvironment;
import cn.bipin.testsupport.JobTest;
import cn.bipin.testsupport.JobTestSupport;

/**
 * A project list drives the new-project item ({@code projecttest-2019}, DOMAIN §7.1 D9). Worked by hand:
 *
 * <pre>
 * targets: xkg_count 8, inv_amount 100 for t1 and t2; the two items weigh 1 each (D13).
 * 2019-H1 (as of 2019-06-30; cumulative target 8 × 6/12 = 4, inv 100 × 6/12 = 50), lists received 2019-07-05/06:
 *   t1: P1 10,000 started 03-01 → 1亿元以上 ×1; P2 50,000 started 05-01 → 5亿元以上 ×1.5; P3 200,000 not started
 *       (reserve); P4 4,999 started 02-01 → under 5,000, not counted. projects_new = 2.5 → 2.5 / 4 = 62.50
 *   t2: Q1 7,000 started 04-01 → 5000万元至1亿元 ×1; Q2 'abc' sent back. projects_new = 1 → 1 / 4 = 25.00;
 *       t2 also typed xkg_count 9 in its submission: refused (the list counts), not scored
 *   inv: t1 50, t2 50 → 100.00 each
 *   totals: t1 (62.50 + 100) / 2 = 81.25 (rank 1); t2 (25.00 + 100) / 2 = 62.50 (rank 2)
 * 2019 (as of 2019-12-31; target 8, inv 100), t1's list received 2020-01-08:
 *   P1 version 2: investment corrected to 100,000 → 10亿元以上 ×2; P3 version 2: started 2019-09-01 → 20亿元以上 ×3
 *   t1: 2 + 1.5 + 3 = 6.5 → 6.5 / 8 = 81.25; t2: 1 / 8 = 12.50
 *   inv: 100 each → 100.00; totals t1 (81.25 + 100) / 2 = 90.625 → 90.63; t2 (12.50 + 100) / 2 = 56.25
 * </pre>
 */
@JobTest
class ProjectListJobTest {

    @RegisterExtension
    static final JobEnvironment ENV = new JobEnvironment("projects");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ENV.register(registry);
    }

    static final String SCHEME = "projecttest-2019";
    static final String HEADER = "project_id,unit_code,project,investment,start_date,completion_date,note";

    @Autowired
    RunLauncher launcher;
    @Autowired
    ScoreRepository scores;

    Run h1;
    Run year;

    @BeforeAll
    void runTheHalfYearAndTheYear() {
        Path inbox = ENV.work().resolve("inbox").resolve(SCHEME);
        Path lists = inbox.resolve("2019-projects");
        JobTestSupport.csv(lists.resolve("一街道-项目清单-2019H1.csv"), LocalDateTime.of(2019, 7, 5, 9, 0), HEADER,
                "P1,t1,物流园,10000,2019-03-01,,", "P2,t1,新材料产业园,50000,2019-05-01,,",
                "P3,t1,文旅综合体,200000,,,", "P4,t1,标准化厂房,4999,2019-02-01,,");
        JobTestSupport.csv(lists.resolve("二街道-项目清单-2019H1.csv"), LocalDateTime.of(2019, 7, 6, 9, 0), HEADER,
                "Q1,t2,冷链物流,7000,2019-04-01,,", "Q2,t2,光伏发电,abc,2019-04-01,,");
        JobTestSupport.csv(inbox.resolve("2019-H1").resolve("all.csv"), LocalDateTime.of(2019, 7, 10, 9, 0),
                "unit_code,period,dimension_code,value",
                "t1,2019-H1,inv_amount,50", "t2,2019-H1,inv_amount,50", "t2,2019-H1,xkg_count,9");
        h1 = launcher.launch(SCHEME, Period.parse("2019-H1"), false);
        JobTestSupport.csv(lists.resolve("一街道-项目清单-2019.csv"), LocalDateTime.of(2020, 1, 8, 9, 0), HEADER,
                "P1,t1,物流园,100000,2019-03-01,,", "P3,t1,文旅综合体,200000,2019-09-01,,");
        JobTestSupport.csv(inbox.resolve("2019").resolve("all.csv"), LocalDateTime.of(2020, 1, 10, 9, 0),
                "unit_code,period,dimension_code,value", "t1,2019,inv_amount,100", "t2,2019,inv_amount,100");
        year = launcher.launch(SCHEME, Period.parse("2019"), false);
    }

    @Test
    void bothRunsComplete() {
        assertThat(h1.status()).as(h1.message()).isEqualTo(RunStatus.COMPLETED);
        assertThat(year.status()).as(year.message()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void theHalfYearScoresTheWeightedNewProjectsAgainstHalfTheTarget() {
        Map<String, DimensionScoreRow> xkg = dimension(h1, "xkg_count");
        assertThat(xkg.get("t1").value()).isEqualByComparingTo("2.5");
        assertThat(xkg.get("t1").target()).isEqualByComparingTo("4");
        assertThat(xkg.get("t1").score()).isEqualByComparingTo("62.50");
        assertThat(xkg.get("t1").sourceRowId()).as("derived from the list, not a submission row").isNull();
        assertThat(xkg.get("t2").value()).as("the typed 9 is not used").isEqualByComparingTo("1");
        assertThat(xkg.get("t2").score()).isEqualByComparingTo("25.00");
        Map<String, RankedScore> totals = totals(h1);
        assertThat(totals.get("t1").score()).isEqualByComparingTo("81.25");
        assertThat(totals.get("t2").score()).isEqualByComparingTo("62.50");
    }

    @Test
    void theYearUsesTheLatestVersionOfEachProject() {
        Map<String, DimensionScoreRow> xkg = dimension(year, "xkg_count");
        assertThat(xkg.get("t1").value()).isEqualByComparingTo("6.5");
        assertThat(xkg.get("t1").score()).isEqualByComparingTo("81.25");
        assertThat(xkg.get("t2").score()).isEqualByComparingTo("12.50");
        Map<String, RankedScore> totals = totals(year);
        assertThat(totals.get("t1").score()).isEqualByComparingTo("90.63");
        assertThat(totals.get("t2").score()).isEqualByComparingTo("56.25");
    }

    @Test
    void eachUnitsFeedbackShowsItsProjectsWithBandAndWeightAndItsRowsSentBack() throws IOException {
        Path t1 = feedback(h1, "_t1_");
        String projects = sheetText(t1, ProjectFeedback.SHEET);
        assertThat(projects).contains("P1|物流园|10000|2019-03-01||1亿元以上|1|是", "P2|新材料产业园|50000|2019-05-01||5亿元以上|1.5|是",
                "P3|文旅综合体|200000|||未开工|0|||是", "P4|标准化厂房|4999|2019-02-01||低于5000万元，不计|0", "合计||||||2.5|2|0|1");
        assertThat(sheetText(t1, ProjectFeedback.ROWS_SHEET)).contains("P1", "采用（第1版）");
        Path t2 = feedback(h1, "_t2_");
        assertThat(sheetText(t2, ProjectFeedback.ROWS_SHEET)).contains("Q2", "退回", "'abc' 不是数字");
        assertThat(sheetText(t2, ProjectFeedback.SHEET)).doesNotContain("P1");
        assertThat(allSheets(t2)).contains("此指标由项目清单按登记的记录计算，不再由单位填报");
    }

    private static Path feedback(Run run, String unitPart) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(run.outputDir()).resolve("反馈"))) {
            return files.filter(p -> p.getFileName().toString().contains(unitPart)).findFirst().orElseThrow();
        }
    }

    private Map<String, DimensionScoreRow> dimension(Run run, String code) {
        return scores.dimensions(run.id()).stream().filter(d -> d.dimensionCode().equals(code))
                .collect(Collectors.toMap(DimensionScoreRow::unitCode, d -> d));
    }

    private Map<String, RankedScore> totals(Run run) {
        return scores.totals(run.id()).stream().collect(Collectors.toMap(RankedScore::unitCode, s -> s));
    }

    private static String sheetText(Path file, String sheetName) throws IOException {
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            return text(wb.getSheet(sheetName));
        }
    }

    private static String allSheets(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            List<String> out = new ArrayList<>();
            wb.forEach(s -> out.add(text(s)));
            return String.join("|", out);
        }
    }

    /** Each row's cells joined by |, rows one per line (an empty cell is an empty field). */
    private static String text(org.apache.poi.ss.usermodel.Sheet sheet) {
        List<String> out = new ArrayList<>();
        for (Row r : sheet) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < r.getLastCellNum(); c++) {
                Cell cell = r.getCell(c);
                cells.add(cell == null ? "" : cell.toString());
            }
            out.add(String.join("|", cells));
        }
        return String.join("\n", out);
    }
}
