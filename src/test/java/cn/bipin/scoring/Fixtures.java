package cn.bipin.scoring;

import cn.bipin.scheme.Basis;
import cn.bipin.scheme.Dimension;
import cn.bipin.scheme.Direction;
import cn.bipin.scheme.Method;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small builders so each test shows only the numbers it is about. */
final class Fixtures {

    private Fixtures() {
    }

    static Dimension dim(Method method, Direction direction) {
        return dim(method, direction, null, null, null, null);
    }

    static Dimension dim(Method method, Direction direction, BigDecimal cap, BigDecimal step, BigDecimal floor,
            BigDecimal target) {
        return new Dimension("d_test", "测试维度", "个", BigDecimal.ONE, method, direction, Basis.CUMULATIVE,
                cap, step, floor, target, true);
    }

    static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }

    /** unit → value from alternating arguments, in argument order; a null value stays in the map. */
    static Map<String, BigDecimal> values(Object... unitThenValue) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (int i = 0; i < unitThenValue.length; i += 2) {
            Object v = unitThenValue[i + 1];
            values.put((String) unitThenValue[i], v == null ? null : new BigDecimal(v.toString()));
        }
        return values;
    }

    /** The scores of the results, in pool order, as plain strings (so scale 2 is asserted too). */
    static List<String> scores(List<DimensionResult> results) {
        return results.stream().map(r -> r.score().toPlainString()).toList();
    }
}
