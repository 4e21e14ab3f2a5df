package cn.bipin.award;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 表态发言 as plain Java: every unit whose completion of any of its targets (value ÷ target) is below the scheme's
 * share, with the targets it missed; an unreported value is 0% complete.
 */
final class Statements {

    /** One target of one unit: what it is called, the value reached (null: not reported) and the target. */
    record TargetResult(String unitCode, String targetName, BigDecimal value, BigDecimal target, String shown) {
    }

    private Statements() {
    }

    /** unit → the targets it missed in words, e.g. 固定资产投资额 完成 80.00%（16,000 / 20,000 万元）. */
    static Map<String, List<String>> below(BigDecimal share, List<TargetResult> results) {
        Map<String, List<String>> missed = new LinkedHashMap<>();
        for (TargetResult r : results) {
            BigDecimal completion = r.value() == null ? BigDecimal.ZERO
                    : r.value().divide(r.target(), MathContext.DECIMAL128);
            if (completion.compareTo(share) < 0) {
                missed.computeIfAbsent(r.unitCode(), u -> new ArrayList<>()).add(r.targetName() + " " + (r.value() == null
                        ? "未报送"
                        : "完成 " + completion.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()
                                + "%（" + r.shown() + "）"));
            }
        }
        return missed;
    }
}
