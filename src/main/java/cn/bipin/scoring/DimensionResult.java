package cn.bipin.scoring;

import java.math.BigDecimal;

/**
 * One unit's score on one dimension, with the inputs that produced it so the bulletin and the scores CSV
 * can show them side by side.
 *
 * @param unitCode the unit
 * @param value    the accepted value as scored, or null when the unit submitted none (未报送)
 * @param target   the benchmark the value was measured against: the target for {@code target_ratio}, the
 *                 time progress (序时进度) for {@code progress_ratio}; null for pool-relative methods
 * @param score    the dimension score, scale 2 (D4)
 * @param missing  true when the unit had no accepted value and therefore scores 0 (R-SCORE-2)
 */
public record DimensionResult(String unitCode, BigDecimal value, BigDecimal target, BigDecimal score,
        boolean missing) {
}
