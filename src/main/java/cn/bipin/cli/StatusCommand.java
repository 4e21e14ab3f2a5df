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

import cn.bipin.report.Figures;
import cn.bipin.evaluation.EvaluationRun;
import cn.bipin.evaluation.EvaluationService;
import cn.bipin.incentive.IncentiveRun;
import cn.bipin.incentive.IncentiveTasks;
import cn.bipin.run.Run;
import cn.bipin.run.RunRepository;

/** {@code status}: the latest runs as a table. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "列出最近的运行：编号、方案、周期、期间、版本、状态、开始时间、用时、文件与数据行数；"
        + "有背靠背评议和企业奖励清单的运行时，另列两表。")
class StatusCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");

    @Spec
    CommandSpec spec;

    @Option(names = "--limit", defaultValue = "20", description = "显示条数（默认 ${DEFAULT-VALUE}）")
    int limit;

    private final RunRepository runs;
    private final EvaluationService evaluations;
    private final IncentiveTasks incentives;

    StatusCommand(RunRepository runs, EvaluationService evaluations, IncentiveTasks incentives) {
        this.runs = runs;
        this.evaluations = evaluations;
        this.incentives = incentives;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int[] widths = {6, 16, 6, 9, 6, 8, 16, 10, 12, 14};
        out.println(row(widths, "编号", "方案", "周期", "期间", "版本", "状态", "开始", "用时(秒)", "文件 采用/退回", "数据行 采用/退回"));
        for (Run r : runs.recent(limit)) {
            out.println(row(widths, "#" + r.id(), r.scheme(), r.cycle().label(), r.period().code(), "第" + r.revision() + "版",
                    status(r.status().name()), r.startedAt().format(TIME), seconds(r.startedAt(), r.finishedAt()),
                    r.filesAccepted() + "/" + r.filesRejected(), r.rowsAccepted() + "/" + r.rowsRejected()));
            failure(out, r.status().name(), r.message());
        }
        printEvaluations(out);
        printIncentives(out);
        out.flush();
        return ExitCodes.OK;
    }

    /** The evaluation runs, when there are any: numbered apart from the runs above. */
    private void printEvaluations(PrintWriter out) {
        List<EvaluationRun> recent = evaluations.recent(limit);
        if (recent.isEmpty()) {
            return;
        }
        int[] widths = {6, 16, 9, 6, 8, 16, 10, 12, 14};
        out.println();
        out.println("背靠背评议");
        out.println(row(widths, "编号", "方案", "年度", "版本", "状态", "开始", "用时(秒)", "文件 采用/退回", "评议票 采用/退回"));
        for (EvaluationRun e : recent) {
            out.println(row(widths, "#" + e.id(), e.scheme(), e.period(), "第" + e.revision() + "版", status(e.status()),
                    e.startedAt().format(TIME), seconds(e.startedAt(), e.finishedAt()),
                    e.filesAccepted() + "/" + e.filesRejected(), e.rowsAccepted() + "/" + e.rowsRejected()));
            failure(out, e.status(), e.message());
        }
    }

    /** The incentive runs, when there are any: numbered apart from the runs above. */
    private void printIncentives(PrintWriter out) {
        List<IncentiveRun> recent = incentives.recent(limit);
        if (recent.isEmpty()) {
            return;
        }
        int[] widths = {6, 16, 9, 6, 8, 16, 10, 12, 14, 6, 14};
        out.println();
        out.println("企业奖励清单");
        out.println(row(widths, "编号", "方案", "期间", "版本", "状态", "开始", "用时(秒)", "文件 采用/退回", "数据行 采用/退回",
                "奖励项", "金额(元)"));
        for (IncentiveRun i : recent) {
            out.println(row(widths, "#" + i.id(), i.scheme(), i.period(), "第" + i.revision() + "版", status(i.status()),
                    i.startedAt().format(TIME), seconds(i.startedAt(), i.finishedAt()),
                    i.filesAccepted() + "/" + i.filesRejected(), i.rowsAccepted() + "/" + i.rowsRejected(),
                    Integer.toString(i.awardLines()), Figures.amount(i.awardTotal())));
            failure(out, i.status(), i.message());
        }
    }

    /** A run's status in words; the unit, incentive and evaluation runs share the names COMPLETED, FAILED, STARTED. */
    private static String status(String status) {
        return switch (status) {
            case "COMPLETED" -> "完成";
            case "FAILED" -> "失败";
            case "STARTED" -> "运行中";
            default -> status;
        };
    }

    private static String seconds(LocalDateTime started, LocalDateTime finished) {
        return finished == null ? "-" : String.format("%.1f", Duration.between(started, finished).toMillis() / 1000.0);
    }

    private static void failure(PrintWriter out, String status, String message) {
        if ("FAILED".equals(status) && message != null) {
            out.println("       └ " + message);
        }
    }

    /** Pads by display width: a Chinese character takes two terminal columns. */
    static String row(int[] widths, String... cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            line.append(cells[i]);
            int width = cells[i].codePoints().map(c -> c >= 0x2E80 ? 2 : 1).sum();
            line.append(" ".repeat(Math.max(1, widths[i] - width + 1)));
        }
        return line.toString().stripTrailing();
    }
}
