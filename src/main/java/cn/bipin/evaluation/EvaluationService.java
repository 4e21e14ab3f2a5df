package cn.bipin.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.bipin.delivery.DeliveryRecord;
import cn.bipin.delivery.DeliveryService;
import cn.bipin.delivery.OutgoingMail;
import cn.bipin.report.Figures;
import cn.bipin.run.IngestCounts;
import cn.bipin.run.Publication;
import cn.bipin.run.Run;
import cn.bipin.run.RunContext;
import cn.bipin.run.RunRepository;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.run.Commands;
import cn.bipin.run.RunKind;

/**
 * The work behind each step of {@code evaluationJob}: ingest ballots and cases → score → bulletin → mail. Each step
 * gets its run and reads what the step before left in the database.
 */
@Service
public class EvaluationService {

    private static final Logger log = LoggerFactory.getLogger(EvaluationService.class);

    private final RunRepository runs;
    private final BallotIngest ballots;
    private final ExcellentCases cases;
    private final EvaluationScoring scoring;
    private final EvaluationBulletins bulletins;
    private final DeliveryService delivery;
    private final EvaluationInbox inbox;

    EvaluationService(RunRepository runs, BallotIngest ballots, ExcellentCases cases, EvaluationScoring scoring,
            EvaluationBulletins bulletins, DeliveryService delivery, EvaluationInbox inbox) {
        this.runs = runs;
        this.ballots = ballots;
        this.cases = cases;
        this.scoring = scoring;
        this.bulletins = bulletins;
        this.delivery = delivery;
        this.inbox = inbox;
    }

    /**
     * Why an annual run makes no evaluation this time: the scheme has no {@code evaluation:} section, or no ballot file
     * has arrived for the year yet — leaders get no empty ranking, and the first real evaluation is still 第1版. The
     * explicit {@code evaluation run} command always runs.
     */
    Optional<String> skipReason(Scheme scheme, Period period) {
        if (!EvaluationRulesLoader.configured(scheme)) {
            return Optional.of("方案 " + scheme.id() + " 没有背靠背评议配置，跳过");
        }
        EvaluationRulesLoader.load(scheme);
        if (!inbox.anyReceived(scheme.id(), period.code(), EvaluationInbox.Kind.BALLOTS)) {
            return Optional.of("背靠背评议：" + period.code() + " 尚未收到任何评议票（收件箱 "
                    + inbox.dir(scheme.id(), period.code(), EvaluationInbox.Kind.BALLOTS) + "），本次不生成评议结果、不发邮件；收齐后运行 "
                    + Commands.run(RunKind.EVALUATION, scheme.id(), period));
        }
        return Optional.empty();
    }

    void ingest(RunContext context) {
        Run run = context.run();
        Scheme scheme = context.scheme();
        EvaluationRules rules = EvaluationRulesLoader.load(scheme);
        BallotIngest.Report report = ballots.ingest(scheme, rules, run.period().code(), run.id());
        cases.ingest(scheme, run.period().code(), run.id());
        runs.recordIngest(run.id(), new IngestCounts(report.files() - report.filesRejected(), report.filesRejected(),
                report.accepted(), report.rejected()));
        log.info("评议运行 #{}：新收评议票文件 {} 个（整份退回 {} 个），采用 {} 张，退回 {} 张", run.id(), report.files(),
                report.filesRejected(), report.accepted(), report.rejected());
    }

    void score(RunContext context) {
        Run run = context.run();
        EvaluationResult result = scoring.score(EvaluationRulesLoader.load(context.scheme()), run.scheme(),
                run.period().code(), run.id());
        log.info("评议运行 #{}：计分 {} 张有效评议票（替换 {} 张），{} 个被评议单位", run.id(), result.ballots(),
                result.replaced(), result.targets().size());
    }

    void bulletin(RunContext context) {
        Run run = context.run();
        Scheme scheme = context.scheme();
        EvaluationRules rules = EvaluationRulesLoader.load(scheme);
        EvaluationResult result = scoring.load(rules, run.id());
        EvaluationBulletins.RunFiles files = bulletins.write(scheme, rules, run, result,
                cases.top(run.scheme(), run.period().code(), rules.excellentCases()), context.outputDir(),
                changes(rules, run));
        log.info("评议结果已生成：{}", files.pdf());
    }

    /** What changed against the revision before, if there is one. */
    private Optional<EvaluationChanges> changes(EvaluationRules rules, Run run) {
        return runs.previousCompletedRevision(run).map(previous -> EvaluationChanges.between(previous.revision(),
                scoring.load(rules, previous.id()), scoring.load(rules, run.id())));
    }

    void deliver(RunContext context) {
        Run run = context.run();
        Scheme scheme = context.scheme();
        EvaluationRules rules = EvaluationRulesLoader.load(scheme);
        Optional<EvaluationChanges> changes = changes(rules, run);
        boolean correction = changes.isPresent() && !changes.get().none();
        if (!context.mail()) {
            log.info("评议运行 #{}：按要求不发送邮件（预览；核实后可用 {} 发出）", run.id(), Commands.release(run.id()));
            runs.recordPublication(run.id(), Publication.PREVIEW, correction);
            return;
        }
        if (changes.isPresent() && changes.get().none() && !context.force()) {
            log.info("评议运行 #{}：结果与第{}版相同，不发送邮件（如需重发请加 --force）", run.id(),
                    changes.get().previousRevision());
            runs.recordPublication(run.id(), Publication.UNCHANGED, false);
            return;
        }
        EvaluationBulletins.RunFiles files = bulletins.files(scheme, rules, run, context.outputDir());
        String title = EvaluationBulletins.title(scheme, rules, run.period().code());
        String body = body(scheme, rules, run, title, correction
                ? "本版为更正版，" + changes.get().summary() + "，见结果首页“更正说明”，请以本版为准。" : null);
        List<DeliveryRecord> records = delivery.deliverOnce(new OutgoingMail(run.id(), (correction ? "【更正】" : "") + title,
                body, files.attachments(), scheme.recipients()));
        runs.recordPublication(run.id(), Publication.MAILED, correction);
        long failed = records.stream().filter(r -> r.status() == DeliveryRecord.Status.FAILED).count();
        if (failed > 0) {
            log.error("评议运行 #{}：{} 封邮件发送失败，见 delivery 表", run.id(), failed);
        }
    }

    private String body(Scheme scheme, EvaluationRules rules, Run run, String title, String correction) {
        EvaluationResult result = scoring.load(rules, run.id());
        List<String> lines = new ArrayList<>();
        lines.add("各位领导：");
        lines.add("");
        lines.add("附件为" + title + "（第" + run.revision() + "版），含PDF及Excel明细。评议为背靠背匿名评议，结果只含汇总得分。");
        if (correction != null) {
            lines.add(correction);
        }
        lines.add("评议排名前三：");
        result.targets().stream().filter(t -> t.rank() != null && t.rank() <= 3).forEach(t -> lines.add("  第" + t.rank() + "名 "
                + scheme.unit(t.target()).map(u -> u.name()).orElse(t.target()) + " " + Figures.score(t.total()) + "分"));
        lines.add("");
        lines.add(scheme.policy().signature());
        return String.join("\n", lines);
    }

    /** Whether the scheme has an {@code evaluation:} section, i.e. its annual run includes the evaluation. */
    public boolean configured(Scheme scheme) {
        return EvaluationRulesLoader.configured(scheme);
    }

    /** What a completed evaluation run scored: valid ballots and those a later ballot replaced. */
    public EvaluationCounts counts(Run run) {
        return scoring.counts(run.id());
    }

    /** Where a run's evaluation bulletin (PDF) is. */
    public Path pdf(Run run, Scheme scheme) {
        return bulletins.files(scheme, EvaluationRulesLoader.load(scheme), run, Path.of(run.outputDir())).pdf();
    }
}
