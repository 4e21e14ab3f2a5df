package cn.bipin.pipeline;

import java.util.function.LongConsumer;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import cn.bipin.run.RunParameters;
import cn.bipin.run.RunProgress;
import org.springframework.batch.core.listener.StepExecutionListener;

/** Builds the thin tasklet steps of the jobs: each calls one {@link PipelineTasks} method with the run id. */
@Component
public class PipelineSteps {

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final PipelineTasks tasks;
    private final RunProgress progress;

    PipelineSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager, PipelineTasks tasks,
            RunProgress progress) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.tasks = tasks;
        this.progress = progress;
    }

    public Step score(String name) {
        return step(name, tasks::score);
    }

    public Step awards(String name) {
        return step(name, tasks::awards);
    }

    public Step feedback(String name) {
        return step(name, tasks::feedback);
    }

    public Step bulletin(String name) {
        return step(name, tasks::bulletin);
    }

    public Step delivery(String name) {
        return new StepBuilder(name, jobRepository).tasklet((contribution, chunk) -> {
            tasks.deliver(RunParameters.runId(chunk), RunParameters.mail(chunk), RunParameters.force(chunk));
            return RepeatStatus.FINISHED;
        }, transactionManager).listener((StepExecutionListener) progress).build();
    }

    private Step step(String name, LongConsumer task) {
        return new StepBuilder(name, jobRepository).tasklet((contribution, chunk) -> {
            task.accept(RunParameters.runId(chunk));
            return RepeatStatus.FINISHED;
        }, transactionManager).listener((StepExecutionListener) progress).build();
    }
}
