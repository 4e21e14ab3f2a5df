package cn.bipin.scheme;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A path-aware view of a parsed YAML tree, so every problem can name the file and the exact key it found it at. The
 * scheme loader reads the whole file through it, the incentive and evaluation loaders their sections.
 */
public record YamlNode(Path file, String path, Object value) {

    public boolean isPresent() {
        return value != null;
    }

    /** The child at {@code key}; a missing node has missing children, so optional sections read as absent. */
    public YamlNode get(String key) {
        return new YamlNode(file, path.isEmpty() ? key : path + "." + key, value == null ? null : map().get(key));
    }

    public Map<?, ?> map() {
        if (value instanceof Map<?, ?> m) {
            return m;
        }
        throw fail(value == null ? "缺少此项" : "应为键值映射");
    }

    public List<YamlNode> list() {
        if (!(value instanceof List<?> l)) {
            throw fail(value == null ? "缺少此项" : "应为列表");
        }
        List<YamlNode> nodes = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            nodes.add(new YamlNode(file, path + "[" + i + "]", l.get(i)));
        }
        return nodes;
    }

    public String text() {
        if (value == null || value.toString().isBlank()) {
            throw fail("缺少此项");
        }
        return value.toString().trim();
    }

    public String text(String fallback) {
        return value == null ? fallback : text();
    }

    public List<String> texts() {
        return list().stream().map(YamlNode::text).toList();
    }

    /** A code: lower-case letters, digits and underscores, starting with a letter. */
    public String code() {
        String s = text();
        if (!s.matches("[a-z][a-z0-9_]*")) {
            throw fail("代码应由小写字母、数字和下划线组成，实际为 '" + s + "'");
        }
        return s;
    }

    public int integer() {
        if (value instanceof Integer i) {
            return i;
        }
        throw fail(value == null ? "缺少此项" : "应为整数，实际为 '" + value + "'");
    }

    public int integer(int fallback, int min) {
        if (value == null) {
            return fallback;
        }
        int i = integer();
        if (i < min) {
            throw fail("应不小于 " + min + "，实际为 " + i);
        }
        return i;
    }

    public int positiveInteger() {
        int i = integer();
        if (i <= 0) {
            throw fail("必须大于0，实际为 " + i);
        }
        return i;
    }

    /** A number; {@code 45%} means 0.45, and {@code 1,000,000} or {@code 1_000_000} a million. */
    public BigDecimal decimal() {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        String s = text();
        try {
            if (s.endsWith("%")) {
                return new BigDecimal(s.substring(0, s.length() - 1).trim()).movePointLeft(2);
            }
            return new BigDecimal(s.replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            throw fail("应为数字，实际为 '" + s + "'");
        }
    }

    public BigDecimal positive() {
        BigDecimal d = decimal();
        if (d.signum() <= 0) {
            throw fail("必须大于0，实际为 " + d.toPlainString());
        }
        return d;
    }

    public BigDecimal nonNegative() {
        BigDecimal d = decimal();
        if (d.signum() < 0) {
            throw fail("不能为负数，实际为 " + d.toPlainString());
        }
        return d;
    }

    /** A share written as 5% or 0.05, greater than 0 and at most 100%. */
    public BigDecimal share() {
        BigDecimal d = positive();
        if (d.compareTo(BigDecimal.ONE) > 0) {
            throw fail("应为不超过100%的比例（如 5% 或 0.05），实际为 " + d.toPlainString());
        }
        return d;
    }

    public boolean bool(boolean fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw fail("应为 true 或 false，实际为 '" + value + "'");
    }

    public <E extends Enum<E>> E enumValue(Class<E> type, E fallback) {
        if (value == null) {
            return fallback;
        }
        String s = text().toUpperCase();
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(s)) {
                return e;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            allowed.add(e.name().toLowerCase());
        }
        throw fail("未知取值 '" + value + "'，可选：" + String.join("、", allowed));
    }

    public void onlyKeys(Set<String> allowed) {
        for (Object key : map().keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                throw new SchemeException(file, path.isEmpty() ? String.valueOf(key) : path + "." + key,
                        "未知的配置项（拼写错误？），可用的有：" + String.join("、", allowed.stream().sorted().toList()));
            }
        }
    }

    public SchemeException fail(String problem) {
        return new SchemeException(file, path, problem);
    }
}
