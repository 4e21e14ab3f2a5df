package cn.bipin.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The evaluation's own run bookkeeping (table {@code eval_run}), apart from the scoring cycles' runs. */
@Component
class EvaluationRuns {

    private final JdbcClient jdbc;

    EvaluationRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    EvaluationRun create(String scheme, String period) {
        int revision = jdbc.sql("SELECT COALESCE(MAX(revision), 0) FROM eval_run WHERE scheme = ? AND period = ?")
                .params(scheme, period).query(Integer.class).single() + 1;
        jdbc.sql("INSERT INTO eval_run (scheme, period, revision, status, started_at) VALUES (?, ?, ?, 'STARTED', ?)")
                .params(scheme, period, revision, Timestamp.valueOf(LocalDateTime.now())).update();
        long id = jdbc.sql("SELECT id FROM eval_run WHERE scheme = ? AND period = ? AND revision = ?")
                .params(scheme, period, revision).query(Long.class).single();
        return find(id).orElseThrow();
    }

    Optional<EvaluationRun> find(long id) {
        return jdbc.sql("SELECT * FROM eval_run WHERE id = ?").param(id).query(EvaluationRuns::map).optional();
    }

    /** The latest revision of the year begun at or after {@code since} (to the second), if any. */
    Optional<EvaluationRun> latestSince(String scheme, String period, LocalDateTime since) {
        return jdbc.sql("SELECT * FROM eval_run WHERE scheme = ? AND period = ? AND started_at >= ? ORDER BY id DESC")
                .params(scheme, period, Timestamp.valueOf(since.truncatedTo(ChronoUnit.SECONDS)))
                .query(EvaluationRuns::map).list().stream().findFirst();
    }

    List<EvaluationRun> recent(int limit) {
        return jdbc.sql("SELECT * FROM eval_run ORDER BY id DESC LIMIT " + Math.max(1, limit))
                .query(EvaluationRuns::map).list();
    }

    void setExecution(long id, long executionId) {
        jdbc.sql("UPDATE eval_run SET job_execution_id = ? WHERE id = ?").params(executionId, id).update();
    }

    void counts(long id, int filesAccepted, int filesRejected, int rowsAccepted, int rowsRejected) {
        jdbc.sql("UPDATE eval_run SET files_accepted = ?, files_rejected = ?, rows_accepted = ?, rows_rejected = ? "
                + "WHERE id = ?").params(filesAccepted, filesRejected, rowsAccepted, rowsRejected, id).update();
    }

    void setOutputDir(long id, String dir) {
        jdbc.sql("UPDATE eval_run SET output_dir = ? WHERE id = ?").params(dir, id).update();
    }

    void finish(long id, String status, String message) {
        jdbc.sql("UPDATE eval_run SET status = ?, message = ?, finished_at = ? WHERE id = ?")
                .params(status, message, Timestamp.valueOf(LocalDateTime.now()), id).update();
    }

    private static EvaluationRun map(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new EvaluationRun(rs.getLong("id"), rs.getString("scheme"), rs.getString("period"), rs.getInt("revision"),
                rs.getString("status"), rs.getString("message"), rs.getTimestamp("started_at").toLocalDateTime(),
                finished == null ? null : finished.toLocalDateTime(), rs.getInt("files_accepted"),
                rs.getInt("files_rejected"), rs.getInt("rows_accepted"), rs.getInt("rows_rejected"),
                rs.getInt("ballots_scored"), rs.getInt("ballots_replaced"), rs.getString("output_dir"));
    }
}
