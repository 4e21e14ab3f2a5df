package cn.bipin.scoring;

import static cn.bipin.scoring.Fixtures.bd;
import static cn.bipin.scoring.Fixtures.dim;
import static cn.bipin.scoring.Fixtures.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bipin.scheme.Direction;
import cn.bipin.scheme.Method;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R-SCORE-3: Σ wᵢ·sᵢ / Σ wᵢ with relative weights, D3 re-normalisation and D4 rounding of the level below. */
class WeightedTest {

    private static WeightedScore part(String weight, String score) {
        return new WeightedScore(bd(weight), bd(score));
    }

    @Test
    void totalOverAllSevenJinfengCompetitions() {
        // weights 30,15,15,10,10,10,10 (Σ 100); scores 90,80,70,60,50,40,100
        // Σ w·s = 2700 + 1200 + 1050 + 600 + 500 + 400 + 1000 = 7450; 7450 / 100 = 74.50
        BigDecimal total = Weighted.score(List.of(part("30", "90.00"), part("15", "80.00"), part("15", "70.00"),
                part("10", "60.00"), part("10", "50.00"), part("10", "40.00"), part("10", "100.00")));
        assertThat(total.toPlainString()).isEqualTo("74.50");
    }

    @Test
    void unitInOnlySomeCompetitionsIsReNormalised() {
        // D3: a unit in C1 (30), C2 (15), C4 (10), C5 (10) only, scores 90, 80, 60, 50.
        // Σ w = 65; Σ w·s = 2700 + 1200 + 600 + 500 = 5000; 5000 / 65 = 76.923076… → 76.92
        // (dividing by 100 instead would give 50.00 and punish the unit for competitions it is not in)
        BigDecimal total = Weighted.score(List.of(part("30", "90.00"), part("15", "80.00"),
                part("10", "60.00"), part("10", "50.00")));
        assertThat(total.toPlainString()).isEqualTo("76.92");
    }

    @Test
    void equalThirdsWithRelativeWeightsOne() {
        // D1: weights 1, 1, 1 → (61.73 + 33.33 + 50.01) / 3 = 145.07 / 3 = 48.35666… → 48.36
        BigDecimal score = Weighted.score(List.of(part("1", "61.73"), part("1", "33.33"), part("1", "50.01")));
        assertThat(score.toPlainString()).isEqualTo("48.36");
    }

    @Test
    void roundsTheResultHalfUp() {
        // (80.00 + 80.01) / 2 = 80.005 → HALF_UP 80.01 (HALF_EVEN would give 80.00)
        assertThat(Weighted.score(List.of(part("1", "80.00"), part("1", "80.01"))).toPlainString())
                .isEqualTo("80.01");
    }

    @Test
    void competitionIsComputedFromTheRoundedDimensionScores() {
        // D4 end to end, three equally weighted dimensions:
        //   target_ratio 1234.5 / 2000 → 61.725   → published 61.73
        //   best_ratio   1 of max 3    → 33.333…  → published 33.33
        //   target_ratio 1000.1 / 2000 → 50.005   → published 50.01
        // from the published scores: 145.07 / 3 = 48.35666… → 48.36
        // from full precision it would be (61.725 + 33.3333… + 50.005) / 3 = 145.06333… / 3 = 48.35444… → 48.35
        BigDecimal d1 = DimensionScorer.score(dim(Method.TARGET_RATIO, Direction.HIGHER_IS_BETTER),
                List.of("u"), values("u", "1234.5"), u -> bd("2000"), null).get(0).score();
        BigDecimal d2 = DimensionScorer.score(dim(Method.BEST_RATIO, Direction.HIGHER_IS_BETTER),
                List.of("u", "v"), values("u", "1", "v", "3"), null, null).get(0).score();
        BigDecimal d3 = DimensionScorer.score(dim(Method.TARGET_RATIO, Direction.HIGHER_IS_BETTER),
                List.of("u"), values("u", "1000.1"), u -> bd("2000"), null).get(0).score();
        assertThat(List.of(d1, d2, d3)).extracting(BigDecimal::toPlainString)
                .containsExactly("61.73", "33.33", "50.01");

        BigDecimal competition = Weighted.score(List.of(new WeightedScore(BigDecimal.ONE, d1),
                new WeightedScore(BigDecimal.ONE, d2), new WeightedScore(BigDecimal.ONE, d3)));
        assertThat(competition.toPlainString()).isEqualTo("48.36");
    }

    @Test
    void roundsAFullPrecisionPartBeforeWeighting() {
        // Same numbers passed unrounded: Weighted still uses 61.73, 33.33, 50.01 → 48.36, not 48.35
        BigDecimal score = Weighted.score(List.of(part("1", "61.725"), part("1", "33.3333333333"),
                part("1", "50.005")));
        assertThat(score.toPlainString()).isEqualTo("48.36");
    }

    @Test
    void rejectsNoPartsZeroTotalWeightAndNegativeWeights() {
        assertThatThrownBy(() -> Weighted.score(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Weighted.score(List.of(part("0", "80"), part("0", "90"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Weighted.score(List.of(part("-1", "80"), part("2", "90"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
