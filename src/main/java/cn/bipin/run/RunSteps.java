package cn.bipin.run;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import cn.bipin.scheme.SchemeRepository;

/**
 * Builds the steps the job configurations declare: a tasklet step is one {@link RunTask} — one call to one service —
 * given the run it belongs to; a nested step runs another kind's job as part of this run. Every step shows its
 * Chinese label as progress.
 */
@Component
public class RunSteps {

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final JobOperator jobOperator;
    private final RunRepository runs;
    private final SchemeRepository schemes;
    private final RunLocks locks;
    private final Heartbeat heartbeat;
    private final RunFolders folders;

    RunSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager, JobOperator jobOperator,
            RunRepository runs, SchemeRepository schemes, RunLocks locks, Heartbeat heartbeat, RunFolders folders) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.jobOperator = jobOperator;
        this.runs = runs;
        this.schemes = schemes;
        this.locks = locks;
        this.heartbeat = heartbeat;
        this.folders = folders;
    }

    /** A tasklet step named {@code name} that shows {@code label} and calls {@code task} once with its run. */
    public Step tasklet(String name, String label, RunTask task) {
        return new StepBuilder(name, jobRepository).tasklet((contribution, chunk) -> {
            task.execute(context(chunk.getStepContext().getStepExecution().getJobParameters()));
            return RepeatStatus.FINISHED;
        }, transactionManager).listener((org.springframework.batch.core.listener.StepExecutionListener) progress(label, false)).build();
    }

    /** The progress listener for a chunk step the caller builds (it shows files and rows as they go). */
    public RunProgress progress(String label, boolean countsRows) {
        return new RunProgress(label, countsRows);
    }

    /**
     * A step that runs {@code child}'s job as a run of its own kind made inside this one (its parent): restartable
     * step by step like any job, and skipped when the child's definition says there is nothing to do.
     */
    public Step nested(String name, String label, RunDefinition child) {
        NestedRunStep step = new NestedRunStep(jobRepository, child, runs, schemes, locks, heartbeat, folders);
        step.setName(name);
        step.setJob(child.job());
        step.setJobOperator(jobOperator);
        step.setJobParametersExtractor(step);
        step.registerStepExecutionListener(progress(label, false));
        return step;
    }

    /** The run a step belongs to, its scheme and mail switches, from the job parameters. */
    RunContext context(JobParameters parameters) {
        long runId = RunParameters.runId(parameters);
        Run run = runs.find(runId).orElseThrow(() -> new IllegalStateException("运行 #" + runId + " 不存在"));
        return new RunContext(run, schemes.load(run.scheme()), RunParameters.mail(parameters),
                RunParameters.force(parameters), false);
    }
}
