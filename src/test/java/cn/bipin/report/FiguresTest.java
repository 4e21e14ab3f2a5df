package cn.bipin.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import cn.bipin.scheme.Basis;
import cn.bipin.scheme.Dimension;
import cn.bipin.scheme.Direction;
import cn.bipin.scheme.Method;

class FiguresTest {

    private static final Dimension AMOUNT = dimension("万元");
    private static final Dimension RATE = dimension("%");

    @Test
    void aColumnOfAmountsPrintsEveryValueWithTwoDecimalsWhenOneHasAFraction() {
        // the column holds 64,176 and 58,732.8: one has a fraction, so both print with two decimals
        boolean fractions = Figures.hasFraction(new BigDecimal("64176")) || Figures.hasFraction(new BigDecimal("58732.8"));
        assertThat(fractions).isTrue();
        assertThat(Figures.valueInColumn(AMOUNT, new BigDecimal("64176"), fractions)).isEqualTo("64,176.00");
        assertThat(Figures.valueInColumn(AMOUNT, new BigDecimal("58732.8"), fractions)).isEqualTo("58,732.80");
    }

    @Test
    void aColumnOfWholeAmountsStaysWhole() {
        // 18 and 13.00 have no fraction (13.00 strips to 13): whole numbers, as before
        boolean fractions = Figures.hasFraction(new BigDecimal("18")) || Figures.hasFraction(new BigDecimal("13.00"));
        assertThat(fractions).isFalse();
        assertThat(Figures.valueInColumn(AMOUNT, new BigDecimal("13.00"), fractions)).isEqualTo("13");
    }

    @Test
    void ratesKeepTheirOwnFormatWhateverTheColumn() {
        // 0.148 → 14.80%, two decimals always
        assertThat(Figures.valueInColumn(RATE, new BigDecimal("0.148"), true)).isEqualTo("14.80%");
        assertThat(Figures.valueInColumn(AMOUNT, null, true)).isEmpty();
    }

    private static Dimension dimension(String measure) {
        return new Dimension("d", "d", measure, BigDecimal.ONE, Method.BEST_RATIO, Direction.HIGHER_IS_BETTER,
                "%".equals(measure) ? Basis.RATE : Basis.CUMULATIVE, Dimension.DEFAULT_CAP, Dimension.DEFAULT_STEP,
                Dimension.DEFAULT_FLOOR, null, false);
    }
}
