package cn.bipin.scoring;

import static cn.bipin.scoring.Fixtures.dim;
import static cn.bipin.scoring.Fixtures.scores;
import static cn.bipin.scoring.Fixtures.values;
import static org.assertj.core.api.Assertions.assertThat;

import cn.bipin.scheme.Dimension;
import cn.bipin.scheme.Direction;
import cn.bipin.scheme.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 功效系数法: 60 + 40 × (x − min) / (max − min) over the pool's values; max = min → 100; missing → 0. */
class EfficacyTest {

    private static final Dimension GROWTH = dim(Method.EFFICACY, Direction.HIGHER_IS_BETTER);
    private static final Dimension LOWER = dim(Method.EFFICACY, Direction.LOWER_IS_BETTER);

    @Test
    void negativeGrowthAndAMissingUnit() {
        // min −0.05, max 0.25, span 0.30
        // a −0.05: 60 + 40 × 0/0.30 = 60.00
        // b  0.10: 60 + 40 × 0.15/0.30 = 60 + 20 = 80.00
        // c  0.25: 60 + 40 × 0.30/0.30 = 100.00
        // d missing: 0.00 (R-SCORE-2), not 60
        List<DimensionResult> r = DimensionScorer.score(GROWTH, List.of("a", "b", "c", "d"),
                values("a", "-0.05", "b", "0.10", "c", "0.25"), null, null);
        assertThat(scores(r)).containsExactly("60.00", "80.00", "100.00", "0.00");
        assertThat(r.get(3).missing()).isTrue();
        assertThat(r.get(0).target()).isNull();
    }

    @Test
    void lowerIsBetterSwapsMinAndMax() {
        // 60 + 40 × (max − x) / (max − min), max 0.25, min −0.05:
        // a −0.05: 60 + 40 × 0.30/0.30 = 100.00; b 0.10: 60 + 40 × 0.15/0.30 = 80.00; c 0.25: 60.00
        assertThat(scores(DimensionScorer.score(LOWER, List.of("a", "b", "c"),
                values("a", "-0.05", "b", "0.10", "c", "0.25"), null, null)))
                .containsExactly("100.00", "80.00", "60.00");
    }

    @Test
    void allEqualScoreHundred() {
        // max = min = 0.1 → 100.00 each; the missing unit still scores 0.00
        assertThat(scores(DimensionScorer.score(GROWTH, List.of("a", "b", "c"), values("a", "0.1", "b", "0.10"),
                null, null))).containsExactly("100.00", "100.00", "0.00");
        // a single unit with a value is its own max and min
        assertThat(scores(DimensionScorer.score(GROWTH, List.of("a"), values("a", "-0.3"), null, null)))
                .containsExactly("100.00");
    }

    @Test
    void nonTerminatingAndHalfUp() {
        // min 0, max 0.3: b 0.1 → 60 + 40 × 0.1/0.3 = 60 + 13.333… = 73.33
        assertThat(scores(DimensionScorer.score(GROWTH, List.of("a", "b", "c"),
                values("a", "0", "b", "0.1", "c", "0.3"), null, null))).containsExactly("60.00", "73.33", "100.00");
        // min 0, max 0.8: b 0.0001 → 60 + 40 × 0.0001/0.8 = 60 + 0.005 = 60.005 → HALF_UP 60.01
        assertThat(scores(DimensionScorer.score(GROWTH, List.of("a", "b", "c"),
                values("a", "0", "b", "0.0001", "c", "0.8"), null, null))).containsExactly("60.00", "60.01", "100.00");
    }
}
