package cn.bipin.liaison;

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
 * {@code liaisonJob} (包联走访通报): ingest the scheme's liaison ledger files → each unit's figures for the month →
 * the bulletin (PDF, .xlsx, CSV) and each unit's own list → mail the bulletin to the leaders and each unit its list.
 * Launched through {@link cn.bipin.run.RunLauncher} like every run ({@code liaison run}); monthly only.
 */
@Configuration
class LiaisonJobConfiguration {

    @Bean
    Job liaisonJob(JobRepository jobRepository, RunListener runListener, Step liaisonIngestStep,
                   Step liaisonFiguresStep, Step liaisonBulletinStep, Step liaisonMailStep) {
        return new JobBuilder("liaisonJob", jobRepository)
                .listener(runListener)
                .start(liaisonIngestStep)
                .next(liaisonFiguresStep)
                .next(liaisonBulletinStep)
                .next(liaisonMailStep)
                .build();
    }

    @Bean
    RunDefinition liaisonRun(Job liaisonJob, LiaisonService liaison) {
        return new RunDefinition(RunKind.LIAISON, Set.of(Cycle.MONTHLY), liaisonJob, LiaisonJobConfiguration::check,
                period -> "liaison/" + period.code(), liaison::mail, null);
    }

    @Bean
    Step liaisonIngestStep(RunSteps steps, LiaisonService liaison) {
        return steps.tasklet("liaisonIngestStep", "读取与校验包联台账", liaison::ingest);
    }

    @Bean
    Step liaisonFiguresStep(RunSteps steps, LiaisonService liaison) {
        return steps.tasklet("liaisonFiguresStep", "计算走访覆盖率和问题办结情况", liaison::figures);
    }

    @Bean
    Step liaisonBulletinStep(RunSteps steps, LiaisonService liaison) {
        return steps.tasklet("liaisonBulletinStep", "生成包联走访通报和各单位清单（PDF、Excel、CSV）", liaison::bulletin);
    }

    @Bean
    Step liaisonMailStep(RunSteps steps, LiaisonService liaison) {
        return steps.tasklet("liaisonMailStep", "发送通报和各单位清单", liaison::mail);
    }

    /** A month of the scheme's year, and a valid {@code liaison:} section (or none: the defaults). */
    static void check(Scheme scheme, Period period) {
        if (period.year() != scheme.year()) {
            throw new RunRequestException("期间 " + period.code() + " 不在方案 " + scheme.id() + " 的年度 " + scheme.year() + " 内");
        }
        LiaisonConfig.load(scheme);
    }
}
