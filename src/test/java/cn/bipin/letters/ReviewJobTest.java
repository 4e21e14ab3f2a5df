package cn.bipin.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

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

import cn.bipin.bulletin.BulletinService;
import cn.bipin.results.ReviewRepository;
import cn.bipin.results.ScoreRepository;
import cn.bipin.results.ScoreRepository.RankedScore;
import cn.bipin.run.Run;
import cn.bipin.run.RunLauncher;
import cn.bipin.run.RunRepository;
import cn.bipin.run.RunRequestException;
import cn.bipin.run.RunStatus;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.SchemeRepository;
import cn.bipin.scoring.Review;
import cn.bipin.testsupport.JobEnvironment;
import cn.bipin.testsupport.JobTest;
import cn.bipin.testsupport.JobTestSupport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The monthly review of {@code reviewtest-2023} (DOMAIN §7.2, D16–D18) over April–June with a correction of May.
 * Annual target 1000 for every unit; the only dimension is the cumulative amount against it (target_scope: year), so
 * raw = 100 × amount / 1000 and completion = amount / 1000. Coefficients: a 1.10 throughout, c 0.90 from May.
 * k 0.2, cap 5. 序时进度 April 4/12 = 33.33%, May 5/12 = 41.67%, June 6/12 = 50.00%.
 *
 * <pre>
 * April   a 400 → 40.00 × 1.1 = 44.00, 40% ≥ 33.33%
 *         b 300 → 30%: (33.33 − 30) × 0.2 = 0.666 → 0.67 deducted; 30.00 − 0.67 = 29.33; 绿1
 *         c 200 → 20%: 13.33 × 0.2 = 2.666 → 2.67; 20.00 − 2.67 = 17.33; 绿2
 *         d  50 →  5%: 28.33 × 0.2 = 5.666 → cap 5.00; 5.00 − 5.00 = 0.00; 绿3
 * May r1  b 420 → 42% ≥ 41.67%: April's 0.67 restored (返还); 42.00 + 0.67 = 42.67; ladder reset
 *         c 300 → 30%: 11.67 × 0.2 = 2.334 → 2.33; April's 2.67 final (确认扣除); 30.00 × 0.9 = 27.00 − 2.33 = 24.67; 橙1
 *         d 100 → 10%: 31.67 × 0.2 = 6.334 → 5.00; 10.00 − 5.00 = 5.00; 橙2
 * June r1 (built on May r1) b 520 → 52% ≥ 50%, May deducted nothing: 52.00
 * May r2  (b corrects May to 400 → 40% < 41.67%: 1.67 × 0.2 = 0.334 → 0.33; April's 0.67 final; 40.00 − 0.33 = 39.67;
 *         橙3 — c and d keep 橙1, 橙2: a re-run gives no second number)
 * June r2 (built on May r2) a 520 → 52.00 × 1.1 = 57.20
 *         b 520 → 52% ≥ 50%: May's 0.33 restored → 52.33 (June r1 had 52.00: the correction of May changed it)
 *         c 480 → 48%: 2.00 × 0.2 = 0.40; May's 2.33 final; 48.00 × 0.9 = 43.20 − 0.40 = 42.80; 3rd month → 红1
 *         d 600 → 60%: May's 5.00 restored; 60.00 + 5.00 = 65.00
 *         ranks: d 65.00 (1), a 57.20 (2), b 52.33 (3), c 42.80 (4); thirds ⌈4/3⌉ = 2: top d, a; bottom b, c;
 *         spread 65.00 − 42.80 = 22.20
 * </pre>
 */
@JobTest
class ReviewJobTest {

    @RegisterExtension
    static final JobEnvironment ENV = new JobEnvironment("review");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ENV.register(registry);
    }

    static final String SCHEME = "reviewtest-2023";
    static final String HEADER = "unit_code,period,dimension_code,value";

    @Autowired
    RunLauncher launcher;
    @Autowired
    ScoreRepository scores;
    @Autowired
    ReviewRepository reviews;
    @Autowired
    RunRepository runs;
    @Autowired
    BulletinService bulletins;
    @Autowired
    SchemeRepository schemes;
    @Autowired
    JdbcClient jdbc;

    Run april;
    Run may1;
    Run june1;
    Run may2;
    Run june2;
    boolean juneStaleAfterMayCorrection;

    @BeforeAll
    void runAprilToJuneAndCorrectMay() {
        Path inbox = ENV.work().resolve("inbox").resolve(SCHEME);
        JobTestSupport.csv(inbox.resolve("2023-04").resolve("all.csv"), LocalDateTime.of(2023, 5, 5, 9, 0), HEADER,
                "a,2023-04,amt,400", "b,2023-04,amt,300", "c,2023-04,amt,200", "d,2023-04,amt,50");
        JobTestSupport.csv(inbox.resolve("2023-05").resolve("all.csv"), LocalDateTime.of(2023, 6, 5, 9, 0), HEADER,
                "a,2023-05,amt,450", "b,2023-05,amt,420", "c,2023-05,amt,300", "d,2023-05,amt,100");
        JobTestSupport.csv(inbox.resolve("2023-06").resolve("all.csv"), LocalDateTime.of(2023, 7, 5, 9, 0), HEADER,
                "a,2023-06,amt,520", "b,2023-06,amt,520", "c,2023-06,amt,480", "d,2023-06,amt,600");
        april = launcher.launch(SCHEME, Period.parse("2023-04"), false);
        may1 = launcher.launch(SCHEME, Period.parse("2023-05"), false);
        june1 = launcher.launch(SCHEME, Period.parse("2023-06"), false);
        JobTestSupport.csv(inbox.resolve("2023-05").resolve("b-更正.csv"), LocalDateTime.of(2023, 6, 8, 9, 0), HEADER,
                "b,2023-05,amt,400");
        may2 = launcher.launch(SCHEME, Period.parse("2023-05"), false);
        juneStaleAfterMayCorrection = runs.stale(SCHEME).stream()
                .anyMatch(s -> s.publication().id() == june1.id() && s.used().id() == may1.id() && s.newer().id() == may2.id());
        june2 = launcher.launch(SCHEME, Period.parse("2023-06"), true);
    }

    @Test
    void everyRunCompletes() {
        for (Run r : new Run[] {april, may1, june1, may2, june2}) {
            assertThat(r.status()).as(r.period() + " r" + r.revision() + ": " + r.message()).isEqualTo(RunStatus.COMPLETED);
        }
        assertThat(may2.revision()).isEqualTo(2);
        assertThat(june2.revision()).isEqualTo(2);
    }

    @Test
    void aMonthWhoseMonthBeforeWasNotRunIsRefused() {
        assertThatThrownBy(() -> launcher.launch(SCHEME, Period.parse("2023-08"), false))
                .isInstanceOf(RunRequestException.class).hasMessageContaining("2023-07");
    }

    @Test
    void aprilDeductsBelowTimeProgressWithTheCap() {
        Map<String, Review.Month> m = reviews.months(april.id());
        assertThat(m.get("a").published()).isEqualByComparingTo("44.00");
        assertThat(m.get("b").deducted()).isEqualByComparingTo("0.67");
        assertThat(m.get("b").published()).isEqualByComparingTo("29.33");
        assertThat(m.get("c").published()).isEqualByComparingTo("17.33");
        assertThat(m.get("d").deducted()).isEqualByComparingTo("5.00");
        assertThat(m.get("d").published()).isEqualByComparingTo("0.00");
    }

    @Test
    void mayRestoresOrConfirmsAprilsDeductionsAndTheCorrectionTurnsBsRestoreIntoAFinalDeduction() {
        Map<String, Review.Month> first = reviews.months(may1.id());
        assertThat(first.get("b").previousFate()).isEqualTo(Review.Fate.RESTORED);
        assertThat(first.get("b").published()).isEqualByComparingTo("42.67");
        assertThat(first.get("c").previousFate()).isEqualTo(Review.Fate.CONFIRMED);
        assertThat(first.get("c").coefficient()).isEqualByComparingTo("0.90");
        assertThat(first.get("c").published()).isEqualByComparingTo("24.67");
        Map<String, Review.Month> corrected = reviews.months(may2.id());
        assertThat(corrected.get("b").previousFate()).isEqualTo(Review.Fate.CONFIRMED);
        assertThat(corrected.get("b").deducted()).isEqualByComparingTo("0.33");
        assertThat(corrected.get("b").published()).isEqualByComparingTo("39.67");
    }

    @Test
    void aCorrectedMayMakesJuneStaleAndChangesJunesRestore() {
        assertThat(juneStaleAfterMayCorrection).isTrue();
        assertThat(reviews.months(june1.id()).get("b").published()).isEqualByComparingTo("52.00");
        Review.Month b = reviews.months(june2.id()).get("b");
        assertThat(b.previousFate()).isEqualTo(Review.Fate.RESTORED);
        assertThat(b.restored()).isEqualByComparingTo("0.33");
        assertThat(b.published()).isEqualByComparingTo("52.33");
        assertThat(b.streak()).isZero(); // green (April) → orange (May r2) → reset
    }

    @Test
    void junesRanksUseThePublishedScores() {
        Map<String, RankedScore> totals = scores.totals(june2.id()).stream()
                .collect(Collectors.toMap(RankedScore::unitCode, t -> t));
        assertThat(totals.get("d").score()).isEqualByComparingTo("65.00");
        assertThat(totals.get("d").rank()).isEqualTo(1);
        assertThat(totals.get("a").score()).isEqualByComparingTo("57.20");
        assertThat(totals.get("a").rank()).isEqualTo(2);
        assertThat(totals.get("b").rank()).isEqualTo(3);
        assertThat(totals.get("c").score()).isEqualByComparingTo("42.80");
        assertThat(totals.get("c").rank()).isEqualTo(4);
    }

    @Test
    void lettersKeepTheirNumbersThroughReRuns() {
        Map<String, String> numbers = jdbc.sql("SELECT unit_code, period, kind, number FROM letter_number WHERE scheme = ?")
                .param(SCHEME).query((rs, n) -> Map.entry(rs.getString("period") + "/" + rs.getString("unit_code") + "/"
                        + rs.getString("kind"), rs.getString("number"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(numbers).containsExactlyInAnyOrderEntriesOf(Map.of(
                "2023-04/b/GREEN", "测考〔2023〕绿1号", "2023-04/c/GREEN", "测考〔2023〕绿2号",
                "2023-04/d/GREEN", "测考〔2023〕绿3号",
                "2023-05/c/ORANGE", "测考〔2023〕橙1号", "2023-05/d/ORANGE", "测考〔2023〕橙2号",
                "2023-05/b/ORANGE", "测考〔2023〕橙3号",
                "2023-06/c/RED", "测考〔2023〕红1号"));
    }

    @Test
    void theRedLetterPdfNamesItsNumberAndUnitAndIsMailedToTheUnit() throws Exception {
        Path pdf = Path.of(june2.outputDir()).resolve("函件").resolve("2023-06_三局_红色督办函.pdf");
        String text = text(pdf);
        assertThat(text).contains("红色督办函", "测考〔2023〕红1号", "三局", "48.00%", "50.00%", "确认扣除", "42.80");
        assertThat(Path.of(june2.outputDir()).resolve("函件").resolve("2023-06_三局_红色督办函.xlsx")).exists();
        MimeMessage[] mail = ENV.mail().getReceivedMessages();
        MimeMessage toC = Arrays.stream(mail).filter(m -> to(m).equals("c@review.example"))
                .filter(m -> subject(m).contains("红色督办函")).findFirst().orElseThrow();
        assertThat(subject(toC)).isEqualTo("考核测试2023年6月考核结果反馈单及红色督办函 测考〔2023〕红1号（三局）");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery WHERE run_id = ? AND recipient_email = ? AND subject = ?")
                .params(june2.id(), "c@review.example", subject(toC)).query(Integer.class).single()).isEqualTo(1);
        // every unit gets its 结果反馈单, the letters only the laggards
        assertThat(Arrays.stream(mail).filter(m -> subject(m).startsWith("考核测试2023年6月考核结果反馈单")).count()).isEqualTo(4);
    }

    @Test
    void theBulletinShowsRawCoefficientPublishedTheFatesTheThirdsAndTheLetters() throws IOException {
        var files = bulletins.files(schemes.load(SCHEME), june2, Path.of(june2.outputDir()));
        String text = text(files.pdf());
        assertThat(text).contains("考核得分（系数与预扣分）", "57.20", "1.1", "返还 0.33", "确认扣除 2.33", "扣分 0.40",
                "分差 22.20", "前三分之一", "后三分之一", "三函一单", "红色督办函", "测考〔2023〕红1号");
        // rank_marks: thirds — every legend and the chart's series name the thirds, none the bottom three
        assertThat(text).contains("红色底纹及 ▼ 为后三分之一（", "总得分为发布得分").doesNotContain("后三名");
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s*\\n\\s*", "");
        }
    }

    private static String to(MimeMessage m) {
        try {
            return ((InternetAddress) m.getAllRecipients()[0]).getAddress();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
