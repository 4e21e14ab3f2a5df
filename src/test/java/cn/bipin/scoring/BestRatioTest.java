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

/** best_ratio: 100 × x / max over the pool; 0 if x ≤ 0; lower is better → 100 × min / x. */
class BestRatioTest {

    private static final Dimension HIGHER = dim(Method.BEST_RATIO, Direction.HIGHER_IS_BETTER);
    private static final Dimension LOWER = dim(Method.BEST_RATIO, Direction.LOWER_IS_BETTER);

    @Test
    void againstTheBestWithAZeroANegativeAndAMissingUnit() {
        // max = 8: a 100 × 8/8 = 100.00, b 100 × 4/8 = 50.00, c 0 → 0.00, d −2 → 0.00, e missing → 0.00
        List<DimensionResult> r = DimensionScorer.score(HIGHER, List.of("a", "b", "c", "d", "e"),
                values("a", "8", "b", "4", "c", "0", "d", "-2"), null, null);
        assertThat(scores(r)).containsExactly("100.00", "50.00", "0.00", "0.00", "0.00");
        assertThat(r).extracting(DimensionResult::missing).containsExactly(false, false, false, false, true);
    }

    @Test
    void nonTerminatingRatios() {
        // max = 3: 100 × 2/3 = 66.666… → 66.67; 100 × 1/3 = 33.333… → 33.33
        assertThat(scores(DimensionScorer.score(HIGHER, List.of("a", "b", "c"),
                values("a", "3", "b", "2", "c", "1"), null, null))).containsExactly("100.00", "66.67", "33.33");
    }

    @Test
    void allNonPositiveScoreZero() {
        assertThat(scores(DimensionScorer.score(HIGHER, List.of("a", "b"), values("a", "0", "b", "-1"), null, null)))
                .containsExactly("0.00", "0.00");
    }

    @Test
    void onlyThePoolSetsTheMaximum() {
        // x = 100 belongs to another group's pool: max here is 8, so a = 100.00 and b = 100 × 6/8 = 75.00
        assertThat(scores(DimensionScorer.score(HIGHER, List.of("a", "b"), values("a", "8", "b", "6", "x", "100"),
                null, null))).containsExactly("100.00", "75.00");
    }

    @Test
    void lowerIsBetterMirrorsWithTheSmallestPositiveValue() {
        // min = 2: a 100 × 2/2 = 100.00, b 100 × 2/4 = 50.00, c 100 × 2/5 = 40.00, d 100 × 2/3 = 66.666… → 66.67
        assertThat(scores(DimensionScorer.score(LOWER, List.of("a", "b", "c", "d"),
                values("a", "2", "b", "4", "c", "5", "d", "3"), null, null)))
                .containsExactly("100.00", "50.00", "40.00", "66.67");
    }

    @Test
    void lowerIsBetterZeroIsTheBestRecord() {
        // documented choice: 0 (e.g. no overdue problems) cannot be a divisor, but it is at least as good as the
        // best positive value, so it scores 100.00; the positive values are measured against min = 2:
        // b 100 × 2/2 = 100.00, c 100 × 2/8 = 25.00; d missing → 0.00
        assertThat(scores(DimensionScorer.score(LOWER, List.of("a", "b", "c", "d"),
                values("a", "0", "b", "2", "c", "8"), null, null)))
                .containsExactly("100.00", "100.00", "25.00", "0.00");
    }
}
