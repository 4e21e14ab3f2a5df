package cn.bipin.evaluation;

import cn.bipin.jdbc.RecordRows;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the evaluation received, kept as received: the file ledger {@code eval_file} and the rows of its files
 * ({@code eval_ballot}, {@code eval_ballot_item}, {@code eval_case}, {@code eval_vote}). The only class that reads or
 * writes these tables.
 */
@Repository
class EvaluationInputs {

    /** A ballot line as stored: accepted (with its item scores stored beside it) or rejected with its reason. */
    record BallotRow(long fileId, int rowNo, String tokenHash, String raterGroup, String targetUnit, String rawValues,
            String status, String error) {
    }

    /** One item score of an accepted ballot. */
    record BallotItemRow(long fileId, int rowNo, String itemCode, BigDecimal score) {
    }

    /** An accepted ballot's item score with its ballot's head, in received order. */
    record ScoredItem(long fileId, int rowNo, String tokenHash, String raterGroup, String targetUnit, String itemCode,
            BigDecimal score) {
    }

    /** A stored ballot line with its file, for the office's audit export. */
    record ReceivedBallot(String fileName, LocalDateTime receivedAt, int rowNo, String tokenHash, String raterGroup,
            String targetUnit, String rawValues, String status, String error) {
    }

    /** A rejected line, or a file refused as a whole (row 0). */
    record Rejection(String fileName, LocalDateTime receivedAt, int rowNo, String error) {
    }

    /** A nominated case's accepted row. */
    record CaseRow(String caseNo, String unitCode, String title, String summary, LocalDateTime nominatedAt) {
    }

    /** A case's accepted votes, summed. */
    record VoteCount(String caseNo, int votes) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    EvaluationInputs(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    // --- eval_file ---

    /** The name of the file of a kind already received with this content, if any. */
    Optional<String> knownFile(String scheme, String period, String kind, String checksum) {
        return jdbc.sql("""
                SELECT file_name FROM eval_file
                WHERE scheme = :scheme AND period = :period AND kind = :kind AND checksum = :checksum""")
                .param("scheme", scheme).param("period", period).param("kind", kind).param("checksum", checksum)
                .query(String.class).optional();
    }

    boolean anyFile(String scheme, String period, String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM eval_file WHERE scheme = :scheme AND period = :period AND kind = :kind")
                .param("scheme", scheme).param("period", period).param("kind", kind).query(Long.class).single() > 0;
    }

    /** Registers a file as being read; returns its id. */
    long registerFile(String scheme, String period, String kind, String fileName, String storedPath, String checksum,
            long size, LocalDateTime receivedAt, long runId) {
        jdbc.sql("""
                INSERT INTO eval_file (scheme, period, kind, file_name, stored_path, checksum, size_bytes, received_at,
                  registered_at, run_id, status)
                VALUES (:scheme, :period, :kind, :fileName, :storedPath, :checksum, :size, :receivedAt, :registeredAt,
                  :runId, 'READING')""")
                .param("scheme", scheme).param("period", period).param("kind", kind).param("fileName", fileName)
                .param("storedPath", storedPath).param("checksum", checksum).param("size", size)
                .param("receivedAt", Timestamp.valueOf(receivedAt))
                .param("registeredAt", Timestamp.valueOf(LocalDateTime.now())).param("runId", runId).update();
        return jdbc.sql("""
                SELECT id FROM eval_file
                WHERE scheme = :scheme AND period = :period AND kind = :kind AND checksum = :checksum""")
                .param("scheme", scheme).param("period", period).param("kind", kind).param("checksum", checksum)
                .query(Long.class).single();
    }

    void finishFile(long fileId, int accepted, int rejected) {
        jdbc.sql("UPDATE eval_file SET status = 'ACCEPTED', rows_accepted = :accepted, rows_rejected = :rejected WHERE id = :id")
                .param("accepted", accepted).param("rejected", rejected).param("id", fileId).update();
    }

    void rejectFile(long fileId, String reason) {
        jdbc.sql("UPDATE eval_file SET status = 'REJECTED', error = :error WHERE id = :id")
                .param("error", reason).param("id", fileId).update();
    }

    // --- eval_ballot, eval_ballot_item ---

    void insertBallots(List<BallotRow> rows) {
        template.batchUpdate("""
                INSERT INTO eval_ballot (file_id, row_no, token_hash, rater_group, target_unit, raw_values, status, error)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                rows.stream().map(r -> new Object[] {r.fileId(), r.rowNo(), r.tokenHash(), r.raterGroup(), r.targetUnit(),
                        r.rawValues(), r.status(), r.error()}).toList());
    }

    void insertBallotItems(List<BallotItemRow> rows) {
        template.batchUpdate("INSERT INTO eval_ballot_item (file_id, row_no, item_code, score) VALUES (?, ?, ?, ?)",
                rows.stream().map(r -> new Object[] {r.fileId(), r.rowNo(), r.itemCode(), r.score()}).toList());
    }

    /** Every accepted ballot's item scores for the period, ballot by ballot in received order, streamed. */
    void scoredItems(String scheme, String period, Consumer<ScoredItem> each) {
        var query = jdbc.sql("""
                SELECT b.file_id, b.row_no, b.token_hash, b.rater_group, b.target_unit, i.item_code, i.score
                FROM eval_ballot b JOIN eval_file f ON f.id = b.file_id
                JOIN eval_ballot_item i ON i.file_id = b.file_id AND i.row_no = b.row_no
                WHERE f.scheme = :scheme AND f.period = :period AND f.kind = 'ballots' AND b.status = 'ACCEPTED'
                ORDER BY f.received_at, f.id, b.row_no""")
                .param("scheme", scheme).param("period", period).query(RecordRows.of(ScoredItem.class));
        try (Stream<ScoredItem> rows = query.stream()) {
            rows.forEach(each);
        }
    }

    /** Every stored ballot line of the period, in received order, streamed. */
    void ballots(String scheme, String period, Consumer<ReceivedBallot> each) {
        var query = jdbc.sql("""
                SELECT f.file_name, f.received_at, b.row_no, b.token_hash, b.rater_group, b.target_unit, b.raw_values,
                  b.status, b.error
                FROM eval_ballot b JOIN eval_file f ON f.id = b.file_id
                WHERE f.scheme = :scheme AND f.period = :period ORDER BY f.received_at, f.id, b.row_no""")
                .param("scheme", scheme).param("period", period).query(RecordRows.of(ReceivedBallot.class));
        try (Stream<ReceivedBallot> rows = query.stream()) {
            rows.forEach(each);
        }
    }

    /** Rejected ballot lines, then ballot files refused whole (row 0), each in received order. */
    List<Rejection> rejections(String scheme, String period) {
        List<Rejection> lines = new java.util.ArrayList<>(jdbc.sql("""
                SELECT f.file_name, f.received_at, b.row_no, b.error
                FROM eval_ballot b JOIN eval_file f ON f.id = b.file_id
                WHERE f.scheme = :scheme AND f.period = :period AND b.status = 'REJECTED'
                ORDER BY f.received_at, f.id, b.row_no""")
                .param("scheme", scheme).param("period", period).query(RecordRows.of(Rejection.class)).list());
        lines.addAll(jdbc.sql("""
                SELECT file_name, received_at, 0 AS row_no, error FROM eval_file
                WHERE scheme = :scheme AND period = :period AND status = 'REJECTED' ORDER BY received_at, id""")
                .param("scheme", scheme).param("period", period).query(RecordRows.of(Rejection.class)).list());
        return lines;
    }

    // --- eval_case, eval_vote ---

    List<String> acceptedCaseNumbers(String scheme, String period) {
        return jdbc.sql("""
                SELECT DISTINCT c.case_no FROM eval_case c JOIN eval_file f ON f.id = c.file_id
                WHERE f.scheme = :scheme AND f.period = :period AND c.status = 'ACCEPTED'""")
                .param("scheme", scheme).param("period", period).query(String.class).list();
    }

    void insertCase(long fileId, int rowNo, String caseNo, String unitCode, String title, String summary,
            LocalDateTime nominatedAt, String error) {
        jdbc.sql("""
                INSERT INTO eval_case (file_id, row_no, case_no, unit_code, title, summary, nominated_at, status, error)
                VALUES (:fileId, :rowNo, :caseNo, :unitCode, :title, :summary, :nominatedAt, :status, :error)""")
                .param("fileId", fileId).param("rowNo", rowNo).param("caseNo", caseNo).param("unitCode", unitCode)
                .param("title", title).param("summary", summary)
                .param("nominatedAt", nominatedAt == null ? null : Timestamp.valueOf(nominatedAt))
                .param("status", error == null ? "ACCEPTED" : "REJECTED").param("error", error).update();
    }

    void insertVote(long fileId, int rowNo, String caseNo, Integer votes, String error) {
        jdbc.sql("""
                INSERT INTO eval_vote (file_id, row_no, case_no, votes, status, error)
                VALUES (:fileId, :rowNo, :caseNo, :votes, :status, :error)""")
                .param("fileId", fileId).param("rowNo", rowNo).param("caseNo", caseNo).param("votes", votes)
                .param("status", error == null ? "ACCEPTED" : "REJECTED").param("error", error).update();
    }

    /** Every accepted case row, in received order (a later row of the same case is its newer version). */
    List<CaseRow> acceptedCases(String scheme, String period) {
        return jdbc.sql("""
                SELECT c.case_no, c.unit_code, c.title, c.summary, c.nominated_at
                FROM eval_case c JOIN eval_file f ON f.id = c.file_id
                WHERE f.scheme = :scheme AND f.period = :period AND c.status = 'ACCEPTED'
                ORDER BY f.received_at, f.id, c.row_no""")
                .param("scheme", scheme).param("period", period).query(RecordRows.of(CaseRow.class)).list();
    }

    List<VoteCount> voteCounts(String scheme, String period) {
        return jdbc.sql("""
                SELECT v.case_no, SUM(v.votes) AS votes FROM eval_vote v JOIN eval_file f ON f.id = v.file_id
                WHERE f.scheme = :scheme AND f.period = :period AND v.status = 'ACCEPTED' GROUP BY v.case_no""")
                .param("scheme", scheme).param("period", period).query(RecordRows.of(VoteCount.class)).list();
    }
}
