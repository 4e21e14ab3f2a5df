package cn.bipin.results;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The value a unit reported for a dimension and period: the latest accepted version wins (DOMAIN §8). */
@Repository
class AcceptedValues {

    /** A value and the submission row it came from. */
    public record Accepted(BigDecimal value, long rowId) {
    }

    private final JdbcClient jdbc;

    AcceptedValues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** dimension code → unit code → latest accepted value, over files that were read to the end. */
    public Map<String, Map<String, Accepted>> latest(String scheme, String period) {
        Map<String, Map<String, Accepted>> result = new HashMap<>();
        jdbc.sql("""
                SELECT r.id, r.unit_code, r.dimension_code, r.input_value
                FROM submission_row r JOIN received_file f ON f.id = r.file_id
                WHERE f.scheme = ? AND f.period = ? AND f.status = 'ACCEPTED' AND r.status = 'ACCEPTED'
                ORDER BY f.received_at, f.id, r.row_no""")
                .params(scheme, period)
                .query(rs -> {
                    result.computeIfAbsent(rs.getString("dimension_code"), k -> new HashMap<>())
                            .put(rs.getString("unit_code"), new Accepted(rs.getBigDecimal("input_value"), rs.getLong("id")));
                });
        return result;
    }
}
