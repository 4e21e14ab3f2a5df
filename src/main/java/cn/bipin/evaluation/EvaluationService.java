package cn.bipin.evaluation;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.bipin.report.Figures;
import cn.bipin.report.OutputProperties;
import cn.bipin.delivery.DeliveryRecord;
import cn.bipin.delivery.DeliveryService;
import cn.bipin.delivery.OutgoingMail;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeRepository;

/**
 * The work behind each step of {@code evaluationJob}: ingest ballots and cases → score → bulletin → mail. Each
 * step takes the evaluation run id and reads what the step before left in the database.
 */
@Service
public class EvaluationService {

    private static final Logger log = LoggerFactory.getLogger(EvaluationService.class);

    private final EvaluationRuns runs;
    private final SchemeRepository schemes;
    private final BallotIngest ballots;
    private final ExcellentCases cases;
    private final EvaluationScoring scoring;
    private final EvaluationBulletins bulletins;
    private final DeliveryService delivery;
    private final OutputProperties output;
    private final EvaluationInbox inbox;

    EvaluationService(EvaluationRuns runs, SchemeRepository schemes, BallotIngest ballots, ExcellentCases cases,
            EvaluationScoring scoring, EvaluationBulletins bulletins, DeliveryService delivery, OutputProperties output,
            EvaluationInbox inbox) {
        this.inbox = inbox;
        this.runs = runs;
        this.schemes = schemes;
        this.ballots = ballots;
        this.cases = cases;
        this.scoring = scoring;
        this.bulletins = bulletins;
        this.delivery = delivery;
        this.output = output;
    }

    /**
     * Runs the whole evaluation of a year as its next revision, in the calling thread and transaction — the hook for
     * the annual run ({@code evaluationStep}). A scheme without an {@code evaluation:} section is skipped, and so is
     * a year for which no ballot file has arrived yet: leaders get no empty ranking, and the first real evaluation
     * is still 第1版. The explicit {@code evaluation run} command always runs.
     *
     * @return the finished run, or null when the scheme has no evaluation or nothing was received
     */
    public EvaluationRun runInline(String schemeId, String period, boolean mail) {
        Scheme scheme = schemes.load(schemeId);
        if (!EvaluationRulesLoader.configured(scheme)) {
            log.info("方案 {} 没有背靠背评议配置，跳过", schemeId);
            return null;
        }
        EvaluationRulesLoader.load(scheme);
        if (!inbox.anyReceived(schemeId, period, EvaluationInbox.Kind.BALLOTS)) {
            log.warn("背靠背评议：{} 尚未收到任何评议票（收件箱 {}），本次不生成评议结果、不发邮件；收齐后运行 "
                    + "make evaluation SCHEME={} PERIOD={}", period,
                    inbox.dir(schemeId, period, EvaluationInbox.Kind.BALLOTS), schemeId, period);
            return null;
        }
        EvaluationRun run = runs.create(schemeId, period);
        try {
            ingest(run.id());
            score(run.id());
            bulletin(run.id());
            deliver(run.id(), mail);
            runs.finish(run.id(), "COMPLETED", null);
        } catch (RuntimeException e) {
            runs.finish(run.id(), "FAILED", e.getMessage());
            throw e;
        }
        return runs.find(run.id()).orElseThrow();
    }

    void ingest(long runId) {
        EvaluationRun run = run(runId);
        Scheme scheme = schemes.load(run.scheme());
        EvaluationRules rules = EvaluationRulesLoader.load(scheme);
        BallotIngest.Report report = ballots.ingest(scheme, rules, run.period(), runId);
        cases.ingest(scheme, run.period(), runId);
        runs.counts(runId, report.files() - report.filesRejected(), report.filesRejected(), report.accepted(),
                report.rejected());
        log.info("评议运行 #{}：新收评议票文件 {} 个（整份退回 {} 个），采用 {} 张，退回 {} 张", runId, report.files(),
                report.filesRejected(), report.accepted(), report.rejected());
    }

    void score(long runId) {
        EvaluationRun run = run(runId);
        Scheme scheme = schemes.load(run.scheme());
        EvaluationResult result = scoring.score(EvaluationRulesLoader.load(scheme), run.scheme(), run.period(), runId);
        log.info("评议运行 #{}：计分 {} 张有效评议票（替换 {} 张），{} 个被评议单位", runId, result.ballots(),
                result.replaced(), result.targets().size());
    }

    void bulletin(long runId) {
        EvaluationRun run = run(runId);
        Scheme scheme = schemes.load(run.scheme());
        EvaluationRules rules = EvaluationRulesLoader.load(scheme);
        EvaluationResult result = scoring.load(rules, runId);
        Path dir = dir(run);
        EvaluationBulletins.RunFiles files = bulletins.write(scheme, rules, run, result,
                cases.top(run.scheme(), run.period(), rules.excellentCases()), dir);
        runs.setOutputDir(runId, dir.toString());
        log.info("评议结果已生成：{}", files.pdf());
    }

    void deliver(long runId, boolean mail) {
        EvaluationRun run = run(runId);
        if (!mail) {
            log.info("评议运行 #{}：按要求不发送邮件", runId);
            return;
        }
        Scheme scheme = schemes.load(run.scheme());
        EvaluationRules rules = EvaluationRulesLoader.load(scheme);
        EvaluationBulletins.RunFiles files = bulletins.files(scheme, rules, run, dir(run));
        String title = EvaluationBulletins.title(scheme, rules, run.period());
        List<DeliveryRecord> records = delivery.deliver(new OutgoingMail(null, title, body(scheme, rules, run, title),
                files.attachments(), scheme.recipients()));
        long failed = records.stream().filter(r -> r.status() == DeliveryRecord.Status.FAILED).count();
        if (failed > 0) {
            log.error("评议运行 #{}：{} 封邮件发送失败，见 delivery 表", runId, failed);
        }
    }

    private String body(Scheme scheme, EvaluationRules rules, EvaluationRun run, String title) {
        EvaluationResult result = scoring.load(rules, run.id());
        List<String> lines = new ArrayList<>();
        lines.add("各位领导：");
        lines.add("");
        lines.add("附件为" + title + "（第" + run.revision() + "版），含PDF及Excel明细。评议为背靠背匿名评议，结果只含汇总得分。");
        lines.add("评议排名前三：");
        result.targets().stream().filter(t -> t.rank() != null).limit(3).forEach(t -> lines.add("  第" + t.rank() + "名 "
                + scheme.unit(t.target()).map(u -> u.name()).orElse(t.target()) + " " + Figures.score(t.total()) + "分"));
        lines.add("");
        lines.add(scheme.title() + "专项行动工作专班");
        return String.join("\n", lines);
    }

    /** Whether the scheme has an {@code evaluation:} section, i.e. its annual run includes the evaluation. */
    public boolean configured(String schemeId) {
        return EvaluationRulesLoader.configured(schemes.load(schemeId));
    }

    /** The evaluation an annual run that started at {@code since} made, if it made one. */
    public Optional<EvaluationRun> madeSince(String schemeId, String period, LocalDateTime since) {
        return runs.latestSince(schemeId, period, since);
    }

    /** The latest evaluation runs, newest first. */
    public List<EvaluationRun> recent(int limit) {
        return runs.recent(limit);
    }

    /** Where a run's evaluation bulletin (PDF) is. */
    public Path pdf(EvaluationRun run) {
        Scheme scheme = schemes.load(run.scheme());
        return bulletins.files(scheme, EvaluationRulesLoader.load(scheme), run, dir(run)).pdf();
    }

    Path dir(EvaluationRun run) {
        return output.dir().resolve(run.scheme()).resolve(EvaluationInbox.folder(run.period())).resolve("r" + run.revision());
    }

    private EvaluationRun run(long runId) {
        return runs.find(runId).orElseThrow(() -> new IllegalStateException("评议运行 #" + runId + " 不存在"));
    }
}
