package cn.bipin.award;

import java.math.BigDecimal;

/**
 * What a unit is granted for the year.
 *
 * @param efficiencyPoints points added to its annual efficiency assessment (效能目标考核), 0 if none
 * @param excellentQuota   added to its share of 优秀 grades (0.05 = +5%), 0 if none
 * @param workFunds        work funds in 元, 0 if none
 * @param reason           why, in words, including which period rank kept it from a better tier
 */
public record UnitAward(String unitCode, int annualRank, BigDecimal totalScore, int efficiencyPoints,
        BigDecimal excellentQuota, BigDecimal workFunds, String reason) {
}
