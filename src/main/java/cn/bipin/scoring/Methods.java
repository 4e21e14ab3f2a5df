package cn.bipin.scoring;

import cn.bipin.scheme.Direction;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The formulas of R-SCORE-1 at full precision (DECIMAL128). They see only the units of the pool that have a
 * value, so min, max and ranks are never polluted by a missing unit; rounding is the caller's single last step.
 */
final class Methods {

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
    private static final BigDecimal FORTY = BigDecimal.valueOf(40);

    private Methods() {
    }

    /** {@code 100 × actual / target}, capped; 0 if actual ≤ 0. Targets are checked by the caller. */
    static Map<String, BigDecimal> targetRatio(Map<String, BigDecimal> present,
            Function<String, BigDecimal> targets, BigDecimal cap) {
        return each(present, (unit, actual) -> actual.signum() <= 0 ? BigDecimal.ZERO
                : capped(Scores.HUNDRED.multiply(actual).divide(targets.apply(unit), Scores.MC), cap));
    }

    /** {@code 100 × rate / timeProgress}, capped; 0 if rate ≤ 0. */
    static Map<String, BigDecimal> progressRatio(Map<String, BigDecimal> present, BigDecimal timeProgress,
            BigDecimal cap) {
        return each(present, (unit, rate) -> rate.signum() <= 0 ? BigDecimal.ZERO
                : capped(Scores.HUNDRED.multiply(rate).divide(timeProgress, Scores.MC), cap));
    }

    /**
     * Higher is better: {@code 100 × x / max}; 0 if x ≤ 0; all ≤ 0 → all 0.
     * <p>
     * Lower is better mirrors it as {@code 100 × min / x}, with min taken over the positive values only:
     * a ratio is meaningless against 0 or a negative number. A value ≤ 0 is then at least as good as the
     * best positive one (zero overdue problems is the best record there is), so it scores the full 100
     * rather than the 0 that the higher-is-better rule gives; if no value is positive, every unit scores 100.
     */
    static Map<String, BigDecimal> bestRatio(Map<String, BigDecimal> present, Direction direction) {
        if (direction == Direction.LOWER_IS_BETTER) {
            BigDecimal min = present.values().stream().filter(x -> x.signum() > 0)
                    .min(Comparator.naturalOrder()).orElse(null);
            return each(present, (unit, x) -> x.signum() <= 0 ? Scores.HUNDRED
                    : Scores.HUNDRED.multiply(min).divide(x, Scores.MC));
        }
        BigDecimal max = present.values().stream().max(Comparator.naturalOrder()).orElse(BigDecimal.ZERO);
        return each(present, (unit, x) -> x.signum() <= 0 || max.signum() <= 0 ? BigDecimal.ZERO
                : Scores.HUNDRED.multiply(x).divide(max, Scores.MC));
    }

    /**
     * 功效系数法: {@code 60 + 40 × (x − min) / (max − min)}; lower is better swaps min and max, i.e.
     * {@code 60 + 40 × (max − x) / (max − min)}. When every value is equal no unit is worse: all score 100.
     */
    static Map<String, BigDecimal> efficacy(Map<String, BigDecimal> present, Direction direction) {
        if (present.isEmpty()) {
            return Map.of();
        }
        BigDecimal min = present.values().stream().min(Comparator.naturalOrder()).orElseThrow();
        BigDecimal max = present.values().stream().max(Comparator.naturalOrder()).orElseThrow();
        BigDecimal span = max.subtract(min);
        boolean lower = direction == Direction.LOWER_IS_BETTER;
        return each(present, (unit, x) -> {
            if (span.signum() == 0) {
                return Scores.HUNDRED;
            }
            BigDecimal distance = lower ? max.subtract(x) : x.subtract(min);
            return SIXTY.add(FORTY.multiply(distance).divide(span, Scores.MC));
        });
    }

    /** 名次赋分: {@code 100 − step × (rank − 1)}, never below floor; ranks per D6 on the raw values. */
    static Map<String, BigDecimal> rankPoints(Map<String, BigDecimal> present, Direction direction,
            BigDecimal step, BigDecimal floor) {
        Comparator<BigDecimal> better = direction == Direction.LOWER_IS_BETTER
                ? Comparator.naturalOrder() : Comparator.reverseOrder();
        Map<String, Integer> ranks = CompetitionRanks.rank(present, better);
        return each(present, (unit, x) -> Scores.HUNDRED
                .subtract(step.multiply(BigDecimal.valueOf(ranks.get(unit) - 1L))).max(floor));
    }

    private static BigDecimal capped(BigDecimal score, BigDecimal cap) {
        return score.min(cap);
    }

    private static Map<String, BigDecimal> each(Map<String, BigDecimal> present,
            BiFunction<String, BigDecimal, BigDecimal> formula) {
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        present.forEach((unit, value) -> scores.put(unit, formula.apply(unit, value)));
        return scores;
    }
}
