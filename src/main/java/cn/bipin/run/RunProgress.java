package cn.bipin.run;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Shows a statistician at a terminal where a run is: one line per step, under the step's Chinese label, and for a
 * chunk step a live count of files read and rows validated. Without a terminal (cron, the scheduler, a pipe) it
 * writes plain log lines instead. One instance per step, made by {@link RunSteps} with the label the job gives.
 */
public final class RunProgress implements StepExecutionListener, ChunkListener<Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(RunProgress.class);
    private static final int LOG_EVERY_ROWS = 20_000;
    private static final boolean TERMINAL = System.console() != null;

    /** Execution context keys an inbox reader keeps up to date, for the "文件 2/14" of the live line. */
    public static final String FILE_INDEX = "inbox.file.index";
    public static final String FILE_TOTAL = "inbox.file.total";

    private final String label;
    private final boolean countsRows;
    private final PrintStream out = System.out;
    private final Map<Long, Long> rows = new ConcurrentHashMap<>();

    RunProgress(String label, boolean countsRows) {
        this.label = label;
        this.countsRows = countsRows;
    }

    public String label() {
        return label;
    }

    @Override
    public void beforeStep(StepExecution step) {
        rows.put(step.getId(), 0L);
        if (TERMINAL) {
            out.print("\r\033[K▶ " + label + "…");
            out.flush();
        } else {
            log.info("▶ {}", label);
        }
    }

    @Override
    public void afterChunk(Chunk<Object> chunk) {
        var context = StepSynchronizationManager.getContext();
        if (context == null) {
            return;
        }
        StepExecution step = context.getStepExecution();
        long total = rows.merge(step.getId(), (long) chunk.size(), Long::sum);
        int file = step.getExecutionContext().getInt(FILE_INDEX, 0);
        int files = step.getExecutionContext().getInt(FILE_TOTAL, 0);
        String line = String.format("%s：文件 %d/%d · 已校验 %,d 行", label, Math.min(file + 1, files), files, total);
        if (TERMINAL) {
            out.print("\r\033[K▶ " + line);
            out.flush();
        } else if (total / LOG_EVERY_ROWS != (total - chunk.size()) / LOG_EVERY_ROWS) {
            log.info("  {}", line);
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        Long done = rows.remove(step.getId());
        String took = String.format("%.1f 秒", Duration.between(step.getStartTime(), LocalDateTime.now()).toMillis() / 1000.0);
        String detail = countsRows ? "，" + String.format("%,d", done == null ? 0 : done) + " 行" : "";
        boolean ok = !step.getStatus().isUnsuccessful();
        if (TERMINAL) {
            out.println("\r\033[K" + (ok ? "✔ " : "✘ ") + label + "（" + took + detail + "）");
        } else {
            log.info("{} {}（{}{}）", ok ? "✔" : "✘", label, took, detail);
        }
        return null;
    }
}
