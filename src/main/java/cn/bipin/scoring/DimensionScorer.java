package cn.bipin.scoring;

import cn.bipin.scheme.Dimension;
import cn.bipin.scheme.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores one dimension over one pool (R-SCORE-1, R-SCORE-2). The pool is an explicit argument because a
 * scheme may rank groups separately; only the pool's units that have a value take part in min, max and ranks.
 */
public final class DimensionScorer {

    private static final Logger log = LoggerFactory.getLogger(DimensionScorer.class);

    private DimensionScorer() {
    }

    /**
     * @param d            the dimension: method, direction, cap, step, floor and common target
     * @param pool         the units ranked together, in scheme order; the result keeps this order
     * @param values       unit → accepted value (fractions for %); a unit absent or mapped to null is missing.
     *                     Entries for units outside the pool are ignored.
     * @param target       unit → target for {@code target_ratio} when {@code d.target()} is null (a common
     *                     target wins); may be null or return null for other methods
     * @param timeProgress 序时进度 of the period (DOMAIN §2); needed only by {@code progress_ratio}
     * @return one result per pool unit; a missing unit scores 0.00 and is flagged {@code missing}
     * @throws IllegalStateException    for {@code target_ratio}, if a unit with a value has no target or a
     *                                  target ≤ 0 (a scheme error the loader should have rejected)
     * @throws IllegalArgumentException if the pool repeats a unit, or {@code progress_ratio} gets no positive
     *                                  time progress
     */
    public static List<DimensionResult> score(Dimension d, List<String> pool, Map<String, BigDecimal> values,
            Function<String, BigDecimal> target, BigDecimal timeProgress) {
        Objects.requireNonNull(d, "dimension");
        Map<String, BigDecimal> present = present(d, pool, values);
        Map<String, BigDecimal> benchmarks = benchmarks(d, pool, target, timeProgress);
        BigDecimal cap = d.cap() == null ? Dimension.DEFAULT_CAP : d.cap();
        Map<String, BigDecimal> raw = switch (d.method()) {
            case TARGET_RATIO -> {
                checkTargets(d, present, benchmarks);
                yield Methods.targetRatio(present, benchmarks::get, cap);
            }
            case PROGRESS_RATIO -> {
                if (timeProgress == null || timeProgress.signum() <= 0) {
                    throw new IllegalArgumentException(
                            "progress_ratio " + d.code() + " needs a positive time progress, got " + timeProgress);
                }
                yield Methods.progressRatio(present, timeProgress, cap);
            }
            case BEST_RATIO -> Methods.bestRatio(present, d.direction());
            case EFFICACY -> Methods.efficacy(present, d.direction());
            case RANK_POINTS -> Methods.rankPoints(present, d.direction(),
                    d.step() == null ? Dimension.DEFAULT_STEP : d.step(),
                    d.floor() == null ? Dimension.DEFAULT_FLOOR : d.floor());
        };
        List<DimensionResult> results = new ArrayList<>(pool.size());
        for (String unit : pool) {
            BigDecimal value = present.get(unit);
            BigDecimal score = value == null ? Scores.ZERO : Scores.round(raw.get(unit));
            results.add(new DimensionResult(unit, value, benchmarks.get(unit), score, value == null));
        }
        log.debug("scored {} ({}) over {} units, {} with a value", d.code(), d.method(), pool.size(), present.size());
        return List.copyOf(results);
    }

    /** The pool's units that have a value, in pool order. */
    private static Map<String, BigDecimal> present(Dimension d, List<String> pool, Map<String, BigDecimal> values) {
        Set<String> seen = new HashSet<>();
        Map<String, BigDecimal> present = new LinkedHashMap<>();
        for (String unit : pool) {
            if (!seen.add(unit)) {
                throw new IllegalArgumentException("unit " + unit + " appears twice in the pool of " + d.code());
            }
            BigDecimal value = values.get(unit);
            if (value != null) {
                present.put(unit, value);
            }
        }
        return present;
    }

    /** What each unit is measured against: its target, or the time progress; nothing for pool-relative methods. */
    private static Map<String, BigDecimal> benchmarks(Dimension d, List<String> pool,
            Function<String, BigDecimal> target, BigDecimal timeProgress) {
        Map<String, BigDecimal> benchmarks = new LinkedHashMap<>();
        for (String unit : pool) {
            BigDecimal benchmark = null;
            if (d.method() == Method.TARGET_RATIO) {
                benchmark = d.target() != null ? d.target() : target == null ? null : target.apply(unit);
            } else if (d.method() == Method.PROGRESS_RATIO) {
                benchmark = timeProgress;
            }
            if (benchmark != null) {
                benchmarks.put(unit, benchmark);
            }
        }
        return benchmarks;
    }

    private static void checkTargets(Dimension d, Map<String, BigDecimal> present, Map<String, BigDecimal> targets) {
        for (String unit : present.keySet()) {
            BigDecimal t = targets.get(unit);
            if (t == null) {
                throw new IllegalStateException("方案错误：维度 " + d.code() + "（" + d.name() + "）按目标比计分，"
                        + "但单位 " + unit + " 没有目标");
            }
            if (t.signum() <= 0) {
                throw new IllegalStateException("方案错误：维度 " + d.code() + "（" + d.name() + "）单位 " + unit
                        + " 的目标为 " + t.toPlainString() + "，目标必须大于 0");
            }
        }
    }
}
