package cn.bipin.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jobs/lanzhou-2023.yaml (DOMAIN §7.2) and the load-time checks of its vocabulary (review, target_scope, rank_marks). */
class LanzhouSchemeTest {

    private static final Path FILE = Path.of("jobs", "lanzhou-2023.yaml");
    private static final Scheme LANZHOU = SchemeLoader.load(FILE);

    @Test
    void thirtyUnitsWithMailFiveTasksAndTheAnnualFundTargetsAddUpToOneHundredBillion() {
        assertThat(LANZHOU.units()).hasSize(30).allMatch(u -> u.emails().size() == 1);
        assertThat(LANZHOU.competitions(Cycle.MONTHLY).stream().flatMap(c -> c.dimensions().stream()).toList())
                .extracting(Dimension::name)
                .containsExactly("年度总量目标", "季度进度目标", "月度增量目标", "谋划项目数", "招引落地数");
        // 1000亿元 = 10,000,000 万元
        assertThat(LANZHOU.targets().get("lz_total").values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("10000000");
    }

    @Test
    void eachTaskIsHeldToItsOwnStretchOfTheYear() {
        Period may = Period.parse("2023-05");
        // hgyq annual 900,000: total vs the annual target; quarter (Q2) 900,000 × 3/12 = 225,000; month 900,000 / 12 = 75,000;
        // planned 36 × 5/12 = 15
        assertThat(LANZHOU.target(LANZHOU.dimension("lz_total").orElseThrow(), "hgyq", may).orElseThrow()).isEqualByComparingTo("900000");
        assertThat(LANZHOU.target(LANZHOU.dimension("lz_quarter").orElseThrow(), "hgyq", may).orElseThrow()).isEqualByComparingTo("225000");
        assertThat(LANZHOU.target(LANZHOU.dimension("lz_month").orElseThrow(), "hgyq", may).orElseThrow()).isEqualByComparingTo("75000");
        assertThat(LANZHOU.target(LANZHOU.dimension("lz_planned").orElseThrow(), "hgyq", may).orElseThrow()).isEqualByComparingTo("15");
    }

    @Test
    void coefficientsChangeByMonthAndDefaultToOne() {
        ReviewRules rules = ReviewRules.of(LANZHOU);
        assertThat(rules.coefficient("ctjt", Period.parse("2023-06"))).isEqualByComparingTo("0.95");
        assertThat(rules.coefficient("ctjt", Period.parse("2023-07"))).isEqualByComparingTo("1.00");
        assertThat(rules.coefficient("swtc", Period.parse("2023-06"))).isEqualByComparingTo("1.00");
        assertThat(rules.coefficient("swtc", Period.parse("2023-12"))).isEqualByComparingTo("1.05");
        assertThat(rules.k()).isEqualByComparingTo("0.2");
        assertThat(rules.cap()).isEqualByComparingTo("5");
        assertThat(rules.number(2023, "橙", 3)).isEqualTo("兰新考〔2023〕橙3号");
        assertThat(RankMarks.of(LANZHOU)).isEqualTo(RankMarks.THIRDS);
        // the annual result's 优/差 ratios, 10% each
        assertThat(rules.annual().excellent()).isEqualByComparingTo("0.10");
        assertThat(rules.annual().poor()).isEqualByComparingTo("0.10");
    }

    @Test
    void theMarksAreNamedAsTheSchemeMarksThem() {
        // Jinfeng's words unchanged; Lanzhou's thirds: ⌈30/3⌉ = 10, ⌈14/3⌉ = 5
        assertThat(RankMarks.BOTTOM3.bottomLabel()).isEqualTo("后三名");
        assertThat(RankMarks.BOTTOM3.bottomLegend(30)).isEqualTo("后三名（与第三名并列者一并标注）");
        assertThat(RankMarks.THIRDS.bottomLabel()).isEqualTo("后三分之一");
        assertThat(RankMarks.THIRDS.bottomLegend(30)).isEqualTo("后三分之一（30 个单位中后 10 名，即 ⌈30/3⌉，与边界名次并列者一并标注）");
        assertThat(RankMarks.THIRDS.bottomLegend(14)).contains("14 个单位中后 5 名");
    }

    @Test
    void jinfengKeepsItsBottomThreeAndHasNoReview() {
        Scheme jinfeng = SchemeLoader.load(Path.of("jobs", "jinfeng-2024.yaml"));
        assertThat(RankMarks.of(jinfeng)).isEqualTo(RankMarks.BOTTOM3);
        assertThat(ReviewRules.configured(jinfeng)).isFalse();
    }

    @Test
    void aBadReviewSectionIsRefusedAtLoadNamingFileKeyAndProblem(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> load(dir, "coefficients:\n    units: { nobody: 1.1 }", "review:\n  completion: lz_total\n  "))
                .isInstanceOf(SchemeException.class).hasMessageContaining("lanzhou-2023.yaml", "review.coefficients.units.nobody",
                        "单位 'nobody' 不在 units 中");
        assertThatThrownBy(() -> load(dir, "coefficients:\n    units: { ctjt: 3 }", "review:\n  completion: lz_total\n  "))
                .hasMessageContaining("review.coefficients.units.ctjt", "不超过2");
        assertThatThrownBy(() -> load(dir, "letters: { number_format: \"兰新考〔{year}〕\" }", "review:\n  completion: lz_total\n  "))
                .hasMessageContaining("review.letters.number_format", "{seq}");
        assertThatThrownBy(() -> load(dir, "completion: lz_month", "review:\n  "))
                .hasMessageContaining("review.completion", "累计值");
        assertThatThrownBy(() -> load(dir, "annual: { excellent: 15%, poor: 10% }", "review:\n  completion: lz_total\n  "))
                .hasMessageContaining("lanzhou-2023.yaml", "review.annual.excellent", "0–10%", "15%");
        assertThatThrownBy(() -> load(dir, "annual: { excellent: 10%, bad: 10% }", "review:\n  completion: lz_total\n  "))
                .hasMessageContaining("review.annual.bad", "未知的配置项");
        assertThatThrownBy(() -> load(dir, "annual: { poor: -5% }", "review:\n  completion: lz_total\n  "))
                .hasMessageContaining("review.annual.poor", "不能为负数");
        assertThatThrownBy(() -> load(dir, "rank_marks: halves", ""))
                .hasMessageContaining("rank_marks", "thirds");
    }

    /** The Lanzhou file with its review and rank_marks replaced by the given text. */
    private static Scheme load(Path dir, String body, String prefix) throws IOException {
        String text = Files.readString(FILE, StandardCharsets.UTF_8);
        int from = text.indexOf("# 月度考核（D16–D18）");
        int to = text.indexOf("policy:");
        Path file = dir.resolve("lanzhou-2023.yaml");
        Files.writeString(file, text.substring(0, from) + prefix + body + "\n\n" + text.substring(to), StandardCharsets.UTF_8);
        return SchemeLoader.load(file);
    }
}
