package cn.bipin.results;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.submission.SubmissionRows;

/**
 * The value a unit reported for a dimension and period: the latest accepted version wins (DOMAIN §8). A dimension
 * the scheme takes from a case ledger (DOMAIN §6) has the ledger's derived value instead, whatever was submitted.
 */
@Component
class AcceptedValues {

    /** A value and the submission row it came from; {@code rowId} null for a value derived from a ledger. */
    public record Accepted(BigDecimal value, Long rowId) {
    }

    private final SubmissionRows rows;
    private final List<LedgerFigures> ledgers;

    AcceptedValues(SubmissionRows rows, List<LedgerFigures> ledgers) {
        this.rows = rows;
        this.ledgers = ledgers;
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

    /** As {@link #latest(String, String)}, with the dimensions the scheme takes from a ledger replaced by its figures. */
    public Map<String, Map<String, Accepted>> latest(Scheme scheme, Period period) {
        Map<String, Map<String, Accepted>> result = latest(scheme.id(), period.code());
        Map<String, String> mapped = scheme.ledgerDimensions();
        if (mapped.isEmpty()) {
            return result;
        }
        Map<String, Map<String, BigDecimal>> figures = new HashMap<>();
        ledgers.forEach(l -> figures.putAll(l.figures(scheme, period)));
        mapped.forEach((dimension, figure) -> {
            Map<String, Accepted> values = new HashMap<>();
            figures.getOrDefault(figure, Map.of()).forEach((unit, v) -> values.put(unit, new Accepted(v, null)));
            result.put(dimension, values);
        });
        return result;
    }
}
