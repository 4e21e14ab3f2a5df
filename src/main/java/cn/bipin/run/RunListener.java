package cn.bipin.run;

import java.util.stream.Collectors;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code run} row in step with its Spring Batch execution, for every kind of run: attached (and marked
 * under way again, for a restarted nested run) at start, status and reason at the end.
 */
@Component
public class RunListener implements JobExecutionListener {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RunListener.class);

    private final RunRepository runs;

    RunListener(RunRepository runs) {
        this.runs = runs;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        long runId = RunParameters.runId(execution.getJobParameters());
        runs.attachExecution(runId, execution.getId());
        runs.reopen(runId);
    }

    @Override
    public void afterJob(JobExecution execution) {
        long runId = RunParameters.runId(execution.getJobParameters());
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            runs.finish(runId, RunStatus.COMPLETED, null);
        } else {
            // Spring Batch's own logging is off (application.yml): a bug's stack trace is logged here, once
            execution.getAllFailureExceptions().stream().filter(t -> Faults.describe(t).isEmpty())
                    .forEach(t -> log.error("运行 #{} 失败", runId, t));
            runs.finish(runId, RunStatus.FAILED, failure(execution));
        }
    }

    /**
     * Why a job execution failed, for a run's row and the statisticians: each failure's message with its root
     * cause's, or the exit description when no exception was kept.
     */
    static String failure(JobExecution execution) {
        String why = execution.getAllFailureExceptions().stream().map(RunListener::rootMessage).distinct()
                .collect(Collectors.joining("；"));
        return why.isEmpty() ? execution.getExitStatus().getExitDescription() : why;
    }

    private static String rootMessage(Throwable t) {
        java.util.Optional<String> fault = Faults.describe(t);
        if (fault.isPresent()) {
            return fault.get();
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == t ? message : t.getMessage() + "（" + message + "）";
    }
}
