package cn.bipin.award;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.bipin.scheme.AwardRules;
import cn.bipin.scheme.AwardRules.PointTier;

/**
 * R-AWARD-1 as plain Java: the first point tier whose period and annual rank limits a unit meets is granted; the
 * 优秀 quota goes with the first tier; work funds follow the annual rank, tied units each receiving their rank's
 * amount (D6). The reason says what was granted and, for a better tier the annual rank allowed, which period ranks
 * stood in the way.
 */
final class AwardCalculator {

    private static final int MAX_LISTED = 3;

    private AwardCalculator() {
    }

    /**
     * @param annualRanks unit → annual total rank, in rank order
     * @param totals      unit → annual total score
     * @param periodRanks unit → its ranks in every period of every competition it took part in, in order
     */
    public static List<UnitAward> apply(AwardRules rules, Map<String, Integer> annualRanks, Map<String, BigDecimal> totals,
            Map<String, List<PeriodRank>> periodRanks) {
        List<UnitAward> awards = new ArrayList<>();
        annualRanks.forEach((unit, rank) -> awards.add(award(rules, unit, rank, totals.get(unit),
                periodRanks.getOrDefault(unit, List.of()))));
        return awards;
    }

    static UnitAward award(AwardRules rules, String unit, int rank, BigDecimal total, List<PeriodRank> ranks) {
        List<String> reasons = new ArrayList<>();
        int points = 0;
        BigDecimal quota = BigDecimal.ZERO;
        for (int i = 0; i < rules.plus().size(); i++) {
            PointTier tier = rules.plus().get(i);
            if (rank > tier.maxAnnualRank()) {
                continue;
            }
            List<PeriodRank> blockers = ranks.stream().filter(r -> r.competitionCode() == null || tier.counts(r.competitionCode()))
                    .filter(r -> r.rank() > tier.maxPeriodRank()).toList();
            if (blockers.isEmpty()) {
                points = tier.points();
                reasons.add("各期排名均在前" + tier.maxPeriodRank() + "名且全年第" + rank + "名，效能目标考核+" + points + "分");
                if (i == 0 && rules.excellentQuotaIncrease().signum() > 0) {
                    quota = rules.excellentQuotaIncrease();
                    reasons.add("年度考核优秀比例+" + rules.excellentQuotaIncrease().movePointRight(2).stripTrailingZeros()
                            .toPlainString() + "%，可推荐三等功、嘉奖");
                }
                break;
            }
            reasons.add("未获+" + tier.points() + "分：" + describe(blockers) + "（需各期均在前" + tier.maxPeriodRank() + "名）");
        }
        BigDecimal funds = rank <= rules.workFunds().size() ? rules.workFunds().get(rank - 1) : BigDecimal.ZERO;
        if (funds.signum() > 0) {
            reasons.add("全年第" + rank + "名，工作经费" + new java.text.DecimalFormat("#,##0.##").format(funds) + "元");
        }
        return new UnitAward(unit, rank, total, points, quota, funds, String.join("；", reasons));
    }

    private static String describe(List<PeriodRank> blockers) {
        List<String> shown = blockers.stream().limit(MAX_LISTED).map(PeriodRank::describe).toList();
        String text = String.join("、", shown);
        return blockers.size() > MAX_LISTED ? text + " 等" + blockers.size() + "项" : text;
    }
}
