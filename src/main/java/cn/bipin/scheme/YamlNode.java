package cn.bipin.scheme;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A path-aware view of a parsed YAML tree, so every problem can name the exact key it found it at. */
record YamlNode(Path file, String path, Object value) {

    boolean isPresent() {
        return value != null;
    }

    YamlNode get(String key) {
        Map<?, ?> map = map();
        return new YamlNode(file, path.isEmpty() ? key : path + "." + key, map.get(key));
    }

    Map<?, ?> map() {
        if (value instanceof Map<?, ?> m) {
            return m;
        }
        throw fail(value == null ? "缺少此项" : "应为键值映射");
    }

    List<YamlNode> list() {
        if (!(value instanceof List<?> l)) {
            throw fail(value == null ? "缺少此项" : "应为列表");
        }
        List<YamlNode> nodes = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            nodes.add(new YamlNode(file, path + "[" + i + "]", l.get(i)));
        }
        return nodes;
    }

    String text() {
        if (value == null || value.toString().isBlank()) {
            throw fail("缺少此项");
        }
        return value.toString().trim();
    }

    String text(String fallback) {
        return value == null ? fallback : text();
    }

    int integer() {
        if (value instanceof Integer i) {
            return i;
        }
        throw fail("应为整数，实际为 '" + value + "'");
    }

    /** A number; {@code 45%} means 0.45. */
    BigDecimal decimal() {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        String s = text();
        try {
            if (s.endsWith("%")) {
                return new BigDecimal(s.substring(0, s.length() - 1).trim()).movePointLeft(2);
            }
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

    <E extends Enum<E>> E enumValue(Class<E> type, E fallback) {
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

    void onlyKeys(Set<String> allowed) {
        for (Object key : map().keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                throw new SchemeException(file, path.isEmpty() ? String.valueOf(key) : path + "." + key,
                        "未知的配置项（拼写错误？），可用的有：" + String.join("、", allowed.stream().sorted().toList()));
            }
        }
    }

    SchemeException fail(String problem) {
        return new SchemeException(file, path, problem);
    }
}
