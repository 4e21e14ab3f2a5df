package cn.bipin.evaluation;

import java.util.Set;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.bipin.run.RunDefinition;
import cn.bipin.run.RunKind;
import cn.bipin.run.RunListener;
import cn.bipin.run.RunRequestException;
import cn.bipin.run.RunSteps;
import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;

/**
 * {@code evaluationJob} (背靠背评议): the year's ballots, cases and votes in → D8 scores and ranks → the result (PDF,
 * .xlsx, CSV, each unit's feedback) → mail. Launched on its own ({@code evaluation run}) or nested in the annual run.
 */
@Configuration
class EvaluationJobConfiguration {

    @Bean
    Job evaluationJob(JobRepository jobRepository, RunListener runListener, Step evaluationIngestStep,
            Step evaluationScoreStep, Step evaluationBulletinStep, Step evaluationDeliveryStep) {
        return new JobBuilder("evaluationJob", jobRepository)
                .listener(runListener)
                .start(evaluationIngestStep)
                .next(evaluationScoreStep)
                .next(evaluationBulletinStep)
                .next(evaluationDeliveryStep)
                .build();
    }

    @Bean
    RunDefinition evaluationRun(Job evaluationJob, EvaluationService evaluation) {
        return new RunDefinition(RunKind.EVALUATION, Set.of(Cycle.values()), evaluationJob,
                EvaluationJobConfiguration::check, period -> EvaluationInbox.folder(period.code()), evaluation::deliver,
                evaluation::skipReason);
    }

    @Bean
    Step evaluationIngestStep(RunSteps steps, EvaluationService evaluation) {
        return steps.tasklet("evaluationIngestStep", "读取与校验评议票", evaluation::ingest);
    }

    @Bean
    Step evaluationScoreStep(RunSteps steps, EvaluationService evaluation) {
        return steps.tasklet("evaluationScoreStep", "评议计分与排名", evaluation::score);
    }

    @Bean
    Step evaluationBulletinStep(RunSteps steps, EvaluationService evaluation) {
        return steps.tasklet("evaluationBulletinStep", "生成评议结果（PDF、Excel、CSV）", evaluation::bulletin);
    }

    @Bean
    Step evaluationDeliveryStep(RunSteps steps, EvaluationService evaluation) {
        return steps.tasklet("evaluationDeliveryStep", "发送评议结果", evaluation::deliver);
    }

    /** The scheme's evaluation section is valid and the period is the scheme's year (the launcher takes any cycle, to say so). */
    static void check(Scheme scheme, Period period) {
        EvaluationRulesLoader.load(scheme);
        if (period.cycle() != Cycle.ANNUAL || period.year() != scheme.year()) {
            throw new RunRequestException("背靠背评议按年度运行，期间应为方案年度 " + scheme.year() + "，实际为 " + period.code());
        }
    }
}
