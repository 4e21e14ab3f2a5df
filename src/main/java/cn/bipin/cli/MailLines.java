package cn.bipin.cli;

import java.io.PrintWriter;
import java.util.List;

import cn.bipin.delivery.DeliveryRecord;
import cn.bipin.run.Publication;
import cn.bipin.run.Run;
import cn.bipin.run.Commands;

/** The terminal's account of a run's mail: what happened to each recipient, or why nothing was sent. */
final class MailLines {

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
}
