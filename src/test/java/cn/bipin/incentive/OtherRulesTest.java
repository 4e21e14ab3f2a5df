package cn.bipin.incentive;

import static cn.bipin.incentive.EnterpriseRulesTest.Q3;
import static cn.bipin.incentive.EnterpriseRulesTest.YEAR;
import static cn.bipin.incentive.EnterpriseRulesTest.apply;
import static cn.bipin.incentive.EnterpriseRulesTest.rule;
import static cn.bipin.incentive.EnterpriseRulesTest.yuan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

/** INC-2 … INC-9 and INC-15 on both sides of each threshold, with the Jinfeng numbers (DOMAIN §4, D7). */
class OtherRulesTest {

    static DataRow referral(int n, String cls, String contribution, String output) {
        return Rows.row(Entity.REFERRAL, "newcomer_code", Rows.code(n), "newcomer_name", "新企业" + n,
                "referrer_id", Rows.code(999), "referrer_name", "招引公司", "newcomer_class", cls,
                "has_contribution", contribution, "first_year_output", output);
    }

    static String inc2(String cls, String output) {
        return apply("INC-2", referral(1, cls, "是", output)).get(0).amount().toPlainString();
    }

    @Test
    void inc2BonusForEachFullHundredMillionExceeded() {
        // base 5,000 + 10,000 × (⌈output / 100,000,000⌉ − 1)
        assertThat(inc2("一般企业", "150000000")).isEqualTo("15000.00");   // exceeds 1 × 1亿 → +10,000
        assertThat(inc2("一般企业", "200000000")).isEqualTo("15000.00");   // 2亿 does not exceed 2亿 → still +10,000
        assertThat(inc2("一般企业", "200000001")).isEqualTo("25000.00");   // exceeds 2亿 → +20,000
        assertThat(inc2("一般企业", "299999999")).isEqualTo("25000.00");   // +20,000
        assertThat(inc2("一般企业", "300000000")).isEqualTo("25000.00");   // +20,000 (not over 3亿)
        assertThat(inc2("一般企业", "300000001")).isEqualTo("35000.00");   // +30,000
        assertThat(inc2("楼宇特色产业企业", "100000000")).isEqualTo("8000.00"); // 8,000 + 0
        assertThat(inc2("总部企业", "50000000")).isEqualTo("10000.00");    // 10,000 + 0
    }

    @Test
    void inc2CapAndReferrerAsRecipient() {
        // 10,000 + 10,000 × (⌈1,000,000,001 / 1亿⌉ − 1 = 10) = 110,000 > 100,000 → 100,000
        List<Award> a = apply("INC-2", referral(2, "总部企业", "是", "1000000001"));
        assertThat(a).singleElement().satisfies(x -> {
            assertThat(x.amount()).isEqualTo(yuan("100000"));
            assertThat(x.formula()).isEqualTo("10,000 + 10,000 × 10 = 110,000");
            assertThat(x.capNote()).contains("100,000");
            assertThat(x.recipientId()).isEqualTo(Rows.code(999));
            assertThat(x.onceOnly()).isFalse();
        });
        // 10,000 + 10,000 × 9 = 100,000 for 900,000,001: exactly the cap, no note
        assertThat(apply("INC-2", referral(3, "总部企业", "是", "900000001"))).singleElement()
                .satisfies(x -> assertThat(x.capNote()).isEmpty());
        assertThat(apply("INC-2", referral(4, "一般企业", "否", "900000001"))).isEmpty();
    }

    static DataRow building(String... keyValues) {
        String[] base = {"building_id", "B1", "name", "金凤大厦", "operator_code", Rows.code(500), "operator_name", "运营公司"};
        String[] all = new String[base.length + keyValues.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(keyValues, 0, all, base.length, keyValues.length);
        return Rows.row(Entity.BUILDING, all);
    }

    @Test
    void inc3OccupancyExactly85Percent() {
        // 85% ≥ 85%, 90% ≥ 90%, 70% ≥ 70% (以上, inclusive)
        assertThat(apply("INC-3", building("lead_industry", "是", "occupancy", "85%", "registration_rate", "90%",
                "specialisation", "70%"))).singleElement().satisfies(x -> {
                    assertThat(x.amount()).isEqualTo(yuan("100000"));
                    assertThat(x.recipientName()).isEqualTo("运营公司");
                    assertThat(x.onceOnly()).isTrue();
                });
        assertThat(apply("INC-3", building("lead_industry", "是", "occupancy", "84.99%", "registration_rate", "90%",
                "specialisation", "70%"))).isEmpty();
        assertThat(apply("INC-3", building("lead_industry", "否", "occupancy", "85%", "registration_rate", "90%",
                "specialisation", "70%"))).isEmpty();
    }

    @Test
    void inc4EachThresholdReached() {
        assertThat(apply("INC-4", building("contribution", "9999999.99"))).isEmpty();
        assertThat(apply("INC-4", building("contribution", "10000000"))).extracting(Award::part, Award::amount)
                .containsExactly(tuple("达到10,000,000", yuan("100000")));
        // 100,000,000 reaches both 10,000,000 and 100,000,000
        assertThat(apply("INC-4", building("contribution", "100000000"))).extracting(Award::part, Award::amount)
                .containsExactly(tuple("达到10,000,000", yuan("100000")), tuple("达到100,000,000", yuan("1000000")));
    }

    @Test
    void inc5SatisfactionExactly95Percent() {
        assertThat(apply("INC-5", building("service_centre", "是", "satisfaction", "95%"))).extracting(Award::amount)
                .containsExactly(yuan("100000"));
        assertThat(apply("INC-5", building("service_centre", "是", "satisfaction", "94.99%"))).isEmpty();
        assertThat(apply("INC-5", building("service_centre", "否", "satisfaction", "99%"))).isEmpty();
    }

    @Test
    void inc6TenPercentCappedAtOneMillionPerBuilding() {
        // 10% × 5,000,000 = 500,000; 10% × 10,000,000 = 1,000,000 (the cap, not over); 10% × 12,000,000 = 1,200,000 → 1,000,000
        assertThat(apply("INC-6", building("renovation_cost", "5000000"))).extracting(Award::amount, Award::capNote)
                .containsExactly(tuple(yuan("500000"), ""));
        assertThat(apply("INC-6", building("renovation_cost", "10000000"))).extracting(Award::amount, Award::capNote)
                .containsExactly(tuple(yuan("1000000"), ""));
        assertThat(apply("INC-6", building("renovation_cost", "12000000"))).singleElement().satisfies(x -> {
            assertThat(x.amount()).isEqualTo(yuan("1000000"));
            assertThat(x.formula()).isEqualTo("12,000,000 × 10% = 1,200,000");
            assertThat(x.capNote()).contains("1,000,000");
        });
    }

    static DataRow project(String... keyValues) {
        String[] base = {"project_id", "P1", "name", "某项目", "owner_code", Rows.code(600), "owner_name", "项目公司"};
        String[] all = new String[base.length + keyValues.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(keyValues, 0, all, base.length, keyValues.length);
        return Rows.row(Entity.PROJECT, all);
    }

    @Test
    void inc7StartedAndRegisteredWithinThreeMonths() {
        // land 2024-01-15 + 3 months = 2024-04-15 (以内, inclusive); FAI ≥ 15,000,000
        assertThat(apply("INC-7", project("land_acquired_on", "2024-01-15", "started_on", "2024-04-15",
                "registered_on", "2024-04-15", "investment", "15000000"))).extracting(Award::amount)
                .containsExactly(yuan("100000"));
        assertThat(apply("INC-7", project("land_acquired_on", "2024-01-15", "started_on", "2024-04-15",
                "registered_on", "2024-04-16", "investment", "15000000"))).isEmpty();
        assertThat(apply("INC-7", project("land_acquired_on", "2024-01-15", "started_on", "2024-03-01",
                "registered_on", "2024-03-01", "investment", "14999999"))).isEmpty();
    }

    @Test
    void inc8OverOneHundredMillionOnceAndOverThreeHundredMillionAQuarter() {
        // 超过 is exclusive: 100,000,000 earns nothing, 100,000,001 earns 30,000
        assertThat(apply("INC-8", project("social_investment", "是", "new_tax_paying", "是", "investment", "100000000"))).isEmpty();
        assertThat(apply("INC-8", project("social_investment", "是", "new_tax_paying", "是", "investment", "100000001")))
                .extracting(Award::amount, Award::onceOnly).containsExactly(tuple(yuan("30000"), true));
        Rule quarterly = rule("INC-8", true);
        assertThat(apply(quarterly, Q3, project("social_investment", "是", "quarter_investment", "300000000"))).isEmpty();
        assertThat(apply(quarterly, Q3, project("social_investment", "是", "quarter_investment", "300000000.01")))
                .extracting(Award::part, Award::amount, Award::onceOnly)
                .containsExactly(tuple("2024-Q3", yuan("50000"), false));
    }

    @Test
    void inc9RevivalAndInUseWithinTwoYears() {
        // 不低于 1亿 is inclusive; in use 2024-06-01 = started 2022-06-01 + 2 years → second 50,000
        assertThat(apply("INC-9", project("idle_revival", "是", "investment", "100000000", "started_on", "2022-06-01",
                "in_use_on", "2024-06-01"))).extracting(Award::part, Award::amount)
                .containsExactly(tuple("盘活", yuan("50000")), tuple("投用", yuan("50000")));
        assertThat(apply("INC-9", project("idle_revival", "是", "investment", "100000000", "started_on", "2022-06-01",
                "in_use_on", "2024-06-02"))).extracting(Award::part).containsExactly("盘活");
        assertThat(apply("INC-9", project("idle_revival", "是", "investment", "99999999"))).isEmpty();
    }

    @Test
    void newcomersAndNewOperatorsOfAnEarlierYearEarnNothing() {
        // the 2024 list: settled 2024-01-01 is this year's (base 5,000; 5,000,000 → 10,000), 2023-12-31 is not
        DataRow thisYear = Rows.row(Entity.REFERRAL, "newcomer_code", Rows.code(5), "newcomer_name", "新企业5",
                "referrer_id", Rows.code(999), "referrer_name", "招引公司", "settled_on", "2024-01-01",
                "has_contribution", "是");
        DataRow lastYear = Rows.row(Entity.REFERRAL, "newcomer_code", Rows.code(6), "newcomer_name", "新企业6",
                "referrer_id", Rows.code(999), "referrer_name", "招引公司", "settled_on", "2023-12-31",
                "has_contribution", "是");
        assertThat(apply("INC-2", thisYear, lastYear)).extracting(Award::subjectId, Award::amount)
                .containsExactly(tuple(Rows.code(5), yuan("5000")));
        DataRow operator = Rows.row(Entity.AGRI, "credit_code", Rows.code(701), "name", "新合作社",
                "settled_on", "2024-03-01", "investment", "5000000");
        DataRow older = Rows.row(Entity.AGRI, "credit_code", Rows.code(702), "name", "老合作社",
                "settled_on", "2022-03-01", "investment", "5000000");
        assertThat(apply("INC-15", operator, older)).extracting(Award::amount).containsExactly(yuan("10000"));
    }

    static DataRow agri(String investment) {
        return Rows.row(Entity.AGRI, "credit_code", Rows.code(700), "name", "合作社", "investment", investment);
    }

    @Test
    void inc15BandsIncludeTheirLowerBound() {
        // A ≤ v < B: [5M, 10M) → 10,000; [10M, 20M) → 20,000; ≥ 20M → 50,000
        assertThat(apply("INC-15", agri("4999999"))).isEmpty();
        assertThat(apply("INC-15", agri("5000000"))).extracting(Award::amount).containsExactly(yuan("10000"));
        assertThat(apply("INC-15", agri("9999999"))).extracting(Award::amount).containsExactly(yuan("10000"));
        assertThat(apply("INC-15", agri("10000000"))).extracting(Award::amount).containsExactly(yuan("20000"));
        assertThat(apply("INC-15", agri("19999999.99"))).extracting(Award::amount).containsExactly(yuan("20000"));
        assertThat(apply("INC-15", agri("20000000"))).extracting(Award::amount).containsExactly(yuan("50000"));
    }

    @Test
    void annualRunHasFourteenRulesQuarterlyTwo() {
        assertThat(Rows.jinfeng().rulesFor(false)).extracting(Rule::id).containsExactly("INC-1", "INC-2", "INC-3",
                "INC-4", "INC-5", "INC-6", "INC-7", "INC-8", "INC-9", "INC-10", "INC-11", "INC-13", "INC-14", "INC-15");
        assertThat(Rows.jinfeng().rulesFor(true)).extracting(Rule::id).containsExactly("INC-8", "INC-12");
        assertThat(YEAR.year()).isEqualTo(2024);
    }
}
