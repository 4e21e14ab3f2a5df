package cn.bipin.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;

import cn.bipin.scheme.Dimension;

/** How values and scores are printed: the same text in the PDF, the .xlsx and the leaders' mail. */
public final class Figures {

    private Figures() {
    }

    /** A dimension value as a reader expects it: 45.00% for rates, 1,234.50 for amounts, 12 for counts. */
    public static String value(Dimension d, BigDecimal v) {
        if (v == null) {
            return "";
        }
        return d.isPercent() ? percent(v) : amount(v);
    }

    /**
     * A value printed to compare with {@code other} (原值 → 新值): amounts both with two decimals when either has a
     * fraction, so 51,560.05 → 52,100.00 rather than 52,100.
     */
    public static String valueLike(Dimension d, BigDecimal v, BigDecimal other) {
        return valueInColumn(d, v, hasFraction(v) || hasFraction(other));
    }

    /**
     * A value printed in a column of values of one dimension: amounts all with two decimals when any value of the
     * column has a fraction ({@code fractions}), so 64,176.00 stands above 58,732.80 rather than 64,176.
     */
    public static String valueInColumn(Dimension d, BigDecimal v, boolean fractions) {
        if (v == null || d.isPercent() || !fractions) {
            return value(d, v);
        }
        return new DecimalFormat("#,##0.00").format(v.setScale(2, RoundingMode.HALF_UP));
    }

    /** Whether a value has digits after the decimal point that are not zeros (58,732.80 yes, 64,176.00 no). */
    public static boolean hasFraction(BigDecimal v) {
        return v != null && v.stripTrailingZeros().scale() > 0;
    }

    /** An amount or count with thousands separators: 100,000 when whole, else two decimals, 1,234.50. */
    public static String amount(BigDecimal v) {
        if (v == null) {
            return "";
        }
        if (!hasFraction(v)) {
            return new DecimalFormat("#,##0").format(v);
        }
        return new DecimalFormat("#,##0.00").format(v.setScale(2, RoundingMode.HALF_UP));
    }

    /** A fraction as a percentage with two decimals: 0.4512 → 45.12%. */
    public static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** A score with exactly two decimals (D4). */
    public static String score(BigDecimal s) {
        return s == null ? "" : s.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** A value as machine-readable text: fractions for %, no grouping, no trailing zeros. */
    public static String plain(BigDecimal v) {
        if (v == null) {
            return "";
        }
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
