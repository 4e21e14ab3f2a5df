package cn.bipin.results;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeRepository;
import cn.bipin.submission.SubmissionRows;

/**
 * The value a unit reported for a dimension and period: the latest accepted version wins (DOMAIN §8); a dimension a
 * feature derives from its ledger ({@link DerivedDimensions}) takes the derived values instead.
 */
@Component
class AcceptedValues {

    /** A value and the submission row it came from (null for a value derived from a ledger). */
    public record Accepted(BigDecimal value, Long rowId) {
    }

    private final SubmissionRows rows;
    private final List<DerivedDimensions> derived;
    private final SchemeRepository schemes;

    AcceptedValues(SubmissionRows rows, List<DerivedDimensions> derived, SchemeRepository schemes) {
        this.rows = rows;
        this.derived = List.copyOf(derived);
        this.schemes = schemes;
    }

    /** dimension code → unit code → latest accepted value, over files that were read to the end. */
    public Map<String, Map<String, Accepted>> latest(String scheme, String period) {
        Map<String, Map<String, Accepted>> result = new HashMap<>();
        for (SubmissionRows.AcceptedRow r : rows.accepted(scheme, period)) {
            result.computeIfAbsent(r.dimensionCode(), k -> new HashMap<>())
                    .put(r.unitCode(), new Accepted(r.inputValue(), r.id()));
        }
        if (!derived.isEmpty()) {
            Scheme s = schemes.load(scheme);
            for (DerivedDimensions d : derived) {
                d.values(s, Period.parse(period)).forEach((dimension, byUnit) -> {
                    Map<String, Accepted> values = new HashMap<>();
                    byUnit.forEach((unit, value) -> values.put(unit, new Accepted(value, null)));
                    result.put(dimension, values);
                });
            }
        }
        return result;
    }
}
