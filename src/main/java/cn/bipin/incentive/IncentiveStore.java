package cn.bipin.incentive;

import cn.bipin.jdbc.RecordRows;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;

import cn.bipin.run.IngestCounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The incentive tables: received files and rows, award lines and their totals, and the once-only ledger. */
@Repository
public class IncentiveStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;

    IncentiveStore(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.template = template;
        this.tx = new TransactionTemplate(transactionManager);
    }

    /** A row to insert into {@code incentive_row}. */
    record RowRecord(long fileId, String entity, int rowNo, String subjectId, String raw, String status, String error) {
    }

    /** What a run's ingest received: files taken and refused whole, rows accepted and rejected. */
    IngestCounts counts(long runId) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(CASE WHEN status = 'ACCEPTED' THEN 1 ELSE 0 END), 0) AS files_accepted,
                       COALESCE(SUM(CASE WHEN status = 'REJECTED' THEN 1 ELSE 0 END), 0) AS files_rejected,
                       COALESCE(SUM(rows_accepted), 0) AS rows_accepted,
                       COALESCE(SUM(rows_rejected), 0) AS rows_rejected
                FROM incentive_file WHERE run_id = :run""").param("run", runId).query(RecordRows.of(IngestCounts.class)).single();
    }

    // ---- files and rows

    boolean anyFile(String scheme, String period) {
        return jdbc.sql("SELECT COUNT(*) FROM incentive_file WHERE scheme = ? AND period = ?")
                .params(scheme, period).query(Long.class).single() > 0;
    }

    Optional<Long> findFile(String scheme, String period, String checksum) {
        return jdbc.sql("SELECT id FROM incentive_file WHERE scheme = ? AND period = ? AND checksum = ?")
                .params(scheme, period, checksum).query(Long.class).optional();
    }

    long registerFile(String scheme, String period, String fileName, String storedPath, String checksum, long size,
                      LocalDateTime receivedAt, long runId) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO incentive_file (scheme, period, file_name, stored_path, checksum, size_bytes, received_at,
                  run_id, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'READING')""")
                .params(scheme, period, fileName, storedPath, checksum, size, Timestamp.valueOf(receivedAt), runId)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void rejectFile(long fileId, String entity, String error) {
        jdbc.sql("UPDATE incentive_file SET status = 'REJECTED', entity = ?, error = ? WHERE id = ?")
                .params(entity, error, fileId).update();
        // rows read before the file broke stay as received, but are not used
        jdbc.sql("UPDATE incentive_row SET status = 'FILE_REJECTED' WHERE file_id = ? AND status = 'ACCEPTED'")
                .param(fileId).update();
    }

    void completeFile(long fileId, String entity, int accepted, int rejected) {
        jdbc.sql("UPDATE incentive_file SET status = 'ACCEPTED', entity = ?, rows_accepted = ?, rows_rejected = ? WHERE id = ?")
                .params(entity, accepted, rejected, fileId).update();
    }

    /** Files received for a period, oldest first. */
    public List<Map<String, Object>> files(String scheme, String period) {
        return jdbc.sql("SELECT * FROM incentive_file WHERE scheme = ? AND period = ? ORDER BY received_at, id")
                .params(scheme, period).query().listOfRows();
    }

    void insertRows(String scheme, String period, List<RowRecord> rows) {
        template.batchUpdate("""
                INSERT INTO incentive_row (file_id, scheme, period, entity, row_no, subject_id, raw, status, error)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, rows.size(), (PreparedStatement ps, RowRecord r) -> {
            ps.setLong(1, r.fileId());
            ps.setString(2, scheme);
            ps.setString(3, period);
            ps.setString(4, r.entity());
            ps.setInt(5, r.rowNo());
            ps.setString(6, r.subjectId());
            ps.setString(7, r.raw());
            ps.setString(8, r.status());
            ps.setString(9, r.error());
        });
    }

    /** Whether earlier files of the period already gave accepted rows of this kind (else nothing to supersede). */
    boolean hasEarlierRows(String scheme, String period, String entity, long fileId) {
        return jdbc.sql("SELECT COUNT(*) FROM incentive_file WHERE scheme = ? AND period = ? AND entity = ? AND id <> ? AND status = 'ACCEPTED' AND rows_accepted > 0")
                .params(scheme, period, entity, fileId).query(Integer.class).single() > 0;
    }

    /** Earlier accepted rows of the subjects a file (a correction) repeats are superseded by it. */
    int supersede(String scheme, String period, String entity, long fileId) {
        return jdbc.sql("""
                UPDATE incentive_row SET status = 'SUPERSEDED'
                WHERE scheme = ? AND period = ? AND entity = ? AND status = 'ACCEPTED' AND file_id <> ?
                  AND subject_id IN (SELECT n.subject_id FROM incentive_row n WHERE n.file_id = ? AND n.status = 'ACCEPTED')""")
                .params(scheme, period, entity, fileId, fileId).update();
    }

    /** Streams the raw cells of a period's accepted rows of one kind, in the order they arrived. */
    void acceptedRows(String scheme, String period, String entity, Consumer<String> raw) {
        template.query(con -> {
            PreparedStatement ps = con.prepareStatement(
                    "SELECT raw FROM incentive_row WHERE scheme = ? AND period = ? AND entity = ? AND status = 'ACCEPTED' ORDER BY id");
            ps.setString(1, scheme);
            ps.setString(2, period);
            ps.setString(3, entity);
            ps.setFetchSize(2000);
            return ps;
        }, (ResultSet rs) -> raw.accept(rs.getString(1)));
    }

    /** Rejected rows of the files a run received, in file and row order. */
    List<Map<String, Object>> rejectedRows(long runId) {
        return jdbc.sql("""
                SELECT f.file_name, r.row_no, r.error FROM incentive_row r JOIN incentive_file f ON f.id = r.file_id
                WHERE f.run_id = ? AND r.status = 'REJECTED' ORDER BY f.id, r.row_no""").param(runId).query().listOfRows();
    }

    /** Data kinds with at least one accepted row for the period. */
    List<String> entitiesWithData(String scheme, String period) {
        return jdbc.sql("SELECT DISTINCT entity FROM incentive_file WHERE scheme = ? AND period = ? AND status = 'ACCEPTED' AND rows_accepted > 0")
                .params(scheme, period).query(String.class).list();
    }

    // ---- awards and the once-only ledger

    /** Once-only keys granted in the ledger by any scheme and period other than this one → "jinfeng-2023 2023". */
    Map<String, String> onceGranted(String ledger, String scheme, String period) {
        Map<String, String> map = new HashMap<>();
        jdbc.sql("SELECT rule_id, subject_id, part, scheme, period FROM incentive_once WHERE ledger = ? AND NOT (scheme = ? AND period = ?)")
                .params(ledger, scheme, period).query((ResultSet rs) -> {
                    map.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3),
                            rs.getString(4) + " " + rs.getString(5));
                });
        return map;
    }

    /** A stored line: the award, and whether it was paid or withheld as already granted (and where). */
    record StoredLine(Award award, boolean granted, String withheldNote) {
    }

    /**
     * Stores a revision's list and, in the same transaction, replaces the period's entries in the once-only ledger:
     * a re-run must not find its own earlier revision there, and a failed run changes nothing.
     */
    void saveAwards(long runId, String ledger, String scheme, String period, Evaluation.Result result) {
        List<StoredLine> lines = new java.util.ArrayList<>();
        result.granted().forEach(a -> lines.add(new StoredLine(a, true, null)));
        result.withheld().forEach(w -> lines.add(new StoredLine(w.award(), false, w.grantedIn())));
        tx.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM incentive_award WHERE run_id = ?").param(runId).update();
            jdbc.sql("DELETE FROM incentive_once WHERE ledger = ? AND scheme = ? AND period = ?")
                    .params(ledger, scheme, period).update();
            int[] lineNo = {0};
            template.batchUpdate("""
                    INSERT INTO incentive_award (run_id, line_no, rule_id, part, subject_id, subject_name, recipient_id,
                      recipient_name, inputs, formula, cap_note, amount, once_only, granted, withheld_note)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    lines, 1000, (PreparedStatement ps, StoredLine l) -> {
                        Award a = l.award();
                        ps.setLong(1, runId);
                        ps.setInt(2, ++lineNo[0]);
                        ps.setString(3, a.ruleId());
                        ps.setString(4, a.part());
                        ps.setString(5, a.subjectId());
                        ps.setString(6, a.subjectName());
                        ps.setString(7, a.recipientId());
                        ps.setString(8, a.recipientName());
                        ps.setString(9, a.inputs());
                        ps.setString(10, a.formula());
                        ps.setString(11, a.capNote());
                        ps.setBigDecimal(12, a.amount());
                        ps.setBoolean(13, a.onceOnly());
                        ps.setBoolean(14, l.granted());
                        ps.setString(15, l.withheldNote());
                    });
            List<Award> once = result.granted().stream().filter(Award::onceOnly).toList();
            template.batchUpdate("""
                    INSERT INTO incentive_once (ledger, rule_id, subject_id, part, scheme, period, run_id, amount)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", once, 1000, (PreparedStatement ps, Award a) -> {
                ps.setString(1, ledger);
                ps.setString(2, a.ruleId());
                ps.setString(3, a.subjectId());
                ps.setString(4, a.part());
                ps.setString(5, scheme);
                ps.setString(6, period);
                ps.setLong(7, runId);
                ps.setBigDecimal(8, a.amount());
            });
            BigDecimal total = result.granted().stream().map(Award::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            jdbc.sql("DELETE FROM incentive_run_total WHERE run_id = ?").param(runId).update();
            jdbc.sql("INSERT INTO incentive_run_total (run_id, award_lines, award_total) VALUES (?, ?, ?)")
                    .params(runId, result.granted().size(), total).update();
        });
    }

    /** A revision's lines, paid and withheld, in list order. */
    List<StoredLine> lines(long runId) {
        return jdbc.sql("SELECT * FROM incentive_award WHERE run_id = ? ORDER BY line_no").param(runId)
                .query((rs, n) -> new StoredLine(new Award(rs.getString("rule_id"), rs.getString("part"),
                        rs.getString("subject_id"), rs.getString("subject_name"), rs.getString("recipient_id"),
                        rs.getString("recipient_name"), rs.getString("inputs"), rs.getString("formula"),
                        rs.getString("cap_note"), rs.getBigDecimal("amount"), rs.getBoolean("once_only")),
                        rs.getBoolean("granted"), rs.getString("withheld_note"))).list();
    }

    /** The lines a run granted and their sum; none for a run that did not get as far as the rules. */
    /** The award lines and amount of an incentive run (read by {@code status}). */
    public AwardTotals totals(long runId) {
        return jdbc.sql("SELECT award_lines, award_total FROM incentive_run_total WHERE run_id = ?")
                .param(runId).query(RecordRows.of(AwardTotals.class)).optional().orElse(new AwardTotals(0, BigDecimal.ZERO));
    }
}
