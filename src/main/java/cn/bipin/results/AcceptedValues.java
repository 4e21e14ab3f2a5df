package cn.bipin.results;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.bipin.submission.SubmissionRows;

/** The value a unit reported for a dimension and period: the latest accepted version wins (DOMAIN §8). */
@Component
class AcceptedValues {

    /** A value and the submission row it came from. */
    public record Accepted(BigDecimal value, long rowId) {
    }

    private final SubmissionRows rows;

    AcceptedValues(SubmissionRows rows) {
        this.rows = rows;
    }

    /** dimension code → unit code → latest accepted value, over files that were read to the end. */
    public Map<String, Map<String, Accepted>> latest(String scheme, String period) {
        Map<String, Map<String, Accepted>> result = new HashMap<>();
        for (SubmissionRows.AcceptedRow r : rows.accepted(scheme, period)) {
            result.computeIfAbsent(r.dimensionCode(), k -> new HashMap<>())
                    .put(r.unitCode(), new Accepted(r.inputValue(), r.id()));
        }
        return result;
    }
}
