package cn.bipin.scoring;

import static cn.bipin.scoring.Fixtures.bd;
import static cn.bipin.scoring.Fixtures.dim;
import static cn.bipin.scoring.Fixtures.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bipin.scheme.Direction;
import cn.bipin.scheme.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What holds for every method: pool order, missing units (R-SCORE-2), scale 2. */
class DimensionScorerTest {

    @Test
    void oneResultPerPoolUnitInPoolOrder() {
        // max = 4: c 100.00, a 100 × 1/4 = 25.00; b mapped to null is missing → 0.00
        List<DimensionResult> r = DimensionScorer.score(dim(Method.BEST_RATIO, Direction.HIGHER_IS_BETTER),
                List.of("c", "b", "a"), values("a", "1", "b", null, "c", "4"), null, null);
        assertThat(r).containsExactly(
                new DimensionResult("c", bd("4"), null, bd("100.00"), false),
                new DimensionResult("b", null, null, bd("0.00"), true),
                new DimensionResult("a", bd("1"), null, bd("25.00"), false));
    }

    @Test
    void everyScoreHasScaleTwo() {
        List<DimensionResult> r = DimensionScorer.score(dim(Method.EFFICACY, Direction.HIGHER_IS_BETTER),
                List.of("a", "b", "c"), values("a", "1", "b", "2"), null, null);
        assertThat(r).allSatisfy(x -> assertThat(x.score().scale()).isEqualTo(2));
    }

    @Test
    void nobodySubmitted() {
        List<DimensionResult> r = DimensionScorer.score(dim(Method.EFFICACY, Direction.HIGHER_IS_BETTER),
                List.of("a", "b"), values(), null, null);
        assertThat(r).extracting(x -> x.score().toPlainString()).containsExactly("0.00", "0.00");
        assertThat(r).allMatch(DimensionResult::missing);
    }

    @Test
    void emptyPool() {
        assertThat(DimensionScorer.score(dim(Method.RANK_POINTS, Direction.HIGHER_IS_BETTER), List.of(),
                values("a", "1"), null, null)).isEmpty();
    }

    @Test
    void aUnitTwiceInThePoolIsRejected() {
        assertThatThrownBy(() -> DimensionScorer.score(dim(Method.BEST_RATIO, Direction.HIGHER_IS_BETTER),
                List.of("a", "b", "a"), values("a", "1"), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a");
    }
}
