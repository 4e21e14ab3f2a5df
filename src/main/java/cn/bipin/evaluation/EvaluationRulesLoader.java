package cn.bipin.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.bipin.report.TableSection;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeException;
import cn.bipin.scheme.Unit;
import cn.bipin.scheme.UnitGroup;
import cn.bipin.scheme.YamlNode;

/**
 * Reads and validates the {@code evaluation:} section of a scheme file, which the scheme loader leaves to this
 * feature. Like the loader, it fails on the first problem, naming the file and the key in Chinese.
 */
public final class EvaluationRulesLoader {

    private static final Set<String> KEYS = Set.of("title", "targets", "groups", "items", "grades", "min_ballots",
            "trim_from", "excellent_cases");
    private static final Set<String> GROUP_KEYS = Set.of("code", "name", "weight", "peer");
    private static final Set<String> ITEM_KEYS = Set.of("code", "name", "weight");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private EvaluationRulesLoader() {
    }

    /**
     * @throws SchemeException if the scheme file has no {@code evaluation:} section or the section is wrong
     */
    public static EvaluationRules load(Scheme scheme) {
        YamlNode section = scheme.section("evaluation");
        if (!section.isPresent()) {
            throw section.fail("本方案没有背靠背评议的配置（evaluation 一节）");
        }
        return parse(section, scheme);
    }

    /** Whether the scheme file has an {@code evaluation:} section at all (the annual run skips it otherwise). */
    public static boolean configured(Scheme scheme) {
        return scheme.section("evaluation").isPresent();
    }

    /**
     * What the bulletin's tables can hold (TableSection.MAX_COLUMNS = 10): 单位 + one column a group + 合计 + 不计入的组,
     * and 单位 + 有效票 + one column an item + 组得分 + 计分方法.
     */
    static final int MAX_GROUPS = TableSection.MAX_COLUMNS - 3;
    static final int MAX_ITEMS = TableSection.MAX_COLUMNS - 4;

    static EvaluationRules parse(YamlNode node, Scheme scheme) {
        node.onlyKeys(KEYS);
        List<String> targets = targets(node.get("targets"), scheme);
        List<EvaluationRules.RaterGroup> groups = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (YamlNode g : node.get("groups").list()) {
            g.onlyKeys(GROUP_KEYS);
            String code = g.get("code").code();
            if (!codes.add(code)) {
                throw g.get("code").fail("评议组代码 '" + code + "' 重复");
            }
            groups.add(new EvaluationRules.RaterGroup(code, g.get("name").text(), g.get("weight").positive(),
                    g.get("peer").bool(false)));
        }
        if (groups.isEmpty()) {
            throw node.get("groups").fail("至少需要一个评议组");
        }
        if (groups.size() > MAX_GROUPS) {
            throw node.get("groups").fail("评议组最多 " + MAX_GROUPS + " 个（评议结果的票数表每组一栏），实际为 " + groups.size());
        }
        List<EvaluationRules.Item> items = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlNode i : node.get("items").list()) {
            i.onlyKeys(ITEM_KEYS);
            String code = i.get("code").code();
            String name = i.get("name").text();
            if (!codes.add(code) || !names.add(name)) {
                throw i.get("code").fail("评议项目 '" + code + "'（" + name + "）重复，或与评议组代码相同");
            }
            items.add(new EvaluationRules.Item(code, name, i.get("weight").positive()));
        }
        if (items.isEmpty()) {
            throw node.get("items").fail("至少需要一个评议项目");
        }
        if (items.size() > MAX_ITEMS) {
            throw node.get("items").fail("评议项目最多 " + MAX_ITEMS + " 个（评议结果的各组明细表每项一栏），实际为 " + items.size());
        }
        Map<String, BigDecimal> grades = new LinkedHashMap<>();
        YamlNode gradeNode = node.get("grades");
        if (gradeNode.isPresent()) {
            for (Object key : gradeNode.map().keySet()) {
                YamlNode score = gradeNode.get(String.valueOf(key));
                BigDecimal value = score.decimal();
                if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
                    throw score.fail("等次折算分应在 0 到 100 之间，实际为 " + value.toPlainString());
                }
                grades.put(String.valueOf(key).strip(), value);
            }
        } else {
            grades.put("优秀", BigDecimal.valueOf(95));
            grades.put("良好", BigDecimal.valueOf(85));
            grades.put("一般", BigDecimal.valueOf(70));
            grades.put("较差", BigDecimal.valueOf(50));
        }
        int minBallots = node.get("min_ballots").integer(3, 1);
        int trimFrom = node.get("trim_from").integer(5, 3);
        int excellent = node.get("excellent_cases").integer(10, 1);
        return new EvaluationRules(node.get("title").text("背靠背评议结果"), targets, List.copyOf(groups),
                List.copyOf(items), java.util.Collections.unmodifiableMap(grades), minBallots, trimFrom, excellent);
    }

    private static List<String> targets(YamlNode node, Scheme scheme) {
        Set<String> chosen = new LinkedHashSet<>();
        List<YamlNode> listed = node.isPresent() ? node.list() : List.of(new YamlNode(node.file(), node.path(), "group:department"));
        for (YamlNode entry : listed) {
            String token = entry.text();
            if (token.equals("all")) {
                scheme.units().forEach(u -> chosen.add(u.code()));
            } else if (token.startsWith("group:")) {
                String group = token.substring(6).strip().toUpperCase();
                UnitGroup g = java.util.Arrays.stream(UnitGroup.values()).filter(v -> v.name().equals(group))
                        .findFirst().orElseThrow(() -> entry.fail("未知的单位类别 '" + token + "'，可选：group:department、group:town"));
                scheme.units().stream().filter(u -> u.group() == g).forEach(u -> chosen.add(u.code()));
            } else if (scheme.unit(token).isPresent()) {
                chosen.add(token);
            } else {
                throw entry.fail("被评议单位 '" + token + "' 不在 units 中（也可写 all、group:department、group:town）");
            }
        }
        if (chosen.isEmpty()) {
            throw node.fail("没有被评议单位");
        }
        return scheme.units().stream().map(Unit::code).filter(chosen::contains).toList();
    }
}
