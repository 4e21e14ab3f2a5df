package cn.bipin.award;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The only reader and writer of {@code report_flag}: reports the office flagged as falsified (虚报, D15). */
@Repository
public class ReportFlags {

    /** One flag: whose report of which period, why, who flagged it and when. */
    public record Flag(long id, String scheme, String unitCode, String period, String reason, String flaggedBy,
            LocalDateTime flaggedAt) {
    }

    private final JdbcClient jdbc;

    ReportFlags(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long add(String scheme, String unitCode, String period, String reason, String flaggedBy, LocalDateTime at) {
        jdbc.sql("""
                INSERT INTO report_flag (scheme, unit_code, period, reason, flagged_by, flagged_at)
                VALUES (:scheme, :unit, :period, :reason, :by, :at)""")
                .param("scheme", scheme).param("unit", unitCode).param("period", period).param("reason", reason)
                .param("by", flaggedBy).param("at", Timestamp.valueOf(at)).update();
        return jdbc.sql("SELECT MAX(id) FROM report_flag WHERE scheme = :scheme AND unit_code = :unit")
                .param("scheme", scheme).param("unit", unitCode).query(Long.class).single();
    }

    /** The scheme's flags, oldest first. */
    public List<Flag> forScheme(String scheme) {
        return jdbc.sql("""
                SELECT id, scheme, unit_code, period, reason, flagged_by, flagged_at FROM report_flag
                WHERE scheme = :scheme ORDER BY flagged_at, id""")
                .param("scheme", scheme)
                .query((rs, n) -> new Flag(rs.getLong("id"), rs.getString("scheme"), rs.getString("unit_code"),
                        rs.getString("period"), rs.getString("reason"), rs.getString("flagged_by"),
                        rs.getTimestamp("flagged_at").toLocalDateTime()))
                .list();
    }
}
