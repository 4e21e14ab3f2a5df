package cn.bipin.run;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.bipin.run.RunLauncher.RunRequestException;
import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Period;

/**
 * One run per (scheme, cycle, period) at a time, across processes and machines: the {@code run_lock} row is the
 * right to run it, taken by an INSERT that only one process can win. A lock whose owner died (a killed JVM on this
 * host, or no heartbeat for {@link #STALE} from another host) is taken over.
 */
@Component
public class RunLocks {

    static final Duration STALE = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(RunLocks.class);

    private record Holder(Long runId, String owner, LocalDateTime acquiredAt, String runStatus, LocalDateTime heartbeat) {
    }

    private final JdbcClient jdbc;

    RunLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the period for this process, or says (in Chinese) which run holds it. */
    void acquire(String scheme, Cycle cycle, Period period) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                jdbc.sql("INSERT INTO run_lock (scheme, cycle, period, owner, acquired_at) VALUES (?, ?, ?, ?, ?)")
                        .params(scheme, cycle.key(), period.code(), ProcessIdentity.SELF, Timestamp.valueOf(LocalDateTime.now()))
                        .update();
                return;
            } catch (DuplicateKeyException taken) {
                Holder holder = holder(scheme, cycle, period).orElse(null);
                if (holder != null && !stale(holder)) {
                    throw new RunRequestException(scheme + " " + period.code() + " 正在运行"
                            + (holder.runId() == null ? "" : "（运行 #" + holder.runId() + "）") + "，由 " + holder.owner()
                            + " 于 " + holder.acquiredAt().withNano(0) + " 开始；本次未运行。请等它完成后再运行，或用 status 查看。");
                }
                log.warn("{} {} 的运行锁由已中断的进程 {} 持有，予以收回", scheme, period.code(), holder == null ? "?" : holder.owner());
                release(scheme, cycle, period);
            }
        }
        throw new RunRequestException(scheme + " " + period.code() + " 正在由其他进程运行；本次未运行。");
    }

    void attach(String scheme, Cycle cycle, Period period, long runId) {
        jdbc.sql("UPDATE run_lock SET run_id = ? WHERE scheme = ? AND cycle = ? AND period = ?")
                .params(runId, scheme, cycle.key(), period.code()).update();
    }

    void release(String scheme, Cycle cycle, Period period) {
        jdbc.sql("DELETE FROM run_lock WHERE scheme = ? AND cycle = ? AND period = ?")
                .params(scheme, cycle.key(), period.code()).update();
    }

    private Optional<Holder> holder(String scheme, Cycle cycle, Period period) {
        return jdbc.sql("""
                SELECT l.run_id, l.owner, l.acquired_at, r.status, r.heartbeat_at
                FROM run_lock l LEFT JOIN run r ON r.id = l.run_id
                WHERE l.scheme = ? AND l.cycle = ? AND l.period = ?""")
                .params(scheme, cycle.key(), period.code())
                .query((rs, i) -> new Holder(rs.getObject("run_id", Long.class), rs.getString("owner"),
                        rs.getTimestamp("acquired_at").toLocalDateTime(), rs.getString("status"),
                        rs.getTimestamp("heartbeat_at") == null ? null : rs.getTimestamp("heartbeat_at").toLocalDateTime()))
                .optional();
    }

    /** A holder that cannot be running: its process is gone, its run ended, or it stopped beating long ago. */
    private static boolean stale(Holder h) {
        if (ProcessIdentity.deadOnThisHost(h.owner())) {
            return true;
        }
        if (h.runStatus() != null && !RunStatus.STARTED.name().equals(h.runStatus())) {
            return true;
        }
        LocalDateTime lastSign = h.heartbeat() != null ? h.heartbeat() : h.acquiredAt();
        return lastSign.isBefore(LocalDateTime.now().minus(STALE));
    }
}
