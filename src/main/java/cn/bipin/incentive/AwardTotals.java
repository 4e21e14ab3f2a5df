package cn.bipin.incentive;

import java.math.BigDecimal;

/** What an incentive run granted: the number of award lines paid and their sum in 元. */
public record AwardTotals(int awardLines, BigDecimal awardTotal) {
}
