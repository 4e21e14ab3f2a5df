package cn.bipin.incentive;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.bipin.scheme.SchemeException;

/**
 * A path-aware view of the {@code incentives} section of a scheme file, so every problem names the file and the
 * exact key, like the scheme loader does for the rest of the file.
 */
record ConfigNode(Path file, String path, Object value) {

    boolean isPresent() {
        return value != null;
    }

    ConfigNode get(String key) {
        Map<?, ?> map = map();
        return new ConfigNode(file, path.isEmpty() ? key : path + "." + key, map.get(key));
    }

    Map<?, ?> map() {
        if (value instanceof Map<?, ?> m) {
            return m;
        }
        throw fail(value == null ? "缺少此项" : "应为键值映射");
    }

    List<ConfigNode> list() {
        if (!(value instanceof List<?> l)) {
            throw fail(value == null ? "缺少此项" : "应为列表");
        }
        List<ConfigNode> nodes = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            nodes.add(new ConfigNode(file, path + "[" + i + "]", l.get(i)));
        }
        return nodes;
    }

    List<String> texts() {
        return list().stream().map(ConfigNode::text).toList();
    }

    String text() {
        if (value == null || value.toString().isBlank()) {
            throw fail("缺少此项");
        }
        return value.toString().trim();
    }

    int integer() {
        if (value instanceof Integer i) {
            return i;
        }
        throw fail(value == null ? "缺少此项" : "应为整数，实际为 '" + value + "'");
    }

    int positiveInteger() {
        int i = integer();
        if (i <= 0) {
            throw fail("必须大于0，实际为 " + i);
        }
        return i;
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
            return new BigDecimal(s.replace(",", "").replace("_", ""));
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

    BigDecimal nonNegative() {
        BigDecimal d = decimal();
        if (d.signum() < 0) {
            throw fail("不能为负数，实际为 " + d.toPlainString());
        }
        return d;
    }

    /** A share written as 5% or 0.05, greater than 0 and at most 100%. */
    BigDecimal share() {
        BigDecimal d = positive();
        if (d.compareTo(BigDecimal.ONE) > 0) {
            throw fail("应为不超过100%的比例（如 5% 或 0.05），实际为 " + d.toPlainString());
        }
        return d;
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
