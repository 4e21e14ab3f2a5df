package cn.bipin.scoring;

import java.math.BigDecimal;
import java.util.List;

/** The annual competition score as the mean of the unit's period scores (D5). */
public final class Means {

    private Means() {
    }

    /**
     * The arithmetic mean of the published period scores, rounded HALF_UP to 2 decimals. Each score is
     * rounded first so the mean is recomputable from the bulletins (D4).
     *
     * @throws IllegalArgumentException if the list is empty or holds a null
     */
    public static BigDecimal mean(List<BigDecimal> rounded) {
        if (rounded == null || rounded.isEmpty()) {
            throw new IllegalArgumentException("a mean needs at least one period score");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal score : rounded) {
            sum = sum.add(Scores.round(score));
        }
        return Scores.round(sum.divide(BigDecimal.valueOf(rounded.size()), Scores.MC));
    }
}
