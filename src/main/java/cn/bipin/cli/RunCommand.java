package cn.bipin.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import cn.bipin.run.Run;
import cn.bipin.run.RunKind;
import cn.bipin.run.RunLauncher;
import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Period;

/** {@code run monthly --scheme S --period P}: one run of a cycle for a period, as the next revision. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"运行一期计分：读取收件箱中的报送，校验、计分、排名，生成榜单、反馈表并发送邮件。",
                "同一期再次运行会生成新的版本（第2版、第3版…），旧版本保留；结果有变化的新版本是更正版（标题含“更正”，",
                "首页列出变更，邮件主题以【更正】开头），结果无变化则不发邮件（除非 --force）。",
                "季度运行要求本季度已计分的各月都已运行；年度运行要求全年各月、各季度都已运行。"},
        footer = {"", "示例：",
                "  bipin run monthly   --scheme jinfeng-2024 --period 2024-07",
                "  bipin run quarterly --scheme jinfeng-2024 --period 2024-Q3",
                "  bipin run annual    --scheme jinfeng-2024 --period 2024"})
class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CYCLE", description = "周期：monthly（月度）、quarterly（季度）或 annual（年度）")
    String cycle;

    @Option(names = "--scheme", required = true, description = "方案编号，即 jobs/ 下的文件名，如 jinfeng-2024")
    String scheme;

    @Option(names = "--period", required = true, description = "期间：月 2024-06，季度 2024-Q2，年 2024")
    String period;

    @Option(names = "--no-mail", description = "不发送邮件（只生成榜单）")
    boolean noMail;

    @Option(names = "--force", description = "结果与上一版相同时也发送邮件")
    boolean force;

    private final RunLauncher launcher;
    private final RunReport report;

    RunCommand(RunLauncher launcher, RunReport report) {
        this.launcher = launcher;
        this.report = report;
    }

    @Override
    public Integer call() {
        Period p = Period.parse(period);
        Cycle c = switch (cycle.toLowerCase()) {
            case "monthly", "month", "月度" -> Cycle.MONTHLY;
            case "quarterly", "quarter", "季度" -> Cycle.QUARTERLY;
            case "half_year", "half", "半年" -> Cycle.HALF_YEAR;
            case "annual", "year", "年度" -> Cycle.ANNUAL;
            default -> throw new IllegalArgumentException("周期 '" + cycle + "' 不对，可用：monthly、quarterly、annual、half_year");
        };
        if (p.cycle() != c) {
            throw new IllegalArgumentException("期间 " + period + " 不是" + c.label() + "期间（月 2024-06，季度 2024-Q2，年 2024）");
        }
        Run run = launcher.launch(RunKind.SCORE, scheme, p, !noMail, force);
        PrintWriter out = spec.commandLine().getOut();
        report.print(run, out);
        return report.exitCode(run);
    }
}
