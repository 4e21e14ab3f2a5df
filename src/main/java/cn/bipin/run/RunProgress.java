package cn.bipin.run;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.stereotype.Component;

/**
 * Shows a statistician at a terminal where a run is: one line per step, and for the inbox a live count of files
 * read and rows validated. Without a terminal (cron, the scheduler, a pipe) it writes plain log lines instead.
 */
@Component
public class RunProgress implements StepExecutionListener, ChunkListener<Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(RunProgress.class);
    private static final int LOG_EVERY_ROWS = 20_000;

    private final boolean terminal = System.console() != null;
    private final PrintStream out = System.out;
    private final Map<Long, Long> rows = new ConcurrentHashMap<>();

    static String label(String step) {
        if (step.equals("ingestStep")) {
            return "读取与校验报送";
        }
        if (step.endsWith("ScoreStep")) {
            return "计分与排名";
        }
        if (step.endsWith("AwardStep")) {
            return "考核结果运用";
        }
        if (step.endsWith("FeedbackStep")) {
            return "生成各单位反馈表";
        }
        if (step.endsWith("BulletinStep")) {
            return "生成榜单（PDF、Excel、CSV）";
        }
        if (step.endsWith("DeliveryStep")) {
            return "发送邮件";
        }
        return step;
    }

    @Override
    public void beforeStep(StepExecution step) {
        rows.put(step.getId(), 0L);
        if (terminal) {
            out.print("\r\033[K▶ " + label(step.getStepName()) + "…");
            out.flush();
        } else {
            log.info("▶ {}", label(step.getStepName()));
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
        int file = step.getExecutionContext().getInt("inbox.file.index", 0);
        int files = step.getExecutionContext().getInt("inbox.file.total", 0);
        String line = String.format("%s：文件 %d/%d · 已校验 %,d 行", label(step.getStepName()), Math.min(file + 1, files), files, total);
        if (terminal) {
            out.print("\r\033[K▶ " + line);
            out.flush();
        } else if (total / LOG_EVERY_ROWS != (total - chunk.size()) / LOG_EVERY_ROWS) {
            log.info("  {}", line);
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        Long done = rows.remove(step.getId());
        String took = String.format("%.1f 秒", Duration.between(step.getStartTime(), java.time.LocalDateTime.now()).toMillis() / 1000.0);
        String detail = step.getStepName().equals("ingestStep") ? "，" + String.format("%,d", done == null ? 0 : done) + " 行" : "";
        boolean ok = !step.getStatus().isUnsuccessful();
        if (terminal) {
            out.println("\r\033[K" + (ok ? "✔ " : "✘ ") + label(step.getStepName()) + "（" + took + detail + "）");
        } else {
            log.info("{} {}（{}{}）", ok ? "✔" : "✘", label(step.getStepName()), took, detail);
        }
        return null;
    }
}
