package cn.bipin.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import cn.bipin.run.Run;
import cn.bipin.run.RunRepository;
import cn.bipin.run.RunStatus;

/** {@code status}: the latest runs as a table. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "列出最近的运行：编号、方案、周期、期间、版本、状态、开始时间、用时、文件与数据行数。")
class StatusCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");

    @Spec
    CommandSpec spec;

    @Option(names = "--limit", defaultValue = "20", description = "显示条数（默认 ${DEFAULT-VALUE}）")
    int limit;

    private final RunRepository runs;

    StatusCommand(RunRepository runs) {
        this.runs = runs;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int[] widths = {6, 16, 6, 9, 6, 8, 16, 10, 12, 14};
        out.println(row(widths, "编号", "方案", "周期", "期间", "版本", "状态", "开始", "用时(秒)", "文件 采用/退回", "数据行 采用/退回"));
        for (Run r : runs.recent(limit)) {
            String took = r.finishedAt() == null ? "-"
                    : String.format("%.1f", Duration.between(r.startedAt(), r.finishedAt()).toMillis() / 1000.0);
            String status = switch (r.status()) {
                case COMPLETED -> "完成";
                case FAILED -> "失败";
                case STARTED -> "运行中";
            };
            out.println(row(widths, "#" + r.id(), r.scheme(), r.cycle().label(), r.period().code(), "第" + r.revision() + "版",
                    status, r.startedAt().format(TIME), took, r.filesAccepted() + "/" + r.filesRejected(),
                    r.rowsAccepted() + "/" + r.rowsRejected()));
            if (r.status() == RunStatus.FAILED && r.message() != null) {
                out.println("       └ " + r.message());
            }
        }
        out.flush();
        return ExitCodes.OK;
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
