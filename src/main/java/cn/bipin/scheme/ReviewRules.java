package cn.bipin.scheme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The monthly review of a scheme file's {@code review:} section (DOMAIN §7.2): per-unit coefficients that may change
 * by month (D16), the pre-deduction carried to the next month (预扣分, D17) and the letters of 三函一单 with their
 * yearly numbers (D18), all judged on one dimension's cumulative completion (value ÷ annual target) against 序时进度.
 * A scheme without the section publishes the raw monthly total, as before.
 *
 * @param completion   the dimension whose cumulative value over the unit's annual target is its 累计完成率
 * @param coefficients unit code → coefficient from the campaign start (units not named: {@code defaultCoefficient})
 * @param changes      later coefficients, each from a month on, in month order
 * @param k            points deducted per percentage point of shortfall
 * @param cap          the most deducted in a month
 * @param numberFormat a letter's number, with {@code {year}}, {@code {colour}} (绿/橙/红) and {@code {seq}}
 * @param annual       the annual result's 优/差 ratios ({@code annual: { excellent: 10%, poor: 10% }}), or null for none;
 *                     the annual total of a scheme with this section is the mean of the published monthly scores
 */
public record ReviewRules(String completion, BigDecimal defaultCoefficient, Map<String, BigDecimal> coefficients,
                          List<Change> changes, BigDecimal k, BigDecimal cap, String numberFormat, Annual annual) {

    public static final String SECTION = "review";
    public static final BigDecimal DEFAULT_K = new BigDecimal("0.2");
    public static final BigDecimal DEFAULT_CAP = new BigDecimal("5");
    public static final String DEFAULT_NUMBER = "〔{year}〕{colour}{seq}号";

    private static final Set<String> KEYS = Set.of("completion", "coefficients", "pre_deduction", "letters", "annual");
    private static final Set<String> ANNUAL_KEYS = Set.of("excellent", "poor");
    /** The most a scheme may grade 优 or 差 (DOMAIN §7.2: 0–10%). */
    public static final BigDecimal MAX_GRADE_RATIO = new BigDecimal("0.10");
    private static final Set<String> COEFFICIENT_KEYS = Set.of("default", "units", "changes");
    private static final Set<String> CHANGE_KEYS = Set.of("from", "units");
    private static final Set<String> DEDUCTION_KEYS = Set.of("k", "cap");
    private static final Set<String> LETTER_KEYS = Set.of("number_format");

    /**
     * The annual result's grades (DOMAIN §7.2): the first ⌊n × excellent⌋ places of each ranking pool are 优秀, the
     * last ⌊n × poor⌋ 较差, ties at the boundary included (D6); each ratio 0–10%.
     */
    public record Annual(BigDecimal excellent, BigDecimal poor) {
    }

    /** Coefficients that hold from a month of the scheme year on, until a later change. */
    public record Change(int fromMonth, Map<String, BigDecimal> coefficients) {
    }

    public static boolean configured(Scheme scheme) {
        return scheme.section(SECTION).isPresent();
    }

    /** The scheme's rules, read again from the section its file was loaded with (checked at load). */
    public static ReviewRules of(Scheme scheme) {
        return read(scheme.section(SECTION), scheme.units(), scheme.competitions(), scheme.year());
    }

    /** The unit's coefficient in a month (D16): the latest change on or before it, else its starting coefficient. */
    public BigDecimal coefficient(String unitCode, Period month) {
        BigDecimal c = coefficients.getOrDefault(unitCode, defaultCoefficient);
        for (Change change : changes) {
            if (change.fromMonth() <= month.lastMonth().getMonthValue() && change.coefficients().containsKey(unitCode)) {
                c = change.coefficients().get(unitCode);
            }
        }
        return c;
    }

    /** The number of a letter, e.g. 兰新考〔2023〕橙3号. */
    public String number(int year, String colour, int seq) {
        return numberFormat.replace("{year}", Integer.toString(year)).replace("{colour}", colour)
                .replace("{seq}", Integer.toString(seq));
    }

    /** Reads and checks the section; a problem names the file, the key and what is wrong. */
    public static ReviewRules read(YamlNode node, List<Unit> units, List<Competition> competitions, int year) {
        node.onlyKeys(KEYS);
        YamlNode completionNode = node.get("completion");
        String completion = completionNode.text();
        Competition competition = competitions.stream()
                .filter(c -> c.dimensions().stream().anyMatch(d -> d.code().equals(completion))).findFirst()
                .orElseThrow(() -> completionNode.fail("没有代码为 '" + completion + "' 的指标"));
        Dimension d = competition.dimensions().stream().filter(x -> x.code().equals(completion)).findFirst().orElseThrow();
        if (competition.cycle() != Cycle.MONTHLY || d.method() != Method.TARGET_RATIO || d.basis() != Basis.CUMULATIVE
                || d.target() != null) {
            throw completionNode.fail("累计完成率的指标应是月度比拼中按各单位年度目标计分（target_ratio）的累计值（basis: cumulative），'"
                    + completion + "' 不是");
        }
        YamlNode coefficientNode = node.get("coefficients");
        BigDecimal fallback = BigDecimal.ONE;
        Map<String, BigDecimal> start = new LinkedHashMap<>();
        List<Change> changes = new ArrayList<>();
        if (coefficientNode.isPresent()) {
            coefficientNode.onlyKeys(COEFFICIENT_KEYS);
            if (coefficientNode.get("default").isPresent()) {
                fallback = coefficient(coefficientNode.get("default"));
            }
            start = unitCoefficients(coefficientNode.get("units"), units);
            int last = 0;
            if (coefficientNode.get("changes").isPresent()) {
                for (YamlNode c : coefficientNode.get("changes").list()) {
                    c.onlyKeys(CHANGE_KEYS);
                    Period from;
                    try {
                        from = Period.parse(c.get("from").text());
                    } catch (IllegalArgumentException e) {
                        throw c.get("from").fail(e.getMessage());
                    }
                    if (from.cycle() != Cycle.MONTHLY || from.year() != year) {
                        throw c.get("from").fail("应为方案年度 " + year + " 内的月份，如 " + year + "-07，实际为 '" + c.get("from").text() + "'");
                    }
                    if (from.index() <= last) {
                        throw c.get("from").fail("系数调整应按月份先后排列，且每月只写一次");
                    }
                    last = from.index();
                    changes.add(new Change(from.index(), unitCoefficients(c.get("units"), units)));
                }
            }
        }
        YamlNode deduction = node.get("pre_deduction");
        BigDecimal k = DEFAULT_K;
        BigDecimal cap = DEFAULT_CAP;
        if (deduction.isPresent()) {
            deduction.onlyKeys(DEDUCTION_KEYS);
            k = deduction.get("k").isPresent() ? deduction.get("k").nonNegative() : k;
            cap = deduction.get("cap").isPresent() ? deduction.get("cap").nonNegative() : cap;
        }
        YamlNode letters = node.get("letters");
        String format = DEFAULT_NUMBER;
        if (letters.isPresent()) {
            letters.onlyKeys(LETTER_KEYS);
            format = letters.get("number_format").text(DEFAULT_NUMBER);
            if (!format.contains("{seq}")) {
                throw letters.get("number_format").fail("函件编号格式须含 {seq}（年度序号），如 兰新考〔{year}〕{colour}{seq}号");
            }
        }
        YamlNode annualNode = node.get("annual");
        Annual annual = null;
        if (annualNode.isPresent()) {
            annualNode.onlyKeys(ANNUAL_KEYS);
            annual = new Annual(gradeRatio(annualNode.get("excellent")), gradeRatio(annualNode.get("poor")));
        }
        return new ReviewRules(completion, fallback, Map.copyOf(start), List.copyOf(changes), k, cap, format, annual);
    }

    /** A 优/差 ratio: 0 when absent, else 0–10% written as 10% or 0.1. */
    private static BigDecimal gradeRatio(YamlNode node) {
        if (!node.isPresent()) {
            return BigDecimal.ZERO;
        }
        BigDecimal r = node.nonNegative();
        if (r.compareTo(MAX_GRADE_RATIO) > 0) {
            throw node.fail("优/差比例应在 0–10% 之间（如 10% 或 0.1），实际为 " + r.movePointRight(2).stripTrailingZeros().toPlainString() + "%");
        }
        return r;
    }

    private static Map<String, BigDecimal> unitCoefficients(YamlNode node, List<Unit> units) {
        Map<String, BigDecimal> result = new LinkedHashMap<>();
        if (!node.isPresent()) {
            return result;
        }
        for (Object key : node.map().keySet()) {
            String code = String.valueOf(key);
            YamlNode value = node.get(code);
            if (units.stream().noneMatch(u -> u.code().equals(code))) {
                throw value.fail("单位 '" + code + "' 不在 units 中");
            }
            result.put(code, coefficient(value));
        }
        return result;
    }

    /** A coefficient: greater than 0 and at most 2 (a 考核系数 scales a score, it does not multiply it). */
    private static BigDecimal coefficient(YamlNode node) {
        BigDecimal c = node.positive();
        if (c.compareTo(BigDecimal.valueOf(2)) > 0) {
            throw node.fail("考核系数应大于0且不超过2，实际为 " + c.toPlainString());
        }
        return c;
    }
}
