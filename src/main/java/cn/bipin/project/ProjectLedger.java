package cn.bipin.project;

import cn.bipin.appeal.LedgerFileStore;
import cn.bipin.jdbc.RecordRows;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Owns {@code project_file} (every distinct project-list file received, by checksum) and {@code project_row} (every
 * row of those files as received, accepted as a version of its project or rejected with its reason). Append-only:
 * nothing here updates a project's row; the latest version of a project is the one the counts use.
 */
@Repository
class ProjectLedger extends LedgerFileStore<ProjectRowValidator.Checked> {

    record ListFile(long id, String fileName, String checksum, LocalDateTime receivedAt, long runId, String status,
                    String error, int rowsAccepted, int rowsRejected) {
    }

    /** A stored row for a unit's feedback: where it came from, and the project version or the reason it was sent back. */
    record StoredRow(String fileName, LocalDateTime fileReceivedAt, int rowNo, String rawRow, String status,
                     String error, String projectId, Integer version, String unitCode) {
    }

    private final JdbcTemplate template;

    ProjectLedger(JdbcClient jdbc, JdbcTemplate template) {
        super(jdbc, "project_file", "list_year", "project_row", "project_id");
        this.template = template;
    }

    /** Stores checked rows of a file, accepted (with their version) or rejected, as one JDBC batch. */
    @Override
    public void insert(long fileId, List<ProjectRowValidator.Checked> rows, List<Integer> versions) {
        template.batchUpdate("""
                INSERT INTO project_row (file_id, row_no, raw_row, status, error, project_id, version, unit_code,
                  project_name, investment, start_date, completion_date, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                ProjectRowValidator.Checked r = rows.get(i);
                ProjectRecord p = r.project();
                ps.setLong(1, fileId);
                ps.setInt(2, r.row().rowNo());
                ps.setString(3, r.row().raw());
                ps.setString(4, p == null ? "REJECTED" : "ACCEPTED");
                ps.setString(5, r.error() == null ? null : cut(r.error(), 2000));
                // a rejected row keeps the project id as typed, so its unit can find it in the feedback
                String typedId = r.row().cell(ProjectColumns.PROJECT_ID);
                ps.setString(6, p == null ? (typedId == null || typedId.isBlank() ? null : cut(typedId.strip(), 64)) : p.projectId());
                if (p == null) {
                    ps.setNull(7, Types.INTEGER);
                } else {
                    ps.setInt(7, versions.get(i));
                }
                ps.setString(8, r.unitCode());
                ps.setString(9, p == null ? null : p.name());
                ps.setBigDecimal(10, p == null ? null : p.investment());
                date(ps, 11, p == null ? null : p.start());
                date(ps, 12, p == null ? null : p.completion());
                ps.setString(13, p == null ? null : p.note());
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    /** The latest version of every project of the scheme's lists of the year, in project-id order. */
    List<ProjectRecord> latestProjects(String scheme, int year) {
        Map<String, ProjectRecord> latest = new HashMap<>();
        template.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    SELECT r.project_id, r.version, r.unit_code, r.project_name, r.investment, r.start_date,
                      r.completion_date, r.note
                    FROM project_row r JOIN project_file f ON f.id = r.file_id
                    WHERE f.scheme = ? AND f.list_year = ? AND r.status = 'ACCEPTED' AND f.status = 'ACCEPTED'""");
            ps.setString(1, scheme);
            ps.setInt(2, year);
            ps.setFetchSize(1000);
            return ps;
        }, (ResultSet rs) -> {
            ProjectRecord p = new ProjectRecord(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                    rs.getBigDecimal(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getString(8));
            latest.merge(p.projectId(), p, (a, b) -> a.version() >= b.version() ? a : b);
        });
        return latest.values().stream().sorted(Comparator.comparing(ProjectRecord::projectId)).toList();
    }

    /** The rows a run read of project-list files (rejected rows naming no unit: unit null). */
    List<StoredRow> rowsOfRun(long runId) {
        return jdbc.sql("""
                SELECT f.file_name, f.received_at AS file_received_at, r.row_no, r.raw_row, r.status, r.error, r.project_id,
                  r.version, r.unit_code
                FROM project_row r JOIN project_file f ON f.id = r.file_id WHERE f.run_id = ? ORDER BY f.received_at, f.id, r.row_no""")
                .param(runId).query(RecordRows.of(StoredRow.class)).list();
    }

    /** Files a run received, refused ones with their reason. */
    List<ListFile> filesOfRun(long runId) {
        return jdbc.sql("SELECT * FROM project_file WHERE run_id = ? ORDER BY received_at, id").param(runId)
                .query(RecordRows.of(ListFile.class)).list();
    }

    private static void date(PreparedStatement ps, int index, LocalDate d) throws SQLException {
        if (d == null) {
            ps.setNull(index, Types.DATE);
        } else {
            ps.setDate(index, Date.valueOf(d));
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
