package cn.bipin.evaluation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeRepository;

/**
 * Starts {@code evaluationJob} for a year as the next revision. The scheme file and its evaluation section are
 * checked first, so a bad file stops before anything is read or written.
 */
@Service
public class EvaluationLauncher {

    private static final Logger log = LoggerFactory.getLogger(EvaluationLauncher.class);

    private final SchemeRepository schemes;
    private final EvaluationRuns runs;
    private final JobOperator jobOperator;
    private final Job job;

    EvaluationLauncher(SchemeRepository schemes, EvaluationRuns runs, JobOperator jobOperator,
            @Qualifier("evaluationJob") Job job) {
        this.schemes = schemes;
        this.runs = runs;
        this.jobOperator = jobOperator;
        this.job = job;
    }

    /**
     * @throws cn.bipin.scheme.SchemeException if the scheme file or its evaluation section is wrong
     * @throws IllegalArgumentException         if the period is not the scheme's year
     */
    public EvaluationRun launch(String schemeId, String period, boolean mail) {
        Scheme scheme = schemes.load(schemeId);
        EvaluationRulesLoader.load(scheme);
        Period p = Period.parse(period);
        if (p.cycle() != cn.bipin.scheme.Cycle.ANNUAL || p.year() != scheme.year()) {
            throw new IllegalArgumentException("背靠背评议按年度运行，期间应为方案年度 " + scheme.year() + "，实际为 " + period);
        }
        EvaluationRun run = runs.create(scheme.id(), p.code());
        log.info("开始背靠背评议运行 #{}：{} {} 第{}版", run.id(), scheme.id(), p.code(), run.revision());
        try {
            jobOperator.start(job, EvaluationJobConfiguration.parameters(run, mail));
        } catch (Exception e) {
            runs.finish(run.id(), "FAILED", e.getMessage());
            log.error("评议运行 #{} 无法启动：{}", run.id(), e.getMessage(), e);
        }
        return runs.find(run.id()).orElseThrow();
    }
}
