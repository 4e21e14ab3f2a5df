package cn.bipin.scoring;

import static cn.bipin.scoring.Fixtures.bd;
import static cn.bipin.scoring.Fixtures.dim;
import static cn.bipin.scoring.Fixtures.scores;
import static cn.bipin.scoring.Fixtures.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bipin.scheme.Dimension;
import cn.bipin.scheme.Direction;
import cn.bipin.scheme.Method;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** target_ratio: 100 × actual / target, capped at cap (default 100); 0 if actual ≤ 0. */
class TargetRatioTest {

    private static final Dimension PER_UNIT = dim(Method.TARGET_RATIO, Direction.HIGHER_IS_BETTER);

    @Test
    void ratioIsRoundedHalfUpOnce() {
        // 100 × 1,234.5 / 2,000 = 61.725 → HALF_UP 61.73
        List<DimensionResult> r = DimensionScorer.score(PER_UNIT, List.of("a"), values("a", "1234.5"),
                u -> bd("2000"), null);
        assertThat(scores(r)).containsExactly("61.73");
        assertThat(r.get(0).target()).isEqualByComparingTo("2000");
        assertThat(r.get(0).value()).isEqualByComparingTo("1234.5");
    }

    @Test
    void nonTerminatingDivision() {
        // 100 × 1 / 3 = 33.333… → 33.33; 100 × 2 / 3 = 66.666… → 66.67
        Map<String, BigDecimal> targets = Map.of("a", bd("3"), "b", bd("3"));
        List<DimensionResult> r = DimensionScorer.score(PER_UNIT, List.of("a", "b"), values("a", "1", "b", "2"),
                targets::get, null);
        assertThat(scores(r)).containsExactly("33.33", "66.67");
    }

    @Test
    void cappedAtDefaultHundredOrAtTheSchemeCap() {
        // 100 × 2,500 / 2,000 = 125 → default cap 100.00
        assertThat(scores(DimensionScorer.score(PER_UNIT, List.of("a"), values("a", "2500"), u -> bd("2000"),
                null))).containsExactly("100.00");
        // same with cap 120 → 120.00; 100 × 2,200 / 2,000 = 110 stays 110.00
        Dimension cap120 = dim(Method.TARGET_RATIO, Direction.HIGHER_IS_BETTER, bd("120"), null, null, null);
        assertThat(scores(DimensionScorer.score(cap120, List.of("a", "b"), values("a", "2500", "b", "2200"),
                u -> bd("2000"), null))).containsExactly("120.00", "110.00");
    }

    @Test
    void zeroOrNegativeActualScoresZero() {
        assertThat(scores(DimensionScorer.score(PER_UNIT, List.of("a", "b"), values("a", "0", "b", "-10"),
                u -> bd("2000"), null))).containsExactly("0.00", "0.00");
    }

    @Test
    void commonTargetWinsOverThePerUnitLookup() {
        // 入库报统率 with target 100% = 1: 100 × 0.875 / 1 = 87.50 (the lookup's 2 is not used)
        Dimension registration = dim(Method.TARGET_RATIO, Direction.HIGHER_IS_BETTER, null, null, null, bd("1"));
        List<DimensionResult> r = DimensionScorer.score(registration, List.of("a"), values("a", "0.875"),
                u -> bd("2"), null);
        assertThat(scores(r)).containsExactly("87.50");
        assertThat(r.get(0).target()).isEqualByComparingTo("1");
    }

    @Test
    void missingTargetForAUnitWithAValueIsASchemeError() {
        assertThatThrownBy(() -> DimensionScorer.score(PER_UNIT, List.of("a", "u7"), values("a", "5", "u7", "5"),
                u -> u.equals("a") ? bd("10") : null, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("u7").hasMessageContaining("d_test");
    }

    @Test
    void nonPositiveTargetIsASchemeErrorEvenForAZeroActual() {
        assertThatThrownBy(() -> DimensionScorer.score(PER_UNIT, List.of("u3"), values("u3", "0"),
                u -> BigDecimal.ZERO, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("u3").hasMessageContaining("d_test");
    }

    @Test
    void missingUnitNeedsNoTargetAndScoresZero() {
        // b has no value and no target: no error, 0.00 and flagged missing (R-SCORE-2)
        List<DimensionResult> r = DimensionScorer.score(PER_UNIT, List.of("a", "b"), values("a", "1000"),
                u -> u.equals("a") ? bd("2000") : null, null);
        assertThat(r.get(1)).isEqualTo(new DimensionResult("b", null, null, bd("0.00"), true));
        // 100 × 1,000 / 2,000 = 50.00
        assertThat(r.get(0)).isEqualTo(new DimensionResult("a", bd("1000"), bd("2000"), bd("50.00"), false));
    }
}
