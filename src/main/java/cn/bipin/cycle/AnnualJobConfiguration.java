package cn.bipin.cycle;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.bipin.award.AwardService;
import cn.bipin.award.PrizeService;
import cn.bipin.bulletin.BulletinMail;
import cn.bipin.bulletin.BulletinService;
import cn.bipin.project.ProjectIngest;
import cn.bipin.results.AnnualScoring;
import cn.bipin.run.RunDefinition;
import cn.bipin.run.RunListener;
import cn.bipin.run.RunSteps;
import cn.bipin.scheme.Cycle;
import cn.bipin.submission.SubmissionIngest;

/**
 * {@code annualJob} (年底总比拼): the year's own inbox (for annual competitions, D13; usually empty) and the year's
 * latest completed monthly, quarterly and half-year revisions: annual scores (D5) → result application (R-AWARD-1) → bulletin → mail → the back-to-back
 * evaluation (背靠背评议) and the year's enterprise incentive list, each a nested run with its own revision and mail.
 */
@Configuration
class AnnualJobConfiguration {

    @Bean
    Job annualJob(JobRepository jobRepository, RunListener runListener, Step annualIngestStep, Step annualProjectStep, Step annualScoreStep,
            Step annualAwardStep,
            Step annualBulletinStep, Step annualDeliveryStep, Step annualEvaluationStep, Step annualIncentiveStep) {
        return new JobBuilder("annualJob", jobRepository)
                .listener(runListener)
                .start(annualIngestStep)
                .next(annualProjectStep)
                .next(annualScoreStep)
                .next(annualAwardStep)
                .next(annualBulletinStep)
                .next(annualDeliveryStep)
                .next(annualEvaluationStep)
                .next(annualIncentiveStep)
                .build();
    }

    @Bean
    RunDefinition annualRun(Job annualJob, ScoreRuns scoreRuns) {
        return scoreRuns.definition(Cycle.ANNUAL, annualJob);
    }

    /** The year's own submissions, for the competitions scored once a year (D13); an empty inbox reads nothing. */
    @Bean
    Step annualIngestStep(SubmissionIngest ingest) {
        return ingest.step("annualIngestStep", StepLabels.INGEST);
    }

    /** The new project-list files (项目清单, D9), before scoring reads the project counts; none when the scheme keeps no lists. */
    @Bean
    Step annualProjectStep(RunSteps steps, ProjectIngest projects) {
        return steps.tasklet("annualProjectStep", StepLabels.PROJECTS, run -> projects.ingest(run.scheme(), run.run().id()));
    }

    @Bean
    Step annualScoreStep(RunSteps steps, AnnualScoring scoring) {
        return steps.tasklet("annualScoreStep", StepLabels.SCORE, run -> scoring.score(run.run(), run.scheme()));
    }

    @Bean
    Step annualAwardStep(RunSteps steps, AwardService awards, PrizeService prizes) {
        return steps.tasklet("annualAwardStep", StepLabels.AWARDS, run -> {
            awards.apply(run.run(), run.scheme());
            prizes.apply(run.run(), run.scheme());
        });
    }

    @Bean
    Step annualBulletinStep(RunSteps steps, BulletinService bulletins) {
        return steps.tasklet("annualBulletinStep", StepLabels.BULLETIN,
                run -> bulletins.write(run.scheme(), run.run(), run.outputDir()));
    }

    @Bean
    Step annualDeliveryStep(RunSteps steps, BulletinMail mail) {
        return steps.tasklet("annualDeliveryStep", StepLabels.DELIVERY, mail::deliver);
    }

    @Bean
    Step annualEvaluationStep(RunSteps steps, RunDefinition evaluationRun) {
        return steps.nested("annualEvaluationStep", StepLabels.EVALUATION, evaluationRun);
    }

    @Bean
    Step annualIncentiveStep(RunSteps steps, RunDefinition incentiveRun) {
        return steps.nested("annualIncentiveStep", StepLabels.INCENTIVES, incentiveRun);
    }
}
