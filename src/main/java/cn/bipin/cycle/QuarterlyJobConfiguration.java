package cn.bipin.cycle;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.bipin.appeal.AppealFeedback;
import cn.bipin.appeal.AppealIngest;
import cn.bipin.bulletin.BulletinMail;
import cn.bipin.bulletin.BulletinService;
import cn.bipin.results.QuarterlyScoring;
import cn.bipin.run.RunDefinition;
import cn.bipin.run.RunListener;
import cn.bipin.run.RunSteps;
import cn.bipin.scheme.Cycle;
import cn.bipin.mailbox.UnitFeedbackMail;
import cn.bipin.project.ProjectFeedback;
import cn.bipin.project.ProjectIngest;
import cn.bipin.submission.FeedbackService;
import cn.bipin.submission.SubmissionIngest;

/**
 * {@code quarterlyJob} (季度专题比拼): the quarter's inbox → validate → the appeals ledger's new files → score the quarterly competitions and the
 * monthly ones as the mean of the quarter's months → feedback → bulletin → mail → the quarter's enterprise incentive
 * list (商贸发展奖), a nested run with its own revision and mail.
 */
@Configuration
class QuarterlyJobConfiguration {

    @Bean
    Job quarterlyJob(JobRepository jobRepository, RunListener runListener, Step quarterlyIngestStep,
            Step quarterlyAppealStep, Step quarterlyProjectStep, Step quarterlyScoreStep, Step quarterlyFeedbackStep, Step quarterlyBulletinStep,
            Step quarterlyDeliveryStep, Step quarterlyIncentiveStep) {
        return new JobBuilder("quarterlyJob", jobRepository)
                .listener(runListener)
                .start(quarterlyIngestStep)
                .next(quarterlyAppealStep)
                .next(quarterlyProjectStep)
                .next(quarterlyScoreStep)
                .next(quarterlyFeedbackStep)
                .next(quarterlyBulletinStep)
                .next(quarterlyDeliveryStep)
                .next(quarterlyIncentiveStep)
                .build();
    }

    @Bean
    RunDefinition quarterlyRun(Job quarterlyJob, ScoreRuns scoreRuns) {
        // a half year (2019-H1) is run as a quarter is: its own submissions, finer periods' means, the same outputs
        return scoreRuns.definition(java.util.Set.of(Cycle.QUARTERLY, Cycle.HALF_YEAR), quarterlyJob);
    }

    @Bean
    Step quarterlyIngestStep(SubmissionIngest ingest) {
        return ingest.step("quarterlyIngestStep", StepLabels.INGEST);
    }

    /** The new files of the appeals ledger (企业诉求台账), before scoring reads its derived figures (DOMAIN §6.1). */
    @Bean
    Step quarterlyAppealStep(RunSteps steps, AppealIngest appeals) {
        return steps.tasklet("quarterlyAppealStep", StepLabels.APPEALS, run -> appeals.ingest(run.scheme(), run.run().id()));
    }

    /** The new project-list files (项目清单, D9), before scoring reads the project counts; none when the scheme keeps no lists. */
    @Bean
    Step quarterlyProjectStep(RunSteps steps, ProjectIngest projects) {
        return steps.tasklet("quarterlyProjectStep", StepLabels.PROJECTS, run -> projects.ingest(run.scheme(), run.run().id()));
    }

    @Bean
    Step quarterlyScoreStep(RunSteps steps, QuarterlyScoring scoring) {
        return steps.tasklet("quarterlyScoreStep", StepLabels.SCORE, run -> scoring.score(run.run(), run.scheme()));
    }

    @Bean
    Step quarterlyFeedbackStep(RunSteps steps, FeedbackService feedback, AppealFeedback appealFeedback,
            ProjectFeedback projectFeedback, UnitFeedbackMail unitMail) {
        return steps.tasklet("quarterlyFeedbackStep", StepLabels.FEEDBACK, run -> {
            var sheets = feedback.writeSheets(run.scheme(), run.run().period(), run.outputDir().resolve("反馈"));
            appealFeedback.append(run.scheme(), run.run(), sheets); // each unit's appeal rows and lists, as sheets of its own
            projectFeedback.append(run.scheme(), run.run(), sheets); // each unit's projects with band and weight
            unitMail.send(run, sheets);
        });
    }

    @Bean
    Step quarterlyBulletinStep(RunSteps steps, BulletinService bulletins) {
        return steps.tasklet("quarterlyBulletinStep", StepLabels.BULLETIN,
                run -> bulletins.write(run.scheme(), run.run(), run.outputDir()));
    }

    @Bean
    Step quarterlyDeliveryStep(RunSteps steps, BulletinMail mail) {
        return steps.tasklet("quarterlyDeliveryStep", StepLabels.DELIVERY, mail::deliver);
    }

    @Bean
    Step quarterlyIncentiveStep(RunSteps steps, RunDefinition incentiveRun) {
        return steps.nested("quarterlyIncentiveStep", StepLabels.INCENTIVES, incentiveRun);
    }
}
