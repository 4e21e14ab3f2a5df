package cn.bipin.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.bipin.award.PrizeCalculator.Line;
import cn.bipin.award.PrizeCalculator.Ranked;
import cn.bipin.scheme.AwardRules.Disqualifier;
import cn.bipin.scheme.Basis;
import cn.bipin.scheme.Dimension;
import cn.bipin.scheme.Direction;
import cn.bipin.scheme.Method;
import cn.bipin.scoring.DimensionResult;
import cn.bipin.scoring.DimensionScorer;
import cn.bipin.scoring.Ranking;
import cn.bipin.scoring.Weighted;
import cn.bipin.scoring.WeightedScore;

/** D13 (comprehensive score), D14 (ranks per pool), D15 (disqualification) and the top-N prize rule, worked by hand. */
class PrizeRulesTest {

    private static final Map<String, String> NAMES = Map.of("a", "甲街道", "b", "乙街道", "c", "丙街道", "d", "丁街道",
            "e", "戊街道", "f", "己街道", "g", "庚街道");

    // ------------------------------------------------------------------ D13

    @Test
    void d13ItemsScoreTargetRatioCappedTwoMeasuresAreTheirMeanAndTheTotalIsReNormalised() {
        Dimension invest = dimension("invest");
        Dimension funds = dimension("funds");
        Dimension rate = dimension("rate");
        // 固定资产投资 alone: a 18,000 of 20,000 → 90.00; b 25,000 of 20,000 → 125 capped at 100.00
        List<DimensionResult> i = DimensionScorer.score(invest, List.of("a", "b"),
                Map.of("a", new BigDecimal("18000"), "b", new BigDecimal("25000")),
                u -> new BigDecimal("20000"), BigDecimal.ONE);
        assertThat(i).extracting(DimensionResult::score).containsExactly(new BigDecimal("90.00"), new BigDecimal("100.00"));
        // 引进国内资金, two measures: a 资金到位额 3,000 of 4,000 → 75.00, 签约项目开工率 0.6 of 0.8 → 75.00; mean 75.00
        BigDecimal aFunds = DimensionScorer.score(funds, List.of("a"), Map.of("a", new BigDecimal("3000")),
                u -> new BigDecimal("4000"), BigDecimal.ONE).get(0).score();
        BigDecimal aRate = DimensionScorer.score(rate, List.of("a"), Map.of("a", new BigDecimal("0.6")),
                u -> new BigDecimal("0.8"), BigDecimal.ONE).get(0).score();
        BigDecimal domestic = Weighted.score(List.of(new WeightedScore(BigDecimal.ONE, aFunds),
                new WeightedScore(BigDecimal.ONE, aRate)));
        assertThat(domestic).isEqualByComparingTo("75.00");
        // comprehensive, weights 2 (投资) and 1 (内资), a takes part in both: (2×90 + 1×75) / 3 = 255 / 3 = 85.00
        assertThat(Weighted.score(List.of(new WeightedScore(new BigDecimal("2"), new BigDecimal("90.00")),
                new WeightedScore(BigDecimal.ONE, domestic)))).isEqualByComparingTo("85.00");
        // b takes part in 投资 only: re-normalised over its own items, 2×100 / 2 = 100.00
        assertThat(Weighted.score(List.of(new WeightedScore(new BigDecimal("2"), new BigDecimal("100.00")))))
                .isEqualByComparingTo("100.00");
    }

    // ------------------------------------------------------------------ D14

    @Test
    void d14RanksCountOnlyTheUnitsOfTheSamePool() {
        // towns a 90, b 80; departments c 85, d 95: each pool ranks 1, 2 on its own
        Map<String, Integer> ranks = Ranking.rankInPools(new java.util.LinkedHashMap<>(Map.of("a", bd("90"), "b", bd("80"),
                "c", bd("85"), "d", bd("95"))), List.of(List.of("a", "b"), List.of("c", "d")));
        assertThat(ranks).containsEntry("a", 1).containsEntry("b", 2).containsEntry("d", 1).containsEntry("c", 2);
    }

    // ------------------------------------------------------------------ top N, ties, D15

    @Test
    void aTieAtFifthPlaceMakesSixWinnersOfATopFive() {
        // scores 98, 95, 93, 90, 88, 88, 80 → ranks 1 2 3 4 5 5 7 (D6); the two units at 5th both win, 7th does not
        List<Ranked> ranking = List.of(r("a", 1, "98"), r("b", 2, "95"), r("c", 3, "93"), r("d", 4, "90"),
                r("e", 5, "88"), r("f", 5, "88"), r("g", 7, "80"));

        List<Line> lines = PrizeCalculator.top(ranking, 5, Map.of(), NAMES);

        assertThat(lines).extracting(Line::unitCode, Line::rank, Line::won)
                .containsExactly(tuple("a", 1, true), tuple("b", 2, true), tuple("c", 3, true), tuple("d", 4, true),
                        tuple("e", 5, true), tuple("f", 5, true));
    }

    @Test
    void aDisqualifiedWinnerIsListedAndTheNextRankedUnitTakesThePlace() {
        // ranks 1…7, b (2nd) reported late in 2019-H1: the top five are a c d e and f (6th) in b's place
        List<Ranked> ranking = List.of(r("a", 1, "98"), r("b", 2, "95"), r("c", 3, "93"), r("d", 4, "90"),
                r("e", 5, "88"), r("f", 6, "85"), r("g", 7, "80"));

        List<Line> lines = PrizeCalculator.top(ranking, 5, Map.of("b", "逾期报送（2019-H1）"), NAMES);

        assertThat(lines).extracting(Line::unitCode, Line::rank, Line::won).containsExactly(tuple("a", 1, true),
                tuple("b", 2, false), tuple("c", 3, true), tuple("d", 4, true), tuple("e", 5, true), tuple("f", 6, true));
        assertThat(lines.get(1).note()).isEqualTo("不得评奖：逾期报送（2019-H1）");
        assertThat(lines.get(5).note()).isEqualTo("递补（乙街道第2名不得评奖）");
        assertThat(lines.get(4).note()).isEmpty();
    }

    @Test
    void aDisqualifiedUnitOutsideTheTopIsNotInThePrizeList() {
        // g (7th) was flagged; it would not have won a top 3, so the list is a b c as without the flag
        List<Line> lines = PrizeCalculator.top(List.of(r("a", 1, "98"), r("b", 2, "95"), r("c", 3, "93"),
                r("g", 4, "80")), 3, Map.of("g", "虚报"), NAMES);

        assertThat(lines).extracting(Line::unitCode).containsExactly("a", "b", "c");
    }

    @Test
    void d15CountsOnlyTheReasonsTheSchemeNames() {
        Map<String, List<String>> late = Map.of("a", List.of("2019-H1"), "b", List.of());
        Map<String, List<String>> missing = Map.of("c", List.of("2019"));
        Map<String, List<String>> flagged = Map.of("d", List.of("2019-H1：虚报竣工项目，张三 于 2019-07-10 09:00 标记"));
        List<String> units = List.of("a", "b", "c", "d", "e");

        assertThat(Disqualification.reasons(Set.of(Disqualifier.values()), units, late, missing, flagged))
                .containsExactly(Map.entry("a", "逾期报送（2019-H1）"), Map.entry("c", "未报送（2019）"),
                        Map.entry("d", "虚报（2019-H1：虚报竣工项目，张三 于 2019-07-10 09:00 标记）"));
        // a scheme that counts only falsified reports lets a and c compete
        assertThat(Disqualification.reasons(Set.of(Disqualifier.FALSIFIED), units, late, missing, flagged))
                .containsOnlyKeys("d");
    }

    @Test
    void statementListsEveryTargetBelowOneHundredPercent() {
        // a: 18,000 / 20,000 = 90% (missed); 5 / 5 = 100% (met). b: 飞地经济 not reported = 0% (missed)
        Map<String, List<String>> below = Statements.below(BigDecimal.ONE, List.of(
                new Statements.TargetResult("a", "固定资产投资", bd("18000"), bd("20000"), "18,000 / 20,000 万元"),
                new Statements.TargetResult("a", "竣工项目", bd("5"), bd("5"), "5 / 5 个"),
                new Statements.TargetResult("b", "飞地经济", null, bd("3000"), " / 3,000 万元")));

        assertThat(below).containsExactly(Map.entry("a", List.of("固定资产投资 完成 90.00%（18,000 / 20,000 万元）")),
                Map.entry("b", List.of("飞地经济 未报送")));
    }

    private static Ranked r(String unit, int rank, String score) {
        return new Ranked(unit, rank, new BigDecimal(score));
    }

    private static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }

    private static Dimension dimension(String code) {
        return new Dimension(code, code, "万元", BigDecimal.ONE, Method.TARGET_RATIO, Direction.HIGHER_IS_BETTER,
                Basis.CUMULATIVE, Dimension.DEFAULT_CAP, Dimension.DEFAULT_STEP, Dimension.DEFAULT_FLOOR, null, false);
    }
}
