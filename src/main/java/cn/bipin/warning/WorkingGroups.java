package cn.bipin.warning;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Dimension;
import cn.bipin.scheme.Recipient;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeException;
import cn.bipin.scheme.SchemeLoader;
import cn.bipin.scheme.Unit;
import cn.bipin.scheme.YamlNode;

/**
 * The {@code working_groups:} section of a scheme file (DOMAIN §7.3): working groups that own indicators through a
 * responsible department (责任部门) and co-departments (协同部门), each with a leader who receives the group's
 * warning list (D19). Validated with a Chinese message naming the file and the key:
 * <pre>
 * working_groups:
 *   city_districts: 8                  # how many districts the city ranks (a rank must be 1..this)
 *   weekly_due: friday                 # co-departments' weekly ledgers are due by this day of the ISO week
 *   departments:                       # co-departments that are not units of the scheme
 *     - { code: swj, name: 高新区税务局 }
 *   recipients: [ { name: 专班办公室, email: ... } ]   # the whole list; default the scheme's recipients
 *   groups:
 *     - code: zonghe
 *       name: 综合组
 *       leader: { name: 郑思南, email: zhengsinan@example.cn }
 *       responsible: [kjb]             # units of the scheme
 *       co_departments: [swj, czb]     # units or departments above
 *       indicators: { gdp: kjb, gdzc: kjb }   # monthly indicator (dimension code) → its responsible department
 * </pre>
 */
public record WorkingGroups(List<Group> groups, Map<String, String> departmentNames, int cityDistricts,
                            java.time.DayOfWeek weeklyDue, List<Recipient> recipients) {

    /** One indicator of a group: the dimension and the department that reports it. */
    public record Indicator(Dimension dimension, String responsible) {
    }

    public record Group(String code, String name, Recipient leader, List<String> responsible,
                        List<String> coDepartments, List<Indicator> indicators) {
    }

    public static boolean configured(Scheme scheme) {
        return scheme.section("working_groups").isPresent();
    }

    public String departmentName(String code) {
        return departmentNames.getOrDefault(code, code);
    }

    public Optional<Group> group(String code) {
        return groups.stream().filter(g -> g.code().equals(code)).findFirst();
    }

    /** Every department that owes weekly ledgers: the co-departments of the groups, in order, once each. */
    public List<String> weeklyReporters() {
        Set<String> codes = new java.util.LinkedHashSet<>();
        groups.forEach(g -> codes.addAll(g.coDepartments()));
        return List.copyOf(codes);
    }

    /** Whether a code or name is a department (unit or co-department); the code it stands for. */
    public Optional<String> department(String typed) {
        return departmentNames.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(typed) || e.getValue().equals(typed))
                .map(Map.Entry::getKey).findFirst();
    }

    public static WorkingGroups load(Scheme scheme) {
        YamlNode section = scheme.section("working_groups");
        if (!section.isPresent()) {
            throw new SchemeException(scheme.source(), "working_groups", "缺少此项：本方案没有工作组，不做指标预警");
        }
        section.onlyKeys(Set.of("city_districts", "weekly_due", "departments", "recipients", "groups"));
        int districts = section.get("city_districts").positiveInteger();
        java.time.DayOfWeek due = section.get("weekly_due").enumValue(java.time.DayOfWeek.class, java.time.DayOfWeek.FRIDAY);

        Map<String, String> names = new LinkedHashMap<>();
        scheme.units().forEach(u -> names.put(u.code(), u.name()));
        YamlNode departments = section.get("departments");
        if (departments.isPresent()) {
            for (YamlNode d : departments.list()) {
                d.onlyKeys(Set.of("code", "name"));
                String code = d.get("code").code();
                if (names.containsKey(code)) {
                    throw d.get("code").fail("部门代码 '" + code + "' 与方案的单位或其他部门重复");
                }
                names.put(code, d.get("name").text());
            }
        }
        List<Recipient> recipients = section.get("recipients").isPresent()
                ? SchemeLoader.recipients(section.get("recipients")) : scheme.recipients();

        List<Group> groups = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        Set<String> indicatorCodes = new HashSet<>();
        for (YamlNode g : section.get("groups").list()) {
            g.onlyKeys(Set.of("code", "name", "leader", "responsible", "co_departments", "indicators"));
            String code = g.get("code").code();
            if (!codes.add(code)) {
                throw g.get("code").fail("工作组代码 '" + code + "' 重复");
            }
            YamlNode leaderNode = g.get("leader");
            Recipient leader = null;
            if (leaderNode.isPresent() || g.get("indicators").isPresent()) { // a group with indicators needs a leader to warn
                leaderNode.onlyKeys(Set.of("name", "title", "email"));
                String email = leaderNode.get("email").text();
                if (!email.matches("[^@\\s<>,;]+@[^@\\s<>,;]+\\.[^@\\s<>,;.]+")) {
                    throw leaderNode.get("email").fail("不是有效的电子邮件地址：'" + email + "'（应如 zhangsan@example.cn）");
                }
                leader = new Recipient(leaderNode.get("name").text(), email.toLowerCase(java.util.Locale.ROOT));
            }
            List<String> responsible = new ArrayList<>();
            for (YamlNode r : g.get("responsible").list()) {
                String unit = r.text();
                if (!names.containsKey(unit)) {
                    throw r.fail("责任部门 '" + unit + "' 不在 units 或 working_groups.departments 中");
                }
                responsible.add(unit);
            }
            if (responsible.isEmpty()) {
                throw g.get("responsible").fail("至少需要一个责任部门");
            }
            List<String> co = new ArrayList<>();
            YamlNode coNode = g.get("co_departments");
            if (coNode.isPresent()) {
                for (YamlNode c : coNode.list()) {
                    String dept = c.text();
                    if (!names.containsKey(dept)) {
                        throw c.fail("协同部门 '" + dept + "' 不在 units 或 working_groups.departments 中");
                    }
                    if (responsible.contains(dept) || co.contains(dept)) {
                        throw c.fail("协同部门 '" + dept + "' 重复或已是本组责任部门");
                    }
                    co.add(dept);
                }
            }
            List<Indicator> indicators = new ArrayList<>();
            YamlNode ind = g.get("indicators");
            if (ind.isPresent()) {
                for (Object key : ind.map().keySet()) {
                    String dim = String.valueOf(key);
                    YamlNode node = ind.get(dim);
                    Dimension dimension = scheme.dimension(dim)
                            .orElseThrow(() -> node.fail("没有代码为 '" + dim + "' 的指标（应为 competitions 中的指标代码）"));
                    if (!indicatorCodes.add(dim)) {
                        throw node.fail("指标 " + dimension.name() + " 已属于另一个工作组：每个指标只能由一个工作组负责");
                    }
                    String unit = node.text();
                    if (!responsible.contains(unit)) {
                        throw node.fail("指标 " + dimension.name() + " 的责任部门 '" + unit + "' 不是本组的责任部门 "
                                + String.join("、", responsible));
                    }
                    var competition = scheme.competitionOf(dimension);
                    if (competition.cycle() != Cycle.MONTHLY || !competition.participants().contains(unit)) {
                        throw node.fail("指标 " + dimension.name() + " 应属于一个按月（monthly）比拼，且由 " + names.get(unit)
                                + " 报送（participants 中应有 " + unit + "）");
                    }
                    if (scheme.target(dimension, unit).isEmpty()) {
                        throw node.fail("指标 " + dimension.name() + " 没有 " + names.get(unit) + " 的年度目标，无法与序时进度比较");
                    }
                    indicators.add(new Indicator(dimension, unit));
                }
            }
            groups.add(new Group(code, g.get("name").text(), leader, List.copyOf(responsible), List.copyOf(co),
                    List.copyOf(indicators)));
        }
        if (groups.isEmpty()) {
            throw section.get("groups").fail("至少需要一个工作组");
        }
        return new WorkingGroups(List.copyOf(groups), Map.copyOf(names), districts, due, recipients);
    }

    /** The unit's name, for a unit of the scheme. */
    static String unitName(Scheme scheme, String code) {
        return scheme.unit(code).map(Unit::name).orElse(code);
    }
}
