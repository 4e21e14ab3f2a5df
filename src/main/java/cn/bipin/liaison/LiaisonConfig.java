package cn.bipin.liaison;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.bipin.scheme.Dimension;
import cn.bipin.scheme.Recipient;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeLoader;
import cn.bipin.scheme.YamlNode;

/**
 * The {@code liaison:} section of a scheme file, validated with a Chinese message naming file and key. Every key is
 * optional:
 * <pre>
 * liaison:
 *   visits_per_month: 1            # R-LIAISON-1: visits an assignment needs in a month to count as visited
 *   problem_deadline_days: 30      # 挂牌整改: a problem without a promised date is due this many days after raised
 *   category_deadline_days: { 融资: 60 }
 *   recipients: [ { name: 区营商办, email: ... } ]   # the bulletin; default the scheme's recipients
 *   dimensions:                    # derived figures a competition scores (the dimension must exist in the scheme)
 *     liaison_coverage_rate: c5_coverage
 * </pre>
 */
record LiaisonConfig(int visitsPerMonth, int deadlineDays, Map<String, Integer> categoryDeadlineDays,
                     List<Recipient> recipients, Map<String, String> dimensions) {

    /** The derived figures a scheme can map onto a dimension (DOMAIN §6.2). */
    static final String COVERAGE = "liaison_coverage_rate";
    static final String CLOSED = "liaison_problems_closed_rate";
    static final String OVERDUE = "liaison_overdue_problems";
    static final List<String> DERIVED = List.of(COVERAGE, CLOSED, OVERDUE);

    static boolean configured(Scheme scheme) {
        return scheme.section("liaison").isPresent();
    }

    /** The section, or the defaults when the scheme has none. */
    static LiaisonConfig load(Scheme scheme) {
        YamlNode section = scheme.section("liaison");
        if (!section.isPresent()) {
            return new LiaisonConfig(1, 30, Map.of(), scheme.recipients(), Map.of());
        }
        section.onlyKeys(Set.of("visits_per_month", "problem_deadline_days", "category_deadline_days", "recipients",
                "dimensions"));
        int visits = section.get("visits_per_month").integer(1, 1);
        int days = section.get("problem_deadline_days").integer(30, 1);
        Map<String, Integer> byCategory = new LinkedHashMap<>();
        YamlNode categories = section.get("category_deadline_days");
        if (categories.isPresent()) {
            for (Object key : categories.map().keySet()) {
                byCategory.put(String.valueOf(key), categories.get(String.valueOf(key)).positiveInteger());
            }
        }
        List<Recipient> recipients = section.get("recipients").isPresent()
                ? SchemeLoader.recipients(section.get("recipients")) : scheme.recipients();
        Map<String, String> dimensions = new LinkedHashMap<>();
        YamlNode mapped = section.get("dimensions");
        if (mapped.isPresent()) {
            mapped.onlyKeys(Set.copyOf(DERIVED));
            Map<String, String> byDimension = new LinkedHashMap<>();
            for (String derived : DERIVED) {
                YamlNode node = mapped.get(derived);
                if (!node.isPresent()) {
                    continue;
                }
                String code = node.code();
                Dimension d = scheme.dimension(code).orElseThrow(() -> node.fail("方案中没有指标 '" + code
                        + "'（应为某项比拼 dimensions 中的 code）"));
                boolean rate = !derived.equals(OVERDUE);
                if (rate != "%".equals(d.measure())) {
                    throw node.fail("指标 '" + code + "' 的计量单位是 '" + d.measure() + "'，而" + (rate
                            ? "覆盖率、办结率是百分比，应为 '%'" : "逾期问题数是个数，不应为 '%'"));
                }
                String other = byDimension.putIfAbsent(code, derived);
                if (other != null) {
                    throw node.fail("指标 '" + code + "' 已由 " + other + " 提供，一个指标只能对应一个包联台账数据");
                }
                dimensions.put(derived, code);
            }
        }
        return new LiaisonConfig(visits, days, Map.copyOf(byCategory), List.copyOf(recipients), Map.copyOf(dimensions));
    }

    /** A problem's deadline: its promised date, else raised + the category's (or the default) days. */
    java.time.LocalDate deadline(Ledger.Problem p) {
        if (p.promisedOn() != null) {
            return p.promisedOn();
        }
        int days = p.category() == null ? deadlineDays : categoryDeadlineDays.getOrDefault(p.category(), deadlineDays);
        return p.raisedOn().plusDays(days);
    }
}
