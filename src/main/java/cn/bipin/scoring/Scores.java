package cn.bipin.scoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The one place that decides how a score is rounded (D4), so that every level of the bulletin rounds
 * the same way and a reader can recompute any figure from the printed ones.
 */
public final class Scores {

    /** Precision of every intermediate division (D4); results are rounded once, at the end. */
    static final MathContext MC = MathContext.DECIMAL128;
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final BigDecimal ZERO = round(BigDecimal.ZERO);
    static final BigDecimal FULL = round(HUNDRED);

    private Scores() {
    }

    /** A published score: HALF_UP to exactly 2 decimals (D4). */
    public static BigDecimal round(BigDecimal score) {
        if (score == null) {
            throw new IllegalArgumentException("score must not be null");
        }
        return score.setScale(2, RoundingMode.HALF_UP);
    }
}
