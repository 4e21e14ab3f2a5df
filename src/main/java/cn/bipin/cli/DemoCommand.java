package cn.bipin.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import cn.bipin.demo.DemoEvaluation;
import cn.bipin.demo.DemoInbox;
import cn.bipin.demo.DemoAppeals;
import cn.bipin.demo.DemoIncentives;
import cn.bipin.demo.DemoSeed;
import cn.bipin.run.Run;
import cn.bipin.run.RunLauncher;
import cn.bipin.run.RunStatus;
import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeRepository;
import cn.bipin.inbox.InboxProperties;
import cn.bipin.run.Commands;

/** {@code demo}: the first thing a new user runs — demo submissions into an empty inbox, then one monthly run. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"演示：收件箱为空时写入演示报送（各单位填好的模板，含几处常见错误），然后运行一期月度计分。"})
class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--scheme", defaultValue = "jinfeng-2024", description = "方案（默认 ${DEFAULT-VALUE}）")
    String scheme;

    @Option(names = "--period", defaultValue = "2024-06", description = "运行的月份（默认 ${DEFAULT-VALUE}）")
    String period;

    @Option(names = "--full-year", description = {"写入全年演示报送（6–12月、第二至第四季度）、企业奖励数据（全年及各季度）和背靠背评议票、优秀案例，",
            "在一个进程里依次运行全部月度、季度和年度计分（年度运行含评议结果和奖励清单）"})
    boolean fullYear;

    private final SchemeRepository schemes;
    private final DemoInbox demo;
    private final DemoIncentives incentives;
    private final DemoEvaluation evaluation;
    private final cn.bipin.demo.DemoFlags flags;
    private final DemoAppeals appeals;
    private final cn.bipin.demo.DemoProjects projects;
    private final InboxProperties inbox;
    private final RunLauncher launcher;
    private final RunReport report;
    private final cn.bipin.run.RunRepository runRepository;
    private final cn.bipin.warning.WarningDemo warnings;

    DemoCommand(SchemeRepository schemes, DemoInbox demo, DemoIncentives incentives, DemoEvaluation evaluation,
            DemoAppeals appeals, InboxProperties inbox, RunLauncher launcher, RunReport report, cn.bipin.demo.DemoFlags flags,
            cn.bipin.run.RunRepository runs, cn.bipin.demo.DemoProjects projects, cn.bipin.warning.WarningDemo warnings) {
        this.runRepository = runs;
        this.warnings = warnings;
        this.flags = flags;
        this.schemes = schemes;
        this.demo = demo;
        this.incentives = incentives;
        this.evaluation = evaluation;
        this.appeals = appeals;
        this.projects = projects;
        this.inbox = inbox;
        this.launcher = launcher;
        this.report = report;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Scheme s = schemes.load(scheme);
        if (fullYear) {
            return fullYear(s, out);
        }
        List<Period> seeded = demo.seedIfEmpty(s);
        if (seeded.isEmpty()) {
            out.println("收件箱 " + inbox.dir().resolve(s.id()).toAbsolutePath() + " 已有文件，未写入演示数据。");
        } else {
            seeded.forEach(p -> out.println("已写入演示报送：" + inbox.periodDir(s.id(), p.code()).toAbsolutePath()));
        }
        out.flush();
        Run run = launcher.launch(s.id(), Period.parse(period), true);
        report.print(run, out);
        out.println();
        out.println("下一步：运行下一个月 —— " + Commands.run(s.id(), Period.parse(period).next())
                + "；查看所有运行 —— make status");
        out.flush();
        return report.exitCode(run);
    }

    private int fullYear(Scheme s, PrintWriter out) {
        List<Period> seeded = demo.seedYear(s);
        out.println("已写入演示报送 " + seeded.size() + " 期（已有文件的期间不动）：" + inbox.dir().resolve(s.id()).toAbsolutePath());
        List<DemoSeed> more = new java.util.ArrayList<>(incentives.seedYear(s));
        more.addAll(evaluation.seedYear(s));
        more.addAll(flags.seedYear(s));
        more.addAll(appeals.seedYear(s));
        more.addAll(projects.seedYear(s));
        more.addAll(warnings.seedYear(s)); // city figures and weekly ledgers of a scheme with working groups
        more.forEach(seed -> out.println(seed.line()));
        out.flush();
        List<Period> periods = new java.util.ArrayList<>();
        for (Cycle cycle : Cycle.values()) {
            periods.addAll(s.yearPeriods(cycle));
        }
        // a unit corrects a month after a later month's bulletin went out: that month is run again as a 更正
        DemoInbox.Correction correction = DemoInbox.correction(s);
        List<Period> runs = new java.util.ArrayList<>();
        for (Period p : periods) {
            runs.add(p);
            if (p.equals(correction.after()) && correction.appliesTo(s)) {
                runs.add(correction.period());
            }
        }
        long started = System.nanoTime();
        Run last = null;
        Set<Period> done = new java.util.HashSet<>();
        int exit = ExitCodes.OK;
        for (Period p : runs) {
            boolean corrected = !done.add(p) && p.equals(correction.period());
            if (corrected) {
                out.println("已收到更正报送：" + demo.writeCorrection(s, correction).toAbsolutePath());
            }
            List<Period> now = new java.util.ArrayList<>(List.of(p));
            for (int i = 0; i < now.size(); i++) {
                Period q = now.get(i);
                last = launcher.launch(s.id(), q, true);
                out.printf("运行 #%d %-8s 第%d版 %s%n", last.id(), q.code(), last.revision(),
                        last.status() == RunStatus.COMPLETED ? "完成" : "失败：" + last.message());
                out.flush();
                if (last.status() != RunStatus.COMPLETED) {
                    return ExitCodes.RUN_FAILED;
                }
                exit = Math.max(exit, report.exitCode(last));
                if (corrected) {
                    // a month built on the corrected one (预扣分 and letters carried from it, D17–D18) is run again
                    // after it, and the month after that in turn; a quarter or year not yet run is not stale
                    runRepository.stale(s.id()).stream().map(st -> st.publication().period()).filter(x -> !now.contains(x))
                            .distinct().forEach(now::add);
                }
            }
        }
        out.printf("全年 %d 次运行用时 %.1f 秒%n%n", runs.size(), (System.nanoTime() - started) / 1e9);
        report.print(last, out);
        return exit;
    }
}
