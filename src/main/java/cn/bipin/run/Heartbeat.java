package cn.bipin.run;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/** While a run is under way, its process marks it alive every 20 s, so other machines can tell a dead run from a slow one. */
@Component
class Heartbeat {

    private final RunRepository runs;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "run-heartbeat");
        t.setDaemon(true);
        return t;
    });

    Heartbeat(RunRepository runs) {
        this.runs = runs;
    }

    AutoCloseable start(long runId) {
        Runnable beat = () -> runs.beat(runId, ProcessIdentity.SELF);
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
