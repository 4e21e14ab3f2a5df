package cn.bipin.run;

import java.time.LocalDateTime;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At every start: a run left STARTED by a process that no longer exists (a killed JVM) is marked FAILED — in the
 * run table, in Spring Batch's repository, and its period lock released — so {@code restart} can finish it.
 */
@Component
@Order(0)
class StaleRunRecovery implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StaleRunRecovery.class);

    private final RunRepository runs;
    private final RunLocks locks;
    private final JobRepository jobRepository;
    private final JobOperator jobOperator;

    StaleRunRecovery(RunRepository runs, RunLocks locks, JobRepository jobRepository, JobOperator jobOperator) {
        this.runs = runs;
        this.locks = locks;
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
    }

    @Override
    public void run(ApplicationArguments args) {
        recover();
    }

    /** Returns the runs it marked failed. */
    List<Run> recover() {
        List<Run> dead = runs.started().stream().filter(StaleRunRecovery::dead).toList();
        for (Run run : dead) {
            if (run.jobExecutionId() != null) {
                JobExecution execution = jobRepository.getJobExecution(run.jobExecutionId());
                if (execution != null && execution.getStatus().isRunning()) {
                    jobOperator.recover(execution);
                }
            }
            long restartable = run.parentRunId() != null ? run.parentRunId() : run.id();
            runs.finish(run.id(), RunStatus.FAILED, run.jobExecutionId() == null && run.parentRunId() == null
                    ? "运行进程 " + run.owner() + " 在运行开始前中断；请重新运行该期"
                    : "运行进程 " + run.owner() + " 已中断；可用 " + Commands.restart(restartable) + " 从中断处继续");
            locks.release(run.kind(), run.scheme(), run.period());
            log.warn("运行 #{}（{} {}）的进程已中断，已标记为失败；用 restart {} 继续", run.id(), run.scheme(),
                    run.period().code(), restartable);
        }
        return dead;
    }

    private static boolean dead(Run run) {
        if (ProcessIdentity.deadOnThisHost(run.owner())) {
            return true;
        }
        if (run.owner() != null && run.owner().equals(ProcessIdentity.SELF)) {
            return false;
        }
        LocalDateTime lastSign = run.heartbeatAt() != null ? run.heartbeatAt() : run.startedAt();
        return lastSign.isBefore(LocalDateTime.now().minus(RunLocks.STALE));
    }
}
