package cn.bipin.annual;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.bipin.pipeline.PipelineSteps;
import cn.bipin.run.RunListener;

/**
 * {@code annualJob} (年底总比拼): no inbox of its own — it is built from the year's latest completed monthly and
 * quarterly revisions: annual scores (D5) → result application (R-AWARD-1) → bulletin → mail → the back-to-back
 * evaluation (背靠背评议), which has its own bulletin and mail.
 */
@Configuration
public class AnnualJobConfiguration {

    @Bean
    public Job annualJob(JobRepository jobRepository, RunListener runListener, PipelineSteps steps, Step evaluationStep,
            Step incentiveStep) {
        return new JobBuilder("annualJob", jobRepository)
                .listener(runListener)
                .start(steps.score("annualScoreStep"))
                .next(steps.awards("annualAwardStep"))
                .next(steps.bulletin("annualBulletinStep"))
                .next(steps.delivery("annualDeliveryStep"))
                .next(evaluationStep) // 背靠背评议: its own bulletin and mail, as the year-end 总比拼's theme
                .next(incentiveStep) // 企业奖励清单 of the period: its own list and mail
                .build();
    }
}
