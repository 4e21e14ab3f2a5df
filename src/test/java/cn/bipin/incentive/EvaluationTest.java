package cn.bipin.incentive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.bipin.scheme.Period;

/** The once-only ledger in the evaluation: an award granted by another period is withheld, never paid twice. */
class EvaluationTest {

    static DataRow featuredBuilding() {
        return Rows.row(Entity.BUILDING, "building_id", "B1", "name", "金凤大厦", "operator_code", Rows.code(500),
                "operator_name", "运营公司", "lead_industry", "是", "occupancy", "90%", "registration_rate", "95%",
                "specialisation", "80%", "contribution", "100000000", "renovation_cost", "1000000");
    }

    @Test
    void firstYearGrantsEverything() {
        Evaluation e = new Evaluation(Rows.jinfeng().rulesFor(false), new RuleContext(Period.parse("2024")), Map.of());
        e.accept(featuredBuilding());
        Evaluation.Result r = e.finish();
        // INC-3 100,000 + INC-4 100,000 + 1,000,000 + INC-6 10% × 1,000,000 = 100,000
        assertThat(r.granted()).extracting(Award::ruleId).containsExactly("INC-3", "INC-4", "INC-4", "INC-6");
        assertThat(r.granted().stream().map(Award::amount).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
                .isEqualByComparingTo("1300000");
        assertThat(r.withheld()).isEmpty();
    }

    @Test
    void onceOnlyAwardAttemptedInASecondYearIsWithheld() {
        // 2024 granted INC-3 and INC-4's 10,000,000 threshold; in 2025 the building qualifies again.
        Map<String, String> ledger = Map.of("INC-3|B1|-", "jinfeng-2024 2024", "INC-4|B1|达到10,000,000", "jinfeng-2024 2024");
        Evaluation e = new Evaluation(Rows.jinfeng().rulesFor(false), new RuleContext(Period.parse("2025")), ledger);
        e.accept(featuredBuilding());
        Evaluation.Result r = e.finish();
        // still paid: INC-4's 100,000,000 threshold (never reached before) and INC-6 (not once-only)
        assertThat(r.granted()).extracting(Award::ruleId, Award::part).containsExactly(
                org.assertj.core.groups.Tuple.tuple("INC-4", "达到100,000,000"), org.assertj.core.groups.Tuple.tuple("INC-6", "-"));
        assertThat(r.withheld()).extracting(w -> w.award().ruleId(), Evaluation.Withheld::grantedIn).containsExactly(
                org.assertj.core.groups.Tuple.tuple("INC-3", "jinfeng-2024 2024"),
                org.assertj.core.groups.Tuple.tuple("INC-4", "jinfeng-2024 2024"));
    }
}
