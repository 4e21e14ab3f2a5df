package cn.bipin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeRepository;
import cn.bipin.incentive.AwardTotals;
import cn.bipin.incentive.IncentiveList;
import cn.bipin.incentive.IncentiveService;
import cn.bipin.incentive.IncentiveTemplates;
import cn.bipin.incentive.Money;
import cn.bipin.run.Run;
import cn.bipin.run.RunKind;
import cn.bipin.run.RunLauncher;
import cn.bipin.run.RunRepository;
import cn.bipin.delivery.DeliveryService;

/** {@code incentives run|template}: the enterprise incentive list of a year or a quarter, and its data templates. */
@Command(name = "incentives", mixinStandardHelpOptions = true,
        description = {"企业奖励清单（附件1 二，十五项奖励）：读取企业数据，计算每项奖励，生成清单并发送。",
                "数据包括企业、楼宇、项目、招商推荐、农业经营主体；金额和门槛见方案文件 incentives 一节；清单含 PDF、Excel、CSV。"},
        subcommands = {IncentivesCommand.RunIncentives.class, IncentivesCommand.TemplateIncentives.class},
        footer = {"", "示例：",
                "  bipin incentives template --scheme jinfeng-2024 --period 2024",
                "  bipin incentives run      --scheme jinfeng-2024 --period 2024      （年度：全部年度规则）",
                "  bipin incentives run      --scheme jinfeng-2024 --period 2024-Q3   （季度：商贸发展 INC-12、投资增长季度奖 INC-8）"})
class IncentivesCommand implements Runnable {

    static final int OK = 0;
    static final int RUN_FAILED = 1;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "请指定子命令：run 或 template");
    }

    /** {@code incentives run}: the next revision of a period's incentive list. */
    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"计算一期企业奖励：读取 data/inbox/<方案>/incentives/<期间>/ 中的数据文件，逐行校验，按规则计算，",
                    "生成奖励清单并发给方案文件 incentives.recipients 中的收件人。同一期再次运行生成新版本，",
                    "一次性奖励不会因重新运行而被当作“已发放”。"})
    static class RunIncentives implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--scheme", required = true, description = "方案编号，如 jinfeng-2024")
        String scheme;

        @Option(names = "--period", required = true, description = "年 2024（年度奖励）或季度 2024-Q3（季度奖励）")
        String period;

        @Option(names = "--no-mail", description = "不发送邮件（只生成清单，预览）")
        boolean noMail;

        @Option(names = "--force", description = "清单与上一版相同时也发送邮件")
        boolean force;

        private final RunLauncher launcher;
        private final IncentiveService incentives;
        private final SchemeRepository schemes;
        private final RunRepository runs;
        private final DeliveryService delivery;
        private final RunReport report;

        RunIncentives(RunLauncher launcher, IncentiveService incentives, SchemeRepository schemes, RunRepository runs,
                DeliveryService delivery, RunReport report) {
            this.launcher = launcher;
            this.incentives = incentives;
            this.schemes = schemes;
            this.runs = runs;
            this.delivery = delivery;
            this.report = report;
        }

        @Override
        public Integer call() {
            Run run = launcher.launch(RunKind.INCENTIVE, scheme, Period.parse(period), !noMail, force);
            PrintWriter out = spec.commandLine().getOut();
            Duration took = run.finishedAt() == null ? Duration.ZERO : Duration.between(run.startedAt(), run.finishedAt());
            out.printf("企业奖励运行 #%d  %s  %s  第%d版  %s，用时 %.2f 秒%n", run.id(), run.scheme(),
                    run.period().label(), run.revision(), run.completed() ? "完成" : "失败",
                    took.toMillis() / 1000.0);
            out.printf("收到文件：本次新接收 %d 个（其中整份退回 %d 个）；数据行：采用 %d 行，退回 %d 行%n",
                    run.filesAccepted() + run.filesRejected(), run.filesRejected(), run.rowsAccepted(), run.rowsRejected());
            incentives.rejectedFiles(run).forEach(error -> out.println("  整份退回：" + error));
            if (!run.completed()) {
                out.println("原因：" + run.message());
                out.flush();
                return RUN_FAILED;
            }
            AwardTotals totals = incentives.totals(run);
            out.printf("奖励：%d 项，合计 %s 元%n", totals.awardLines(), Money.format(totals.awardTotal()));
            IncentiveList.Files4 files = incentives.files(run, schemes.load(run.scheme()));
            out.println("奖励清单 PDF：  " + files.pdf().toAbsolutePath());
            out.println("奖励清单 Excel：" + files.xlsx().toAbsolutePath());
            out.println("奖励明细 CSV：  " + files.csv().toAbsolutePath());
            out.println("退回明细 CSV：  " + files.rejections().toAbsolutePath());
            MailLines.print(runs.find(run.id()).orElseThrow(), delivery.forRun(run.id()), out);
            out.flush();
            return report.exitCode(run);
        }
    }

    /** {@code incentives template}: the data templates of a period. */
    @Command(name = "template", mixinStandardHelpOptions = true,
            description = "生成一期企业奖励数据的报送模板（.xlsx）：年度五类（企业、楼宇、项目、招商推荐、农业经营主体），季度两类（企业零售额、项目季度投资）。")
    static class TemplateIncentives implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--scheme", required = true, description = "方案编号，如 jinfeng-2024")
        String scheme;

        @Option(names = "--period", required = true, description = "年 2024 或季度 2024-Q3")
        String period;

        @Option(names = "--out", description = "输出目录（默认 data/templates/<方案>/incentives/<期间>）")
        Path out;

        private final SchemeRepository schemes;
        private final IncentiveTemplates templates;

        public TemplateIncentives(SchemeRepository schemes, IncentiveTemplates templates) {
            this.schemes = schemes;
            this.templates = templates;
        }

        @Override
        public Integer call() {
            Scheme s = schemes.load(scheme);
            Period p = Period.parse(period);
            if (p.cycle() == cn.bipin.scheme.Cycle.MONTHLY) {
                throw new IllegalArgumentException("企业奖励数据按年（2024）或季度（2024-Q3）报送，不按月：" + period);
            }
            Path dir = out != null ? out : Path.of("data", "templates", s.id(), "incentives", p.code());
            List<Path> written = templates.write(s, p, dir);
            PrintWriter pw = spec.commandLine().getOut();
            pw.println("已生成 " + written.size() + " 个数据模板：" + dir.toAbsolutePath());
            written.forEach(f -> pw.println("  " + f.getFileName()));
            pw.println("填好后放进 data/inbox/" + s.id() + "/incentives/" + p.code() + "/ 再运行 incentives run");
            pw.flush();
            return OK;
        }
    }
}
