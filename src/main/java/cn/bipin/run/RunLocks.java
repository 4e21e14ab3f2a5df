package cn.bipin.run;

import cn.bipin.jdbc.RecordRows;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.bipin.scheme.Period;

/**
 * One run of a kind per (scheme, period) at a time, across processes and machines: the {@code run_lock} row is the
 * right to run it, taken by an INSERT that only one process can win. A lock whose owner died (a killed JVM on this
 * host, or no heartbeat for {@link #STALE} from another host) is taken over.
 */
@Component
class RunLocks {

    static final Duration STALE = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(RunLocks.class);

    /** A {@code run_lock} row. */
    record Holder(Long runId, String owner, LocalDateTime acquiredAt) {
    }

    private final JdbcClient jdbc;
    private final RunRepository runs;

    RunLocks(JdbcClient jdbc, RunRepository runs) {
        this.jdbc = jdbc;
        this.runs = runs;
    }

    /** Takes the period for this process, or says (in Chinese) which run holds it. */
    void acquire(RunKind kind, String scheme, Period period) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                jdbc.sql("""
                        INSERT INTO run_lock (scheme, kind, period, owner, acquired_at)
                        VALUES (:scheme, :kind, :period, :owner, :at)""")
                        .param("scheme", scheme).param("kind", kind.key()).param("period", period.code())
                        .param("owner", ProcessIdentity.SELF).param("at", Timestamp.valueOf(LocalDateTime.now()))
                        .update();
                return;
            } catch (DuplicateKeyException taken) {
                Holder holder = holder(kind, scheme, period).orElse(null);
                if (holder != null && !stale(holder)) {
                    throw new RunRequestException(scheme + " " + period.code() + " 正在运行"
                            + (holder.runId() == null ? "" : "（运行 #" + holder.runId() + "）") + "，由 " + holder.owner()
                            + " 于 " + holder.acquiredAt().withNano(0) + " 开始；本次未运行。请等它完成后再运行，或用 status 查看。");
                }
                log.warn("{} {} 的运行锁由已中断的进程 {} 持有，予以收回", scheme, period.code(), holder == null ? "?" : holder.owner());
                release(kind, scheme, period);
            }
        }
        throw new RunRequestException(scheme + " " + period.code() + " 正在由其他进程运行；本次未运行。");
    }

    void attach(RunKind kind, String scheme, Period period, long runId) {
        jdbc.sql("UPDATE run_lock SET run_id = :run WHERE scheme = :scheme AND kind = :kind AND period = :period")
                .param("run", runId).param("scheme", scheme).param("kind", kind.key()).param("period", period.code())
                .update();
    }

    void release(RunKind kind, String scheme, Period period) {
        jdbc.sql("DELETE FROM run_lock WHERE scheme = :scheme AND kind = :kind AND period = :period")
                .param("scheme", scheme).param("kind", kind.key()).param("period", period.code()).update();
    }

    private Optional<Holder> holder(RunKind kind, String scheme, Period period) {
        return jdbc.sql("""
                SELECT run_id, owner, acquired_at FROM run_lock
                WHERE scheme = :scheme AND kind = :kind AND period = :period""")
                .param("scheme", scheme).param("kind", kind.key()).param("period", period.code())
                .query(RecordRows.of(Holder.class)).optional();
    }

    /** A holder that cannot be running: its process is gone, its run ended, or it stopped beating long ago. */
    private boolean stale(Holder h) {
        if (ProcessIdentity.deadOnThisHost(h.owner())) {
            return true;
        }
        Optional<Run> run = h.runId() == null ? Optional.empty() : runs.find(h.runId());
        if (run.isPresent() && run.get().status() != RunStatus.STARTED) {
            return true;
        }
        LocalDateTime lastSign = run.map(Run::heartbeatAt).orElse(null);
        return (lastSign != null ? lastSign : h.acquiredAt()).isBefore(LocalDateTime.now().minus(STALE));
    }
}
