package cn.bipin.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import cn.bipin.run.Run;
import cn.bipin.run.RunLauncher;

/** {@code restart <run id>}: finishes a failed run where it stopped. */
@Command(name = "restart", mixinStandardHelpOptions = true,
        description = {"重启一次失败的运行（编号见 status），从中断处继续同一版本。",
                "已完成的步骤不重做，已读入的数据行不会重复，结果与未中断时相同；已有更新版本的旧运行不再重启。"},
        footer = {"", "示例：bipin restart 12"})
class RestartCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_ID", description = "运行编号")
    long runId;

    private final RunLauncher launcher;
    private final RunReport report;

    RestartCommand(RunLauncher launcher, RunReport report) {
        this.launcher = launcher;
        this.report = report;
    }

    @Override
    public Integer call() {
        Run run = launcher.restart(runId);
        report.print(run, spec.commandLine().getOut());
        return report.exitCode(run);
    }
}
