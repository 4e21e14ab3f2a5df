package cn.bipin.incentive;

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
 * {@code incentiveJob} (企业奖励清单): ingest the period's enterprise data → evaluate the rules with the once-only
 * ledger → write the list (PDF, .xlsx, CSV) → mail it. A period is a year (all annual rules) or a quarter (INC-12 and
 * INC-8's quarterly part). Launched on its own ({@code incentives run}) or nested in the quarterly and annual runs.
 */
@Configuration
class IncentiveJobConfiguration {

    @Bean
    Job incentiveJob(JobRepository jobRepository, RunListener runListener, Step incentiveIngestStep,
            Step incentiveEvaluateStep, Step incentiveListStep, Step incentiveMailStep) {
        return new JobBuilder("incentiveJob", jobRepository)
                .listener(runListener)
                .start(incentiveIngestStep)
                .next(incentiveEvaluateStep)
                .next(incentiveListStep)
                .next(incentiveMailStep)
                .build();
    }

    @Bean
    RunDefinition incentiveRun(Job incentiveJob, IncentiveService incentives) {
        return new RunDefinition(RunKind.INCENTIVE, Set.of(Cycle.values()), incentiveJob,
                IncentiveJobConfiguration::check, period -> "incentives/" + period.code(), incentives::mail,
                incentives::skipReason);
    }

    @Bean
    Step incentiveIngestStep(RunSteps steps, IncentiveService incentives) {
        return steps.tasklet("incentiveIngestStep", "读取与校验企业数据", incentives::ingest);
    }

    @Bean
    Step incentiveEvaluateStep(RunSteps steps, IncentiveService incentives) {
        return steps.tasklet("incentiveEvaluateStep", "按奖励规则计算", incentives::evaluate);
    }

    @Bean
    Step incentiveListStep(RunSteps steps, IncentiveService incentives) {
        return steps.tasklet("incentiveListStep", "生成奖励清单（PDF、Excel、CSV）", incentives::list);
    }

    @Bean
    Step incentiveMailStep(RunSteps steps, IncentiveService incentives) {
        return steps.tasklet("incentiveMailStep", "发送奖励清单", incentives::mail);
    }

    /** A year or a quarter of the scheme's year, and a valid {@code incentives:} section. */
    static void check(Scheme scheme, Period period) {
        if (period.cycle() == Cycle.MONTHLY) {
            throw new RunRequestException("企业奖励按年（如 2024）或按季度（如 2024-Q3，商贸发展奖）计算，不按月：" + period.code());
        }
        if (period.year() != scheme.year()) {
            throw new RunRequestException("期间 " + period.code() + " 不在方案 " + scheme.id() + " 的年度 " + scheme.year() + " 内");
        }
        IncentiveConfig.load(scheme);
    }
}
