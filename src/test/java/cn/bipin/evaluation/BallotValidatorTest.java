package cn.bipin.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeLoader;

/** Validation of one ballot line: grades, ranges, tokens, groups, targets, self-rating — and no token in any error. */
class BallotValidatorTest {

    private static final String SECRET = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    private static final String ENTERPRISE = "ABCDE23456";
    private static final String PEER_FGJ = "PQRST78923";

    private final Scheme scheme = SchemeLoader.load(Path.of("jobs/jinfeng-2024.yaml"));
    private final EvaluationRules rules = EvaluationRulesLoader.load(scheme);
    private final RaterTokens.Hasher hasher = new RaterTokens.Hasher(SECRET);
    private final BallotValidator validator = new BallotValidator(scheme, rules, Map.of(
            hasher.hash(ENTERPRISE), new RaterTokens.TokenInfo("enterprise", null),
            hasher.hash(PEER_FGJ), new RaterTokens.TokenInfo("peer_unit", "fgj")), hasher);

    private static RawBallot raw(String group, String token, String target, String... values) {
        return new RawBallot("评议.csv", 7, group, token, target, List.of(values),
                List.of("enterprise_service", "project_service", "problem_clearing"));
    }

    @Test
    void gradesMapToTheSchemesScoresAndNumbersPassThrough() {
        // 优秀 95, 良好 85, 一般 70, 较差 50 (jobs/jinfeng-2024.yaml evaluation.grades)
        BallotValidator.Outcome o = validator.validate(raw("enterprise", ENTERPRISE, "fgj", "优秀", "88.5", "较差"));
        assertThat(o.accepted()).isTrue();
        assertThat(o.scores()).extracting(Object::toString).containsExactly("95", "88.5", "50");
        assertThat(validator.validate(raw("enterprise", ENTERPRISE, "fgj", "良好", "一般", "0")).scores())
                .extracting(Object::toString).containsExactly("85", "70", "0");
        // the group may be written by its Chinese name, the token in lower case with a hyphen
        assertThat(validator.validate(raw("企业", "abcde-23456", "fgj", "100", "100", "100")).accepted()).isTrue();
    }

    @Test
    void outOfRangeAndNonScoresAreRejectedNamingTheItemAndColumn() {
        BallotValidator.Outcome o = validator.validate(raw("enterprise", ENTERPRISE, "fgj", "101", "很好", ""));
        assertThat(o.accepted()).isFalse();
        assertThat(o.error()).contains("文件 评议.csv 第7行", "服务企业（enterprise_service）：'101' 超出 0–100 的范围",
                "服务项目（project_service）：'很好' 不是分数或等次", "问题清零（problem_clearing）：未填写");
        assertThat(validator.validate(raw("enterprise", ENTERPRISE, "fgj", "-1", "80", "80")).error()).contains("超出");
        assertThat(validator.validate(raw("enterprise", ENTERPRISE, "fgj", "80.123", "80", "80")).error())
                .contains("最多两位小数");
    }

    @Test
    void aPeerUnitRatingItselfIsRejected() {
        BallotValidator.Outcome self = validator.validate(raw("peer_unit", PEER_FGJ, "fgj", "95", "95", "95"));
        assertThat(self.accepted()).isFalse();
        assertThat(self.error()).contains("部门互评不能评议本单位（发展和改革局）");
        assertThat(validator.validate(raw("peer_unit", PEER_FGJ, "gxj", "95", "95", "95")).accepted()).isTrue();
    }

    @Test
    void unknownTokenTargetAndGroupAreRejected() {
        assertThat(validator.validate(raw("enterprise", "ZZZZZ22222", "fgj", "90", "90", "90")).error())
                .contains("评议令牌：不是本方案发放的评议令牌");
        assertThat(validator.validate(raw("enterprise", "", "fgj", "90", "90", "90")).error()).contains("评议令牌：未填写");
        // towns are not rated in Jinfeng (targets: group:department)
        assertThat(validator.validate(raw("enterprise", ENTERPRISE, "liangtian", "90", "90", "90")).error())
                .contains("单位代码：'liangtian' 不是被评议单位");
        assertThat(validator.validate(raw("citizen", ENTERPRISE, "fgj", "90", "90", "90")).error())
                .contains("评议组：'citizen' 不是评议组");
    }

    @Test
    void aTokenUsedOutsideItsGroupIsRejected() {
        BallotValidator.Outcome o = validator.validate(raw("leader", ENTERPRISE, "fgj", "90", "90", "90"));
        assertThat(o.error()).contains("该令牌属于“企业”评议组，不能用于“区领导”评议表");
    }

    @Test
    void noErrorRepeatsTheToken() {
        for (RawBallot r : List.of(raw("leader", ENTERPRISE, "fgj", "90", "90", "90"),
                raw("enterprise", ENTERPRISE, "xxx", "90", "90", "90"),
                raw("enterprise", ENTERPRISE, "fgj", "900", "90", "90"),
                raw("peer_unit", PEER_FGJ, "fgj", "90", "90", "90"),
                raw("enterprise", "ZZZZZ22222", "fgj", "90", "90", "90"))) {
            String error = validator.validate(r).error();
            assertThat(error).isNotNull().doesNotContain(ENTERPRISE, PEER_FGJ, "ZZZZZ22222", hasher.hash(ENTERPRISE),
                    hasher.hash(PEER_FGJ));
        }
    }
}
