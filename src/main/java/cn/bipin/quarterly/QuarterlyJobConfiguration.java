package cn.bipin.quarterly;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.bipin.pipeline.PipelineSteps;
import cn.bipin.run.RunListener;

/**
 * {@code quarterlyJob} (季度专题比拼): the quarter's inbox → validate → score the quarterly competitions and the
 * monthly ones as the mean of the quarter's months → feedback → bulletin → mail.
 */
@Configuration
public class QuarterlyJobConfiguration {

    @Bean
    public Job quarterlyJob(JobRepository jobRepository, RunListener runListener, Step ingestStep, PipelineSteps steps,
            Step incentiveStep) {
        return new JobBuilder("quarterlyJob", jobRepository)
                .listener(runListener)
                .start(ingestStep)
                .next(steps.score("quarterlyScoreStep"))
                .next(steps.feedback("quarterlyFeedbackStep"))
                .next(steps.bulletin("quarterlyBulletinStep"))
                .next(steps.delivery("quarterlyDeliveryStep"))
                .next(incentiveStep) // 企业奖励清单 of the period: its own list and mail
                .build();
    }
}
