package cn.bipin.incentive;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeRepository;

/** Starts {@code incentiveJob} for a scheme and period as its next revision, after checking the request and the file. */
@Service
public class IncentiveLauncher {

    private static final Logger log = LoggerFactory.getLogger(IncentiveLauncher.class);

    private final SchemeRepository schemes;
    private final IncentiveStore store;
    private final JobOperator jobOperator;
    private final Job job;

    IncentiveLauncher(SchemeRepository schemes, IncentiveStore store, JobOperator jobOperator,
                      @Qualifier("incentiveJob") Job job) {
        this.schemes = schemes;
        this.store = store;
        this.jobOperator = jobOperator;
        this.job = job;
    }

    /**
     * @throws IllegalArgumentException     (Chinese message) for a month, or a period outside the scheme year
     * @throws cn.bipin.scheme.SchemeException for a scheme file whose {@code incentives} section is wrong
     */
    public IncentiveRun launch(String schemeId, Period period, boolean mail) {
        Scheme scheme = schemes.load(schemeId);
        if (period.cycle() == Cycle.MONTHLY) {
            throw new IllegalArgumentException("企业奖励按年（如 2024）或按季度（如 2024-Q3，商贸发展奖）计算，不按月：" + period.code());
        }
        if (period.year() != scheme.year()) {
            throw new IllegalArgumentException("期间 " + period.code() + " 不在方案 " + scheme.id() + " 的年度 " + scheme.year() + " 内");
        }
        IncentiveConfig.load(scheme); // fail before anything is recorded
        IncentiveRun run = store.createRun(scheme.id(), period.code());
        log.info("开始企业奖励运行 #{}：{} {} 第{}版", run.id(), scheme.id(), period.code(), run.revision());
        JobParameters params = new JobParametersBuilder()
                .addString(IncentiveJobConfiguration.SCHEME, scheme.id())
                .addString(IncentiveJobConfiguration.PERIOD, period.code())
                .addLong(IncentiveJobConfiguration.REVISION, (long) run.revision())
                .addLong(IncentiveJobConfiguration.RUN_ID, run.id(), false)
                .addString(IncentiveJobConfiguration.MAIL, Boolean.toString(mail), false)
                .toJobParameters();
        try {
            jobOperator.start(job, params);
        } catch (Exception e) {
            store.finishRun(run.id(), "FAILED", e.getMessage());
            log.error("企业奖励运行 #{} 无法启动：{}", run.id(), e.getMessage(), e);
        }
        return store.run(run.id());
    }
}
