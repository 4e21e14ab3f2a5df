package cn.bipin.run;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Period;

/** The {@code run} table. */
@Repository
public class RunRepository {

    private final JdbcClient jdbc;

    public RunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the next revision for (scheme, cycle, period). */
    public Run create(String scheme, Cycle cycle, Period period) {
        int revision = jdbc.sql("SELECT COALESCE(MAX(revision), 0) + 1 FROM run WHERE scheme = ? AND cycle = ? AND period = ?")
                .params(scheme, cycle.key(), period.code()).query(Integer.class).single();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO run (scheme, cycle, period, revision, status, started_at, owner) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(scheme, cycle.key(), period.code(), revision, RunStatus.STARTED.name(),
                        Timestamp.valueOf(LocalDateTime.now()), ProcessIdentity.SELF)
                .update(keys, "id");
        return find(keys.getKey().longValue()).orElseThrow();
    }

    public Optional<Run> find(long id) {
        return jdbc.sql("SELECT * FROM run WHERE id = ?").param(id).query(RunRepository::map).optional();
    }

    /** The latest completed revision of a period, if any. */
    public Optional<Run> latestCompleted(String scheme, Cycle cycle, Period period) {
        return jdbc.sql("""
                SELECT * FROM run WHERE scheme = ? AND cycle = ? AND period = ? AND status = 'COMPLETED'
                ORDER BY revision DESC LIMIT 1""")
                .params(scheme, cycle.key(), period.code()).query(RunRepository::map).optional();
    }

    /** The latest completed revision of the same period before this run's revision. */
    public Optional<Run> previousCompletedRevision(Run run) {
        return jdbc.sql("""
                SELECT * FROM run WHERE scheme = ? AND cycle = ? AND period = ? AND status = 'COMPLETED' AND revision < ?
                ORDER BY revision DESC LIMIT 1""")
                .params(run.scheme(), run.cycle().key(), run.period().code(), run.revision())
                .query(RunRepository::map).optional();
    }

    /** Runs marked as under way. */
    public List<Run> started() {
        return jdbc.sql("SELECT * FROM run WHERE status = 'STARTED' ORDER BY id").query(RunRepository::map).list();
    }

    public List<Run> recent(int limit) {
        return jdbc.sql("SELECT * FROM run ORDER BY id DESC LIMIT ?").param(limit).query(RunRepository::map).list();
    }

    public void attachExecution(long runId, long jobExecutionId) {
        jdbc.sql("UPDATE run SET job_execution_id = ? WHERE id = ?").params(jobExecutionId, runId).update();
    }

    public void setOutputDir(long runId, String dir) {
        jdbc.sql("UPDATE run SET output_dir = ? WHERE id = ?").params(dir, runId).update();
    }

    public void finish(long runId, RunStatus status, String message) {
        jdbc.sql("UPDATE run SET status = ?, message = ?, finished_at = ? WHERE id = ?")
                .params(status.name(), message, Timestamp.valueOf(LocalDateTime.now()), runId).update();
    }

    /** Marks a failed run as running again, for a restart. */
    public void reopen(long runId) {
        jdbc.sql("UPDATE run SET status = 'STARTED', message = NULL, finished_at = NULL WHERE id = ?").param(runId).update();
    }

    /** Recomputes the run's file and row counts from what its ingestion stored. */
    public void updateCounts(long runId) {
        jdbc.sql("""
                UPDATE run SET
                  files_accepted = (SELECT COUNT(*) FROM received_file f WHERE f.run_id = run.id AND f.status = 'ACCEPTED'),
                  files_rejected = (SELECT COUNT(*) FROM received_file f WHERE f.run_id = run.id AND f.status = 'REJECTED'),
                  rows_accepted = (SELECT COALESCE(SUM(f.rows_accepted), 0) FROM received_file f WHERE f.run_id = run.id),
                  rows_rejected = (SELECT COALESCE(SUM(f.rows_rejected), 0) FROM received_file f WHERE f.run_id = run.id)
                WHERE id = ?""").param(runId).update();
    }

    private static Run map(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        Long execution = rs.getObject("job_execution_id", Long.class);
        return new Run(rs.getLong("id"), rs.getString("scheme"), Cycle.valueOf(rs.getString("cycle").toUpperCase()),
                Period.parse(rs.getString("period")), rs.getInt("revision"), execution,
                RunStatus.valueOf(rs.getString("status")), rs.getString("message"),
                rs.getTimestamp("started_at").toLocalDateTime(), finished == null ? null : finished.toLocalDateTime(),
                rs.getInt("files_accepted"), rs.getInt("files_rejected"), rs.getInt("rows_accepted"),
                rs.getInt("rows_rejected"), rs.getString("output_dir"), rs.getString("owner"),
                rs.getTimestamp("heartbeat_at") == null ? null : rs.getTimestamp("heartbeat_at").toLocalDateTime());
    }
}
