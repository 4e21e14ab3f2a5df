package cn.bipin.scoring;

import static cn.bipin.scoring.Fixtures.bd;
import static cn.bipin.scoring.Fixtures.dim;
import static cn.bipin.scoring.Fixtures.scores;
import static cn.bipin.scoring.Fixtures.values;
import static org.assertj.core.api.Assertions.assertThat;

import cn.bipin.scheme.Dimension;
import cn.bipin.scheme.Direction;
import cn.bipin.scheme.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 名次赋分: 100 − step × (rank − 1), floor floor (defaults 5 and 60); ranks per D6 on the value. */
class RankPointsTest {

    private static final Dimension DEFAULTS = dim(Method.RANK_POINTS, Direction.HIGHER_IS_BETTER);

    @Test
    void tiesShareRankAndPoints() {
        // values 10, 8, 8, 5, 5, 3 → ranks 1, 2, 2, 4, 4, 6
        // points 100, 95, 95, 100 − 5×3 = 85, 85, 100 − 5×5 = 75
        assertThat(scores(DimensionScorer.score(DEFAULTS, List.of("a", "b", "c", "d", "e", "f"),
                values("a", "10", "b", "8", "c", "8.0", "d", "5", "e", "5", "f", "3"), null, null)))
                .containsExactly("100.00", "95.00", "95.00", "85.00", "85.00", "75.00");
    }

    @Test
    void defaultFloorIsSixty() {
        // ranks 1..10 → 100, 95, …, rank 9: 100 − 40 = 60, rank 10: 100 − 45 = 55 → floor 60.00
        List<String> pool = List.of("u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9", "u10");
        List<DimensionResult> r = DimensionScorer.score(DEFAULTS, pool, values("u1", "10", "u2", "9", "u3", "8",
                "u4", "7", "u5", "6", "u6", "5", "u7", "4", "u8", "3", "u9", "2", "u10", "1"), null, null);
        assertThat(scores(r)).containsExactly("100.00", "95.00", "90.00", "85.00", "80.00", "75.00", "70.00",
                "65.00", "60.00", "60.00");
    }

    @Test
    void schemeStepAndFloor() {
        // step 20, floor 70: ranks 1, 2, 3 → 100, 80, 100 − 40 = 60 → 70.00
        Dimension d = dim(Method.RANK_POINTS, Direction.HIGHER_IS_BETTER, null, bd("20"), bd("70"), null);
        assertThat(scores(DimensionScorer.score(d, List.of("a", "b", "c"), values("a", "3", "b", "2", "c", "1"),
                null, null))).containsExactly("100.00", "80.00", "70.00");
    }

    @Test
    void lowerIsBetterRanksTheSmallestFirst() {
        // values 3, 1, 2 → ranks 3, 1, 2 → 90, 100, 95
        Dimension d = dim(Method.RANK_POINTS, Direction.LOWER_IS_BETTER);
        assertThat(scores(DimensionScorer.score(d, List.of("a", "b", "c"), values("a", "3", "b", "1", "c", "2"),
                null, null))).containsExactly("90.00", "100.00", "95.00");
    }

    @Test
    void missingUnitTakesNoRankAndScoresZero() {
        // b missing: a rank 1 → 100, c rank 2 → 95 (not 3 → 90); b 0.00, not the floor
        assertThat(scores(DimensionScorer.score(DEFAULTS, List.of("a", "b", "c"), values("a", "5", "c", "3"),
                null, null))).containsExactly("100.00", "0.00", "95.00");
    }
}
