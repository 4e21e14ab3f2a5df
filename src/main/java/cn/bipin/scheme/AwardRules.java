package cn.bipin.scheme;

import java.math.BigDecimal;
import java.util.List;

/**
 * How annual results are applied to units (R-AWARD-1): points to the efficiency assessment when every period rank
 * and the annual rank are good enough, a larger share of 优秀 grades, and work funds by annual rank.
 *
 * @param plus        the point tiers, best first (e.g. +3 then +1)
 * @param excellentQuotaIncrease added to the unit's 优秀 share with the best tier (0.05 = +5%)
 * @param workFunds   元 for annual rank 1, 2, 3, …; tied units each get their rank's amount
 */
public record AwardRules(List<PointTier> plus, BigDecimal excellentQuotaIncrease, List<BigDecimal> workFunds) {

    /** Points granted when every period rank is ≤ {@code maxPeriodRank} and the annual rank ≤ {@code maxAnnualRank}. */
    public record PointTier(int points, int maxPeriodRank, int maxAnnualRank) {
    }

    /** No award rules: a scheme that applies no results. */
    public static AwardRules none() {
        return new AwardRules(List.of(), BigDecimal.ZERO, List.of());
    }
}
