package cn.bipin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.quartz.Scheduler;
import org.quartz.Trigger;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import cn.bipin.schedule.ScheduleSync;
import cn.bipin.scheme.SchemeProperties;

/** {@code serve}: the long-lived scheduler process. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"长期运行：按 jobs/schedule.yaml 定时运行各期计分，并定时重试未发出的邮件。",
                "可在多台机器上各运行一个（连同一个 MariaDB）：每个触发只执行一次；停机期间错过的触发在恢复后补运行一次。",
                "定时运行失败时记错误日志并发邮件给统计员（bipin.alerts.to）。Ctrl+C 或 SIGTERM 停止（等正在进行的运行完成）。"})
class ServeCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Spec
    CommandSpec spec;

    @Option(names = "--schedule", description = "定时配置文件（默认 <方案目录>/schedule.yaml）")
    Path schedule;

    private final ScheduleSync sync;
    private final Scheduler scheduler;
    private final SchemeProperties schemes;

    ServeCommand(ScheduleSync sync, Scheduler scheduler, SchemeProperties schemes) {
        this.sync = sync;
        this.scheduler = scheduler;
        this.schemes = schemes;
    }

    @Override
    public Integer call() throws Exception {
        Path file = schedule != null ? schedule : schemes.jobsDir().resolve("schedule.yaml");
        PrintWriter out = spec.commandLine().getOut();
        var triggers = sync.sync(file);
        java.time.ZoneId zone = cn.bipin.schedule.ScheduleFile.load(file).zone();
        scheduler.start();
        out.println("调度已启动（" + file + "，实例 " + scheduler.getSchedulerInstanceId() + "）：");
        for (Trigger t : triggers) {
            out.printf("  %-16s 下次 %s%n", t.getKey().getName(), t.getNextFireTime() == null ? "-"
                    : TIME.format(t.getNextFireTime().toInstant().atZone(zone)) + "（" + zone + "）");
        }
        out.flush();
        new CountDownLatch(1).await(); // until the JVM is stopped; Spring then shuts the scheduler down
        return ExitCodes.OK;
    }
}
