package cn.bipin.submission;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.bipin.run.IngestCounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code received_file} ledger: one row per distinct file content received for a scheme and period. */
@Repository
public class ReceivedFiles {

    private final JdbcClient jdbc;

    ReceivedFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A file as registered. */
    public record ReceivedFile(long id, String fileName, String storedPath, String checksum, long sizeBytes,
            LocalDateTime receivedAt, long runId, String unitCode, boolean late, String status, String error,
            int rowsAccepted, int rowsRejected) {
    }

    Optional<ReceivedFile> findByChecksum(String scheme, String period, String checksum) {
        return jdbc.sql("SELECT * FROM received_file WHERE scheme = ? AND period = ? AND checksum = ?")
                .params(scheme, period, checksum).query(ReceivedFiles::map).optional();
    }

    long register(String scheme, String period, String fileName, String storedPath, String checksum, long size,
            LocalDateTime receivedAt, long runId, boolean late) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO received_file (scheme, period, file_name, stored_path, checksum, size_bytes, received_at,
                  registered_at, run_id, late, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'READING')""")
                .params(scheme, period, fileName, storedPath, checksum, size, Timestamp.valueOf(receivedAt),
                        Timestamp.valueOf(LocalDateTime.now()), runId, late)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void setUnit(long fileId, String unitCode) {
        jdbc.sql("UPDATE received_file SET unit_code = ? WHERE id = ? AND unit_code IS NULL").params(unitCode, fileId)
                .update();
    }

    void reject(long fileId, String error) {
        jdbc.sql("UPDATE received_file SET status = 'REJECTED', error = ? WHERE id = ?").params(error, fileId).update();
    }

    /** Closes the run's files that were read to the end, and counts their rows. */
    void completeRun(long runId) {
        jdbc.sql("UPDATE received_file SET status = 'ACCEPTED' WHERE run_id = ? AND status = 'READING'").param(runId)
                .update();
        jdbc.sql("""
                UPDATE received_file SET
                  rows_accepted = (SELECT COUNT(*) FROM submission_row r WHERE r.file_id = received_file.id AND r.status = 'ACCEPTED'),
                  rows_rejected = (SELECT COUNT(*) FROM submission_row r WHERE r.file_id = received_file.id AND r.status = 'REJECTED')
                WHERE run_id = ?""").param(runId).update();
    }

    /** What a run's ingest received: files taken and refused whole, rows accepted and rejected. */
    IngestCounts counts(long runId) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(CASE WHEN status = 'ACCEPTED' THEN 1 ELSE 0 END), 0) AS files_accepted,
                       COALESCE(SUM(CASE WHEN status = 'REJECTED' THEN 1 ELSE 0 END), 0) AS files_rejected,
                       COALESCE(SUM(rows_accepted), 0) AS rows_accepted,
                       COALESCE(SUM(rows_rejected), 0) AS rows_rejected
                FROM received_file WHERE run_id = :run""").param("run", runId).query(IngestCounts.class).single();
    }

    /**
     * "unit|dimension" → the first file (by registration) that gave the unit an accepted value for the dimension this
     * period, over files not refused: a later file's empty cell for such a dimension means "unchanged" (D21).
     */
    Map<String, Long> firstValueFiles(String scheme, String period) {
        Map<String, Long> first = new HashMap<>();
        jdbc.sql("""
                SELECT r.unit_code, r.dimension_code, MIN(r.file_id) AS file_id
                FROM submission_row r JOIN received_file f ON f.id = r.file_id
                WHERE f.scheme = :scheme AND f.period = :period AND f.status <> 'REJECTED' AND r.status = 'ACCEPTED'
                GROUP BY r.unit_code, r.dimension_code""")
                .param("scheme", scheme).param("period", period)
                .query(rs -> {
                    first.put(rs.getString("unit_code") + "|" + rs.getString("dimension_code"), rs.getLong("file_id"));
                });
        return first;
    }

    /**
     * The period's late files that count as late (D21): files received after the deadline that hold a unit's first
     * accepted value of at least one dimension. A later file that only corrects values sent in time is a correction,
     * not a late submission. Oldest first.
     */
    public List<ReceivedFile> lateFiles(String scheme, String period) {
        return jdbc.sql("""
                SELECT f.* FROM received_file f
                WHERE f.scheme = :scheme AND f.period = :period AND f.status = 'ACCEPTED' AND f.late = TRUE
                  AND EXISTS (SELECT 1 FROM submission_row r WHERE r.file_id = f.id AND r.status = 'ACCEPTED'
                    AND NOT EXISTS (SELECT 1 FROM submission_row e JOIN received_file g ON g.id = e.file_id
                      WHERE e.unit_code = r.unit_code AND e.period = r.period AND e.dimension_code = r.dimension_code
                        AND e.status = 'ACCEPTED' AND g.scheme = f.scheme AND g.status = 'ACCEPTED'
                        AND (g.received_at < f.received_at OR (g.received_at = f.received_at AND g.id < f.id))))
                ORDER BY f.received_at, f.id""")
                .param("scheme", scheme).param("period", period).query(ReceivedFiles::map).list();
    }

    /** The unit's files for the period that were refused as a whole, oldest first. */
    List<ReceivedFile> refused(String scheme, String period, String unitCode) {
        return jdbc.sql("""
                SELECT * FROM received_file WHERE scheme = :scheme AND period = :period AND unit_code = :unit
                  AND status = 'REJECTED' ORDER BY received_at, id""")
                .param("scheme", scheme).param("period", period).param("unit", unitCode).query(ReceivedFiles::map).list();
    }

    /** A row sent back, as the run report names it. */
    public record RejectedRow(String fileName, int rowNo, String col, String rawValue, String error) {
    }

    /** The first {@code limit} rows a run's ingest sent back, in file and row order. */
    public List<RejectedRow> rejectedRows(long runId, int limit) {
        return jdbc.sql("""
                SELECT f.file_name, r.row_no, r.col, r.raw_value, r.error
                FROM submission_row r JOIN received_file f ON f.id = r.file_id
                WHERE f.run_id = :run AND r.status = 'REJECTED'
                ORDER BY f.id, r.row_no LIMIT :limit""")
                .param("run", runId).param("limit", limit).query(RejectedRow.class).list();
    }

    /** Every file received for a period, oldest first. */
    public List<ReceivedFile> forPeriod(String scheme, String period) {
        return jdbc.sql("SELECT * FROM received_file WHERE scheme = ? AND period = ? ORDER BY received_at, id")
                .params(scheme, period).query(ReceivedFiles::map).list();
    }

    private static ReceivedFile map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ReceivedFile(rs.getLong("id"), rs.getString("file_name"), rs.getString("stored_path"),
                rs.getString("checksum"), rs.getLong("size_bytes"), rs.getTimestamp("received_at").toLocalDateTime(),
                rs.getLong("run_id"), rs.getString("unit_code"), rs.getBoolean("late"), rs.getString("status"),
                rs.getString("error"), rs.getInt("rows_accepted"), rs.getInt("rows_rejected"));
    }
}
