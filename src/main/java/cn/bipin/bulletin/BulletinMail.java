package cn.bipin.bulletin;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.bipin.bulletin.BulletinService.BulletinFiles;
import cn.bipin.delivery.AlertService;
import cn.bipin.delivery.DeliveryRecord;
import cn.bipin.delivery.DeliveryService;
import cn.bipin.delivery.OutgoingMail;
import cn.bipin.report.Figures;
import cn.bipin.results.RevisionDiff;
import cn.bipin.results.ScoreRepository;
import cn.bipin.results.ScoreRepository.RankedScore;
import cn.bipin.run.Run;
import cn.bipin.run.Publication;
import cn.bipin.run.RunContext;
import cn.bipin.run.RunRepository;
import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Recipient;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.Unit;
import cn.bipin.run.Commands;

/**
 * Mails a scoring run's bulletin to the scheme's recipients: a 更正 says so in its subject, a re-run whose results
 * equal the revision before is not mailed unless forced, a recipient who already has this revision (a restarted run)
 * is not mailed again, and a bulletin most units reported nothing for is held back for a statistician to release.
 */
@Service
public class BulletinMail {

    private static final Logger log = LoggerFactory.getLogger(BulletinMail.class);

    private final BulletinService bulletins;
    private final ScoreRepository scores;
    private final RevisionDiff diffs;
    private final DeliveryService delivery;
    private final AlertService alerts;
    private final RunRepository runs;

    BulletinMail(BulletinService bulletins, ScoreRepository scores, RevisionDiff diffs, DeliveryService delivery,
            AlertService alerts, RunRepository runs) {
        this.bulletins = bulletins;
        this.scores = scores;
        this.diffs = diffs;
        this.delivery = delivery;
        this.alerts = alerts;
        this.runs = runs;
    }

    public void deliver(RunContext context) {
        Run run = context.run();
        Optional<RevisionDiff.Diff> diff = diffs.againstPrevious(run);
        boolean correction = diff.isPresent() && !diff.get().unchanged();
        if (!context.mail()) {
            log.info("运行 #{}：按要求不发送邮件（预览；核实后可用 {} 发出）", run.id(), Commands.release(run.id()));
            runs.recordPublication(run.id(), Publication.PREVIEW, correction);
            return;
        }
        if (diff.isPresent() && diff.get().unchanged() && !context.force()) {
            log.info("运行 #{}：结果与第{}版相同，不发送邮件（如需重发请加 --force）", run.id(), diff.get().previous().revision());
            runs.recordPublication(run.id(), Publication.UNCHANGED, false);
            return;
        }
        Scheme scheme = context.scheme();
        if (context.release() && delivery.forRun(run.id()).stream().anyMatch(d -> d.status() == DeliveryRecord.Status.HELD)) {
            delivery.release(run.id());
            runs.recordPublication(run.id(), Publication.MAILED, correction);
            return;
        }
        // a recipient with any live row for this run already has (or will get) this revision: never twice
        Set<String> done = delivery.forRun(run.id()).stream().filter(d -> d.status().live())
                .map(DeliveryRecord::recipientEmail).collect(Collectors.toSet());
        List<Recipient> to = scheme.recipients().stream().filter(r -> !done.contains(r.email())).toList();
        if (to.isEmpty()) {
            runs.recordPublication(run.id(), Publication.MAILED, correction);
            return;
        }
        BulletinFiles files = bulletins.files(scheme, run, context.outputDir());
        String subject = (correction ? "【更正】" : "") + BulletinService.title(scheme, run);
        OutgoingMail bulletin = new OutgoingMail(run.id(), subject, body(scheme, run, correction),
                List.of(files.pdf(), files.xlsx()), to);
        Optional<String> hold = holdReason(scheme, run);
        if (hold.isPresent() && !context.force() && !context.release()) {
            delivery.hold(bulletin);
            runs.recordPublication(run.id(), Publication.HELD, correction);
            alerts.alert("榜单暂缓发送：" + subject, hold.get() + "\n\n榜单已生成但未发给领导："
                    + files.pdf().toAbsolutePath() + "\n核实无误后发送：" + Commands.release(run.id())
                    + "\n如是报送问题，请补齐报送后重新运行该期。");
            return;
        }
        List<DeliveryRecord> records = delivery.deliver(bulletin);
        runs.recordPublication(run.id(), Publication.MAILED, correction);
        long failed = records.stream().filter(r -> r.status() == DeliveryRecord.Status.FAILED).count();
        if (failed > 0) {
            log.error("运行 #{}：{} 封邮件发送失败，见 delivery 表", run.id(), failed);
        }
    }

    /**
     * Why a bulletin must not go to the leaders as it is: more than the configured share of the participating
     * units reported nothing at all for the period.
     */
    Optional<String> holdReason(Scheme scheme, Run run) {
        if (run.cycle() == Cycle.ANNUAL) {
            return Optional.empty();
        }
        ScoreRepository.Silence silence = scores.silence(run.id());
        List<String> silent = silence.silent();
        long participants = silence.participants();
        if (participants == 0) {
            return Optional.empty();
        }
        BigDecimal share = BigDecimal.valueOf(silent.size()).divide(BigDecimal.valueOf(participants), MathContext.DECIMAL64);
        BigDecimal limit = alerts.properties().maxMissingShare();
        if (share.compareTo(limit) <= 0) {
            return Optional.empty();
        }
        return Optional.of(scheme.title() + " " + run.period().label() + "：" + participants + " 个参赛单位中有 "
                + silent.size() + " 个本期没有任何报送（超过 " + Figures.percent(limit) + "）："
                + silent.stream().map(u -> scheme.unit(u).map(Unit::name).orElse(u)).collect(Collectors.joining("、")));
    }

    private String body(Scheme scheme, Run run, boolean correction) {
        List<RankedScore> totals = scores.totals(run.id());
        List<String> lines = new ArrayList<>();
        lines.add("各位领导：");
        lines.add("");
        lines.add("附件为" + BulletinService.title(scheme, run) + "（第" + run.revision() + "版），含PDF榜单及Excel明细。");
        if (correction) {
            lines.add("本版为更正版，更正内容见榜单首页“更正说明”，请以本版为准。");
        }
        lines.add("合计排名前三：");
        // ties at third place are all named, as the ranking marks them (D6)
        totals.stream().filter(t -> t.rank() <= 3).forEach(t -> lines.add("  第" + t.rank() + "名 "
                + scheme.unit(t.unitCode()).orElseThrow().name() + " " + t.score().toPlainString() + "分"));
        lines.add("");
        lines.add(scheme.policy().signature());
        return String.join("\n", lines);
    }
}
