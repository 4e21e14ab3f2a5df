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

/** {@code deliver}: sends mail left pending by an outage, or a bulletin that was held back. */
@Command(name = "deliver", mixinStandardHelpOptions = true,
        description = {"重发未发出的邮件（邮件服务器故障时留下的“待发”邮件）；同一收件人同一版本只会收到一次。",
                "--release 发送被暂缓的榜单（未报送单位过多时，榜单不发给领导，先告知统计员）。"},
        footer = {"", "示例：bipin deliver            bipin deliver --release 12"})
class DeliverCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--release", paramLabel = "RUN_ID", description = "发送该运行被暂缓的榜单")
    Long release;

    private final DeliveryService delivery;

    DeliverCommand(DeliveryService delivery) {
        this.delivery = delivery;
    }

    @Override
    public Integer call() {
        List<DeliveryRecord> outcomes = release != null ? delivery.release(release) : delivery.retryPending();
        PrintWriter out = spec.commandLine().getOut();
        if (outcomes.isEmpty()) {
            out.println(release != null ? "运行 #" + release + " 没有暂缓的邮件" : "没有待发的邮件");
        }
        for (DeliveryRecord r : outcomes) {
            out.println("  " + r.recipientName() + " <" + r.recipientEmail() + ">《" + r.subject() + "》：" + r.describe());
        }
        out.flush();
        return outcomes.stream().allMatch(r -> r.status() == Status.SENT || r.status() == Status.WRITTEN)
                ? ExitCodes.OK : ExitCodes.RUN_FAILED;
    }
}
