package cn.bipin.scheme;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code target_shares}: an annual target decomposed into quarters and months (任务分解，以月保季、以季保年), as shares
 * of the year written in the scheme file:
 * <pre>
 * target_shares:
 *   default: { quarters: [20%, 25%, 25%, 30%], months: [5%, 7%, 8%, 8%, 8%, 9%, 8%, 8%, 9%, 9%, 10%, 11%] }
 *   gdzc:    { quarters: [15%, 30%, 30%, 25%], months: [...] }      # one indicator's own decomposition
 * </pre>
 * The quarters add up to the year (100%), the months add up to the year, and the three months of each quarter add up
 * to that quarter's share; anything else stops the load with the key and the sums. {@code default} applies to every
 * {@code target_ratio} indicator with per-unit targets that has no entry of its own. From the shares each unit's
 * target for a month or quarter follows: a cumulative indicator (1–N月累计) is held to annual × the shares up to
 * the period, a per-period one to annual × the period's share. A target written in {@code period_targets} wins.
 */
final class TargetShares {

    static final String DEFAULT = "default";

    /** One decomposition; a missing list is null. */
    record Shares(List<BigDecimal> quarters, List<BigDecimal> months) {
    }

    private TargetShares() {
    }

    /** Dimension code (or {@code default}) → its shares, validated against the competitions' dimensions. */
    static Map<String, Shares> read(YamlNode node, List<Competition> competitions) {
        Map<String, Shares> result = new LinkedHashMap<>();
        if (!node.isPresent()) {
            return result;
        }
        for (Object key : node.map().keySet()) {
            String code = String.valueOf(key);
            YamlNode entry = node.get(code);
            if (!code.equals(DEFAULT)) {
                Dimension d = competitions.stream().flatMap(c -> c.dimensions().stream())
                        .filter(x -> x.code().equals(code)).findFirst()
                        .orElseThrow(() -> entry.fail("没有代码为 '" + code + "' 的指标（或写 default 作为各指标的默认分解）"));
                if (d.method() != Method.TARGET_RATIO || d.target() != null) {
                    throw entry.fail("指标 " + d.name() + " 没有按单位分列的年度目标（target_ratio 且无统一目标值），不能分解");
                }
                if (d.basis() == Basis.RATE) {
                    throw entry.fail("指标 " + d.name() + " 按期末比率报送，比率不按季度、月份分解");
                }
            }
            result.put(code, shares(entry));
        }
        return Map.copyOf(result);
    }

    private static Shares shares(YamlNode entry) {
        entry.onlyKeys(Set.of("quarters", "months"));
        List<BigDecimal> quarters = list(entry.get("quarters"), 4, "季度");
        List<BigDecimal> months = list(entry.get("months"), 12, "月份");
        if (quarters == null && months == null) {
            throw entry.fail("应写 quarters（4个季度占全年的比例）或 months（12个月占全年的比例），或两者都写");
        }
        if (quarters != null && months != null) {
            for (int q = 0; q < 4; q++) {
                BigDecimal sum = months.get(3 * q).add(months.get(3 * q + 1)).add(months.get(3 * q + 2));
                if (sum.compareTo(quarters.get(q)) != 0) {
                    throw entry.get("months").fail("以月保季：第" + (3 * q + 1) + "–" + (3 * q + 3) + "月的比例之和为 "
                            + percent(sum) + "，应等于第" + (q + 1) + "季度的 " + percent(quarters.get(q)));
                }
            }
        }
        return new Shares(quarters, months);
    }

    private static List<BigDecimal> list(YamlNode node, int size, String what) {
        if (!node.isPresent()) {
            return null;
        }
        List<YamlNode> items = node.list();
        if (items.size() != size) {
            throw node.fail("应有 " + size + " 个" + what + "比例，实际为 " + items.size() + " 个");
        }
        List<BigDecimal> shares = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (YamlNode item : items) {
            BigDecimal share = item.nonNegative();
            if (share.compareTo(BigDecimal.ONE) > 0) {
                throw item.fail("应为不超过100%的比例（如 8% 或 0.08），实际为 " + share.toPlainString());
            }
            shares.add(share);
            sum = sum.add(share);
        }
        if (sum.compareTo(BigDecimal.ONE) != 0) {
            throw node.fail("以季保年：各" + what + "比例之和为 " + percent(sum) + "，应为 100%");
        }
        return List.copyOf(shares);
    }

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /**
     * The period targets the shares give for every unit with an annual target, overlaid by those written in
     * {@code period_targets}: dimension code → period code → unit code → target.
     */
    static Map<String, Map<String, Map<String, BigDecimal>>> merge(Map<String, Shares> shares,
            Map<String, Map<String, BigDecimal>> targets, Map<String, Map<String, Map<String, BigDecimal>>> explicit,
            List<Competition> competitions, int year) {
        if (shares.isEmpty()) {
            return explicit;
        }
        Map<String, Map<String, Map<String, BigDecimal>>> result = new HashMap<>();
        Map<String, Basis> bases = new HashMap<>();
        competitions.forEach(c -> c.dimensions().forEach(d -> bases.put(d.code(), d.basis())));
        targets.forEach((dimension, perUnit) -> {
            Shares s = shares.getOrDefault(dimension, shares.get(DEFAULT));
            if (s == null || bases.get(dimension) == Basis.RATE) {
                return;
            }
            Map<String, Map<String, BigDecimal>> byPeriod = new HashMap<>();
            perUnit.forEach((unit, annual) -> {
                boolean cumulative = bases.get(dimension) == Basis.CUMULATIVE;
                put(byPeriod, s.quarters(), annual, unit, q -> new Period(Cycle.QUARTERLY, year, q).code(), cumulative);
                put(byPeriod, s.months(), annual, unit, m -> Period.month(year, m).code(), cumulative);
            });
            result.put(dimension, byPeriod);
        });
        explicit.forEach((dimension, byPeriod) -> byPeriod.forEach((period, perUnit) ->
                result.computeIfAbsent(dimension, k -> new HashMap<>()).computeIfAbsent(period, k -> new HashMap<>())
                        .putAll(perUnit)));
        Map<String, Map<String, Map<String, BigDecimal>>> frozen = new HashMap<>();
        result.forEach((d, byPeriod) -> {
            Map<String, Map<String, BigDecimal>> p = new HashMap<>();
            byPeriod.forEach((code, perUnit) -> p.put(code, Map.copyOf(perUnit)));
            frozen.put(d, Map.copyOf(p));
        });
        return Map.copyOf(frozen);
    }

    /** A cumulative figure's target sums the shares up to the period; a per-period figure's is the period's share. */
    private static void put(Map<String, Map<String, BigDecimal>> byPeriod, List<BigDecimal> shares, BigDecimal annual,
            String unit, java.util.function.IntFunction<String> code, boolean cumulativeBasis) {
        if (shares == null) {
            return;
        }
        BigDecimal cumulative = BigDecimal.ZERO;
        for (int i = 0; i < shares.size(); i++) {
            cumulative = cumulativeBasis ? cumulative.add(shares.get(i)) : shares.get(i);
            if (cumulative.signum() > 0) {
                byPeriod.computeIfAbsent(code.apply(i + 1), k -> new HashMap<>())
                        .put(unit, annual.multiply(cumulative, MathContext.DECIMAL128));
            }
        }
    }
}
