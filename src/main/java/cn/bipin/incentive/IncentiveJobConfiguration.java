package cn.bipin.incentive;

import java.util.function.LongConsumer;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import cn.bipin.run.RunListener;
import cn.bipin.run.RunParameters;

/**
 * {@code incentiveJob} (企业奖励清单): ingest the period's enterprise data → evaluate the rules with the once-only
 * ledger → write the list (PDF, .xlsx, CSV) → mail it. Identity: (scheme, period, revision); a period is a year
 * (all annual rules) or a quarter (INC-12 and INC-8's quarterly part).
 */
@Configuration
public class IncentiveJobConfiguration {

    static final String SCHEME = "scheme";
    static final String PERIOD = "period";
    static final String REVISION = "revision";
    static final String RUN_ID = "incentiveRunId";
    static final String MAIL = "mail";

    @Bean
    public Job incentiveJob(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                            IncentiveTasks tasks, IncentiveStore store) {
        return new JobBuilder("incentiveJob", jobRepository)
                .listener(listener(store))
                .start(step("incentiveIngestStep", jobRepository, transactionManager, tasks::ingest))
                .next(step("incentiveEvaluateStep", jobRepository, transactionManager, tasks::evaluate))
                .next(step("incentiveListStep", jobRepository, transactionManager, tasks::list))
                .next(new StepBuilder("incentiveMailStep", jobRepository).tasklet((contribution, chunk) -> {
                    tasks.mail(runId(chunk), Boolean.parseBoolean(String.valueOf(
                            chunk.getStepContext().getJobParameters().get(MAIL))));
                    return RepeatStatus.FINISHED;
                }, transactionManager).build())
                .build();
    }

    /**
     * The period's incentive list as one step of the unit-scoring runs — the quarterly run (INC-12, INC-8's
     * quarterly part) and the annual run (the year's list): it reads that job's {@code scheme}, {@code period} and
     * {@code mail} parameters and makes its own incentive revision.
     */
    @Bean
    public Step incentiveStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                              IncentiveTasks tasks) {
        return new StepBuilder("incentiveStep", jobRepository).tasklet((contribution, chunk) -> {
            var params = chunk.getStepContext().getJobParameters();
            tasks.runIfConfigured(String.valueOf(params.get(RunParameters.SCHEME)),
                    String.valueOf(params.get(RunParameters.PERIOD)), RunParameters.mail(chunk));
            return RepeatStatus.FINISHED;
        }, transactionManager).build();
    }

    private static Step step(String name, JobRepository jobRepository, PlatformTransactionManager tm, LongConsumer task) {
        return new StepBuilder(name, jobRepository).tasklet((contribution, chunk) -> {
            task.accept(runId(chunk));
            return RepeatStatus.FINISHED;
        }, tm).build();
    }

    static long runId(ChunkContext chunk) {
        return ((Number) chunk.getStepContext().getJobParameters().get(RUN_ID)).longValue();
    }

    private static JobExecutionListener listener(IncentiveStore store) {
        return new JobExecutionListener() {
            @Override
            public void beforeJob(JobExecution execution) {
                store.setJobExecution(execution.getJobParameters().getLong(RUN_ID), execution.getId());
            }

            @Override
            public void afterJob(JobExecution execution) {
                long runId = execution.getJobParameters().getLong(RUN_ID);
                if (execution.getStatus() == BatchStatus.COMPLETED) {
                    store.finishRun(runId, "COMPLETED", null);
                } else {
                    store.finishRun(runId, "FAILED", RunListener.failure(execution));
                }
            }
        };
    }
}
