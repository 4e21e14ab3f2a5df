package cn.bipin.inbox;

import cn.bipin.scheme.Dimension;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Turns a value as a unit typed it into the value stored (DOMAIN §3.2 D10, §9): percentages become fractions,
 * full-width digits and thousands separators are normalised, and anything doubtful is rejected with a
 * Chinese reason quoting the value, rather than guessed. The caller adds file, row and column.
 */
public final class ValueParser {

    /** Over 10 (1000%) a bare number in a % dimension is implausible: the unit most likely meant "45%". */
    private static final BigDecimal PLAUSIBLE_FRACTION = BigDecimal.TEN;

    /** Plain decimal, optionally with correctly placed thousands separators; no exponent. */
    private static final Pattern NUMBER =
            Pattern.compile("[+-]?(?:(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?|\\.\\d+)");

    /** Values are stored as DECIMAL(30, 10): 20 integer digits and 10 decimal places. */
    private static final int INTEGER_DIGITS = 20;
    private static final int SCALE = 10;
    private static final BigDecimal LIMIT = BigDecimal.TEN.pow(INTEGER_DIGITS);

    private ValueParser() {
    }

    /**
     * @param raw              the value as typed (or a formula's cached value as text); may be null or blank
     * @param numeric          the cell's number when the cell was numeric, else null
     * @param percentFormatted whether that numeric cell was shown as a percentage
     * @param d                the dimension the value is for
     */
    public static ParsedValue parse(String raw, BigDecimal numeric, boolean percentFormatted, Dimension d) {
        String typed = normalise(raw);
        if (numeric != null) {
            String quoted = shortened(typed.isEmpty() ? ExcelCells.plain(numeric) : raw.strip());
            if (percentFormatted && !d.isPercent()) {
                return ParsedValue.rejected("'" + quoted + "' 是百分数，但该指标单位是" + d.measure() + "，请直接填写数值");
            }
            // A percent-formatted cell holds the fraction already; a number typed into it is still "bare".
            return checkBare(numeric, quoted, d);
        }
        if (typed.isEmpty()) {
            return ParsedValue.rejected("未填写数值");
        }
        String quoted = shortened(raw.strip());
        if (typed.endsWith("%")) {
            if (!d.isPercent()) {
                return ParsedValue.rejected("'" + quoted + "' 带百分号，但该指标单位是" + d.measure() + "，请直接填写数值");
            }
            String number = typed.substring(0, typed.length() - 1).strip();
            if (!NUMBER.matcher(number).matches()) {
                return notANumber(quoted, number);
            }
            // An explicit % is taken at its word (D10 rejects only bare numbers): 85% → 0.85.
            return checkSign(toDecimal(number).movePointLeft(2), quoted, d);
        }
        if (!NUMBER.matcher(typed).matches()) {
            return notANumber(quoted, typed);
        }
        return checkBare(toDecimal(typed), quoted, d);
    }

    private static ParsedValue checkBare(BigDecimal value, String quoted, Dimension d) {
        ParsedValue signed = checkSign(value, quoted, d);
        if (signed.ok() && d.isPercent() && value.abs().compareTo(PLAUSIBLE_FRACTION) > 0) {
            return ParsedValue.rejected("'" + quoted + "' 超出合理范围，是否应为 "
                    + value.stripTrailingZeros().toPlainString() + "%?");
        }
        return signed;
    }

    private static ParsedValue checkSign(BigDecimal value, String quoted, Dimension d) {
        if (value.abs().compareTo(LIMIT) >= 0) {
            return ParsedValue.rejected("'" + shortened(quoted) + "' 超出可存储的范围（整数部分最多" + INTEGER_DIGITS
                    + "位），请检查是否多填了数字");
        }
        if (value.signum() < 0 && !d.allowNegative()) {
            return ParsedValue.rejected("'" + quoted + "' 不能为负数");
        }
        // The database keeps 10 decimal places; rounding here is what storing did, and nothing is lost to a unit.
        return ParsedValue.accepted(stored(value));
    }

    /**
     * The value at the stored scale. Below 10⁻¹¹ it rounds to 0 without dividing by a power of ten as large as the
     * scale (a typed 0.000…1 with thousands of zeros would cost seconds).
     */
    private static BigDecimal stored(BigDecimal value) {
        if (value.scale() <= SCALE) {
            return value;
        }
        return value.scale() - value.precision() > SCALE ? BigDecimal.ZERO.setScale(SCALE)
                : value.setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** A value quoted in a reason is at most 40 characters: a 5,000-digit number is not repeated in full. */
    static String shortened(String quoted) {
        return quoted.length() <= 40 ? quoted : quoted.substring(0, 20) + "…（共" + quoted.length() + "个字符）";
    }

    private static ParsedValue notANumber(String quoted, String normalised) {
        String withoutCommas = normalised.replace(",", "");
        if (normalised.contains(",") && NUMBER.matcher(withoutCommas).matches()) {
            return ParsedValue.rejected("'" + quoted + "' 不是数字（千分位逗号位置不对）");
        }
        return ParsedValue.rejected("'" + quoted + "' 不是数字");
    }

    private static BigDecimal toDecimal(String number) {
        return new BigDecimal(number.replace(",", ""));
    }

    /** A plain decimal as {@link #NUMBER} reads it (thousands separators dropped), or null when it is not one. */
    public static BigDecimal plainNumber(String normalised) {
        return NUMBER.matcher(normalised).matches() ? new BigDecimal(normalised.replace(",", "")) : null;
    }

    /**
     * Full-width digits, letters and signs (typed with a Chinese input method) to ASCII; trims all kinds of space.
     * Every cell a clerk types goes through it: unit submissions and incentive data alike.
     */
    public static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '０' && c <= '９') {
                sb.append((char) ('0' + (c - '０')));
            } else if (c >= 'Ａ' && c <= 'Ｚ') {
                sb.append((char) ('A' + (c - 'Ａ')));
            } else {
                sb.append(switch (c) {
                    case '．' -> '.';
                    case '，' -> ',';
                    case '－', '−' -> '-';
                    case '＋' -> '+';
                    case '％' -> '%';
                    case '／' -> '/';
                    case '\u00A0', '\u2007', '\u202F', '\u3000' -> ' ';
                    default -> c;
                });
            }
        }
        return sb.toString().strip();
    }
}
