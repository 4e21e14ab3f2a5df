package cn.bipin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import cn.bipin.delivery.DeliveryService;
import cn.bipin.liaison.LiaisonDemo;
import cn.bipin.liaison.LiaisonService;
import cn.bipin.liaison.LiaisonTemplates;
import cn.bipin.run.Run;
import cn.bipin.run.RunKind;
import cn.bipin.run.RunLauncher;
import cn.bipin.run.RunRepository;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeRepository;

/** {@code liaison run|template|demo}: the monthly cadre–enterprise liaison bulletin, its templates and demo ledger. */
@Command(name = "liaison", mixinStandardHelpOptions = true,
        description = {"千名干部联千企（项目）包联走访：读取包联对象、走访记录、问题台账，按月生成包联走访通报（各单位走访覆盖率、",
                "问题办结和逾期情况、未走访对象、逾期问题），发给领导，并把各单位自己的清单发给各单位。"},
        subcommands = {LiaisonCommand.RunLiaison.class, LiaisonCommand.TemplateLiaison.class, LiaisonCommand.DemoLiaison.class},
        footer = {"", "示例：",
                "  bipin liaison template --scheme jinfeng-2024",
                "  bipin liaison run      --scheme jinfeng-2024 --period 2024-07",
                "  bipin liaison demo     --scheme jinfeng-2024            （写入演示台账并运行各月）"})
class LiaisonCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "请指定子命令：run、template 或 demo");
    }

    /** Prints a finished liaison run: counts, figures per unit, files and mail. */
    static void print(Run run, LiaisonService liaison, Scheme scheme, RunRepository runs, DeliveryService delivery,
                      PrintWriter out) {
        Duration took = run.finishedAt() == null ? Duration.ZERO : Duration.between(run.startedAt(), run.finishedAt());
        out.printf("包联走访运行 #%d  %s  %s  第%d版  %s，用时 %.2f 秒%n", run.id(), run.scheme(), run.period().label(),
                run.revision(), run.completed() ? "完成" : "失败", took.toMillis() / 1000.0);
        out.printf("收到文件：本次新接收 %d 个（其中整份退回 %d 个）；记录：采用 %d 行，退回 %d 行%n",
                run.filesAccepted() + run.filesRejected(), run.filesRejected(), run.rowsAccepted(), run.rowsRejected());
        List<String> rejected = liaison.rejections(run);
        rejected.stream().limit(10).forEach(r -> out.println("  退回：" + r));
        if (rejected.size() > 10) {
            out.println("  ……另有 " + (rejected.size() - 10) + " 条，见退回明细 CSV");
        }
        if (!run.completed()) {
            out.println("原因：" + run.message());
            return;
        }
        Map<String, ?> figures = liaison.figures(run);
        out.println("单位：" + figures.size() + " 个有包联对象");
        List<Path> files = liaison.files(run, scheme);
        out.println("通报 PDF：  " + files.get(0).toAbsolutePath());
        out.println("通报 Excel：" + files.get(1).toAbsolutePath());
        out.println("数字 CSV：  " + files.get(2).toAbsolutePath());
        out.println("退回明细：  " + files.get(3).toAbsolutePath());
        out.println("各单位清单：" + files.get(0).getParent().resolve("单位").toAbsolutePath());
        MailLines.print(runs.find(run.id()).orElseThrow(), delivery.forRun(run.id()), out);
    }

    /** A scheme runs the liaison ledger when its file has a {@code liaison:} section (defaults are fine). */
    static boolean hasLedger(Scheme s) {
        return s.section("liaison").isPresent();
    }

    static String noLedger(Scheme s) {
        return "方案 " + s.id() + " 的方案文件 " + s.source() + " 没有 liaison:（包联走访台账）部分";
    }

    /** {@code liaison run}: the next revision of a month's liaison bulletin. */
    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"生成一个月的包联走访通报：读取 data/inbox/<方案>/liaison/ 中新收到的台账文件（逐行校验，同一编号以最后收到的为准），",
                    "计算各单位该月的走访覆盖率和问题办结情况，生成通报和各单位清单并发送。同一月再次运行生成新版本。"})
    static class RunLiaison implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--scheme", required = true, description = "方案编号，如 jinfeng-2024")
        String scheme;

        @Option(names = "--period", required = true, description = "月份，如 2024-07")
        String period;

        @Option(names = "--no-mail", description = "不发送邮件（只生成通报，预览）")
        boolean noMail;

        @Option(names = "--force", description = "数字与上一版相同时也发送邮件")
        boolean force;

        private final RunLauncher launcher;
        private final LiaisonService liaison;
        private final SchemeRepository schemes;
        private final RunRepository runs;
        private final DeliveryService delivery;
        private final RunReport report;

        RunLiaison(RunLauncher launcher, LiaisonService liaison, SchemeRepository schemes, RunRepository runs,
                   DeliveryService delivery, RunReport report) {
            this.launcher = launcher;
            this.liaison = liaison;
            this.schemes = schemes;
            this.runs = runs;
            this.delivery = delivery;
            this.report = report;
        }

        @Override
        public Integer call() {
            Scheme checked = schemes.load(scheme);
            if (!hasLedger(checked)) {
                PrintWriter err = spec.commandLine().getErr();
                err.println(noLedger(checked) + "，本次未运行。要运行，在方案文件中加上 liaison: 部分（见 README“包联走访台账”）。");
                err.flush();
                return ExitCodes.BAD_INPUT;
            }
            Run run = launcher.launch(RunKind.LIAISON, scheme, Period.parse(period), !noMail, force);
            PrintWriter out = spec.commandLine().getOut();
            print(run, liaison, schemes.load(run.scheme()), runs, delivery, out);
            out.flush();
            return report.exitCode(run);
        }
    }

    /** {@code liaison template}: the three templates. */
    @Command(name = "template", mixinStandardHelpOptions = true,
            description = "生成包联台账的三个报送模板（.xlsx）：包联对象、走访记录、问题台账。")
    static class TemplateLiaison implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--scheme", required = true, description = "方案编号，如 jinfeng-2024")
        String scheme;

        @Option(names = "--out", description = "输出目录（默认 data/templates/<方案>/liaison）")
        Path out;

        private final SchemeRepository schemes;
        private final LiaisonTemplates templates;

        TemplateLiaison(SchemeRepository schemes, LiaisonTemplates templates) {
            this.schemes = schemes;
            this.templates = templates;
        }

        @Override
        public Integer call() {
            Scheme s = schemes.load(scheme);
            Path dir = out != null ? out : Path.of("data", "templates", s.id(), "liaison");
            List<Path> written = templates.write(s, dir);
            PrintWriter pw = spec.commandLine().getOut();
            pw.println("已生成 " + written.size() + " 个包联台账模板：" + dir.toAbsolutePath());
            written.forEach(f -> pw.println("  " + f.getFileName()));
            pw.println("填好后放进 data/inbox/" + s.id() + "/liaison/（文件名含“包联”“走访”或“问题”）再运行 liaison run");
            pw.flush();
            return 0;
        }
    }

    /** {@code liaison demo}: the demo ledger into an empty liaison inbox, then every month's run. */
    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = {"写入演示包联台账（固定种子：约150个包联对象，各月走访记录和问题台账，含逾期办结的问题和两行错误记录），",
                    "然后从方案起始月到12月逐月运行包联走访通报。收件箱已有台账文件时不写入，只运行。"})
    static class DemoLiaison implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--scheme", defaultValue = "jinfeng-2024", description = "方案（默认 ${DEFAULT-VALUE}）")
        String scheme;

        @Option(names = "--no-mail", description = "不发送邮件")
        boolean noMail;

        private final LiaisonDemo demo;
        private final RunLauncher launcher;
        private final LiaisonService liaison;
        private final SchemeRepository schemes;
        private final RunRepository runs;
        private final DeliveryService delivery;
        private final RunReport report;

        DemoLiaison(LiaisonDemo demo, RunLauncher launcher, LiaisonService liaison, SchemeRepository schemes,
                    RunRepository runs, DeliveryService delivery, RunReport report) {
            this.demo = demo;
            this.launcher = launcher;
            this.liaison = liaison;
            this.schemes = schemes;
            this.runs = runs;
            this.delivery = delivery;
            this.report = report;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Scheme s = schemes.load(scheme);
            if (!hasLedger(s)) {
                out.println(noLedger(s) + "，跳过包联台账演示。");
                out.flush();
                return ExitCodes.OK;
            }
            Path dir = liaison.inboxDir(s.id());
            if (demo.hasFiles(dir)) {
                out.println("收件箱 " + dir.toAbsolutePath() + " 已有台账文件，未写入演示数据。");
            } else {
                List<Path> files = demo.write(s, dir);
                out.println("已写入演示包联台账 " + files.size() + " 个文件：" + dir.toAbsolutePath());
            }
            out.flush();
            int exit = 0;
            Run last = null;
            long started = System.nanoTime();
            for (YearMonth m = s.campaignStart(); !m.isAfter(YearMonth.of(s.year(), 12)); m = m.plusMonths(1)) {
                long t = System.nanoTime();
                last = launcher.launch(RunKind.LIAISON, s.id(), Period.month(m.getYear(), m.getMonthValue()), !noMail, false);
                out.printf("包联走访运行 #%d %s 第%d版 %s（%.1f 秒）%n", last.id(), m, last.revision(),
                        last.completed() ? "完成" : "失败：" + last.message(), (System.nanoTime() - t) / 1e9);
                out.flush();
                if (!last.completed()) {
                    return 1;
                }
                exit = Math.max(exit, report.exitCode(last));
            }
            out.printf("各月包联走访运行用时 %.1f 秒%n%n", (System.nanoTime() - started) / 1e9);
            print(last, liaison, s, runs, delivery, out);
            out.flush();
            return exit;
        }
    }
}
