package cn.bipin.incentive;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.bipin.scheme.Period;

/** INC-1, 10, 11, 12, 13, 14 on both sides of each threshold, with the Jinfeng numbers (DOMAIN §4, D7). */
class EnterpriseRulesTest {

    static final IncentiveConfig CONFIG = Rows.jinfeng();
    static final RuleContext YEAR = new RuleContext(Period.parse("2024"));
    static final RuleContext Q3 = new RuleContext(Period.parse("2024-Q3"));

    static Rule rule(String id, boolean quarterly) {
        return CONFIG.rulesFor(quarterly).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    static List<Award> apply(String id, DataRow... rows) {
        return apply(rule(id, false), YEAR, rows);
    }

    static List<Award> apply(Rule rule, RuleContext context, DataRow... rows) {
        List<Award> out = new ArrayList<>();
        for (DataRow r : rows) {
            rule.evaluate(r, context, out);
        }
        rule.finish(context, out);
        return out;
    }

    static DataRow service(String industry, String soe, String revenue, String revenueLast, String contribution,
                           String contributionLast) {
        return Rows.row(Entity.ENTERPRISE, "credit_code", Rows.code(1), "name", "甲公司", "industry", industry,
                "district_soe", soe, "revenue", revenue, "revenue_last", revenueLast, "contribution", contribution,
                "contribution_last", contributionLast);
    }

    static BigDecimal yuan(String v) {
        return new BigDecimal(v).setScale(2);
    }

    @Test
    void inc1ContributionGrowthExactly20PercentEarnsFivePercent() {
        // 1,200,000 ≥ 1,000,000 × 1.20 (增长 20%，D7 "加20%" ≥); revenue 1,100,000 > 1,000,000; 5% × 1,200,000 = 60,000
        List<Award> a = apply("INC-1", service("商务服务", "否", "1100000", "1000000", "1200000", "1000000"));
        assertThat(a).singleElement().satisfies(x -> {
            assertThat(x.amount()).isEqualTo(yuan("60000"));
            assertThat(x.formula()).isEqualTo("1,200,000 × 5% = 60,000");
            assertThat(x.capNote()).isEmpty();
            assertThat(x.inputs()).contains("增长 20%");
        });
    }

    @Test
    void inc1GrowthOf19_99PercentEarnsNothing() {
        // 1,199,900 / 1,000,000 − 1 = 19.99% < 20%
        assertThat(apply("INC-1", service("商务服务", "否", "1100000", "1000000", "1199900", "1000000"))).isEmpty();
    }

    @Test
    void growthIsShownToTwoDecimalsRoundedDown() {
        // 12,600,000 / 11,800,000 − 1 = 6.779661…% → 6.77%; 1,199,999 / 1,000,000 − 1 = 19.9999% → 19.99%, not 20%
        assertThat(Money.growth(new BigDecimal("12600000"), new BigDecimal("11800000"))).isEqualTo("6.77%");
        assertThat(Money.growth(new BigDecimal("1199999"), new BigDecimal("1000000"))).isEqualTo("19.99%");
        // 950 / 1,000 − 1 = −5% exactly; 949.99 / 1,000 − 1 = −5.001% → −5.01% (below −5%, shown below it)
        assertThat(Money.growth(new BigDecimal("950"), new BigDecimal("1000"))).isEqualTo("-5%");
        assertThat(Money.growth(new BigDecimal("949.99"), new BigDecimal("1000"))).isEqualTo("-5.01%");
        assertThat(Money.growth(BigDecimal.ONE, BigDecimal.ZERO)).isEqualTo("—");
    }

    @Test
    void inc1ExcludesDistrictSoeFlatRevenueAndOtherIndustries() {
        assertThat(apply("INC-1", service("商务服务", "是", "1100000", "1000000", "1200000", "1000000"))).isEmpty();
        // revenue growth 0 is not "> 0"
        assertThat(apply("INC-1", service("商务服务", "否", "1000000", "1000000", "1200000", "1000000"))).isEmpty();
        assertThat(apply("INC-1", service("制造业", "否", "1100000", "1000000", "1200000", "1000000"))).isEmpty();
    }

    @Test
    void inc1CapOfOneMillionHitAndNotHit() {
        // 5% × 20,000,000 = 1,000,000: exactly the cap, not over it
        assertThat(apply("INC-1", service("教育", "否", "2", "1", "20000000", "10000000"))).singleElement()
                .satisfies(x -> {
                    assertThat(x.amount()).isEqualTo(yuan("1000000"));
                    assertThat(x.capNote()).isEmpty();
                });
        // 5% × 20,000,020 = 1,000,001 > 1,000,000 → the cap
        assertThat(apply("INC-1", service("教育", "否", "2", "1", "20000020", "10000000"))).singleElement()
                .satisfies(x -> {
                    assertThat(x.amount()).isEqualTo(yuan("1000000"));
                    assertThat(x.formula()).isEqualTo("20,000,020 × 5% = 1,000,001");
                    assertThat(x.capNote()).contains("1,000,000");
                });
    }

    @Test
    void inc10FirstBecameAboveScaleThisYear() {
        DataRow now = Rows.row(Entity.ENTERPRISE, "credit_code", Rows.code(2), "name", "乙", "above_scale", "是",
                "above_scale_since", "2024-03-01");
        DataRow before = Rows.row(Entity.ENTERPRISE, "credit_code", Rows.code(3), "name", "丙", "above_scale", "是",
                "above_scale_since", "2023-12-31");
        List<Award> a = apply("INC-10", now, before);
        assertThat(a).singleElement().satisfies(x -> {
            assertThat(x.subjectId()).isEqualTo(Rows.code(2));
            assertThat(x.amount()).isEqualTo(yuan("50000"));
            assertThat(x.onceOnly()).isTrue();
        });
    }

    @Test
    void inc11RankThirtyEarnsRankThirtyOneDoesNot() {
        // 31 enterprises, contribution i × 10,000 for i = 1..31: rank = 32 − i. i = 2 → rank 30 (≤ 30), i = 1 → rank 31.
        List<DataRow> rows = new ArrayList<>();
        for (int i = 1; i <= 31; i++) {
            String grade = i <= 2 ? "A" : i == 30 ? "M" : "B";
            String growth = i == 31 ? "9.99%" : "10%";
            rows.add(Rows.row(Entity.ENTERPRISE, "credit_code", Rows.code(100 + i), "name", "企业" + i,
                    "tax_grade", grade, "tax_contribution", Integer.toString(i * 10_000), "tax_growth", growth));
        }
        List<Award> a = apply("INC-11", rows.toArray(DataRow[]::new));
        // i = 31 (rank 1) has growth 9.99% < 10%; i = 30 (rank 2) grade M; i = 1 rank 31: excluded.
        // i = 2..29 earn: 28 awards of 30,000
        assertThat(a).hasSize(28);
        assertThat(a).extracting(Award::subjectId).contains(Rows.code(102)).doesNotContain(Rows.code(101),
                Rows.code(130), Rows.code(131));
        assertThat(a).filteredOn(x -> x.subjectId().equals(Rows.code(102))).singleElement()
                .satisfies(x -> {
                    assertThat(x.inputs()).contains("排名第 30");
                    assertThat(x.amount()).isEqualTo(yuan("30000"));
                });
    }

    @Test
    void inc11TiesShareTheRank() {
        // Ties share a rank (D6: 1,2,2,4): 29 firms at 1,000,000 share rank 1; the two at 500,000 both have
        // rank 1 + 29 = 30 ≤ 30, so all 31 earn although there are 31 of them.
        List<DataRow> rows = new ArrayList<>();
        for (int i = 1; i <= 31; i++) {
            String v = i <= 29 ? "1000000" : "500000";
            rows.add(Rows.row(Entity.ENTERPRISE, "credit_code", Rows.code(200 + i), "name", "企业" + i,
                    "tax_grade", "A", "tax_contribution", v, "tax_growth", "10%"));
        }
        assertThat(apply("INC-11", rows.toArray(DataRow[]::new))).hasSize(31)
                .filteredOn(x -> x.subjectId().equals(Rows.code(231))).singleElement()
                .satisfies(x -> assertThat(x.inputs()).contains("排名第 30"));
    }

    static DataRow retail(String industry, String now, String last) {
        return Rows.row(Entity.ENTERPRISE, "credit_code", Rows.code(9), "name", "商贸公司", "industry", industry,
                "retail", now, "retail_last", last);
    }

    @Test
    void inc12GrowthBandsAtTenTwentyThirtyPercent() {
        Rule r = rule("INC-12", true);
        // 1,100,000 / 1,000,000 = +10% → 10,000; +20% → 20,000; +30% → 30,000; +9.99% → nothing
        assertThat(apply(r, Q3, retail("批发和零售业", "1100000", "1000000"))).extracting(Award::amount)
                .containsExactly(yuan("10000"));
        assertThat(apply(r, Q3, retail("批发和零售业", "1200000", "1000000"))).extracting(Award::amount)
                .containsExactly(yuan("20000"));
        assertThat(apply(r, Q3, retail("批发和零售业", "1300000", "1000000"))).extracting(Award::amount)
                .containsExactly(yuan("30000"));
        assertThat(apply(r, Q3, retail("批发和零售业", "1099900", "1000000"))).isEmpty();
    }

    @Test
    void inc12NewRetailOfThirtyMillionEarnsOnePercentBeyondIndustryGrowth() {
        Rule r = rule("INC-12", true);
        // 130,000,000 vs 100,000,000: +30% → 30,000; new 30,000,000 ≥ 30,000,000 →
        // 1% × (130,000,000 − 100,000,000 × 1.05) = 1% × 25,000,000 = 250,000 (批发和零售业 normal growth 5%)
        List<Award> a = apply(r, Q3, retail("批发和零售业", "130000000", "100000000"));
        assertThat(a).extracting(Award::part, Award::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("增速", yuan("30000")),
                        org.assertj.core.groups.Tuple.tuple("新增额", yuan("250000")));
        // new 29,999,999 < 30,000,000: growth 29.999999% → the 20% band only
        assertThat(apply(r, Q3, retail("批发和零售业", "129999999", "100000000"))).extracting(Award::amount)
                .containsExactly(yuan("20000"));
    }

    @Test
    void inc13AttractedServiceFirmInTheLimitStatistics() {
        DataRow yes = Rows.row(Entity.ENTERPRISE, "credit_code", Rows.code(10), "name", "丁", "industry", "批发和零售业",
                "attracted", "是", "above_limit", "是");
        DataRow otherIndustry = Rows.row(Entity.ENTERPRISE, "credit_code", Rows.code(11), "name", "戊", "industry", "制造业",
                "attracted", "是", "above_limit", "是");
        DataRow notAttracted = Rows.row(Entity.ENTERPRISE, "credit_code", Rows.code(12), "name", "己",
                "industry", "批发和零售业", "attracted", "否", "above_limit", "是");
        assertThat(apply("INC-13", yes, otherIndustry, notAttracted)).singleElement()
                .satisfies(x -> assertThat(x.amount()).isEqualTo(yuan("30000")));
    }

    @Test
    void industriesMatchWithOrWithoutTheirClosing业() {
        // INC-1 lists 商务服务; a clerk writes 商务服务业 (with a space): 5% × 1,200,000 = 60,000 all the same
        assertThat(apply("INC-1", service(" 商务服务业", "否", "1100000", "1000000", "1200000", "1000000")))
                .singleElement().satisfies(x -> assertThat(x.amount()).isEqualTo(yuan("60000")));
        // INC-13 lists the 门类 租赁和商务服务业 and its 大类 商务服务业: a firm written as INC-1 writes it qualifies
        DataRow firm = Rows.row(Entity.ENTERPRISE, "credit_code", Rows.code(13), "name", "庚", "industry", "商务服务",
                "attracted", "是", "above_limit", "是");
        assertThat(apply("INC-13", firm)).singleElement().satisfies(x -> assertThat(x.amount()).isEqualTo(yuan("30000")));
        assertThat(Industries.among(List.of("批发和零售业"), "批发和零售")).isTrue();
        assertThat(Industries.among(List.of("批发和零售业"), "零售业")).isFalse();
        assertThat(Industries.among(List.of("业"), "业")).isTrue();
        assertThat(Industries.among(List.of("商务服务"), null)).isFalse();
    }

    static DataRow builder(int n, String registered, String qualification, String output) {
        return Rows.row(Entity.ENTERPRISE, "credit_code", Rows.code(n), "name", "建筑" + n, "registered_on", registered,
                "qualification", qualification, "construction_main", "是", "in_statistics", "是", "output", output);
    }

    @Test
    void inc14OutputOfThirtyMillionRegisteredThisYear() {
        // output ≥ 30,000,000 (达到…以上, inclusive)
        List<Award> a = apply("INC-14", builder(20, "2024-02-01", "总承包", "30000000"),
                builder(21, "2024-02-01", "专业承包", "29999999"), builder(22, "2023-12-31", "总承包", "50000000"),
                builder(23, "2024-05-01", "无", "50000000"));
        assertThat(a).singleElement().satisfies(x -> {
            assertThat(x.subjectId()).isEqualTo(Rows.code(20));
            assertThat(x.amount()).isEqualTo(yuan("30000"));
        });
    }
}
