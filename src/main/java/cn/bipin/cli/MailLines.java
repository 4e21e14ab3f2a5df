package cn.bipin.cli;

import java.io.PrintWriter;
import java.util.List;

import cn.bipin.delivery.DeliveryRecord;
import cn.bipin.run.Publication;
import cn.bipin.run.Run;
import cn.bipin.run.Commands;

/** The terminal's account of a run's mail: what happened to each recipient, or why nothing was sent. */
final class MailLines {

    /** A completed run some of whose recipients have not got its mail. */
    static final String PARTLY_UNSENT = "部分未发送";

    private MailLines() {
    }

    static void print(Run run, List<DeliveryRecord> deliveries, PrintWriter out) {
        if (!deliveries.isEmpty()) {
            out.println("邮件：");
            deliveries.forEach(d -> out.println("  " + d.recipientName() + " <" + d.recipientEmail() + ">：" + d.describe()));
        } else if (run.publication() == Publication.UNCHANGED) {
            out.println("邮件：结果与上一版相同，未发送（如需重发请加 --force）");
        } else {
            out.println("邮件：未发送（--no-mail，预览）；核实后按同一版本发出：" + Commands.release(run.id()));
        }
    }

    /** What the statistician does about the recipients still without their mail. */
    static void printUnsent(List<DeliveryRecord> unsent, PrintWriter out) {
        if (unsent.isEmpty()) {
            return;
        }
        long interrupted = unsent.stream().filter(d -> d.status() == DeliveryRecord.Status.SENDING).count();
        long failed = unsent.stream().filter(d -> d.status() == DeliveryRecord.Status.FAILED).count();
        long pending = unsent.size() - interrupted - failed;
        out.println(PARTLY_UNSENT + "：" + unsent.size() + " 位收件人尚未确认收到邮件（退出码 3）。"
                + (pending > 0 ? "故障排除后补发（同一版本，只发给未收到的）：" + Commands.retryMail() + "。" : "")
                + (failed > 0 ? "无法发送的 " + failed + " 封（原因见上，如地址有误）需修正方案文件中的收件人后重新运行该期。" : "")
                + (interrupted > 0 ? "发送时中断的 " + interrupted + " 封请先向收件人核实，未收到再用 " + Commands.resend(null) + " 重发。" : ""));
    }
}
