package cn.bipin.pools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.bipin.award.PrizeLedger;
import cn.bipin.award.PrizeLedger.PrizeLine;
import cn.bipin.award.PrizeService;
import cn.bipin.award.ReportFlags;
import cn.bipin.bulletin.BulletinService;
import cn.bipin.results.ScoreRepository;
import cn.bipin.results.ScoreRepository.RankedScore;
import cn.bipin.run.Run;
import cn.bipin.run.RunLauncher;
import cn.bipin.run.RunRequestException;
import cn.bipin.run.RunStatus;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.SchemeRepository;
import cn.bipin.testsupport.JobEnvironment;
import cn.bipin.testsupport.JobTest;
import cn.bipin.testsupport.JobTestSupport;

/**
 * A Haizhou-shaped year ({@code pooltest-2019}, DOMAIN §7.1, D13–D15): the half-year check 2019-H1 and the annual
 * assessment, with no monthly run. Every number worked by hand:
 *
 * <pre>
 * targets: inv_amount 100 for every unit; fund_amount 100 for d2, d3 (d1 does not take part). Weights inv 2, fund 1.
 * 2019-H1 (cumulative → target 100 × 6/12 = 50), received 2019-07-10, d2 sends nothing (未报送 → D15):
 *   inv t1 60 → 120% capped 100; t2 40 → 80; t3 50 → 100; t4 45 → 90; t5 25 → 50; t6 50 → 100
 *       d1 50 → 100; d3 40 → 80; d2 missing → 0
 *   fund d3 35/50 → 70; d2 → 0
 *   towns: t1, t3, t6 100.00 rank 1; t4 90.00 rank 4; t2 80.00 rank 5; t5 50.00 rank 6
 *   departments: d1 100.00 (inv only, D13 re-normalised); d3 (2×80 + 70)/3 = 76.67; d2 0.00 → ranks 1, 2, 3
 * 2019 (the year's own figures, vs the annual target), received 2020-01-10, t6's on 2020-01-25 (after 01-20: 逾期):
 *   inv t1 120 → 100; t2 95; t3 90; t4 90; t5 80; t6 50 → 50; d1 100; d2 50; d3 80
 *   fund d2 100 → 100; d3 70 → 70
 *   towns: t1 100.00 (1), t2 95.00 (2), t3 90.00 (3), t4 90.00 (3), t5 80.00 (5), t6 50.00 (6)
 *   departments: d1 100.00 (1); d3 (2×80 + 70)/3 = 230/3 = 76.67 (2); d2 (2×50 + 100)/3 = 66.67 (3)
 * D15: t1 flagged as falsified (2019-H1), d2 missing in 2019-H1, t6 late in 2019 → none of them may win.
 * 综合奖 top 2 per pool, 50,000 each:
 *   towns: t1 (1st) excluded; eligible t2 (2), t3 (3), t4 (3): the 2nd eligible ranks 3rd, so t3 and t4 tied at the
 *          last place both win, in t1's place (递补); t2 was in the top 2 anyway → t2, t3, t4 = 150,000
 *   departments: d1, d3 = 100,000 (d2 ranks 3rd: would not have won, not listed)
 * 单项奖 top 1 per item and pool, 20,000 each:
 *   固定资产投资 towns: t1 excluded → t2 (2nd) takes the place; departments: d1
 *   争取上级资金 departments: d2 (100.00, 1st) excluded → d3 (70.00, 2nd) takes the place
 * 表态发言 (below 100% of a target in the year): t2 95%, t3 90%, t4 90%, t5 80%, t6 50%; d2 投资额 50%;
 *   d3 投资额 80% and 争取资金额 70%. t1 and d1 reached theirs.
 * </pre>
 */
@JobTest
class PoolYearJobTest {

    @RegisterExtension
    static final JobEnvironment ENV = new JobEnvironment("pools");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ENV.register(registry);
    }

    static final String SCHEME = "pooltest-2019";
    static final Period H1 = Period.parse("2019-H1");
    static final Period YEAR = Period.parse("2019");

    @Autowired
    RunLauncher launcher;
    @Autowired
    ScoreRepository scores;
    @Autowired
    PrizeService prizes;
    @Autowired
    ReportFlags flags;
    @Autowired
    BulletinService bulletins;
    @Autowired
    SchemeRepository schemes;

    Run h1;
    Run year;

    @BeforeAll
    void runTheHalfYearAndTheYear() {
        Path inbox = ENV.work().resolve("inbox").resolve(SCHEME);
        JobTestSupport.csv(inbox.resolve("2019-H1").resolve("all.csv"), LocalDateTime.of(2019, 7, 10, 9, 0),
                "unit_code,period,dimension_code,value",
                "t1,2019-H1,inv_amount,60", "t2,2019-H1,inv_amount,40", "t3,2019-H1,inv_amount,50",
                "t4,2019-H1,inv_amount,45", "t5,2019-H1,inv_amount,25", "t6,2019-H1,inv_amount,50",
                "d1,2019-H1,inv_amount,50", "d3,2019-H1,inv_amount,40", "d3,2019-H1,fund_amount,35");
        JobTestSupport.csv(inbox.resolve("2019").resolve("all.csv"), LocalDateTime.of(2020, 1, 10, 9, 0),
                "unit_code,period,dimension_code,value",
                "t1,2019,inv_amount,120", "t2,2019,inv_amount,95", "t3,2019,inv_amount,90",
                "t4,2019,inv_amount,90", "t5,2019,inv_amount,80",
                "d1,2019,inv_amount,100", "d2,2019,inv_amount,50", "d2,2019,fund_amount,100",
                "d3,2019,inv_amount,80", "d3,2019,fund_amount,70");
        JobTestSupport.csv(inbox.resolve("2019").resolve("六街道.csv"), LocalDateTime.of(2020, 1, 25, 9, 0),
                "unit_code,period,dimension_code,value", "t6,2019,inv_amount,50");
        flags.add(SCHEME, "t1", "2019-H1", "投资额多报", "考核组", LocalDateTime.of(2019, 7, 15, 10, 0));
        h1 = launcher.launch(SCHEME, H1, false);
        year = launcher.launch(SCHEME, YEAR, false);
    }

    @Test
    void bothRunsCompleteWithoutAnyMonthlyRun() {
        assertThat(h1.status()).as(h1.message()).isEqualTo(RunStatus.COMPLETED);
        assertThat(year.status()).as(year.message()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void aMonthOfASchemeWithoutMonthlyCompetitionsIsRefusedSayingWhatRuns() {
        assertThatThrownBy(() -> launcher.launch(SCHEME, Period.parse("2019-03"), false))
                .isInstanceOf(RunRequestException.class)
                .hasMessageContaining("没有月度比拼", "2019-H1", "（半年）", "2019（年度）");
    }

    @Test
    void theHalfYearChecksTheAnnualItemsAgainstHalfTheTargetPerPool() {
        Map<String, RankedScore> inv = competition(h1, "inv");
        assertScore(inv, "t1", "100.00", 1);
        assertScore(inv, "t4", "90.00", 4);
        assertScore(inv, "t2", "80.00", 5);
        assertScore(inv, "t5", "50.00", 6);
        assertScore(inv, "d1", "100.00", 1);
        assertScore(inv, "d3", "80.00", 2);
        assertScore(inv, "d2", "0.00", 3);
        Map<String, RankedScore> totals = totals(h1);
        assertScore(totals, "d3", "76.67", 2);
        assertThat(scores.dimensions(h1.id()).stream().filter(d -> d.dimensionCode().equals("inv_amount")
                && d.unitCode().equals("t1")).findFirst().orElseThrow().target()).isEqualByComparingTo("50");
    }

    @Test
    void theYearScoresEachItemOnceAndRanksTownsAndDepartmentsApart() {
        Map<String, RankedScore> totals = totals(year);
        assertScore(totals, "t1", "100.00", 1);
        assertScore(totals, "t2", "95.00", 2);
        assertScore(totals, "t3", "90.00", 3);
        assertScore(totals, "t4", "90.00", 3);
        assertScore(totals, "t5", "80.00", 5);
        assertScore(totals, "t6", "50.00", 6);
        assertScore(totals, "d1", "100.00", 1);
        assertScore(totals, "d3", "76.67", 2);
        assertScore(totals, "d2", "66.67", 3);
    }

    @Test
    void prizesGoToTheEligibleTopOfEachPoolTiesAtTheLastPlaceAllWin() {
        List<PrizeLine> lines = prizes.forRun(year.id()).stream().filter(l -> PrizeLedger.PRIZE.equals(l.kind())).toList();
        assertThat(lines).extracting(PrizeLine::prizeName, PrizeLine::poolCode, PrizeLine::competitionCode,
                PrizeLine::unitCode, PrizeLine::unitRank, PrizeLine::won, l -> l.amount().intValueExact()).containsExactly(
                tuple("综合奖", "town", null, "t1", 1, false, 0),
                tuple("综合奖", "town", null, "t2", 2, true, 50000),
                tuple("综合奖", "town", null, "t3", 3, true, 50000),
                tuple("综合奖", "town", null, "t4", 3, true, 50000),
                tuple("综合奖", "department", null, "d1", 1, true, 50000),
                tuple("综合奖", "department", null, "d3", 2, true, 50000),
                tuple("单项奖", "town", "inv", "t1", 1, false, 0),
                tuple("单项奖", "town", "inv", "t2", 2, true, 20000),
                tuple("单项奖", "department", "inv", "d1", 1, true, 20000),
                tuple("单项奖", "department", "fund", "d2", 1, false, 0),
                tuple("单项奖", "department", "fund", "d3", 2, true, 20000));
        assertThat(lines.get(0).note()).isEqualTo("不得评奖：虚报（2019-H1：投资额多报，考核组 于 2019-07-15 10:00 标记）");
        assertThat(lines.get(2).note()).isEqualTo("递补（一街道第1名不得评奖）");
        assertThat(lines.get(1).note()).isEmpty();
        assertThat(lines.get(10).note()).isEqualTo("递补（商务局第1名不得评奖）");
    }

    @Test
    void theDocumentNamesTheExcludedUnitsAndTheUnitsThatMustMakeAStatement() {
        Map<String, String> excluded = prizes.forRun(year.id()).stream().filter(l -> PrizeLedger.EXCLUDED.equals(l.kind()))
                .collect(Collectors.toMap(PrizeLine::unitCode, PrizeLine::note));
        assertThat(excluded).containsOnlyKeys("t1", "t6", "d2");
        assertThat(excluded.get("t6")).isEqualTo("逾期报送（2019）");
        assertThat(excluded.get("d2")).isEqualTo("未报送（2019-H1）");
        Map<String, String> statement = prizes.forRun(year.id()).stream()
                .filter(l -> PrizeLedger.STATEMENT.equals(l.kind()))
                .collect(Collectors.toMap(PrizeLine::unitCode, PrizeLine::note));
        assertThat(statement).containsOnlyKeys("t2", "t3", "t4", "t5", "t6", "d2", "d3");
        assertThat(statement.get("d3")).isEqualTo("固定资产投资·投资额 完成 80.00%（80 / 100 万元）；"
                + "争取上级资金·争取资金额 完成 70.00%（70 / 100 万元）");
    }

    @Test
    void theAnnualPdfAndCsvShowPoolsPrizesAndReasons() throws IOException {
        var files = bulletins.files(schemes.load(SCHEME), year, Path.of(year.outputDir()));
        String text;
        try (PDDocument pdf = Loader.loadPDF(files.pdf().toFile())) {
            text = new PDFTextStripper().getText(pdf).replaceAll("\\s*\\n\\s*", "");
        }
        assertThat(text).contains("综合奖（镇街）", "综合奖（部门）", "单项奖（部门）", "取消评奖资格", "表态发言",
                "递补（一街道第1名不得评奖）", "逾期报送（2019）", "镇街、部门分别排名");
        // DOMAIN §9: the group column names the pool
        assertThat(Files.readAllLines(files.totalsCsv(), StandardCharsets.UTF_8))
                .contains("pooltest-2019,annual,2019,1,d3,工信局,department,76.67,2");
    }

    private Map<String, RankedScore> competition(Run run, String code) {
        return scores.competitions(run.id()).stream().filter(s -> s.competitionCode().equals(code))
                .collect(Collectors.toMap(RankedScore::unitCode, s -> s));
    }

    private Map<String, RankedScore> totals(Run run) {
        return scores.totals(run.id()).stream().collect(Collectors.toMap(RankedScore::unitCode, s -> s));
    }

    private static void assertScore(Map<String, RankedScore> scores, String unit, String score, int rank) {
        assertThat(scores.get(unit).score()).as(unit).isEqualByComparingTo(score);
        assertThat(scores.get(unit).rank()).as(unit + " rank").isEqualTo(rank);
    }
}
