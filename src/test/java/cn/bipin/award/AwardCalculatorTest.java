package cn.bipin.award;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.bipin.scheme.AwardRules;
import cn.bipin.scheme.AwardRules.PointTier;

/** R-AWARD-1 (DOMAIN §3.5) with the Jinfeng numbers: +3 / +1, +5% 优秀, 100,000 / 80,000 / 50,000 元. */
class AwardCalculatorTest {

    static final AwardRules JINFENG = new AwardRules(
            List.of(new PointTier(3, 3, 1), new PointTier(1, 4, 2)), new BigDecimal("0.05"),
            List.of(new BigDecimal("100000"), new BigDecimal("80000"), new BigDecimal("50000")));

    @Test
    void allPeriodRanksInTheTopThreeAndFirstForTheYearEarnsPlusThreeAndTheQuota() {
        UnitAward a = AwardCalculator.award(JINFENG, "a", 1, new BigDecimal("91.20"),
                List.of(new PeriodRank("6月 项目投资比拼", 1), new PeriodRank("7月 项目投资比拼", 3),
                        new PeriodRank("第二季度 主要指标比拼", 2)));
        assertThat(a.efficiencyPoints()).isEqualTo(3);
        assertThat(a.excellentQuota()).isEqualByComparingTo("0.05");
        assertThat(a.workFunds()).isEqualByComparingTo("100000");
        assertThat(a.reason()).contains("各期排名均在前3名且全年第1名", "优秀比例+5%", "工作经费100,000元")
                .doesNotContain("未获");
    }

    @Test
    void onePeriodRankOfFiveKeepsTheFirstFromPlusThreeAndPlusOne() {
        // rank 1 for the year, but 7月 项目投资比拼 rank 5: > 3 (no +3) and > 4 (no +1)
        UnitAward a = AwardCalculator.award(JINFENG, "a", 1, new BigDecimal("90.00"),
                List.of(new PeriodRank("6月 项目投资比拼", 1), new PeriodRank("7月 项目投资比拼", 5)));
        assertThat(a.efficiencyPoints()).isZero();
        assertThat(a.excellentQuota()).isEqualByComparingTo("0");
        assertThat(a.workFunds()).isEqualByComparingTo("100000");
        assertThat(a.reason()).contains("未获+3分：7月 项目投资比拼 第5名", "未获+1分：7月 项目投资比拼 第5名");
    }

    @Test
    void secondForTheYearWithARankOfFiveMissesPlusOne() {
        UnitAward a = AwardCalculator.award(JINFENG, "a", 2, new BigDecimal("88.00"),
                List.of(new PeriodRank("第三季度 招商引资比拼", 5)));
        assertThat(a.efficiencyPoints()).isZero();
        assertThat(a.workFunds()).isEqualByComparingTo("80000");
        assertThat(a.reason()).contains("未获+1分：第三季度 招商引资比拼 第5名（需各期均在前4名）").doesNotContain("+3");
    }

    @Test
    void missingPlusThreeByOneRankStillEarnsPlusOne() {
        UnitAward a = AwardCalculator.award(JINFENG, "a", 1, new BigDecimal("88.00"),
                List.of(new PeriodRank("8月 产业发展比拼", 4)));
        assertThat(a.efficiencyPoints()).isEqualTo(1);
        assertThat(a.excellentQuota()).isEqualByComparingTo("0");
        assertThat(a.reason()).contains("未获+3分：8月 产业发展比拼 第4名", "效能目标考核+1分");
    }

    @Test
    void aTierNamingItsCompetitionsLooksOnlyAtTheirPeriodRanks() {
        // +3 counts only 项目投资比拼 (c2): its ranks 1 and 3 are ≤ 3; 招商引资比拼 (c3) rank 6 is not part of the condition
        AwardRules named = new AwardRules(List.of(new PointTier(3, 3, 1, java.util.Set.of("c2"))), new BigDecimal("0.05"),
                List.of());
        UnitAward a = AwardCalculator.award(named, "a", 1, new BigDecimal("90.00"),
                List.of(new PeriodRank("6月 项目投资比拼", 1, "c2"), new PeriodRank("7月 项目投资比拼", 3, "c2"),
                        new PeriodRank("第三季度 招商引资比拼", 6, "c3")));
        assertThat(a.efficiencyPoints()).isEqualTo(3);
        assertThat(a.workFunds()).isEqualByComparingTo("0");
        // the same ranks with every competition counting: 6 > 3, no +3
        UnitAward all = AwardCalculator.award(new AwardRules(List.of(new PointTier(3, 3, 1)), BigDecimal.ZERO, List.of()),
                "a", 1, new BigDecimal("90.00"), List.of(new PeriodRank("6月 项目投资比拼", 1, "c2"),
                        new PeriodRank("第三季度 招商引资比拼", 6, "c3")));
        assertThat(all.efficiencyPoints()).isZero();
    }

    @Test
    void tiedUnitsEachReceiveTheirRanksAmount() {
        // annual ranks 1, 2, 2, 4 (D6): both seconds get 80,000; the fourth gets nothing; no one gets 50,000
        Map<String, Integer> ranks = new LinkedHashMap<>();
        ranks.put("a", 1);
        ranks.put("b", 2);
        ranks.put("c", 2);
        ranks.put("d", 4);
        Map<String, BigDecimal> totals = Map.of("a", new BigDecimal("95"), "b", new BigDecimal("90"),
                "c", new BigDecimal("90"), "d", new BigDecimal("80"));
        List<UnitAward> awards = AwardCalculator.apply(JINFENG, ranks, totals, Map.of());
        assertThat(awards).extracting(UnitAward::workFunds).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("100000"), new BigDecimal("80000"), new BigDecimal("80000"), BigDecimal.ZERO);
        // with no period ranks recorded every limit is met: a +3, the tied seconds +1 each
        assertThat(awards).extracting(UnitAward::efficiencyPoints).containsExactly(3, 1, 1, 0);
    }

    @Test
    void aSchemeWithoutAwardRulesGrantsNothing() {
        UnitAward a = AwardCalculator.award(AwardRules.none(), "a", 1, BigDecimal.TEN, List.of());
        assertThat(a.efficiencyPoints()).isZero();
        assertThat(a.workFunds()).isEqualByComparingTo("0");
        assertThat(a.reason()).isEmpty();
    }
}
