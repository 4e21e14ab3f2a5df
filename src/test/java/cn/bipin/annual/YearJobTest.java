package cn.bipin.annual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.bipin.award.AwardService;
import cn.bipin.award.UnitAward;
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
 * A whole scoring year of {@code yeartest-2024} (campaign from November): two months, the fourth quarter, the
 * year, then a correction of November and the re-runs it calls for. Every number is worked by hand below from
 * DOMAIN §3.2–3.5.
 *
 * <pre>
 * m1 项目投资比拼 (monthly, weight 15): m1_count best_ratio, m1_funds target_ratio (annual a 1200, b 1200, c 2400,
 *    d 600, cumulative → target = annual × 序时进度: November 11/12 → a 1100, b 1100, c 2200, d 550)
 *   Nov  count a 10, b 8, c 5, d 10 → max 10 → a 100, b 80, c 50, d 100
 *        funds a 1100 → 100; b 550/1100 → 50; c 2200 → 100; d 275/550 → 50
 *        m1 = (count + funds)/2: a 100.00, b 65.00, c 75.00, d 75.00 → ranks a 1, c 2, d 2, b 4 (D6: 1,2,2,4)
 *   Dec  count a 12, b 12, c 6, d 15 → max 15 → a 80, b 80, c 40, d 100
 *        funds (targets = annual) a 1200 → 100, b 1200 → 100, c 1200/2400 → 50, d 300/600 → 50
 *        m1: a 90.00, b 90.00, c 45.00, d 75.00 → ranks a 1, b 1, d 3, c 4
 * q1 主要指标比拼 (quarterly, weight 30, a b c only): Q4 q1_total a 300, b 400, c 200 → best_ratio b 100, a 75, c 50
 * Q4: m1 = mean of November and December (October is before the campaign start):
 *        a (100+90)/2 = 95.00, b (65+90)/2 = 77.50, c (75+45)/2 = 60.00, d (75+75)/2 = 75.00
 *     total (30·q1 + 15·m1)/45, d only in m1 (D3):
 *        a (2250 + 1425)/45 = 81.666… → 81.67; b (3000 + 1162.5)/45 = 92.50; c (1500 + 900)/45 = 53.33; d 75.00
 *        ranks b 1, a 2, d 3, c 4
 * Year (D5): m1 = mean of Nov, Dec (as above); q1 = Q4's; the same totals and ranks as Q4.
 * Awards: b rank 1 but November rank 4 → no +3, +1 (all ≤ 4, rank ≤ 2), 100,000; a rank 2 → +1, 80,000;
 *         d rank 3 → 50,000; c nothing.
 * </pre>
 * The fixture runs this year once on the database of {@link JobTest}, then the correction of November and the
 * re-runs it calls for, noting what was mailed after each; the tests read what those runs left.
 */
@JobTest
class YearJobTest {

    @RegisterExtension
    static final JobEnvironment ENV = new JobEnvironment("year");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ENV.register(registry);
    }

    static final String SCHEME = "yeartest-2024";
    static final Period NOV = Period.parse("2024-11");
    static final Period DEC = Period.parse("2024-12");
    static final Period Q4 = Period.parse("2024-Q4");
    static final Period YEAR = Period.parse("2024");

    @Autowired
    RunLauncher launcher;
    @Autowired
    ScoreRepository scores;
    @Autowired
    AwardService awards;
    @Autowired
    BulletinService bulletins;
    @Autowired
    SchemeRepository schemes;

    Run nov;
    Run dec;
    Run q4;
    Run year;
    /** The mails of the four runs above. */
    MimeMessage[] mailsBefore;
    /** November corrected (mailed), then re-run unchanged (mailed unless unchanged), with the mails after each. */
    Run nov2;
    MimeMessage[] mailsAfterNov2;
    Run nov3;
    MimeMessage[] mailsAfterNov3;
    /** The quarter and the year re-run after the correction (not mailed). */
    Run q4r2;
    Run yearR2;

    @BeforeAll
    void runTheYearThenCorrectNovember() {
        Path inbox = ENV.work().resolve("inbox").resolve(SCHEME);
        JobTestSupport.csv(inbox.resolve("2024-11").resolve("all.csv"), LocalDateTime.of(2024, 12, 10, 9, 0),
                "unit_code,period,dimension_code,value",
                "a,2024-11,m1_count,10", "a,2024-11,m1_funds,1100",
                "b,2024-11,m1_count,8", "b,2024-11,m1_funds,550",
                "c,2024-11,m1_count,5", "c,2024-11,m1_funds,2200",
                "d,2024-11,m1_count,10", "d,2024-11,m1_funds,275");
        JobTestSupport.csv(inbox.resolve("2024-12").resolve("all.csv"), LocalDateTime.of(2025, 1, 10, 9, 0),
                "unit_code,period,dimension_code,value",
                "a,2024-12,m1_count,12", "a,2024-12,m1_funds,1200",
                "b,2024-12,m1_count,12", "b,2024-12,m1_funds,1200",
                "c,2024-12,m1_count,6", "c,2024-12,m1_funds,1200",
                "d,2024-12,m1_count,15", "d,2024-12,m1_funds,300");
        JobTestSupport.csv(inbox.resolve("2024-Q4").resolve("q4.csv"), LocalDateTime.of(2025, 1, 12, 9, 0),
                "unit_code,period,dimension_code,value",
                "a,2024-Q4,q1_total,300", "b,2024-Q4,q1_total,400", "c,2024-Q4,q1_total,200");
        nov = launcher.launch(SCHEME, NOV, true);
        dec = launcher.launch(SCHEME, DEC, true);
        q4 = launcher.launch(SCHEME, Q4, true);
        year = launcher.launch(SCHEME, YEAR, true);
        mailsBefore = ENV.mail().getReceivedMessages();

        // 财政局 corrects November: 10 projects, not 8 (worked in aCorrectedMonth… and theCorrectionCarries… below)
        JobTestSupport.csv(inbox.resolve("2024-11").resolve("财政局-更正.csv"),
                LocalDateTime.of(2024, 12, 15, 9, 0), "unit_code,period,dimension_code,value", "b,2024-11,m1_count,10");
        nov2 = launcher.launch(SCHEME, NOV, true);
        mailsAfterNov2 = ENV.mail().getReceivedMessages();
        nov3 = launcher.launch(SCHEME, NOV, true);
        mailsAfterNov3 = ENV.mail().getReceivedMessages();
        q4r2 = launcher.launch(SCHEME, Q4, false);
        yearR2 = launcher.launch(SCHEME, YEAR, false);
    }

    @Test
    void everyRunCompletes() {
        for (Run r : List.of(nov, dec, q4, year)) {
            assertThat(r.status()).as(r.period() + ": " + r.message()).isEqualTo(RunStatus.COMPLETED);
        }
    }

    @Test
    void novemberTiesShareARankAndTheNextIsSkipped() {
        Map<String, RankedScore> m1 = competition(nov, "m1");
        assertScore(m1, "a", "100.00", 1);
        assertScore(m1, "c", "75.00", 2);
        assertScore(m1, "d", "75.00", 2);
        assertScore(m1, "b", "65.00", 4);
        // the cumulative target is the annual one times 序时进度: 1200 × 11/12 = 1100
        assertThat(scores.dimensions(nov.id()).stream().filter(d -> d.dimensionCode().equals("m1_funds")
                && d.unitCode().equals("a")).findFirst().orElseThrow().target()).isEqualByComparingTo("1100");
    }

    @Test
    void theQuarterAveragesItsScoredMonthsAndReNormalisesTheTotal() {
        Map<String, RankedScore> m1 = competition(q4, "m1");
        assertScore(m1, "a", "95.00", 1);
        assertScore(m1, "b", "77.50", 2);
        assertScore(m1, "d", "75.00", 3);
        assertScore(m1, "c", "60.00", 4);
        assertThat(scores.dimensions(q4.id()).stream().map(d -> d.dimensionCode()).distinct())
                .containsExactlyInAnyOrder("q1_total", "m1@2024-11", "m1@2024-12"); // October is not scored
        Map<String, RankedScore> q1 = competition(q4, "q1");
        assertScore(q1, "b", "100.00", 1);
        assertScore(q1, "a", "75.00", 2);
        assertScore(q1, "c", "50.00", 3);
        Map<String, RankedScore> totals = totals(q4);
        assertScore(totals, "b", "92.50", 1);
        assertScore(totals, "a", "81.67", 2);
        assertScore(totals, "d", "75.00", 3);
        assertScore(totals, "c", "53.33", 4);
    }

    @Test
    void theYearAveragesThePeriodsAndAppliesTheResults() {
        assertScore(competition(year, "m1"), "b", "77.50", 2);
        assertScore(competition(year, "q1"), "c", "50.00", 3);
        assertScore(totals(year), "a", "81.67", 2);
        Map<String, UnitAward> byUnit = awardsOf(year);
        UnitAward b = byUnit.get("b");
        assertThat(b.efficiencyPoints()).isEqualTo(1);
        assertThat(b.excellentQuota()).isEqualByComparingTo("0");
        assertThat(b.workFunds()).isEqualByComparingTo("100000");
        assertThat(b.reason()).contains("未获+3分", "11月 项目投资比拼 第4名", "效能目标考核+1分");
        assertThat(byUnit.get("a").efficiencyPoints()).isEqualTo(1);
        assertThat(byUnit.get("a").workFunds()).isEqualByComparingTo("80000");
        assertThat(byUnit.get("d").efficiencyPoints()).isZero();
        assertThat(byUnit.get("d").workFunds()).isEqualByComparingTo("50000");
        assertThat(byUnit.get("c").workFunds()).isEqualByComparingTo("0");
    }

    @Test
    void periodsBeforeTheCampaignStartAreNotRun() {
        assertThatThrownBy(() -> launcher.launch(SCHEME, Period.parse("2024-10"), false))
                .isInstanceOf(RunRequestException.class).hasMessageContaining("早于");
        assertThatThrownBy(() -> launcher.launch(SCHEME, Period.parse("2024-Q3"), false))
                .isInstanceOf(RunRequestException.class).hasMessageContaining("早于");
    }

    @Test
    void theAnnualBulletinShowsAwardsAndReportingDiscipline() throws IOException {
        String text = pdfText(year);
        assertThat(text).contains("年度测试2024年度总比拼榜单", "考核结果运用", "11月 项目投资比拼 第4名", "报送纪律", "财政局");
        // D24: the policy's own numbering from the scheme file, never a spec code
        assertThat(text).contains("按附件1 一（三）结果运用计算").doesNotContain("R-AWARD", "（D3）", "（D5）", "awards");
        // the year's lateness is the 报送纪律 table: no 未报送 / 逾期 lists that only point to it, no empty 变化 column
        assertThat(text).doesNotContain("见“报送纪律”表", "变化");
        // every target_ratio figure shows its target: a's November funds against 1200 × 11/12 = 1100
        assertThat(pdfText(nov)).contains("目标 1,100");
    }

    @Test
    void aCorrectedMonthIsRevisionTwoWithAChangeNoteAndACorrectionMail() throws Exception {
        assertThat(mailsBefore).hasSize(4); // Nov, Dec, Q4, year: one recipient each
        // 财政局 corrects November: 10 projects, not 8 → count 100, m1 (100 + 50)/2 = 75.00;
        // the pool is then a 100, b 75, c 75, d 75 → ranks a 1, b 2, c 2, d 2
        assertThat(nov2.revision()).isEqualTo(2);
        assertScore(competition(nov2, "m1"), "b", "75.00", 2);
        assertScore(competition(nov, "m1"), "b", "65.00", 4); // revision 1 stays as it was
        String text = pdfText(nov2);
        assertThat(text).contains("（更正）", "更正说明", "开工项目个数", "财政局-更正.csv", "第4名", "第2名");
        assertThat(mailsAfterNov2).hasSize(mailsBefore.length + 1);
        assertThat(mailsAfterNov2[mailsBefore.length].getSubject()).startsWith("【更正】年度测试2024年11月晾晒榜单");

        assertThat(nov3.revision()).isEqualTo(3);
        assertThat(mailsAfterNov3).as("an unchanged re-run is not mailed").hasSize(mailsBefore.length + 1);
    }

    @Test
    void theCorrectionCarriesIntoTheQuarterAndTheYear() throws IOException {
        // Q4 m1 for b: (75 + 90)/2 = 82.50; total (3000 + 15 × 82.5)/45 = 4237.5/45 = 94.166… → 94.17
        // b's ranks are now November 2, December 1, Q4 q1 1, year 1 → +3, +5% 优秀, 100,000
        assertScore(totals(q4r2), "b", "94.17", 1);
        // the quarter's 更正说明 names the changed component by its month: b's November score 65.00 → 75.00
        assertThat(pdfText(q4r2)).contains("更正说明", "财政局 项目投资比拼 11月得分 65.00 75.00");
        UnitAward b = awardsOf(yearR2).get("b");
        assertThat(b.efficiencyPoints()).isEqualTo(3);
        assertThat(b.excellentQuota()).isEqualByComparingTo("0.05");
        assertThat(b.workFunds()).isEqualByComparingTo("100000");
        assertThat(b.reason()).contains("各期排名均在前3名且全年第1名");
        assertThat(awardsOf(year).get("b").efficiencyPoints()).isEqualTo(1); // the first annual revision is kept
    }

    private Map<String, UnitAward> awardsOf(Run run) {
        return awards.forRun(run.id()).stream().collect(Collectors.toMap(UnitAward::unitCode, a -> a));
    }

    private String pdfText(Run run) throws IOException {
        var files = bulletins.files(schemes.load(SCHEME), run, Path.of(run.outputDir()));
        try (PDDocument pdf = Loader.loadPDF(files.pdf().toFile())) {
            return new PDFTextStripper().getText(pdf).replaceAll("\\s*\\n\\s*", ""); // table cells wrap
        }
    }

    private Map<String, RankedScore> competition(Run run, String code) {
        return scores.competitions(run.id()).stream().filter(s -> s.competitionCode().equals(code))
                .collect(Collectors.toMap(RankedScore::unitCode, s -> s));
    }

    private Map<String, RankedScore> totals(Run run) {
        return scores.totals(run.id()).stream().collect(Collectors.toMap(RankedScore::unitCode, s -> s));
    }

    private static void assertScore(Map<String, RankedScore> scores, String unit, String score, int rank) {
        assertThat(scores.get(unit).score()).as(unit).isEqualByComparingTo(new BigDecimal(score));
        assertThat(scores.get(unit).rank()).as(unit + " rank").isEqualTo(rank);
    }
}
