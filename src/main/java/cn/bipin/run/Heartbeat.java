package cn.bipin.run;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** While a run is under way, its process marks it alive every 20 s, so other machines can tell a dead run from a slow one. */
@Component
class Heartbeat {

    private final JdbcClient jdbc;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "run-heartbeat");
        t.setDaemon(true);
        return t;
    });

    Heartbeat(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    AutoCloseable start(long runId) {
        Runnable beat = () -> jdbc.sql("UPDATE run SET heartbeat_at = ?, owner = ? WHERE id = ?")
                .params(Timestamp.valueOf(LocalDateTime.now()), ProcessIdentity.SELF, runId).update();
        beat.run();
        ScheduledFuture<?> future = timer.scheduleAtFixedRate(() -> {
            try {
                beat.run();
            } catch (RuntimeException e) {
                // a missed beat is harmless; the next one may get through
            }
        }, 20, 20, TimeUnit.SECONDS);
        return () -> future.cancel(false);
    }
}
