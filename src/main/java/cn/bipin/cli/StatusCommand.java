package cn.bipin.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import cn.bipin.delivery.DeliveryRecord;
import cn.bipin.delivery.DeliveryService;
import cn.bipin.evaluation.EvaluationResults;
import cn.bipin.incentive.AwardTotals;
import cn.bipin.incentive.IncentiveStore;
import cn.bipin.inbox.InboxFiles;
import cn.bipin.mailbox.CollectedMail;
import cn.bipin.mailbox.CollectedMailRepository;
import cn.bipin.report.Figures;
import cn.bipin.run.Run;
import cn.bipin.run.RunKind;
import cn.bipin.run.RunRepository;
import cn.bipin.run.RunStatus;
import cn.bipin.run.Commands;

/** {@code status}: the latest runs of every kind as one table, numbered as one series. */
@Command(name = "status", mixinStandardHelpOptions = true, description = {"列出最近的运行，计分、背靠背评议和企业奖励清单统一编号。",
        "每行：编号、方案、类别、期间、版本、状态、发布情况（预览、已发送、暂缓、已被新版本取代、更正）、开始时间、用时、文件与数据行数；",
        "评议和奖励清单另注结果，季度、年度运行中生成的注明所属运行；最后列出已过时的发布，",
        "以及报送邮箱中待处理的文件（发件地址未列入而暂存的、无法接收已回信的：单位、发件人、文件、原因）。"})
class StatusCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");

    @Spec
    CommandSpec spec;

    @Option(names = "--limit", defaultValue = "20", description = "显示条数（默认 ${DEFAULT-VALUE}）")
    int limit;

    private final RunRepository runs;
    private final EvaluationResults evaluations;
    private final IncentiveStore incentives;
    private final DeliveryService delivery;
    private final CollectedMailRepository collected;

    /** Readers of a few tables only: {@link StatusApplication} starts just these, not the batch context. */
    StatusCommand(RunRepository runs, EvaluationResults evaluations, IncentiveStore incentives, DeliveryService delivery,
                  CollectedMailRepository collected) {
        this.runs = runs;
        this.evaluations = evaluations;
        this.incentives = incentives;
        this.delivery = delivery;
        this.collected = collected;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int[] widths = {6, 16, 8, 9, 6, 8, 22, 16, 10, 12, 14};
        out.println(row(widths, "编号", "方案", "类别", "期间", "版本", "状态", "发布", "开始", "用时(秒)", "文件 采用/退回",
                "数据行 采用/退回", "说明"));
        for (Run r : runs.recent(limit)) {
            List<DeliveryRecord> unsent = r.completed() ? delivery.unsent(r.id()) : List.of();
            out.println(row(widths, "#" + r.id(), r.scheme(), kind(r), r.period().code(), "第" + r.revision() + "版",
                    unsent.isEmpty() ? status(r.status()) : MailLines.PARTLY_UNSENT, publication(r), r.startedAt().format(TIME), seconds(r.startedAt(), r.finishedAt()),
                    r.filesAccepted() + "/" + r.filesRejected(), r.rowsAccepted() + "/" + r.rowsRejected(), note(r)));
            if (r.status() == RunStatus.FAILED && r.message() != null) {
                out.println("       └ " + r.message());
            }
            unsent.forEach(d -> out.println("       └ " + d.recipientName() + " <" + d.recipientEmail() + ">：" + d.describe()));
        }
        printStale(out);
        printWaitingMail(out);
        out.flush();
        return ExitCodes.OK;
    }

    /** Superseded by a newer revision, or what became of the result: preview, held, mailed, unchanged; 更正. */
    private String publication(Run r) {
        var newer = runs.newerRevision(r);
        if (newer.isPresent() && (r.status() == RunStatus.FAILED || newer.get().completed())) {
            return "已被第" + newer.get().revision() + "版取代";
        }
        if (r.publication() == null) {
            return r.completed() ? "-" : "";
        }
        return r.publication().label() + (r.correction() ? " · 更正" : "");
    }

    /** Quarters and years published from a revision of a period that a newer revision has replaced (D22). */
    private void printStale(PrintWriter out) {
        boolean header = false;
        for (String scheme : runs.schemes()) {
            for (RunRepository.Stale s : runs.stale(scheme)) {
                if (!header) {
                    out.println();
                    out.println("已过时的发布（所用期间已有更新的版本，请重新运行，新版本为更正版）：");
                    header = true;
                }
                Run p = s.publication();
                out.println("  #" + p.id() + " " + p.scheme() + " " + p.period().code() + " 第" + p.revision() + "版：用的是 "
                        + s.used().period().code() + " 第" + s.used().revision() + "版（#" + s.used().id() + "），现已有第"
                        + s.newer().revision() + "版（#" + s.newer().id() + "）→ " + Commands.run(p.scheme(), p.period()));
            }
        }
    }

    /**
     * Files from the office mailbox the statistician must look at (issue 18): quarantined (sender not listed for the
     * unit) and attachments that could not be placed (the sender was answered), newest first. Names and reasons are
     * printed escaped: they come from strangers' mail.
     */
    private void printWaitingMail(PrintWriter out) {
        int count = collected.waitingCount();
        if (count == 0) {
            return;
        }
        out.println();
        out.println("报送邮箱中待统计员处理的文件（共 " + count + " 项" + (count > limit ? "，列出最近 " + limit + " 项" : "")
                + "；暂存的核实后移入收件箱，或在方案文件中为该单位添加发件地址）：");
        for (CollectedMail m : collected.waiting(limit)) {
            String what = CollectedMail.QUARANTINED.equals(m.outcome()) ? "暂存待核实" : "未能接收，已回信";
            String where = m.scheme() == null ? "" : " " + m.scheme() + " " + m.period();
            out.println("  " + m.receivedAt().format(TIME) + " " + what + where + " 单位 "
                    + (m.unitCode() == null ? "未知" : InboxFiles.printable(m.unitCode())) + " 发件人 "
                    + (m.sender() == null ? "未知" : InboxFiles.printable(m.sender())) + " 文件 "
                    + (m.attachment() == null ? "（无附件）" : InboxFiles.printable(m.attachment()))
                    + (m.storedFile() == null ? "" : " → " + InboxFiles.printable(m.storedFile())));
            out.println("       └ " + InboxFiles.printable(m.reason()));
        }
    }

    /** 月度 / 季度 / 年度 for a scoring run; 评议 or 奖励清单 otherwise. */
    private static String kind(Run r) {
        return switch (r.kind()) {
            case SCORE -> r.cycle().label();
            case EVALUATION -> "评议";
            case INCENTIVE -> "奖励清单";
            case LIAISON -> "包联走访";
            case WARNING -> "指标预警";
        };
    }

    /** What an evaluation or incentive run produced, and the run it was made in. */
    private String note(Run r) {
        StringBuilder note = new StringBuilder();
        if (r.completed() && r.kind() == RunKind.EVALUATION) {
            note.append("有效评议票 ").append(evaluations.counts(r.id()).ballots()).append(" 张");
        } else if (r.completed() && r.kind() == RunKind.INCENTIVE) {
            AwardTotals totals = incentives.totals(r.id());
            note.append(totals.awardLines()).append(" 项 ").append(Figures.amount(totals.awardTotal())).append(" 元");
        }
        if (r.parentRunId() != null) {
            note.append(note.isEmpty() ? "" : "，").append("属于运行 #").append(r.parentRunId());
        }
        return note.toString();
    }

    private static String status(RunStatus status) {
        return switch (status) {
            case COMPLETED -> "完成";
            case FAILED -> "失败";
            case STARTED -> "运行中";
        };
    }

    private static String seconds(LocalDateTime started, LocalDateTime finished) {
        return finished == null ? "-" : String.format("%.1f", Duration.between(started, finished).toMillis() / 1000.0);
    }

    /** Pads by display width: a Chinese character takes two terminal columns. */
    static String row(int[] widths, String... cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            line.append(cells[i]);
            int width = cells[i].codePoints().map(c -> c >= 0x2E80 ? 2 : 1).sum();
            int target = i < widths.length ? widths[i] : 0;
            line.append(" ".repeat(Math.max(1, target - width + 1)));
        }
        return line.toString().stripTrailing();
    }
}
