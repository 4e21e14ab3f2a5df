package cn.bipin.monthly;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import cn.bipin.run.RunListener;
import cn.bipin.run.RunParameters;

/**
 * {@code monthlyJob}: the 月度晾晒 pipeline. Each step's output is rows in the database or files in the run's
 * folder, so a restart resumes at the first unfinished step.
 */
@Configuration
public class MonthlyJobConfiguration {

    @Bean
    public Job monthlyJob(JobRepository jobRepository, RunListener runListener, Step ingestStep, Step monthlyScoreStep,
            Step monthlyFeedbackStep, Step monthlyBulletinStep, Step monthlyDeliveryStep) {
        return new JobBuilder("monthlyJob", jobRepository)
                .listener(runListener)
                .start(ingestStep)
                .next(monthlyScoreStep)
                .next(monthlyFeedbackStep)
                .next(monthlyBulletinStep)
                .next(monthlyDeliveryStep)
                .build();
    }

    @Bean
    public Step monthlyScoreStep(JobRepository jobRepository, PlatformTransactionManager tx, MonthlyTasks tasks) {
        return new StepBuilder("monthlyScoreStep", jobRepository).tasklet((contribution, chunk) -> {
            tasks.score(RunParameters.runId(chunk));
            return RepeatStatus.FINISHED;
        }, tx).build();
    }

    @Bean
    public Step monthlyFeedbackStep(JobRepository jobRepository, PlatformTransactionManager tx, MonthlyTasks tasks) {
        return new StepBuilder("monthlyFeedbackStep", jobRepository).tasklet((contribution, chunk) -> {
            tasks.feedback(RunParameters.runId(chunk));
            return RepeatStatus.FINISHED;
        }, tx).build();
    }

    @Bean
    public Step monthlyBulletinStep(JobRepository jobRepository, PlatformTransactionManager tx, MonthlyTasks tasks) {
        return new StepBuilder("monthlyBulletinStep", jobRepository).tasklet((contribution, chunk) -> {
            tasks.bulletin(RunParameters.runId(chunk));
            return RepeatStatus.FINISHED;
        }, tx).build();
    }

    @Bean
    public Step monthlyDeliveryStep(JobRepository jobRepository, PlatformTransactionManager tx, MonthlyTasks tasks) {
        return new StepBuilder("monthlyDeliveryStep", jobRepository).tasklet((contribution, chunk) -> {
            tasks.deliver(RunParameters.runId(chunk), RunParameters.mail(chunk));
            return RepeatStatus.FINISHED;
        }, tx).build();
    }
}
