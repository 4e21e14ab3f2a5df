package cn.bipin.monthly;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.bipin.bulletin.MonthlyBulletinService;
import cn.bipin.bulletin.MonthlyBulletinService.BulletinFiles;
import cn.bipin.bulletin.OutputProperties;
import cn.bipin.delivery.DeliveryRecord;
import cn.bipin.delivery.DeliveryService;
import cn.bipin.delivery.OutgoingMail;
import cn.bipin.results.MonthlyScoring;
import cn.bipin.results.ScoreRepository;
import cn.bipin.results.ScoreRepository.RankedScore;
import cn.bipin.run.Run;
import cn.bipin.run.RunRepository;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeRepository;
import cn.bipin.submission.FeedbackService;

/** What the monthly job's tasklet steps do; each step is one call here, so each can be read and tested alone. */
@Service
class MonthlyTasks {

    private static final Logger log = LoggerFactory.getLogger(MonthlyTasks.class);

    private final RunRepository runs;
    private final SchemeRepository schemes;
    private final MonthlyScoring scoring;
    private final FeedbackService feedback;
    private final MonthlyBulletinService bulletins;
    private final ScoreRepository scores;
    private final DeliveryService delivery;
    private final OutputProperties output;

    MonthlyTasks(RunRepository runs, SchemeRepository schemes, MonthlyScoring scoring, FeedbackService feedback,
            MonthlyBulletinService bulletins, ScoreRepository scores, DeliveryService delivery, OutputProperties output) {
        this.runs = runs;
        this.schemes = schemes;
        this.scoring = scoring;
        this.feedback = feedback;
        this.bulletins = bulletins;
        this.scores = scores;
        this.delivery = delivery;
        this.output = output;
    }

    void score(long runId) {
        Run run = run(runId);
        scoring.score(run, schemes.load(run.scheme()));
    }

    void feedback(long runId) {
        Run run = run(runId);
        feedback.write(schemes.load(run.scheme()), run.period(), dir(run).resolve("反馈"));
    }

    void bulletin(long runId) {
        Run run = run(runId);
        Path dir = dir(run);
        bulletins.write(schemes.load(run.scheme()), run, dir);
        runs.setOutputDir(runId, dir.toString());
    }

    void deliver(long runId, boolean mail) {
        Run run = run(runId);
        if (!mail) {
            log.info("运行 #{}：按要求不发送邮件", runId);
            return;
        }
        Scheme scheme = schemes.load(run.scheme());
        BulletinFiles files = bulletins.files(scheme, run, dir(run));
        String subject = MonthlyBulletinService.title(scheme, run);
        List<DeliveryRecord> records = delivery.deliver(new OutgoingMail(run.id(), subject, body(scheme, run),
                List.of(files.pdf(), files.xlsx()), scheme.recipients()));
        long failed = records.stream().filter(r -> r.status() == DeliveryRecord.Status.FAILED).count();
        if (failed > 0) {
            log.error("运行 #{}：{} 封邮件发送失败，见 delivery 表", runId, failed);
        }
    }

    private String body(Scheme scheme, Run run) {
        List<RankedScore> totals = scores.totals(run.id());
        List<String> lines = new ArrayList<>();
        lines.add("各位领导：");
        lines.add("");
        lines.add("附件为" + MonthlyBulletinService.title(scheme, run) + "（第" + run.revision() + "版），含PDF榜单及Excel明细。");
        lines.add("本月合计排名前三：");
        totals.stream().limit(3).forEach(t -> lines.add("  第" + t.rank() + "名 "
                + scheme.unit(t.unitCode()).orElseThrow().name() + " " + t.score().toPlainString() + "分"));
        lines.add("");
        lines.add(scheme.title() + "专项行动工作专班");
        return String.join("\n", lines);
    }

    private Run run(long runId) {
        return runs.find(runId).orElseThrow(() -> new IllegalStateException("运行 #" + runId + " 不存在"));
    }

    private Path dir(Run run) {
        return output.runDir(run.scheme(), run.period().code(), run.revision());
    }
}
