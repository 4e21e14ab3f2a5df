package cn.bipin.evaluation;

import java.util.function.LongConsumer;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
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
 * {@code evaluationJob} (背靠背评议): evaluationIngestStep → evaluationScoreStep → evaluationBulletinStep →
 * evaluationDeliveryStep. Its identity is (scheme, period, revision), so a re-run is an explicit new revision.
 * {@code evaluationStep} is the same work as one step, for the annual run to include.
 */
@Configuration
public class EvaluationJobConfiguration {

    static final String SCHEME = "scheme";
    static final String PERIOD = "period";
    static final String REVISION = "revision";
    static final String RUN_ID = "evaluationRunId";
    static final String MAIL = "mail";

    @Bean
    public Job evaluationJob(JobRepository jobRepository, PlatformTransactionManager tx, EvaluationService service,
            EvaluationRuns runs) {
        return new JobBuilder("evaluationJob", jobRepository)
                .listener(new Listener(runs))
                .start(step("evaluationIngestStep", jobRepository, tx, service::ingest))
                .next(step("evaluationScoreStep", jobRepository, tx, service::score))
                .next(step("evaluationBulletinStep", jobRepository, tx, service::bulletin))
                .next(new StepBuilder("evaluationDeliveryStep", jobRepository).tasklet((contribution, chunk) -> {
                    service.deliver(runId(chunk), Boolean.parseBoolean(String.valueOf(
                            chunk.getStepContext().getJobParameters().get(MAIL))));
                    return RepeatStatus.FINISHED;
                }, tx).build())
                .build();
    }

    /**
     * The whole evaluation as one step of another job, e.g. the annual run: it reads that job's {@code scheme},
     * {@code period} and {@code mail} parameters and runs the year's evaluation as its next revision (skipped when the
     * scheme has no {@code evaluation:} section).
     */
    @Bean
    public Step evaluationStep(JobRepository jobRepository, PlatformTransactionManager tx, EvaluationService service) {
        return new StepBuilder("evaluationStep", jobRepository).tasklet((contribution, chunk) -> {
            var params = chunk.getStepContext().getJobParameters();
            service.runInline(String.valueOf(params.get(RunParameters.SCHEME)),
                    String.valueOf(params.get(RunParameters.PERIOD)), RunParameters.mail(chunk));
            return RepeatStatus.FINISHED;
        }, tx).build();
    }

    static JobParameters parameters(EvaluationRun run, boolean mail) {
        return new org.springframework.batch.core.job.parameters.JobParametersBuilder()
                .addString(SCHEME, run.scheme())
                .addString(PERIOD, run.period())
                .addLong(REVISION, (long) run.revision())
                .addLong(RUN_ID, run.id(), false)
                .addString(MAIL, Boolean.toString(mail), false)
                .toJobParameters();
    }

    private static Step step(String name, JobRepository jobRepository, PlatformTransactionManager tx, LongConsumer task) {
        return new StepBuilder(name, jobRepository).tasklet((contribution, chunk) -> {
            task.accept(runId(chunk));
            return RepeatStatus.FINISHED;
        }, tx).build();
    }

    private static long runId(ChunkContext chunk) {
        return ((Number) chunk.getStepContext().getJobParameters().get(RUN_ID)).longValue();
    }

    /** Keeps the {@code eval_run} row in step with its execution. */
    private record Listener(EvaluationRuns runs) implements JobExecutionListener {

        @Override
        public void beforeJob(JobExecution execution) {
            runs.setExecution(execution.getJobParameters().getLong(RUN_ID), execution.getId());
        }

        @Override
        public void afterJob(JobExecution execution) {
            long runId = execution.getJobParameters().getLong(RUN_ID);
            if (execution.getStatus() == BatchStatus.COMPLETED) {
                runs.finish(runId, "COMPLETED", null);
            } else {
                runs.finish(runId, "FAILED", RunListener.failure(execution));
            }
        }
    }
}
