package cn.bipin.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import cn.bipin.evaluation.EvaluationCounts;
import cn.bipin.evaluation.EvaluationService;
import cn.bipin.run.Run;
import cn.bipin.run.RunKind;
import cn.bipin.run.RunLauncher;
import cn.bipin.run.RunRepository;
import cn.bipin.delivery.DeliveryService;
import cn.bipin.scheme.Period;

/** {@code evaluation run}: one run of the evaluation for a year, as its next revision. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"运行背靠背评议：读取新收到的评议票、优秀案例和投票，计分、排名，生成评议结果并发送。",
                "评议结果含 PDF、Excel、CSV 和各单位反馈表，发给方案的收件人；同一年再运行生成新版本。"})
class EvaluationRunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--scheme", required = true, description = "方案编号，如 jinfeng-2024")
    String scheme;

    @Option(names = "--period", required = true, description = "年度，如 2024")
    String period;

    @Option(names = "--no-mail", description = "不发送邮件（只生成结果，预览）")
    boolean noMail;

    @Option(names = "--force", description = "结果与上一版相同时也发送邮件")
    boolean force;

    private final RunLauncher launcher;
    private final EvaluationService evaluations;
    private final RunRepository runs;
    private final DeliveryService delivery;
    private final RunReport report;

    EvaluationRunCommand(RunLauncher launcher, EvaluationService evaluations, RunRepository runs, DeliveryService delivery,
            RunReport report) {
        this.launcher = launcher;
        this.evaluations = evaluations;
        this.runs = runs;
        this.delivery = delivery;
        this.report = report;
    }

    @Override
    public Integer call() {
        Run run = launcher.launch(RunKind.EVALUATION, scheme, Period.parse(period), !noMail, force);
        EvaluationCounts counts = evaluations.counts(run);
        PrintWriter pw = spec.commandLine().getOut();
        String took = run.finishedAt() == null ? "" : "，用时 "
                + Duration.between(run.startedAt(), run.finishedAt()).toMillis() / 1000.0 + " 秒";
        pw.println("评议运行 #" + run.id() + "  " + run.scheme() + "  " + run.period().code() + "年  第" + run.revision() + "版  "
                + (run.completed() ? "完成" : "失败：" + run.message()) + took);
        pw.println("新收评议票文件 " + (run.filesAccepted() + run.filesRejected()) + " 个（整份退回 " + run.filesRejected()
                + " 个）；评议票采用 " + run.rowsAccepted() + " 张，退回 " + run.rowsRejected() + " 张；计分 "
                + counts.ballots() + " 张有效票（替换 " + counts.replaced() + " 张）");
        if (run.completed()) {
            pw.println("结果目录：" + java.nio.file.Path.of(run.outputDir()).toAbsolutePath());
            MailLines.print(runs.find(run.id()).orElseThrow(), delivery.forRun(run.id()), pw);
        }
        pw.flush();
        return report.exitCode(run);
    }
}
