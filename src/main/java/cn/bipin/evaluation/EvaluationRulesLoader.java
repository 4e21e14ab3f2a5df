package cn.bipin.evaluation;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeException;
import cn.bipin.scheme.Unit;
import cn.bipin.scheme.UnitGroup;

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
        Path file = scheme.source();
        Object tree;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new SchemeException(file, "", "无法读取文件（" + e.getMessage() + "）");
        } catch (YAMLException e) {
            throw new SchemeException(file, "", "YAML 格式错误：" + e.getMessage());
        }
        Node section = new Node(file, "", tree).get("evaluation");
        if (!section.present()) {
            throw section.fail("本方案没有背靠背评议的配置（evaluation 一节）");
        }
        return parse(section, scheme);
    }

    /** Whether the scheme file has an {@code evaluation:} section at all (the annual run skips it otherwise). */
    public static boolean configured(Scheme scheme) {
        try (Reader reader = Files.newBufferedReader(scheme.source(), StandardCharsets.UTF_8)) {
            Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            return tree instanceof Map<?, ?> m && m.get("evaluation") != null;
        } catch (IOException | YAMLException e) {
            return false;
        }
    }

    static EvaluationRules parse(Node node, Scheme scheme) {
        node.onlyKeys(KEYS);
        List<String> targets = targets(node.get("targets"), scheme);
        List<EvaluationRules.RaterGroup> groups = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (Node g : node.get("groups").list()) {
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
        List<EvaluationRules.Item> items = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Node i : node.get("items").list()) {
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
        Map<String, BigDecimal> grades = new LinkedHashMap<>();
        Node gradeNode = node.get("grades");
        if (gradeNode.present()) {
            for (Object key : gradeNode.map().keySet()) {
                Node score = gradeNode.get(String.valueOf(key));
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

    private static List<String> targets(Node node, Scheme scheme) {
        Set<String> chosen = new LinkedHashSet<>();
        List<Node> listed = node.present() ? node.list() : List.of(new Node(node.file(), node.path(), "group:department"));
        for (Node entry : listed) {
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

    /** A path-aware view of the YAML tree (the scheme package keeps its own one private). */
    record Node(Path file, String path, Object value) {

        boolean present() {
            return value != null;
        }

        Node get(String key) {
            return new Node(file, path.isEmpty() ? key : path + "." + key, value == null ? null : map().get(key));
        }

        Map<?, ?> map() {
            if (value instanceof Map<?, ?> m) {
                return m;
            }
            throw fail(value == null ? "缺少此项" : "应为键值映射");
        }

        List<Node> list() {
            if (!(value instanceof List<?> l)) {
                throw fail(value == null ? "缺少此项" : "应为列表");
            }
            List<Node> nodes = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                nodes.add(new Node(file, path + "[" + i + "]", l.get(i)));
            }
            return nodes;
        }

        String text() {
            if (value == null || value.toString().isBlank()) {
                throw fail("缺少此项");
            }
            return value.toString().strip();
        }

        String text(String fallback) {
            return value == null ? fallback : text();
        }

        String code() {
            String s = text();
            if (!s.matches("[a-z][a-z0-9_]*")) {
                throw fail("代码应由小写字母、数字和下划线组成，实际为 '" + s + "'");
            }
            return s;
        }

        int integer(int fallback, int min) {
            if (value == null) {
                return fallback;
            }
            if (value instanceof Integer i) {
                if (i < min) {
                    throw fail("应不小于 " + min + "，实际为 " + i);
                }
                return i;
            }
            throw fail("应为整数，实际为 '" + value + "'");
        }

        BigDecimal decimal() {
            if (value instanceof Number n) {
                return new BigDecimal(n.toString());
            }
            String s = text();
            try {
                return new BigDecimal(s);
            } catch (NumberFormatException e) {
                throw fail("应为数字，实际为 '" + s + "'");
            }
        }

        BigDecimal positive() {
            BigDecimal d = decimal();
            if (d.signum() <= 0) {
                throw fail("必须大于0，实际为 " + d.toPlainString());
            }
            return d;
        }

        boolean bool(boolean fallback) {
            if (value == null) {
                return fallback;
            }
            if (value instanceof Boolean b) {
                return b;
            }
            throw fail("应为 true 或 false，实际为 '" + value + "'");
        }

        void onlyKeys(Set<String> allowed) {
            for (Object key : map().keySet()) {
                if (!allowed.contains(String.valueOf(key))) {
                    throw new SchemeException(file, path + "." + key,
                            "未知的配置项（拼写错误？），可用的有：" + String.join("、", allowed.stream().sorted().toList()));
                }
            }
        }

        SchemeException fail(String problem) {
            return new SchemeException(file, path, problem);
        }
    }
}
