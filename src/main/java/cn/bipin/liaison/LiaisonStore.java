package cn.bipin.liaison;

import cn.bipin.jdbc.RecordRows;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.bipin.run.IngestCounts;

/** The liaison tables: {@code liaison_file}, {@code liaison_row} (the ledger, every version) and {@code liaison_figure}. */
@Repository
class LiaisonStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    LiaisonStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A row to insert into {@code liaison_row}; version is null for a refused row. */
    record RowRecord(long fileId, String kind, int rowNo, String recordId, Integer version, String raw, String cells,
                     String status, String error) {
    }

    /** The newest accepted version of a record: its cells as read, in the kind's column order. */
    record Latest(String recordId, int version, String cells) {
    }

    /** A refused row or file, for the rejection list: file, row (0 for a whole file), reason. */
    record Rejection(String fileName, int rowNo, String reason) {
    }

    IngestCounts counts(long runId) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(CASE WHEN status = 'ACCEPTED' THEN 1 ELSE 0 END), 0) AS files_accepted,
                       COALESCE(SUM(CASE WHEN status = 'REJECTED' THEN 1 ELSE 0 END), 0) AS files_rejected,
                       COALESCE(SUM(rows_accepted), 0) AS rows_accepted,
                       COALESCE(SUM(rows_rejected), 0) AS rows_rejected
                FROM liaison_file WHERE run_id = :run""").param("run", runId).query(RecordRows.of(IngestCounts.class)).single();
    }

    boolean knownFile(String scheme, String checksum) {
        return jdbc.sql("SELECT COUNT(*) FROM liaison_file WHERE scheme = ? AND checksum = ?")
                .params(scheme, checksum).query(Long.class).single() > 0;
    }

    long registerFile(String scheme, String fileName, String storedPath, String checksum, long size,
                      LocalDateTime receivedAt, long runId) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO liaison_file (scheme, file_name, stored_path, checksum, size_bytes, received_at, run_id, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'READING')""")
                .params(scheme, fileName, storedPath, checksum, size, Timestamp.valueOf(receivedAt), runId)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void rejectFile(long fileId, String kind, String error) {
        jdbc.sql("UPDATE liaison_file SET status = 'REJECTED', kind = ?, error = ? WHERE id = ?")
                .params(kind, error, fileId).update();
        // rows stored before the file broke stay as received, but are not versions of anything
        jdbc.sql("UPDATE liaison_row SET status = 'FILE_REJECTED', version = NULL WHERE file_id = ? AND status = 'ACCEPTED'")
                .param(fileId).update();
    }

    void completeFile(long fileId, String kind, int accepted, int rejected) {
        jdbc.sql("UPDATE liaison_file SET status = 'ACCEPTED', kind = ?, rows_accepted = ?, rows_rejected = ? WHERE id = ?")
                .params(kind, accepted, rejected, fileId).update();
    }

    void insertRows(String scheme, List<RowRecord> rows) {
        template.batchUpdate("""
                INSERT INTO liaison_row (file_id, scheme, kind, row_no, record_id, version, raw, cells, status, error)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, rows.size(), (PreparedStatement ps, RowRecord r) -> {
            ps.setLong(1, r.fileId());
            ps.setString(2, scheme);
            ps.setString(3, r.kind());
            ps.setInt(4, r.rowNo());
            ps.setString(5, r.recordId());
            if (r.version() == null) {
                ps.setNull(6, java.sql.Types.INTEGER);
            } else {
                ps.setInt(6, r.version());
            }
            ps.setString(7, r.raw());
            ps.setString(8, r.cells());
            ps.setString(9, r.status());
            ps.setString(10, r.error());
        });
    }

    /** record id → how many accepted versions it has so far (the next one is that plus one). */
    Map<String, Integer> versions(String scheme, String kind) {
        Map<String, Integer> versions = new HashMap<>();
        jdbc.sql("SELECT record_id, MAX(version) AS v FROM liaison_row WHERE scheme = ? AND kind = ? AND status = 'ACCEPTED' GROUP BY record_id")
                .params(scheme, kind).query((rs, n) -> versions.put(rs.getString(1), rs.getInt(2))).list();
        return versions;
    }

    /** The newest accepted version of every record of a kind (the latest wins; earlier versions stay in the table). */
    List<Latest> latest(String scheme, String kind) {
        return jdbc.sql("""
                SELECT r.record_id, r.version, r.cells FROM liaison_row r
                JOIN (SELECT record_id, MAX(id) AS id FROM liaison_row WHERE scheme = ? AND kind = ? AND status = 'ACCEPTED'
                      GROUP BY record_id) m ON m.id = r.id
                ORDER BY r.record_id""").params(scheme, kind)
                .query((rs, n) -> new Latest(rs.getString(1), rs.getInt(2), rs.getString(3))).list();
    }

    /** What a run refused: whole files, then rows, in the order received. */
    List<Rejection> rejections(long runId) {
        List<Rejection> files = jdbc.sql("SELECT file_name, error FROM liaison_file WHERE run_id = ? AND status = 'REJECTED' ORDER BY id")
                .param(runId).query((rs, n) -> new Rejection(rs.getString(1), 0, rs.getString(2))).list();
        List<Rejection> rows = jdbc.sql("""
                SELECT f.file_name, r.row_no, r.error FROM liaison_row r JOIN liaison_file f ON f.id = r.file_id
                WHERE f.run_id = ? AND r.status = 'REJECTED' ORDER BY r.file_id, r.row_no""")
                .param(runId).query((rs, n) -> new Rejection(rs.getString(1), rs.getInt(2), rs.getString(3))).list();
        java.util.ArrayList<Rejection> all = new java.util.ArrayList<>(files);
        all.addAll(rows);
        return all;
    }

    /** A row refused in a run, with its cells as typed (to find the unit it concerns). */
    record RejectedRow(String kind, String fileName, int rowNo, String raw, String reason) {
    }

    List<RejectedRow> rejectedRows(long runId) {
        return jdbc.sql("""
                SELECT r.kind, f.file_name, r.row_no, r.raw, r.error FROM liaison_row r JOIN liaison_file f ON f.id = r.file_id
                WHERE f.run_id = ? AND r.status = 'REJECTED' ORDER BY r.file_id, r.row_no""")
                .param(runId).query((rs, n) -> new RejectedRow(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getString(4), rs.getString(5))).list();
    }

    // ---- figures

    void clearFigures(long runId) {
        jdbc.sql("DELETE FROM liaison_figure WHERE run_id = ?").param(runId).update();
    }

    void insertFigures(long runId, List<LiaisonFigures.UnitFigures> figures) {
        template.batchUpdate("""
                INSERT INTO liaison_figure (run_id, unit_code, assignments, visited, visits, coverage_rate, raised, closed,
                  closed_late, open_count, overdue, closing_rate) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                figures, figures.size(), (PreparedStatement ps, LiaisonFigures.UnitFigures f) -> {
                    ps.setLong(1, runId);
                    ps.setString(2, f.unitCode());
                    ps.setInt(3, f.assignments());
                    ps.setInt(4, f.visited());
                    ps.setInt(5, f.visits());
                    ps.setBigDecimal(6, f.coverageRate());
                    ps.setInt(7, f.raised());
                    ps.setInt(8, f.closed());
                    ps.setInt(9, f.closedLate());
                    ps.setInt(10, f.open());
                    ps.setInt(11, f.overdue());
                    ps.setBigDecimal(12, f.closingRate());
                });
    }

    /** A run's figures, unit code → figures. */
    Map<String, LiaisonFigures.UnitFigures> figures(long runId) {
        Map<String, LiaisonFigures.UnitFigures> result = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT * FROM liaison_figure WHERE run_id = ? ORDER BY unit_code").param(runId)
                .query((rs, n) -> new LiaisonFigures.UnitFigures(rs.getString("unit_code"), rs.getInt("assignments"),
                        rs.getInt("visited"), rs.getInt("visits"), scaled(rs.getBigDecimal("coverage_rate")),
                        rs.getInt("raised"), rs.getInt("closed"), rs.getInt("closed_late"), rs.getInt("open_count"),
                        rs.getInt("overdue"), scaled(rs.getBigDecimal("closing_rate"))))
                .list().forEach(f -> result.put(f.unitCode(), f));
        return result;
    }

    private static BigDecimal scaled(BigDecimal d) {
        return d == null ? null : d.setScale(4);
    }

    Optional<Long> anyFile(String scheme) {
        return jdbc.sql("SELECT MIN(id) FROM liaison_file WHERE scheme = ?").param(scheme).query(Long.class).optional();
    }
}
