package cn.bipin.scoring;

import static cn.bipin.scoring.Fixtures.dim;
import static cn.bipin.scoring.Fixtures.scores;
import static cn.bipin.scoring.Fixtures.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bipin.scheme.Dimension;
import cn.bipin.scheme.Direction;
import cn.bipin.scheme.Method;
import cn.bipin.scheme.Period;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** progress_ratio: 100 × rate / timeProgress, capped; 0 if rate ≤ 0. */
class ProgressRatioTest {

    private static final Dimension START_RATE = dim(Method.PROGRESS_RATIO, Direction.HIGHER_IS_BETTER);
    private static final BigDecimal JUNE = Period.month(2024, 6).timeProgress();

    @Test
    void rateAgainstTimeProgress() {
        // June: 序时进度 6/12 = 0.5; 100 × 0.45 / 0.5 = 90.00
        List<DimensionResult> r = DimensionScorer.score(START_RATE, List.of("a"), values("a", "0.45"), null, JUNE);
        assertThat(scores(r)).containsExactly("90.00");
        // the benchmark shown beside the value is the time progress
        assertThat(r.get(0).target()).isEqualByComparingTo("0.5");
    }

    @Test
    void aheadOfScheduleIsCapped() {
        // 100 × 0.8 / 0.5 = 160 → cap 100.00
        assertThat(scores(DimensionScorer.score(START_RATE, List.of("a"), values("a", "0.8"), null, JUNE)))
                .containsExactly("100.00");
    }

    @Test
    void nonTerminatingTimeProgress() {
        // May: 5/12; 0.35 / (5/12) = 0.35 × 12 / 5 = 4.2 / 5 = 0.84 → 84.00 (DECIMAL128 keeps 83.999…9 → 84.00)
        // July: 7/12; 0.5 / (7/12) = 6 / 7 = 0.857142… → 85.71
        assertThat(scores(DimensionScorer.score(START_RATE, List.of("a"), values("a", "0.35"), null,
                Period.month(2024, 5).timeProgress()))).containsExactly("84.00");
        assertThat(scores(DimensionScorer.score(START_RATE, List.of("a"), values("a", "0.5"), null,
                Period.month(2024, 7).timeProgress()))).containsExactly("85.71");
    }

    @Test
    void zeroOrNegativeRateScoresZero() {
        assertThat(scores(DimensionScorer.score(START_RATE, List.of("a", "b"), values("a", "0", "b", "-0.1"),
                null, JUNE))).containsExactly("0.00", "0.00");
    }

    @Test
    void needsAPositiveTimeProgress() {
        assertThatThrownBy(() -> DimensionScorer.score(START_RATE, List.of("a"), values("a", "0.5"), null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DimensionScorer.score(START_RATE, List.of("a"), values("a", "0.5"), null,
                BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
