package cn.bipin.run;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Service;

import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeRepository;

/**
 * Starts a cycle's job for a period as the next revision. The scheme file is loaded and the period checked
 * first, so a bad file or a wrong period stops before anything is read or written.
 */
@Service
public class RunLauncher {

    private static final Logger log = LoggerFactory.getLogger(RunLauncher.class);

    private final SchemeRepository schemes;
    private final RunRepository runs;
    private final JobOperator jobOperator;
    private final Map<String, Job> jobs;
    private final JobRepository jobRepository;
    private final RunLocks locks;
    private final Heartbeat heartbeat;

    RunLauncher(SchemeRepository schemes, RunRepository runs, JobOperator jobOperator, Map<String, Job> jobs,
            JobRepository jobRepository, RunLocks locks, Heartbeat heartbeat) {
        this.schemes = schemes;
        this.runs = runs;
        this.jobOperator = jobOperator;
        this.jobs = jobs;
        this.jobRepository = jobRepository;
        this.locks = locks;
        this.heartbeat = heartbeat;
    }

    /** Thrown for a request that cannot be run as asked; the message is for the statistician. */
    public static class RunRequestException extends RuntimeException {
        public RunRequestException(String message) {
            super(message);
        }
    }

    /** A period the scheme does not score (another year, or before the campaign started): nothing to run. */
    public static class PeriodNotScoredException extends RunRequestException {
        public PeriodNotScoredException(String message) {
            super(message);
        }
    }

    public Run launch(String schemeId, Period period, boolean mail) {
        return launch(schemeId, period, mail, false);
    }

    /**
     * Runs the period as its next revision. {@code force} mails the bulletin even when the results equal the
     * revision before (otherwise such a re-run is not mailed).
     */
    public Run launch(String schemeId, Period period, boolean mail, boolean force) {
        Scheme scheme = schemes.load(schemeId);
        check(scheme, period);
        Job job = jobs.get(period.cycle().key() + "Job");
        if (job == null) {
            throw new RunRequestException(period.cycle().label() + "运行尚未提供");
        }
        locks.acquire(scheme.id(), period.cycle(), period);
        Run run = null;
        try {
            run = runs.create(scheme.id(), period.cycle(), period);
            locks.attach(scheme.id(), period.cycle(), period, run.id());
            log.info("开始运行 #{}：{} {} 第{}版", run.id(), scheme.id(), period.code(), run.revision());
            try (AutoCloseable beating = heartbeat.start(run.id())) {
                jobOperator.start(job, RunParameters.of(run, mail, force));
            } catch (Exception e) {
                runs.finish(run.id(), RunStatus.FAILED, e.getMessage());
                log.error("运行 #{} 无法启动：{}", run.id(), e.getMessage(), e);
            }
            return runs.find(run.id()).orElseThrow();
        } finally {
            locks.release(scheme.id(), period.cycle(), period);
        }
    }

    /**
     * Restarts a failed run where it stopped: same revision, same job instance; finished steps are not repeated
     * and a chunk step resumes after its last committed chunk. A run left STARTED by a killed JVM is first marked
     * failed.
     */
    public Run restart(long runId) {
        Run run = runs.find(runId).orElseThrow(() -> new RunRequestException("运行 #" + runId + " 不存在"));
        if (run.status() == RunStatus.COMPLETED) {
            throw new RunRequestException("运行 #" + runId + " 已完成；要重新计算请运行同一期，生成新版本");
        }
        if (run.jobExecutionId() == null) {
            throw new RunRequestException("运行 #" + runId + " 未曾启动，请重新运行该期");
        }
        locks.acquire(run.scheme(), run.cycle(), run.period());
        try (AutoCloseable beating = heartbeat.start(runId)) {
            locks.attach(run.scheme(), run.cycle(), run.period(), runId);
            JobExecution execution = jobRepository.getJobExecution(run.jobExecutionId());
            if (execution.getStatus().isRunning()) {
                execution = jobOperator.recover(execution);
            }
            runs.reopen(runId);
            log.info("重启运行 #{}：{} {} 第{}版", runId, run.scheme(), run.period().code(), run.revision());
            jobOperator.restart(execution);
        } catch (Exception e) {
            runs.finish(runId, RunStatus.FAILED, e.getMessage());
            log.error("运行 #{} 无法重启：{}", runId, e.getMessage(), e);
        } finally {
            locks.release(run.scheme(), run.cycle(), run.period());
        }
        return runs.find(runId).orElseThrow();
    }

    static void check(Scheme scheme, Period period) {
        if (period.year() != scheme.year()) {
            throw new PeriodNotScoredException("期间 " + period.code() + " 不在方案 " + scheme.id() + " 的年度 " + scheme.year() + " 内");
        }
        if (period.lastMonth().isBefore(scheme.campaignStart())) {
            throw new PeriodNotScoredException("期间 " + period.code() + " 早于方案开始的 " + scheme.campaignStart()
                    + "（动员部署阶段），不计分");
        }
        if (scheme.competitions(period.cycle()).isEmpty() && period.cycle() != Cycle.ANNUAL) {
            throw new RunRequestException("方案 " + scheme.id() + " 没有" + period.cycle().label() + "比拼");
        }
    }
}
