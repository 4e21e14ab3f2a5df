package cn.bipin.incentive;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.bipin.inbox.ValueParser;

/**
 * Reads one cell of incentive data as its column's kind. Anything doubtful is refused with a Chinese reason that
 * quotes the value, never guessed: an award paid on a misread number cannot be taken back.
 */
final class CellParser {

    /** Over 10 (1000%) a bare number for a rate is implausible: the clerk most likely meant "85%" (D10). */
    private static final BigDecimal PLAUSIBLE_FRACTION = BigDecimal.TEN;
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");

    /** The outcome for one cell: a value (null when empty) or the reason it was refused. */
    record Result(Object value, String error) {
        static Result ok(Object value) {
            return new Result(value, null);
        }

        static Result fail(String error) {
            return new Result(null, error);
        }
    }

    private CellParser() {
    }

    static Result parse(Column column, String raw) {
        String s = ValueParser.normalise(raw);
        if (s.isEmpty()) {
            return column.required() ? Result.fail("必填，未填写") : Result.ok(null);
        }
        String quoted = "'" + raw.strip() + "'";
        return switch (column.kind()) {
            case TEXT -> Result.ok(raw.strip());
            case CREDIT_CODE -> creditCode(s.toUpperCase(Locale.ROOT), quoted);
            case PARTY_ID -> party(s.toUpperCase(Locale.ROOT), quoted);
            case FLAG -> flag(s, quoted);
            case DATE -> date(s, quoted);
            case MONEY -> money(s, quoted);
            case RATE -> rate(s, quoted, false);
            case SIGNED_RATE -> rate(s, quoted, true);
            case CHOICE -> column.choices().stream().filter(c -> c.equalsIgnoreCase(s)).findFirst()
                    .map(c -> Result.ok((Object) c))
                    .orElse(Result.fail(quoted + " 不是可选值，可选：" + String.join("、", column.choices())));
        };
    }

    private static Result creditCode(String code, String quoted) {
        String problem = CreditCode.problem(code);
        return problem == null ? Result.ok(code) : Result.fail(quoted + " 不是有效的统一社会信用代码：" + problem);
    }

    private static Result party(String id, String quoted) {
        if (CreditCode.problem(id) == null || CreditCode.isIdentityNumber(id)) {
            return Result.ok(id);
        }
        return Result.fail(quoted + " 既不是有效的统一社会信用代码，也不是有效的居民身份证号码（请核对位数和校验位）");
    }

    private static Result flag(String s, String quoted) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "是", "y", "yes", "true", "1", "√", "有" -> Result.ok(Boolean.TRUE);
            case "否", "n", "no", "false", "0", "×", "无" -> Result.ok(Boolean.FALSE);
            default -> Result.fail(quoted + " 应填“是”或“否”");
        };
    }

    private static Result date(String s, String quoted) {
        Matcher m = DATE.matcher(s);
        if (m.matches()) {
            try {
                return Result.ok(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            } catch (DateTimeException e) {
                return Result.fail(quoted + " 不是存在的日期");
            }
        }
        return Result.fail(quoted + " 不是日期，应如 2024-03-15");
    }

    private static Result money(String s, String quoted) {
        String n = s.endsWith("元") ? s.substring(0, s.length() - 1).strip() : s;
        if (n.endsWith("%")) {
            return Result.fail(quoted + " 是百分数，此列应填金额（元）");
        }
        BigDecimal v = number(n);
        if (v == null) {
            return Result.fail(quoted + " 不是数字" + (n.contains(",") ? "（千分位逗号位置不对？）" : ""));
        }
        if (v.signum() < 0) {
            return Result.fail(quoted + " 不能为负数");
        }
        return Result.ok(v);
    }

    private static Result rate(String s, String quoted, boolean signed) {
        BigDecimal v;
        if (s.endsWith("%")) {
            v = number(s.substring(0, s.length() - 1).strip());
            if (v == null) {
                return Result.fail(quoted + " 不是百分数");
            }
            v = v.movePointLeft(2);
        } else {
            v = number(s);
            if (v == null) {
                return Result.fail(quoted + " 不是百分数");
            }
            if (v.abs().compareTo(PLAUSIBLE_FRACTION) > 0) {
                return Result.fail(quoted + " 超出合理范围，是否应为 " + v.stripTrailingZeros().toPlainString() + "%？");
            }
        }
        if (!signed && v.signum() < 0) {
            return Result.fail(quoted + " 不能为负数");
        }
        return Result.ok(v);
    }

    private static BigDecimal number(String s) {
        return ValueParser.plainNumber(s);
    }
}
