package cn.bipin.run;

import java.util.Comparator;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.UnexpectedJobExecutionException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.job.JobParametersExtractor;
import org.springframework.batch.core.step.job.JobStep;

import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeRepository;

/**
 * Another kind's job run as a step (e.g. the evaluation inside the annual run): the child is a run of its own, with
 * the parent's scheme, period and mail switches, recorded with {@code parent_run_id}, its own revision, files and
 * mail. A restart of the parent restarts the child's job where it failed; a child found already completed (the
 * parent was killed just after it) is not run again, and a child whose definition says there is nothing to do (no
 * data yet) is skipped without using a revision.
 */
final class NestedRunStep extends JobStep implements JobParametersExtractor {

    static final String CHILD_RUN = NestedRunStep.class.getName() + ".childRunId";
    private static final Logger log = LoggerFactory.getLogger(NestedRunStep.class);

    private final RunDefinition child;
    private final RunRepository runs;
    private final SchemeRepository schemes;
    private final RunLocks locks;
    private final Heartbeat heartbeat;
    private final RunFolders folders;

    NestedRunStep(JobRepository jobRepository, RunDefinition child, RunRepository runs, SchemeRepository schemes,
            RunLocks locks, Heartbeat heartbeat, RunFolders folders) {
        super(jobRepository);
        this.child = child;
        this.runs = runs;
        this.schemes = schemes;
        this.locks = locks;
        this.heartbeat = heartbeat;
        this.folders = folders;
    }

    @Override
    protected void doExecute(StepExecution stepExecution) throws Exception {
        JobParameters parameters = stepExecution.getJobParameters();
        Run parent = runs.find(RunParameters.runId(parameters)).orElseThrow();
        Scheme scheme = schemes.load(parent.scheme());
        Optional<String> skip = child.nested().skipReason(scheme, parent.period());
        if (skip.isPresent()) {
            log.info("{}", skip.get()); // the scheme has no such feature: nothing to warn about
            stepExecution.setExitStatus(new ExitStatus("SKIPPED", skip.get()));
            return;
        }
        Optional<Run> earlier = runs.children(parent.id()).stream().filter(r -> r.kind() == child.kind())
                .max(Comparator.comparingLong(Run::id));
        if (earlier.isPresent() && earlier.get().completed()) {
            return;
        }
        locks.acquire(child.kind(), scheme.id(), parent.period());
        try {
            Run run = earlier.orElseGet(() -> {
                child.check().check(scheme, parent.period());
                return runs.create(child.kind(), scheme.id(), parent.period(), parent.id(),
                        folders.of(child, scheme.id(), parent.period()));
            });
            locks.attach(child.kind(), scheme.id(), parent.period(), run.id());
            stepExecution.getExecutionContext().putLong(CHILD_RUN, run.id());
            log.info("开始{}运行 #{}（属于运行 #{}）：{} {} 第{}版", child.kind().label(), run.id(), parent.id(),
                    scheme.id(), parent.period().code(), run.revision());
            try (AutoCloseable beating = heartbeat.start(run.id())) {
                super.doExecute(stepExecution);
            } catch (UnexpectedJobExecutionException failed) {
                Run after = runs.find(run.id()).orElseThrow();
                throw new UnexpectedJobExecutionException(child.kind().label() + "运行 #" + run.id() + " 失败："
                        + after.message(), failed);
            }
        } finally {
            locks.release(child.kind(), scheme.id(), parent.period());
        }
    }

    /** The child's parameters: its own run id and revision, the parent's scheme, period and mail switches. */
    @Override
    public JobParameters getJobParameters(Job job, StepExecution stepExecution) {
        JobParameters parent = stepExecution.getJobParameters();
        Run run = runs.find(stepExecution.getExecutionContext().getLong(CHILD_RUN)).orElseThrow();
        return RunParameters.of(run, RunParameters.mail(parent), RunParameters.force(parent));
    }
}
