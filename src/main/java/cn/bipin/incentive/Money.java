package cn.bipin.incentive;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;

import cn.bipin.report.Figures;

/** How amounts and rates read in the list: 1,200,000 元, 1,234.56 元, 20%, 19.99%. */
public final class Money {

    private Money() {
    }

    /** Awards are paid in 元 and 分: two decimals, half up. */
    static BigDecimal round(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    /** As the bulletins print amounts: 100,000 or 1,234.50. */
    public static String format(BigDecimal v) {
        return Figures.amount(v);
    }

    /** A fraction as a percentage with as many decimals as it has, at most four: 0.2 → 20%, 0.1999 → 19.99%. */
    static String percent(BigDecimal fraction) {
        BigDecimal p = fraction.movePointRight(2).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        return (p.scale() < 0 ? p.setScale(0) : p).toPlainString() + "%";
    }

    /**
     * Growth of {@code now} over {@code before} as a percentage to at most two decimals, for display only (rules
     * compare products). Rounded down, so the shown figure sits on the same side of any threshold of two decimals or
     * fewer as the true one: 19.999% shows 19.99%, never 20%; 6.7797% shows 6.77%.
     */
    static String growth(BigDecimal now, BigDecimal before) {
        if (before == null || before.signum() == 0) {
            return "—";
        }
        BigDecimal p = now.subtract(before).multiply(BigDecimal.valueOf(100))
                .divide(before, 2, RoundingMode.FLOOR).stripTrailingZeros();
        return (p.scale() < 0 ? p.setScale(0) : p).toPlainString() + "%";
    }
}
