package cn.bipin.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** jobs/haizhou-2019.yaml says what DOMAIN §7.1 says: the district totals, the participants, the pools and awards. */
class HaizhouSchemeTest {

    private static final Scheme HAIZHOU = SchemeLoader.load(Path.of("jobs", "haizhou-2019.yaml"));

    @Test
    void eachItemsUnitTargetsAddUpToTheDistrictTotal() {
        // §7.1: 固定资产投资 2,200,000,000 元 = 220,000 万元; new projects ≥ 50M: 20; completed ≥ 50M: 10;
        // reserve ≥ 100M: 30; 飞地经济 580,000,000 元 = 58,000 万元; 协税护税 368,700,000 元 = 36,870 万元;
        // 争取资金 1,620,000,000 元 = 162,000 万元
        Map<String, String> totals = Map.of("gdzc_amount", "220000", "xkg_count", "20", "jg_count", "10",
                "cb_count", "30", "fd_amount", "58000", "xs_amount", "36870", "zq_amount", "162000");
        totals.forEach((dimension, total) -> assertThat(HAIZHOU.targets().get(dimension).values().stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add)).as(dimension).isEqualByComparingTo(total));
    }

    @Test
    void fgjAndCzjDoNotTakePartInWinningHigherLevelFunds() {
        assertThat(HAIZHOU.competition("zq").orElseThrow().participants()).doesNotContain("fgj", "czj")
                .allSatisfy(u -> assertThat(HAIZHOU.unit(u).orElseThrow().group()).isEqualTo(UnitGroup.DEPARTMENT));
    }

    @Test
    void townsAndDepartmentsAreRankedApartOnceAYearWithAHalfYearCheck() {
        assertThat(HAIZHOU.rankPools()).extracting(RankPool::code).containsExactly("town", "department");
        assertThat(HAIZHOU.poolOf("hjd").code()).isEqualTo("town");
        assertThat(HAIZHOU.competitions()).allSatisfy(c -> assertThat(c.cycle()).isEqualTo(Cycle.ANNUAL));
        assertThat(HAIZHOU.runs(Cycle.MONTHLY)).isFalse();
        assertThat(HAIZHOU.runs(Cycle.HALF_YEAR)).isTrue();
        // the half-year check reports the annual items: 韩家店镇 reports 固定资产投资 … 利用外资 in 2019-H1
        assertThat(HAIZHOU.dimensionsFor("hjd", Cycle.HALF_YEAR)).extracting(Dimension::code).contains("gdzc_amount",
                "wz_growth").doesNotContain("zq_amount");
    }

    @Test
    void prizesAreFivePerPoolAt50000AndThreePerItemAt20000() {
        AwardRules a = HAIZHOU.awards();
        assertThat(a.prizes()).extracting(AwardRules.Prize::name, AwardRules.Prize::top)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("综合奖", 5), org.assertj.core.groups.Tuple.tuple("单项奖", 3));
        assertThat(a.prizes().get(0).amount()).isEqualByComparingTo("50000");
        assertThat(a.prizes().get(1).amount()).isEqualByComparingTo("20000");
        assertThat(a.disqualify()).containsExactlyInAnyOrder(AwardRules.Disqualifier.values());
        assertThat(a.statementBelow()).isEqualByComparingTo("1");
    }
}
