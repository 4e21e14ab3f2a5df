package cn.bipin.run;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.core.convert.support.DefaultConversionService;
import cn.bipin.jdbc.RecordRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Period;

/** The {@code run} table, for every kind of run: the only class that reads or writes it. */
@Repository
public class RunRepository {

    private static final DefaultConversionService CONVERSIONS = conversions();

    private final JdbcClient jdbc;

    public RunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates the next revision of its kind for (scheme, period), STARTED by this process.
     *
     * @param outputDir where the run will write, worked out by its definition from the revision
     */
    Run create(RunKind kind, String scheme, Period period, Long parentRunId, RevisionFolder outputDir) {
        int revision = jdbc.sql("""
                SELECT COALESCE(MAX(revision), 0) + 1 FROM run WHERE scheme = :scheme AND kind = :kind AND period = :period""")
                .param("scheme", scheme).param("kind", kind.key()).param("period", period.code())
                .query(Integer.class).single();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO run (kind, scheme, cycle, period, revision, parent_run_id, status, started_at, owner, output_dir)
                VALUES (:kind, :scheme, :cycle, :period, :revision, :parent, 'STARTED', :started, :owner, :dir)""")
                .param("kind", kind.key()).param("scheme", scheme).param("cycle", period.cycle().key())
                .param("period", period.code()).param("revision", revision).param("parent", parentRunId)
                .param("started", Timestamp.valueOf(LocalDateTime.now())).param("owner", ProcessIdentity.SELF)
                .param("dir", outputDir.of(revision).toString())
                .update(keys, "id");
        return find(keys.getKey().longValue()).orElseThrow();
    }

    /** Where a revision's files go: known before the revision number is. */
    @FunctionalInterface
    interface RevisionFolder {
        java.nio.file.Path of(int revision);
    }

    public Optional<Run> find(long id) {
        return jdbc.sql("SELECT * FROM run WHERE id = :id").param("id", id).query(row()).optional();
    }

    /** The latest completed revision of a period, if any. */
    public Optional<Run> latestCompleted(RunKind kind, String scheme, Period period) {
        return jdbc.sql("""
                SELECT * FROM run WHERE scheme = :scheme AND kind = :kind AND period = :period AND status = 'COMPLETED'
                ORDER BY revision DESC LIMIT 1""")
                .param("scheme", scheme).param("kind", kind.key()).param("period", period.code()).query(row()).optional();
    }

    /** The latest completed revision of the same kind and period before this run's revision. */
    public Optional<Run> previousCompletedRevision(Run run) {
        return jdbc.sql("""
                SELECT * FROM run WHERE scheme = :scheme AND kind = :kind AND period = :period AND status = 'COMPLETED'
                  AND revision < :revision
                ORDER BY revision DESC LIMIT 1""")
                .param("scheme", run.scheme()).param("kind", run.kind().key()).param("period", run.period().code())
                .param("revision", run.revision()).query(row()).optional();
    }

    /** The newest revision of the run's kind and period after the run's own, whatever its status (D20). */
    public Optional<Run> newerRevision(Run run) {
        return jdbc.sql("""
                SELECT * FROM run WHERE scheme = :scheme AND kind = :kind AND period = :period AND revision > :revision
                ORDER BY revision DESC LIMIT 1""")
                .param("scheme", run.scheme()).param("kind", run.kind().key()).param("period", run.period().code())
                .param("revision", run.revision()).query(row()).optional();
    }

    /** The runs made inside a run (its evaluation, its incentive list), oldest first. */
    public List<Run> children(long parentRunId) {
        return jdbc.sql("SELECT * FROM run WHERE parent_run_id = :parent ORDER BY id").param("parent", parentRunId)
                .query(row()).list();
    }

    /** Runs marked as under way. */
    public List<Run> started() {
        return jdbc.sql("SELECT * FROM run WHERE status = 'STARTED' ORDER BY id").query(row()).list();
    }

    /** The latest runs of every kind, newest first. */
    public List<Run> recent(int limit) {
        return jdbc.sql("SELECT * FROM run ORDER BY id DESC LIMIT :limit").param("limit", Math.max(1, limit))
                .query(row()).list();
    }

    void attachExecution(long runId, long jobExecutionId) {
        jdbc.sql("UPDATE run SET job_execution_id = :execution WHERE id = :id")
                .param("execution", jobExecutionId).param("id", runId).update();
    }

    void finish(long runId, RunStatus status, String message) {
        jdbc.sql("UPDATE run SET status = :status, message = :message, finished_at = :finished WHERE id = :id")
                .param("status", status.name()).param("message", message)
                .param("finished", Timestamp.valueOf(LocalDateTime.now())).param("id", runId).update();
    }

    /** Marks a failed run as running again, for a restart. */
    void reopen(long runId) {
        jdbc.sql("UPDATE run SET status = 'STARTED', message = NULL, finished_at = NULL WHERE id = :id")
                .param("id", runId).update();
    }

    /** Marks the run alive: who runs it and when it last beat. */
    void beat(long runId, String owner) {
        jdbc.sql("UPDATE run SET heartbeat_at = :at, owner = :owner WHERE id = :id")
                .param("at", Timestamp.valueOf(LocalDateTime.now())).param("owner", owner).param("id", runId).update();
    }

    /** What became of the run's result, and whether it corrects the revision before. */
    public void recordPublication(long runId, Publication publication, boolean correction) {
        jdbc.sql("UPDATE run SET publication = :publication, correction = :correction WHERE id = :id")
                .param("publication", publication.name()).param("correction", correction).param("id", runId).update();
    }

    /** The revisions of its periods a quarterly or annual run was built from (replacing any recorded before). */
    public void recordInputs(long runId, java.util.Collection<Run> inputs) {
        jdbc.sql("DELETE FROM run_input WHERE run_id = :run").param("run", runId).update();
        for (Run input : inputs) {
            jdbc.sql("INSERT INTO run_input (run_id, input_run_id) VALUES (:run, :input)")
                    .param("run", runId).param("input", input.id()).update();
        }
    }

    /** The runs a run was built from, in period order. */
    public List<Run> inputs(long runId) {
        return jdbc.sql("""
                SELECT r.* FROM run r JOIN run_input i ON i.input_run_id = r.id WHERE i.run_id = :run
                ORDER BY r.cycle, r.period""").param("run", runId).query(row()).list();
    }

    /**
     * The quarterly and annual publications built from an older revision of some period (D22): for each period's
     * newest completed quarter or year, the inputs that a newer completed revision of their period has replaced.
     */
    public List<Stale> stale(String scheme) {
        return jdbc.sql("""
                SELECT p.id AS publication_id, i.id AS input_id, n.id AS newer_id
                FROM run p
                JOIN run_input ri ON ri.run_id = p.id
                JOIN run i ON i.id = ri.input_run_id
                JOIN run n ON n.scheme = i.scheme AND n.kind = i.kind AND n.period = i.period
                           AND n.status = 'COMPLETED' AND n.revision > i.revision
                WHERE p.scheme = :scheme AND p.status = 'COMPLETED'
                  AND p.revision = (SELECT MAX(l.revision) FROM run l WHERE l.scheme = p.scheme AND l.kind = p.kind
                                    AND l.period = p.period AND l.status = 'COMPLETED')
                  AND n.revision = (SELECT MAX(m.revision) FROM run m WHERE m.scheme = i.scheme AND m.kind = i.kind
                                    AND m.period = i.period AND m.status = 'COMPLETED')
                ORDER BY p.id, i.period""").param("scheme", scheme)
                .query((rs, n) -> new Stale(find(rs.getLong("publication_id")).orElseThrow(),
                        find(rs.getLong("input_id")).orElseThrow(), find(rs.getLong("newer_id")).orElseThrow()))
                .list();
    }

    /** A published quarter or year, a period revision it used, and the newer revision that replaced that one. */
    public record Stale(Run publication, Run used, Run newer) {
    }

    /** The folder of every run, as recorded at its creation. */
    List<String> outputDirs() {
        return jdbc.sql("SELECT output_dir FROM run WHERE output_dir IS NOT NULL").query(String.class).list();
    }

    /** Schemes with runs. */
    public List<String> schemes() {
        return jdbc.sql("SELECT DISTINCT scheme FROM run ORDER BY scheme").query(String.class).list();
    }

    /** What the run's ingest step received, as its kind counts it. */
    public void recordIngest(long runId, IngestCounts counts) {
        jdbc.sql("""
                UPDATE run SET files_accepted = :filesAccepted, files_rejected = :filesRejected,
                  rows_accepted = :rowsAccepted, rows_rejected = :rowsRejected
                WHERE id = :id""")
                .param("filesAccepted", counts.filesAccepted()).param("filesRejected", counts.filesRejected())
                .param("rowsAccepted", counts.rowsAccepted()).param("rowsRejected", counts.rowsRejected())
                .param("id", runId).update();
    }

    private static DefaultConversionService conversions() {
        DefaultConversionService conversions = new DefaultConversionService();
        conversions.addConverter(String.class, RunKind.class, RunKind::fromKey);
        conversions.addConverter(String.class, Cycle.class, s -> Cycle.valueOf(s.toUpperCase()));
        conversions.addConverter(String.class, Period.class, Period::parse);
        conversions.addConverter(String.class, Publication.class, Publication::valueOf);
        return conversions;
    }

    private static RecordRows<Run> row() {
        return RecordRows.of(Run.class, CONVERSIONS);
    }
}
