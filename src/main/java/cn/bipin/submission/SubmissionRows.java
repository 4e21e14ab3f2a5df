package cn.bipin.submission;

import cn.bipin.jdbc.RecordRows;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code submission_row} table: every row received, accepted or rejected with its reason, read together with the
 * file it came from ({@link ReceivedFiles} owns that table; a join here only names the file).
 */
@Repository
public class SubmissionRows {

    /** A row as its unit's feedback sheet shows it, with its file, in the order received. */
    record FeedbackRow(String fileName, LocalDateTime receivedAt, boolean late, String fileStatus, String fileError,
            int rowNo, String col, String dimensionCode, String rawValue, BigDecimal inputValue, String status,
            String error, String remark) {
    }

    /** An accepted value of a file read to the end, with the row it is stored in. */
    public record AcceptedRow(long id, String unitCode, String dimensionCode, BigDecimal inputValue) {
    }

    /** Where a stored row came from. */
    public record RowSource(String fileName, LocalDateTime receivedAt) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    SubmissionRows(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * Stores validated rows, accepted or rejected, as one JDBC batch: one prepared statement, parameters set by
     * position (no per-row parameter map).
     */
    void insert(List<? extends SubmissionRecord> records) {
        template.batchUpdate("""
                INSERT INTO submission_row (file_id, row_no, sheet, col, unit_code, period, dimension_code,
                  raw_value, note, input_value, status, error, remark)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                SubmissionRecord r = records.get(i);
                ps.setLong(1, r.fileId());
                ps.setInt(2, r.rowNo());
                ps.setString(3, clip(r.sheet(), 64));
                ps.setString(4, clip(r.col(), 32));
                ps.setString(5, clip(r.unitCode(), 64));
                ps.setString(6, clip(r.period(), 16));
                ps.setString(7, clip(r.dimensionCode(), 64));
                ps.setString(8, clip(r.rawValue(), 1000));
                ps.setString(9, clip(r.note(), 1000));
                if (r.value() == null) {
                    ps.setNull(10, Types.DECIMAL);
                } else {
                    ps.setBigDecimal(10, r.value());
                }
                ps.setString(11, r.status().name());
                ps.setString(12, clip(r.error(), 1000));
                ps.setString(13, clip(r.remark(), 1000));
            }

            @Override
            public int getBatchSize() {
                return records.size();
            }
        });
    }

    /**
     * Rows read from a file that was refused later (damage found part-way through): the file contributes nothing, so
     * its rows are rejected too, with the reason.
     */
    void rejectRowsOfRefusedFiles(long runId) {
        jdbc.sql("""
                UPDATE submission_row SET status = 'REJECTED', input_value = NULL, remark = NULL,
                  error = :reason
                WHERE status = 'ACCEPTED'
                  AND file_id IN (SELECT id FROM received_file WHERE run_id = :run AND status = 'REJECTED')""")
                .param("reason", "此行所在的文件读到后面时被整份退回（原因见文件退回说明），此行不采用")
                .param("run", runId).update();
    }

    /** A row whose unit code names no unit of the scheme, with the file it came from. */
    public record Unrecognised(String fileName, int rowNo, String unitCode, String dimensionCode, String rawValue,
            String error) {
    }

    /** The rows of a period whose unit code is not one of {@code unitCodes}, in the order received. */
    public List<Unrecognised> unrecognised(String scheme, String period, java.util.Collection<String> unitCodes) {
        return jdbc.sql("""
                SELECT f.file_name, r.row_no, r.unit_code, r.dimension_code, r.raw_value, r.error
                FROM submission_row r JOIN received_file f ON f.id = r.file_id
                WHERE f.scheme = :scheme AND f.period = :period
                  AND (r.unit_code IS NULL OR r.unit_code NOT IN (:units))
                ORDER BY f.received_at, f.id, r.row_no""")
                .param("scheme", scheme).param("period", period).param("units", List.copyOf(unitCodes))
                .query(RecordRows.of(Unrecognised.class)).list();
    }

    /** An accepted row whose unit code was read as a near miss, with how it was read. */
    public record NearMiss(String fileName, int rowNo, String unitCode, String dimensionCode, String rawValue,
            String remark) {
    }

    /** The accepted rows of a period read with a remark (a unit code matched as a near miss), in the order received. */
    public List<NearMiss> nearMisses(String scheme, String period) {
        return jdbc.sql("""
                SELECT f.file_name, r.row_no, r.unit_code, r.dimension_code, r.raw_value, r.remark
                FROM submission_row r JOIN received_file f ON f.id = r.file_id
                WHERE f.scheme = :scheme AND f.period = :period AND r.remark IS NOT NULL
                ORDER BY f.received_at, f.id, r.row_no""")
                .param("scheme", scheme).param("period", period).query(RecordRows.of(NearMiss.class)).list();
    }

    /** Every row a unit sent for a period, in the order received. */
    List<FeedbackRow> forUnit(String scheme, String period, String unitCode) {
        return jdbc.sql("""
                SELECT f.file_name, f.received_at, f.late, f.status AS file_status, f.error AS file_error, r.row_no,
                  r.col, r.dimension_code, r.raw_value, r.input_value, r.status, r.error, r.remark
                FROM submission_row r JOIN received_file f ON f.id = r.file_id
                WHERE f.scheme = :scheme AND f.period = :period AND r.unit_code = :unit
                ORDER BY f.received_at, f.id, r.row_no""")
                .param("scheme", scheme).param("period", period).param("unit", unitCode)
                .query(RecordRows.of(FeedbackRow.class)).list();
    }

    /** The accepted rows of a period's files read to the end, oldest first (a later row is a later version). */
    public List<AcceptedRow> accepted(String scheme, String period) {
        return jdbc.sql("""
                SELECT r.id, r.unit_code, r.dimension_code, r.input_value
                FROM submission_row r JOIN received_file f ON f.id = r.file_id
                WHERE f.scheme = :scheme AND f.period = :period AND f.status = 'ACCEPTED' AND r.status = 'ACCEPTED'
                ORDER BY f.received_at, f.id, r.row_no""")
                .param("scheme", scheme).param("period", period)
                .query(RecordRows.of(AcceptedRow.class)).list();
    }

    /** The file a stored row came from, and when it was received. */
    public Optional<RowSource> source(long rowId) {
        return jdbc.sql("""
                SELECT f.file_name, f.received_at
                FROM submission_row r JOIN received_file f ON f.id = r.file_id WHERE r.id = :row""")
                .param("row", rowId).query(RecordRows.of(RowSource.class)).optional();
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
    public List<ReceivedFiles.ReceivedFile> lateFiles(String scheme, String period) {
        return jdbc.sql("""
                SELECT f.* FROM received_file f
                WHERE f.scheme = :scheme AND f.period = :period AND f.status = 'ACCEPTED' AND f.late = TRUE
                  AND EXISTS (SELECT 1 FROM submission_row r WHERE r.file_id = f.id AND r.status = 'ACCEPTED'
                    AND NOT EXISTS (SELECT 1 FROM submission_row e JOIN received_file g ON g.id = e.file_id
                      WHERE e.unit_code = r.unit_code AND e.period = r.period AND e.dimension_code = r.dimension_code
                        AND e.status = 'ACCEPTED' AND g.scheme = f.scheme AND g.status = 'ACCEPTED'
                        AND (g.received_at < f.received_at OR (g.received_at = f.received_at AND g.id < f.id))))
                ORDER BY f.received_at, f.id""")
                .param("scheme", scheme).param("period", period).query(RecordRows.of(ReceivedFiles.ReceivedFile.class)).list();
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
                .param("run", runId).param("limit", limit).query(RecordRows.of(RejectedRow.class)).list();
    }

    private static String clip(String s, int max) {
        if (s == null) {
            return null;
        }
        if (s.length() <= max) {
            return s;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--; // never half a character: MariaDB refuses a lone surrogate
        }
        return s.substring(0, end) + "…";
    }
}
