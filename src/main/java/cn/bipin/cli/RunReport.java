package cn.bipin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.bipin.bulletin.BulletinService;
import cn.bipin.delivery.DeliveryService;
import cn.bipin.evaluation.EvaluationCounts;
import cn.bipin.evaluation.EvaluationService;
import cn.bipin.incentive.AwardTotals;
import cn.bipin.incentive.IncentiveService;
import cn.bipin.report.Figures;
import cn.bipin.results.RevisionDiff;
import cn.bipin.run.Run;
import cn.bipin.run.RunKind;
import cn.bipin.run.RunRepository;
import cn.bipin.run.RunStatus;
import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeRepository;
import cn.bipin.inbox.InboxFiles;
import cn.bipin.scheme.Unit;
import cn.bipin.submission.FeedbackService;
import cn.bipin.submission.ReceivedFiles;
import cn.bipin.submission.SubmissionRows;
import cn.bipin.run.Commands;

/** Tells the statistician what a scoring run did and where everything it made is. */
@Component
class RunReport {

    static final int REJECTED_ROWS_SHOWN = 20;
    /** Unrecognised rows listed on the terminal; the rest are in the sheet. */
    private static final int UNRECOGNISED_LINES = 10;

    private final DeliveryService delivery;
    private final ReceivedFiles files;
    private final SchemeRepository schemes;
    private final BulletinService bulletins;
    private final RevisionDiff diffs;
    private final RunRepository runs;
    private final EvaluationService evaluations;
    private final IncentiveService incentives;
    private final SubmissionRows rows;

    RunReport(DeliveryService delivery, ReceivedFiles files, SchemeRepository schemes, BulletinService bulletins,
            RevisionDiff diffs, RunRepository runs, EvaluationService evaluations, IncentiveService incentives,
            SubmissionRows rows) {
        this.delivery = delivery;
        this.files = files;
        this.rows = rows;
        this.schemes = schemes;
        this.bulletins = bulletins;
        this.diffs = diffs;
        this.runs = runs;
        this.evaluations = evaluations;
        this.incentives = incentives;
    }

    void print(Run run, PrintWriter out) {
        String took = run.finishedAt() == null ? ""
                : "，用时 " + Duration.between(run.startedAt(), run.finishedAt()).toMillis() / 1000.0 + " 秒";
        out.printf("运行 #%d  %s  %s  第%d版  %s%s%n", run.id(), run.scheme(), run.period().label(), run.revision(),
                run.status() == RunStatus.COMPLETED ? (unsent(run).isEmpty() ? "完成" : "完成，" + MailLines.PARTLY_UNSENT)
                        : "失败", took);
        if (run.status() != RunStatus.COMPLETED) {
            out.println("原因：" + (run.message() == null ? "见日志" : run.message()));
            out.println("修正后可重新运行同一期，会生成新的版本。");
            out.flush();
            return;
        }
        if (run.cycle() != Cycle.ANNUAL) {
            out.printf("收到文件：本次新接收 %d 个（其中整份退回 %d 个）；数据行：采用 %d 行，退回 %d 行%n",
                    run.filesAccepted() + run.filesRejected(), run.filesRejected(), run.rowsAccepted(), run.rowsRejected());
            printRejectedRows(run, out);
        }
        Optional<RevisionDiff.Diff> diff = diffs.againstPrevious(run);
        diff.ifPresent(d -> out.println(d.unchanged()
                ? "与第" + d.previous().revision() + "版相比：数据与结果均无变化"
                : "与第" + d.previous().revision() + "版相比：计分数据变更 " + d.inputs().size() + " 项，得分或名次变更 "
                        + d.scores().size() + " 项（本版为更正版，见榜单首页更正说明）"));
        files.forPeriod(run.scheme(), run.period().code()).stream().filter(f -> "REJECTED".equals(f.status()))
                .forEach(f -> out.println("  整份退回：" + InboxFiles.printable(f.fileName()) + " —— "
                        + InboxFiles.printable(f.error())
                        + (f.runId() == run.id() ? "" : "（运行 #" + f.runId() + " 时收到）")));
        Scheme scheme = schemes.load(run.scheme());
        Path dir = Path.of(run.outputDir());
        if (run.cycle() != Cycle.ANNUAL) {
            printUnrecognised(run, scheme, dir, out);
        }
        var bulletin = bulletins.files(scheme, run, dir);
        out.println("榜单 PDF：   " + bulletin.pdf().toAbsolutePath());
        out.println("榜单 Excel： " + bulletin.xlsx().toAbsolutePath());
        out.println("得分 CSV：   " + bulletin.scoresCsv().toAbsolutePath());
        out.println("合计 CSV：   " + bulletin.totalsCsv().toAbsolutePath());
        if (run.cycle() != Cycle.ANNUAL) {
            out.println("各单位反馈表：" + dir.resolve("反馈").toAbsolutePath());
        }
        printNested(run, scheme, out);
        MailLines.print(run, delivery.forRun(run.id()), out);
        MailLines.printUnsent(unsent(run), out);
        printStale(run, out);
        out.flush();
    }

    /** Each row sent back, for up to {@value #REJECTED_ROWS_SHOWN} rows; the feedback sheets have them all. */
    private void printRejectedRows(Run run, PrintWriter out) {
        if (run.rowsRejected() == 0) {
            return;
        }
        for (SubmissionRows.RejectedRow r : rows.rejectedRows(run.id(), REJECTED_ROWS_SHOWN)) {
            String value = r.rawValue() == null || r.rawValue().isEmpty() || (r.error() != null && r.error().contains("'" + r.rawValue() + "'"))
                    ? "" : "（填报值 '" + r.rawValue() + "'）";
            out.println("  退回：" + (r.error() == null ? "文件 " + r.fileName() + " 第" + r.rowNo() + "行" : r.error()) + value);
        }
        if (run.rowsRejected() > REJECTED_ROWS_SHOWN) {
            out.println("  …及另外 " + (run.rowsRejected() - REJECTED_ROWS_SHOWN) + " 行，见反馈表");
        }
    }

    /**
     * Rows whose unit code names no unit of the scheme reach no unit's feedback: the office hears of them here, with
     * the unit each most likely meant, and finds them all in the sheet written beside the feedback.
     */
    private void printUnrecognised(Run run, Scheme scheme, Path dir, PrintWriter out) {
        List<SubmissionRows.Unrecognised> unknown = rows.unrecognised(scheme.id(), run.period().code(),
                scheme.units().stream().map(Unit::code).toList());
        int near = rows.nearMisses(scheme.id(), run.period().code()).size();
        if (unknown.isEmpty() && near == 0) {
            return;
        }
        Path sheet = dir.resolve("反馈").resolve(FeedbackService.unrecognisedFileName(run.period())).toAbsolutePath();
        if (!unknown.isEmpty()) {
            out.println("未识别单位：" + unknown.size() + " 行的单位代码不在方案中，未进入任何单位的反馈表，请联系报送单位：");
            unknown.stream().limit(UNRECOGNISED_LINES).forEach(u -> out.println("  " + InboxFiles.printable(u.fileName())
                    + " 第" + u.rowNo() + "行：单位代码 '" + InboxFiles.printable(u.unitCode() == null ? "" : u.unitCode()) + "'"
                    + suggestion(scheme, u.error())));
            if (unknown.size() > UNRECOGNISED_LINES) {
                out.println("  ……另有 " + (unknown.size() - UNRECOGNISED_LINES) + " 行");
            }
        }
        if (near > 0) {
            out.println("近似匹配：" + near + " 行的单位代码写法不规范（大小写、空格或写成单位名称），已按方案中的单位采用");
        }
        out.println("未识别单位明细：" + sheet);
    }

    /** The "是否为 …？" a rejection already carries, repeated on the report line. */
    private static String suggestion(Scheme scheme, String error) {
        int at = error == null ? -1 : error.lastIndexOf("是否为 ");
        return at < 0 ? "" : "，" + error.substring(at);
    }

    /**
     * 0 for a completed run whose mail all went out; 3 when it completed but some of its mail (or of the runs made
     * inside it) has not reached its recipients; 1 when it failed.
     */
    int exitCode(Run run) {
        if (run.status() != RunStatus.COMPLETED) {
            return ExitCodes.RUN_FAILED;
        }
        return unsent(run).isEmpty() ? ExitCodes.OK : ExitCodes.MAIL_UNSENT;
    }

    /** The run's and its nested runs' recipients still without their mail. */
    private List<cn.bipin.delivery.DeliveryRecord> unsent(Run run) {
        List<cn.bipin.delivery.DeliveryRecord> unsent = new java.util.ArrayList<>(delivery.unsent(run.id()));
        runs.children(run.id()).forEach(c -> unsent.addAll(delivery.unsent(c.id())));
        return unsent;
    }

    /** The quarters and years already published from an older revision of this run's period (D22). */
    private void printStale(Run run, PrintWriter out) {
        List<RunRepository.Stale> stale = runs.stale(run.scheme()).stream().filter(s -> s.newer().id() == run.id()).toList();
        if (stale.isEmpty()) {
            return;
        }
        out.println("注意：以下已发布的结果用的是本期第" + stale.get(0).used().revision() + "版，现已过时；请重新运行，新版本为更正版：");
        for (RunRepository.Stale s : stale) {
            Run p = s.publication();
            out.println("  " + p.period().label() + p.cycle().label() + "榜单 第" + p.revision() + "版（运行 #" + p.id() + "）→ "
                    + Commands.run(p.scheme(), p.period()));
        }
    }

    /** The evaluation (annual run) and the incentive list (quarterly and annual runs) made inside the run, or why not. */
    private void printNested(Run run, Scheme scheme, PrintWriter out) {
        List<Run> children = runs.children(run.id());
        String period = run.period().code();
        if (run.cycle() == Cycle.ANNUAL && evaluations.configured(scheme)) {
            child(children, RunKind.EVALUATION).ifPresentOrElse(e -> {
                EvaluationCounts counts = evaluations.counts(e);
                out.println("评议结果 PDF：" + evaluations.pdf(e, scheme).toAbsolutePath() + "（评议运行 #" + e.id() + " 第"
                        + e.revision() + "版，有效评议票 " + counts.ballots() + " 张）");
            }, () -> out.println("评议结果：尚未收到评议票，本次未生成；收齐后运行 "
                    + Commands.run(RunKind.EVALUATION, scheme.id(), run.period())));
        }
        if (run.cycle() != Cycle.MONTHLY && incentives.configured(scheme)) {
            child(children, RunKind.INCENTIVE).ifPresentOrElse(i -> {
                AwardTotals totals = incentives.totals(i);
                out.println("奖励清单 PDF：" + incentives.pdf(i, scheme).toAbsolutePath() + "（奖励运行 #" + i.id() + " 第"
                        + i.revision() + "版，" + totals.awardLines() + " 项，合计 " + Figures.amount(totals.awardTotal()) + " 元）");
            }, () -> out.println("奖励清单：本期尚未收到企业数据，本次未生成；收到后运行 "
                    + Commands.run(RunKind.INCENTIVE, scheme.id(), run.period())));
        }
    }

    private static Optional<Run> child(List<Run> children, RunKind kind) {
        return children.stream().filter(c -> c.kind() == kind && c.completed()).reduce((a, b) -> b);
    }
}
