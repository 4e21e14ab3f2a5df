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
        out.printf("%-5s %-14s %-6s %-8s %-4s %-6s %-15s %-8s %s%n", "编号", "方案", "周期", "期间", "版本", "状态", "开始",
                "用时(秒)", "文件 采用/退回  数据行 采用/退回");
        for (Run r : runs.recent(limit)) {
            String took = r.finishedAt() == null ? "-" : String.format("%.1f", Duration.between(r.startedAt(), r.finishedAt()).toMillis() / 1000.0);
            out.printf("%-7d %-16s %-8s %-10s %-6d %-9s %-15s %-10s %d/%d  %d/%d%n", r.id(), r.scheme(), r.cycle().key(),
                    r.period().code(), r.revision(), r.status(), r.startedAt().format(TIME), took, r.filesAccepted(),
                    r.filesRejected(), r.rowsAccepted(), r.rowsRejected());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
