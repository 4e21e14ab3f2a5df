package cn.bipin.warning;

import java.util.Optional;
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
import cn.bipin.scheme.SchemeException;

/**
 * {@code warningJob} (指标预警, D19): the month's city figures and weekly ledgers → each working-group indicator's
 * triggers → the 预警清单 (PDF, .xlsx, CSV) and each group's own list → mail to the office and each group's leader.
 * Made inside every monthly run of a scheme with {@code working_groups} ({@code monthlyWarningStep}), as a run of
 * its own kind with its own revisions, so a re-run of the month mails again only what changed (D23).
 */
@Configuration
class WarningJobConfiguration {

    @Bean
    Job warningJob(JobRepository jobRepository, RunListener runListener, Step warningEvaluateStep,
                   Step warningBulletinStep, Step warningMailStep) {
        return new JobBuilder("warningJob", jobRepository)
                .listener(runListener)
                .start(warningEvaluateStep)
                .next(warningBulletinStep)
                .next(warningMailStep)
                .build();
    }

    @Bean
    RunDefinition warningRun(Job warningJob, WarningService warnings) {
        return new RunDefinition(RunKind.WARNING, Set.of(Cycle.MONTHLY), warningJob, WarningJobConfiguration::check,
                period -> "warning/" + period.code(), warnings::mail, WarningJobConfiguration::skip);
    }

    /** The step the monthly job ends with. */
    @Bean
    Step monthlyWarningStep(RunSteps steps, RunDefinition warningRun) {
        return steps.nested("monthlyWarningStep", "指标预警", warningRun);
    }

    @Bean
    Step warningEvaluateStep(RunSteps steps, WarningService warnings) {
        return steps.tasklet("warningEvaluateStep", "读取全市指标对比和周台账，判定预警指标", warnings::evaluate);
    }

    @Bean
    Step warningBulletinStep(RunSteps steps, WarningService warnings) {
        return steps.tasklet("warningBulletinStep", "生成预警清单和各工作组清单（PDF、Excel、CSV）", warnings::write);
    }

    @Bean
    Step warningMailStep(RunSteps steps, WarningService warnings) {
        return steps.tasklet("warningMailStep", "发送预警清单", warnings::mail);
    }

    static Optional<String> skip(Scheme scheme, Period period) {
        return WorkingGroups.configured(scheme) ? Optional.empty()
                : Optional.of("方案 " + scheme.id() + " 未设工作组（working_groups），不做指标预警，跳过");
    }

    static void check(Scheme scheme, Period period) {
        if (period.year() != scheme.year()) {
            throw new RunRequestException("期间 " + period.code() + " 不在方案 " + scheme.id() + " 的年度 " + scheme.year() + " 内");
        }
        try {
            WorkingGroups.load(scheme);
        } catch (SchemeException e) {
            throw new RunRequestException(e.getMessage());
        }
    }
}
