package cn.bipin.scheme;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Dimensions a scheme takes from a case ledger instead of the units' templates (DOMAIN §6): each ledger section of
 * the scheme file ({@code appeals:}, {@code liaison:}, {@code projects:}) may map competition dimensions onto the figures it derives, e.g.
 * {@code dimensions: { c5_collected: appeals_collected }}. A mapped dimension is no longer reported by units: their
 * templates leave it out and a submitted value is sent back saying it comes from the ledger. Checked when the scheme
 * file is loaded: the dimension must exist, be mapped once, and have a measure that fits the figure (a rate only onto
 * a % dimension, a count or a score only onto a non-% one).
 */
public final class LedgerDimensions {

    /** What a derived figure is, which decides the dimensions it may feed. */
    public enum Kind {
        /** a number of cases: 个/次 */
        COUNT,
        /** a fraction, stored like any percentage (0.85 = 85%) */
        RATE,
        /** a 0–100 score */
        SCORE
    }

    /** Ledger section of the scheme file → its derived figures and their kinds, in documentation order. */
    public static final Map<String, Map<String, Kind>> FIGURES = Map.of(
            "appeals", ordered(
                    "appeals_collected", Kind.COUNT,
                    "appeals_studied", Kind.COUNT,
                    "appeals_resolved", Kind.COUNT,
                    "appeals_resolved_unit", Kind.COUNT,
                    "appeals_resolved_taskforce", Kind.COUNT,
                    "appeals_resolved_meeting", Kind.COUNT,
                    "appeals_on_time_rate", Kind.RATE,
                    "appeals_satisfaction", Kind.SCORE),
            "liaison", ordered(
                    "liaison_coverage_rate", Kind.RATE,
                    "liaison_problems_closed_rate", Kind.RATE,
                    "liaison_overdue_problems", Kind.COUNT),
            "projects", ordered(
                    "projects_new", Kind.COUNT,
                    "projects_new_count", Kind.COUNT,
                    "projects_completed", Kind.COUNT,
                    "projects_reserve", Kind.COUNT));

    /** Ledger section → its Chinese name, for the reason a unit reads when it submits a mapped dimension. */
    public static final Map<String, String> LEDGER_NAMES = Map.of("appeals", "企业诉求台账", "liaison", "包联走访台账",
            "projects", "项目清单");

    private LedgerDimensions() {
    }

    /** The Chinese name of the ledger a figure comes from, e.g. 企业诉求台账 for {@code appeals_collected}. */
    public static String ledgerName(String figure) {
        return FIGURES.entrySet().stream().filter(e -> e.getValue().containsKey(figure))
                .map(e -> LEDGER_NAMES.getOrDefault(e.getKey(), e.getKey())).findFirst().orElse(figure);
    }


    /**
     * Dimension code → derived figure, over all ledger sections of the scheme; empty when none maps any.
     *
     * @throws SchemeException naming file, key and problem for a mapping that does not fit the scheme
     */
    public static Map<String, String> of(Scheme scheme) {
        return read(scheme.source(), scheme.competitions(), scheme::section);
    }

    static Map<String, String> read(java.nio.file.Path file, List<Competition> competitions,
            java.util.function.Function<String, YamlNode> sections) {
        Map<String, Dimension> dimensions = new LinkedHashMap<>();
        competitions.forEach(c -> c.dimensions().forEach(d -> dimensions.putIfAbsent(d.code(), d)));
        Map<String, String> result = new LinkedHashMap<>();
        for (String ledger : FIGURES.keySet().stream().sorted().toList()) {
            YamlNode node = sections.apply(ledger).get("dimensions");
            if (!node.isPresent()) {
                continue;
            }
            Map<String, Kind> figures = FIGURES.get(ledger);
            for (Object key : node.map().keySet()) {
                String code = String.valueOf(key);
                YamlNode figureNode = node.get(code);
                Dimension d = dimensions.get(code);
                if (d == null) {
                    throw figureNode.fail("没有代码为 '" + code + "' 的指标（应为 competitions 中某个指标的代码）");
                }
                String figure = figureNode.text();
                Kind kind = figures.get(figure);
                if (kind == null) {
                    throw figureNode.fail("'" + figure + "' 不是台账能计算的数，可用的有："
                            + String.join("、", figures.keySet()));
                }
                if (result.containsKey(code)) {
                    throw figureNode.fail("指标 " + d.name() + " 已由另一本台账计算，同一指标只能有一个来源");
                }
                if (kind == Kind.RATE && !d.isPercent()) {
                    throw figureNode.fail(figure + " 是比率，只能用于计量单位为 % 的指标，指标 " + d.name() + " 的计量单位是 "
                            + d.measure());
                }
                if (kind != Kind.RATE && d.isPercent()) {
                    throw figureNode.fail(figure + " 不是比率，不能用于计量单位为 % 的指标 " + d.name());
                }
                result.put(code, figure);
            }
        }
        return Map.copyOf(result);
    }

    private static Map<String, Kind> ordered(Object... pairs) {
        Map<String, Kind> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Kind) pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** For messages: the dimension codes of a mapping, joined. */
    static String codes(Map<String, String> mapping) {
        return mapping.keySet().stream().collect(Collectors.joining("、"));
    }
}
