package cn.bipin.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * Competition and total scores (R-SCORE-3). Dividing by Σ wᵢ instead of assuming the weights add up to 100
 * is what re-normalises a unit that takes part in only some competitions (D3).
 */
public final class Weighted {

    private Weighted() {
    }

    /**
     * Σ wᵢ·sᵢ / Σ wᵢ, rounded HALF_UP to 2 decimals. Each part score is rounded first, so the result is
     * computed from the figures the level below publishes (D4) even if a caller passes a full-precision score.
     *
     * @throws IllegalArgumentException if there are no parts, a weight or score is null, a weight is
     *                                  negative, or the weights add up to zero
     */
    public static BigDecimal score(List<WeightedScore> parts) {
        if (parts == null || parts.isEmpty()) {
            throw new IllegalArgumentException("a weighted score needs at least one part");
        }
        BigDecimal weightSum = BigDecimal.ZERO;
        BigDecimal weighted = BigDecimal.ZERO;
        for (WeightedScore part : parts) {
            if (part == null || part.weight() == null || part.score() == null) {
                throw new IllegalArgumentException("weighted part without weight or score: " + part);
            }
            if (part.weight().signum() < 0) {
                throw new IllegalArgumentException("negative weight: " + part);
            }
            weightSum = weightSum.add(part.weight());
            weighted = weighted.add(part.weight().multiply(Scores.round(part.score())));
        }
        if (weightSum.signum() == 0) {
            throw new IllegalArgumentException("weights add up to zero: " + parts);
        }
        return Scores.round(weighted.divide(weightSum, Scores.MC));
    }
}
