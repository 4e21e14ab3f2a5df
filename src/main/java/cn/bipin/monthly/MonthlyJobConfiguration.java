package cn.bipin.monthly;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.bipin.pipeline.PipelineSteps;
import cn.bipin.run.RunListener;

/**
 * {@code monthlyJob} (月度晾晒): inbox → validate → score the monthly competitions → feedback → bulletin → mail.
 * Each step's output is rows in the database or files in the run's folder, so a restart resumes at the first
 * unfinished step.
 */
@Configuration
public class MonthlyJobConfiguration {

    @Bean
    public Job monthlyJob(JobRepository jobRepository, RunListener runListener, Step ingestStep, PipelineSteps steps) {
        return new JobBuilder("monthlyJob", jobRepository)
                .listener(runListener)
                .start(ingestStep)
                .next(steps.score("monthlyScoreStep"))
                .next(steps.feedback("monthlyFeedbackStep"))
                .next(steps.bulletin("monthlyBulletinStep"))
                .next(steps.delivery("monthlyDeliveryStep"))
                .build();
    }
}
