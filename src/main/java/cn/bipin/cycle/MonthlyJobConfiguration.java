package cn.bipin.cycle;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.bipin.bulletin.BulletinMail;
import cn.bipin.bulletin.BulletinService;
import cn.bipin.letters.LetterService;
import cn.bipin.results.MonthlyScoring;
import cn.bipin.run.RunDefinition;
import cn.bipin.run.RunListener;
import cn.bipin.run.RunSteps;
import cn.bipin.scheme.Cycle;
import cn.bipin.mailbox.UnitFeedbackMail;
import cn.bipin.submission.FeedbackService;
import cn.bipin.submission.SubmissionIngest;

/**
 * {@code monthlyJob} (月度晾晒): the month's inbox → validate → score the monthly competitions → each unit's feedback
 * → bulletin → mail. Each step's output is rows in the database or files in the run's folder, so a restart resumes
 * at the first unfinished step.
 */
@Configuration
class MonthlyJobConfiguration {

    @Bean
    Job monthlyJob(JobRepository jobRepository, RunListener runListener, Step monthlyIngestStep,
            Step monthlyScoreStep, Step monthlyFeedbackStep, Step monthlyLetterStep, Step monthlyBulletinStep,
            Step monthlyDeliveryStep, Step monthlyWarningStep) {
        return new JobBuilder("monthlyJob", jobRepository)
                .listener(runListener)
                .start(monthlyIngestStep)
                .next(monthlyScoreStep)
                .next(monthlyFeedbackStep)
                .next(monthlyLetterStep)
                .next(monthlyBulletinStep)
                .next(monthlyDeliveryStep)
                .next(monthlyWarningStep) // cn.bipin.warning: skipped for a scheme without working groups
                .build();
    }

    @Bean
    RunDefinition monthlyRun(Job monthlyJob, ScoreRuns scoreRuns) {
        return scoreRuns.definition(Cycle.MONTHLY, monthlyJob);
    }

    @Bean
    Step monthlyIngestStep(SubmissionIngest ingest) {
        return ingest.step("monthlyIngestStep", StepLabels.INGEST);
    }

    @Bean
    Step monthlyScoreStep(RunSteps steps, MonthlyScoring scoring) {
        return steps.tasklet("monthlyScoreStep", StepLabels.SCORE, run -> scoring.score(run.run(), run.scheme()));
    }

    @Bean
    Step monthlyFeedbackStep(RunSteps steps, FeedbackService feedback, UnitFeedbackMail unitMail) {
        return steps.tasklet("monthlyFeedbackStep", StepLabels.FEEDBACK,
                run -> unitMail.send(run, feedback.writeSheets(run.scheme(), run.run().period(),
                        run.outputDir().resolve("反馈"))));
    }

    /** 三函一单 (D18) for a scheme with a {@code review:} section; nothing for the others. */
    @Bean
    Step monthlyLetterStep(RunSteps steps, LetterService letters) {
        return steps.tasklet("monthlyLetterStep", StepLabels.LETTERS, letters::issue);
    }

    @Bean
    Step monthlyBulletinStep(RunSteps steps, BulletinService bulletins) {
        return steps.tasklet("monthlyBulletinStep", StepLabels.BULLETIN,
                run -> bulletins.write(run.scheme(), run.run(), run.outputDir()));
    }

    @Bean
    Step monthlyDeliveryStep(RunSteps steps, BulletinMail mail) {
        return steps.tasklet("monthlyDeliveryStep", StepLabels.DELIVERY, mail::deliver);
    }
}
