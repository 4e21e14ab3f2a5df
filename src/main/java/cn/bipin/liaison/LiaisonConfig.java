package cn.bipin.liaison;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 *   dimensions:                    # dimensions a competition scores from this ledger (checked by LedgerDimensions)
 *     c5_coverage: liaison_coverage_rate
 * </pre>
 */
record LiaisonConfig(int visitsPerMonth, int deadlineDays, Map<String, Integer> categoryDeadlineDays,
                     List<Recipient> recipients) {

    /** The figures this ledger derives, which a scheme can map a dimension onto (DOMAIN §6.2, LedgerDimensions). */
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
            return new LiaisonConfig(1, 30, Map.of(), scheme.recipients());
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
        return new LiaisonConfig(visits, days, Map.copyOf(byCategory), List.copyOf(recipients));
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
