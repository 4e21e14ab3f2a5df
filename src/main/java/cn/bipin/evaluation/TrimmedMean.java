package cn.bipin.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

import cn.bipin.scoring.Scores;

/**
 * 去掉一个最高分和一个最低分 (D8): with few ballots dropping the extremes would throw away too much, so below the
 * threshold the plain mean is used. Tied extremes lose only one copy each — the rule drops one ballot, not a value.
 */
final class TrimmedMean {

    private TrimmedMean() {
    }

    /**
     * The (trimmed) mean, rounded HALF_UP to 2 decimals (D4).
     *
     * @param trimFrom from this many scores on, one highest and one lowest are dropped
     * @throws IllegalArgumentException if there are no scores
     */
    static BigDecimal of(List<BigDecimal> scores, int trimFrom) {
        if (scores == null || scores.isEmpty()) {
            throw new IllegalArgumentException("a mean needs at least one score");
        }
        List<BigDecimal> kept = new ArrayList<>(scores);
        if (kept.size() >= trimFrom && kept.size() > 2) {
            kept.sort(null);
            kept = kept.subList(1, kept.size() - 1);
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal s : kept) {
            sum = sum.add(s);
        }
        return Scores.round(sum.divide(BigDecimal.valueOf(kept.size()), MathContext.DECIMAL128));
    }
}
