package cn.bipin.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import cn.bipin.delivery.DeliveryRecord;
import cn.bipin.delivery.DeliveryRecord.Status;
import cn.bipin.delivery.DeliveryService;
import cn.bipin.run.Run;
import cn.bipin.run.RunLauncher;
import cn.bipin.run.RunRepository;
import cn.bipin.run.Commands;

/** {@code deliver}: sends mail left pending by an outage, or releases a preview or a held bulletin as its revision. */
@Command(name = "deliver", mixinStandardHelpOptions = true,
        description = {"重发未发出的邮件（邮件服务器故障时留下的“待发”邮件）；同一收件人同一版本只会收到一次。",
                "--release 发出一次运行的结果（同一版本）：预览运行（--no-mail）或被暂缓的榜单（未报送单位过多时先告知统计员），",
                "连同该运行中生成的评议结果和奖励清单；已有更新版本时不再发出旧版本。",
                "发送时进程中断的邮件（可能已发送）不会自动重发：核实后用 --resend 重发。",
                "退出码：0 全部发出；3 仍有邮件未发出或待核实。"},
        footer = {"", "示例：bipin deliver            bipin deliver --release 12            bipin deliver --resend 57"})
class DeliverCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--release", paramLabel = "RUN_ID", description = "发出该运行的结果（预览或暂缓的榜单），作为同一版本")
    Long release;

    @Option(names = "--force", description = "与 --release 同用：结果与上一版相同时也发出")
    boolean force;

    @Option(names = "--resend", arity = "0..*", paramLabel = "DELIVERY_ID",
            description = "重发发送时进程中断的邮件（“可能已发送，请核实”）：确认对方未收到后使用；不给编号则全部重发")
    List<Long> resend;

    private final DeliveryService delivery;
    private final RunLauncher launcher;
    private final RunRepository runs;

    DeliverCommand(DeliveryService delivery, RunLauncher launcher, RunRepository runs) {
        this.delivery = delivery;
        this.launcher = launcher;
        this.runs = runs;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (release != null) {
            return release(out);
        }
        List<DeliveryRecord> outcomes = resend != null ? delivery.resendInterrupted(resend) : delivery.retryPending();
        List<DeliveryRecord> interrupted = delivery.interrupted();
        if (outcomes.isEmpty() && interrupted.isEmpty()) {
            out.println(resend != null ? "没有发送中断的邮件" : "没有待发的邮件");
        }
        print(outcomes, out);
        if (!interrupted.isEmpty()) {
            out.println("以下邮件发送时进程中断，可能已发送，请向收件人核实；确认未收到后重发：" + Commands.resend(null)
                    + "（或只重发其中一封，如 " + Commands.resend(interrupted.get(0).id()) + "）");
            interrupted.forEach(r -> out.println("  [" + r.id() + "] " + r.recipientName() + " <" + r.recipientEmail() + ">《"
                    + r.subject() + "》" + (r.runId() == null ? "" : "（运行 #" + r.runId() + "）")));
        }
        out.flush();
        return allSent(outcomes) && interrupted.isEmpty() ? ExitCodes.OK : ExitCodes.MAIL_UNSENT;
    }

    private int release(PrintWriter out) {
        List<Run> released = launcher.release(release, force);
        boolean ok = true;
        for (Run run : released) {
            Run now = runs.find(run.id()).orElseThrow();
            List<DeliveryRecord> rows = delivery.forRun(run.id());
            out.println("运行 #" + run.id() + "（" + run.kind().label() + " " + run.period().code() + " 第" + run.revision()
                    + "版）：" + (now.publication() == null ? "未发送" : now.publication().label()));
            if (rows.isEmpty() && now.publication() != null && now.publication().name().equals("UNCHANGED")) {
                out.println("  结果与上一版相同，未发送；如需发送：" + Commands.releaseForced(run.id()));
            }
            print(rows, out);
            ok &= allSent(rows);
        }
        out.flush();
        return ok ? ExitCodes.OK : ExitCodes.MAIL_UNSENT;
    }

    private static void print(List<DeliveryRecord> rows, PrintWriter out) {
        for (DeliveryRecord r : rows) {
            out.println("  " + r.recipientName() + " <" + r.recipientEmail() + ">《" + r.subject() + "》：" + r.describe());
        }
    }

    private static boolean allSent(List<DeliveryRecord> rows) {
        return rows.stream().allMatch(r -> r.status() == Status.SENT || r.status() == Status.WRITTEN);
    }
}
