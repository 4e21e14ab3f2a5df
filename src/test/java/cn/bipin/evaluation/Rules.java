package cn.bipin.evaluation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Jinfeng evaluation rules (DOMAIN §5) for tests without a scheme file, over targets a, b, c. */
final class Rules {

    private Rules() {
    }

    static EvaluationRules jinfeng(List<String> targets) {
        Map<String, BigDecimal> grades = new LinkedHashMap<>();
        grades.put("优秀", BigDecimal.valueOf(95));
        grades.put("良好", BigDecimal.valueOf(85));
        grades.put("一般", BigDecimal.valueOf(70));
        grades.put("较差", BigDecimal.valueOf(50));
        return new EvaluationRules("背靠背评议结果", targets,
                List.of(new EvaluationRules.RaterGroup("enterprise", "企业", BigDecimal.valueOf(40), false),
                        new EvaluationRules.RaterGroup("project_owner", "项目单位", BigDecimal.valueOf(20), false),
                        new EvaluationRules.RaterGroup("peer_unit", "部门互评", BigDecimal.valueOf(20), true),
                        new EvaluationRules.RaterGroup("leader", "区领导", BigDecimal.valueOf(20), false)),
                List.of(new EvaluationRules.Item("enterprise_service", "服务企业", BigDecimal.valueOf(40)),
                        new EvaluationRules.Item("project_service", "服务项目", BigDecimal.valueOf(30)),
                        new EvaluationRules.Item("problem_clearing", "问题清零", BigDecimal.valueOf(30))),
                grades, 3, 5, 10);
    }

    static Ballot ballot(String token, String group, String target, String... scores) {
        return new Ballot(token, group, target, java.util.Arrays.stream(scores).map(BigDecimal::new).toList());
    }
}
