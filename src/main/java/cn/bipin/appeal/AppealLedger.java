package cn.bipin.appeal;

import cn.bipin.jdbc.RecordRows;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.bipin.appeal.AppealRules.Level;
import cn.bipin.appeal.AppealRules.Role;
import cn.bipin.appeal.AppealRules.Size;

/**
 * Owns {@code appeal_file} (every distinct ledger file received, by checksum) and {@code appeal_case} (every row of
 * those files as received, accepted as a version of its case or rejected with its reason). Append-only: nothing here
 * updates a row of a case; the latest version of a case is the one of the latest file (received time, then id).
 */
@Repository
public class AppealLedger extends LedgerFileStore<AppealRowValidator.Checked> {

    /** A ledger file as registered. */
    public record LedgerFile(long id, String fileName, String checksum, LocalDateTime receivedAt, long runId,
                             String status, String error, int rowsAccepted, int rowsRejected) {
    }

    /** A stored row for a unit's feedback: where it came from, and the case version or the reason it was sent back. */
    public record StoredRow(String fileName, LocalDateTime fileReceivedAt, int rowNo, String rawRow, String status,
                            String error, String caseId, Integer version, String unitCode) {
    }

    private final JdbcTemplate template;

    AppealLedger(JdbcClient jdbc, JdbcTemplate template) {
        super(jdbc, "appeal_file", "ledger_year", "appeal_case", "case_id");
        this.template = template;
    }

    /** Stores checked rows of a file, accepted (with their version) or rejected, as one JDBC batch. */
    @Override
    public void insert(long fileId, List<AppealRowValidator.Checked> rows, List<Integer> versions) {
        template.batchUpdate("""
                INSERT INTO appeal_case (file_id, row_no, raw_row, status, error, case_id, version, unit_code, enterprise,
                  credit_code, size_class, summary, received_at, registered_at, studied_at, resolved_at,
                  resolution_level, feedback_by, satisfaction)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                AppealRowValidator.Checked r = rows.get(i);
                AppealCase c = r.appeal();
                ps.setLong(1, fileId);
                ps.setInt(2, r.row().rowNo());
                ps.setString(3, r.row().raw());
                ps.setString(4, c == null ? "REJECTED" : "ACCEPTED");
                ps.setString(5, r.error() == null ? null : cut(r.error(), 2000));
                // a rejected row keeps the case id as typed, so its unit can find it in the feedback
                ps.setString(6, c == null ? blankToNull(cut(r.row().cell(AppealColumns.CASE_ID), 64)) : c.caseId());
                if (c == null) {
                    ps.setNull(7, Types.INTEGER);
                } else {
                    ps.setInt(7, versions.get(i));
                }
                ps.setString(8, r.unitCode());
                ps.setString(9, c == null ? null : cut(c.enterprise(), 200));
                ps.setString(10, c == null ? null : c.creditCode());
                ps.setString(11, c == null ? null : c.size().key);
                ps.setString(12, c == null || c.summary() == null ? null : cut(c.summary(), 1000));
                time(ps, 13, c == null ? null : c.receivedAt());
                time(ps, 14, c == null ? null : c.registeredAt());
                time(ps, 15, c == null ? null : c.studiedAt());
                time(ps, 16, c == null ? null : c.resolvedAt());
                ps.setString(17, c == null || c.level() == null ? null : c.level().key);
                ps.setString(18, c == null || c.feedbackBy() == null ? null : c.feedbackBy().key);
                ps.setString(19, c == null ? null : c.satisfaction());
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    /**
     * The latest version of every case of the scheme's ledger of the year, passed to {@code sink} one at a time. The
     * rows are streamed (only the columns a case needs) and the highest version of each case kept in a map: no sort
     * of the whole ledger in the database.
     */
    void latestCases(String scheme, int year, Consumer<AppealCase> sink) {
        Map<String, AppealCase> latest = new HashMap<>();
        template.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    SELECT c.case_id, c.version, c.unit_code, c.enterprise, c.credit_code, c.size_class, c.received_at,
                      c.registered_at, c.studied_at, c.resolved_at, c.resolution_level, c.feedback_by, c.satisfaction
                    FROM appeal_case c JOIN appeal_file f ON f.id = c.file_id
                    WHERE f.scheme = ? AND f.ledger_year = ? AND c.status = 'ACCEPTED' AND f.status = 'ACCEPTED'""");
            ps.setString(1, scheme);
            ps.setInt(2, year);
            ps.setFetchSize(1000); // streamed, not the whole result in the driver at once
            return ps;
        }, (ResultSet rs) -> {
            AppealCase c = map(rs);
            latest.merge(c.caseId(), c, (a, b) -> a.version() >= b.version() ? a : b);
        });
        latest.values().stream().sorted(java.util.Comparator.comparing(AppealCase::caseId)).forEach(sink);
    }

    /**
     * What the accepted part of a ledger looks like from outside: accepted files, the newest of them, their accepted
     * rows. It changes whenever a file is accepted, so a computation from the ledger can be reused while it stays.
     */
    String fingerprint(String scheme, int year) {
        return jdbc.sql("""
                SELECT CONCAT(COUNT(*), '/', COALESCE(MAX(id), 0), '/', COALESCE(SUM(rows_accepted), 0)) FROM appeal_file
                WHERE scheme = ? AND ledger_year = ? AND status = 'ACCEPTED'""").params(scheme, year).query(String.class).single();
    }

    /** The rows a run read of ledger files, for the unit named in them (rejected rows naming no unit: unit null). */
    List<StoredRow> rowsOfRun(long runId) {
        return jdbc.sql("""
                SELECT f.file_name, f.received_at AS file_received_at, c.row_no, c.raw_row, c.status, c.error, c.case_id,
                  c.version, c.unit_code
                FROM appeal_case c JOIN appeal_file f ON f.id = c.file_id WHERE f.run_id = ? ORDER BY f.received_at, f.id, c.row_no""")
                .param(runId).query(RecordRows.of(StoredRow.class)).list();
    }

    /** A case version from an accepted file, with that file's name and received time. */
    record FileVersion(AppealCase appeal, String fileName, LocalDateTime fileReceivedAt) {
    }

    /**
     * The accepted case versions of accepted files read by runs after {@code afterRunId} up to {@code upToRunId}: what
     * the ledger learned between two revisions (run ids grow with time; a file carries the run that read it).
     */
    List<FileVersion> versionsReadBetween(String scheme, int year, long afterRunId, long upToRunId) {
        return template.query("""
                SELECT c.case_id, c.version, c.unit_code, c.enterprise, c.credit_code, c.size_class, c.received_at,
                  c.registered_at, c.studied_at, c.resolved_at, c.resolution_level, c.feedback_by, c.satisfaction,
                  f.file_name, f.received_at
                FROM appeal_case c JOIN appeal_file f ON f.id = c.file_id
                WHERE f.scheme = ? AND f.ledger_year = ? AND f.status = 'ACCEPTED' AND c.status = 'ACCEPTED'
                  AND f.run_id > ? AND f.run_id <= ? ORDER BY c.case_id, c.version""",
                (rs, i) -> new FileVersion(map(rs), rs.getString(14), time(rs, 15)), scheme, year, afterRunId, upToRunId);
    }

    /** The latest version of a case among the accepted files read by runs up to {@code upToRunId}, if any. */
    Optional<AppealCase> latestReadBy(String scheme, int year, String caseId, long upToRunId) {
        return template.query("""
                SELECT c.case_id, c.version, c.unit_code, c.enterprise, c.credit_code, c.size_class, c.received_at,
                  c.registered_at, c.studied_at, c.resolved_at, c.resolution_level, c.feedback_by, c.satisfaction
                FROM appeal_case c JOIN appeal_file f ON f.id = c.file_id
                WHERE c.case_id = ? AND f.scheme = ? AND f.ledger_year = ? AND f.status = 'ACCEPTED'
                  AND c.status = 'ACCEPTED' AND f.run_id <= ? ORDER BY c.version DESC""",
                (rs, i) -> map(rs), caseId, scheme, year, upToRunId).stream().findFirst();
    }

    /** Files a run received, refused ones with their reason. */
    List<LedgerFile> filesOfRun(long runId) {
        return jdbc.sql("SELECT * FROM appeal_file WHERE run_id = ? ORDER BY received_at, id").param(runId)
                .query(RecordRows.of(LedgerFile.class)).list();
    }

    /** A case from the columns of {@link #latestCases}, by position. */
    private static AppealCase map(ResultSet rs) throws SQLException {
        return new AppealCase(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                size(rs.getString(6)), null, time(rs, 7), time(rs, 8), time(rs, 9), time(rs, 10), level(rs.getString(11)),
                role(rs.getString(12)), rs.getString(13));
    }

    private static LocalDateTime time(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class);
    }

    private static Size size(String key) {
        for (Size s : Size.values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        return null;
    }

    private static Level level(String key) {
        for (Level l : Level.values()) {
            if (l.key.equals(key)) {
                return l;
            }
        }
        return null;
    }

    private static Role role(String key) {
        for (Role r : Role.values()) {
            if (r.key.equals(key)) {
                return r;
            }
        }
        return null;
    }

    private static void time(PreparedStatement ps, int index, LocalDateTime t) throws SQLException {
        if (t == null) {
            ps.setNull(index, Types.TIMESTAMP);
        } else {
            ps.setObject(index, t);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
