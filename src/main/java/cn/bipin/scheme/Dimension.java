package cn.bipin.scheme;

import java.math.BigDecimal;

/**
 * One measured quantity inside a competition (维度).
 *
 * @param code           stable code used by templates, CSVs and exports, e.g. {@code c2_start_rate}
 * @param name           Chinese label, e.g. 项目开工率
 * @param measure        unit of measure as printed: {@code %}, {@code 万元}, {@code 个}, {@code 次}
 * @param weight         relative weight inside the competition (D1: equal by default)
 * @param method         scoring method (R-SCORE-1)
 * @param direction      higher or lower is better
 * @param basis          how the value is submitted (D10)
 * @param cap            cap for ratio methods (default 100)
 * @param step           rank_points step (default 5)
 * @param floor          rank_points floor (default 60)
 * @param target         a target common to every participant (e.g. 入库报统率 100%), or null for per-unit targets
 * @param allowNegative  whether a negative value is plausible (growth rates)
 * @param scope          the stretch of the year the decomposed target covers ({@link TargetScope}, default the period)
 */
public record Dimension(
        String code,
        String name,
        String measure,
        BigDecimal weight,
        Method method,
        Direction direction,
        Basis basis,
        BigDecimal cap,
        BigDecimal step,
        BigDecimal floor,
        BigDecimal target,
        boolean allowNegative,
        TargetScope scope) {

    public Dimension {
        scope = scope == null ? TargetScope.PERIOD : scope;
    }

    /** A dimension whose target is decomposed to the run's own period. */
    public Dimension(String code, String name, String measure, BigDecimal weight, Method method, Direction direction,
                     Basis basis, BigDecimal cap, BigDecimal step, BigDecimal floor, BigDecimal target,
                     boolean allowNegative) {
        this(code, name, measure, weight, method, direction, basis, cap, step, floor, target, allowNegative, null);
    }

    /** What a scheme file that names no cap, step or floor means (DOMAIN §3.3). */
    public static final BigDecimal DEFAULT_CAP = BigDecimal.valueOf(100);
    public static final BigDecimal DEFAULT_STEP = BigDecimal.valueOf(5);
    public static final BigDecimal DEFAULT_FLOOR = BigDecimal.valueOf(60);

    /** Percentages are stored as fractions: 45% is 0.45. */
    public boolean isPercent() {
        return "%".equals(measure);
    }
}
