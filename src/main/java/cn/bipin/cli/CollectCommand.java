package cn.bipin.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import cn.bipin.mailbox.CollectedMail;
import cn.bipin.mailbox.CollectedMailRepository;
import cn.bipin.mailbox.MailCollector;
import cn.bipin.mailbox.MailboxProperties;

/** {@code collect}: units' submissions from the office mailbox into the inboxes. */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {"从单位报送邮箱（IMAP，bipin.mailbox.*；密码只从环境变量 " + MailboxProperties.PASSWORD_VARIABLE
                + " 读取）收取新邮件：附件（.xlsx、.csv，也可在 .zip 内）按文件内容中的单位和期间放入相应收件箱，",
                "以邮件的接收时间为报送时间；发件地址不在该单位 emails / senders 之列的文件暂存待核实；",
                "无法接收的附件回信说明原因；收到文件的单位随即收到本期反馈表（采用、退回及原因、未报指标、截止日期），",
                "同一批文件只发一次。已收取过的邮件（按 Message-ID）不会重复收取。"})
class CollectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final MailCollector collector;
    private final CollectedMailRepository collected;

    CollectCommand(MailCollector collector, CollectedMailRepository collected) {
        this.collector = collector;
        this.collected = collected;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!collector.configured()) {
            out.println("未配置报送邮箱（bipin.mailbox.host / BIPIN_MAILBOX_HOST），未收取任何邮件。");
            out.flush();
            return ExitCodes.OK;
        }
        MailCollector.Summary s = collector.collect();
        out.println("收取邮件 " + (s.messages() - s.skipped()) + " 封（另有 " + s.skipped() + " 封以前已收取）：放入收件箱 "
                + s.count(CollectedMail.PLACED) + " 个文件，暂存待核实 " + s.count(CollectedMail.QUARANTINED)
                + " 个，回信说明无法接收 " + s.count(CollectedMail.ANSWERED) + " 项；向 " + s.feedback().size()
                + " 个单位发出收件反馈表。");
        for (CollectedMail f : s.files()) {
            switch (f.outcome()) {
                case CollectedMail.PLACED -> out.println("  收件箱：" + f.storedFile() + "（" + f.sender() + "）");
                case CollectedMail.ANSWERED -> out.println("  已回信 " + f.sender() + "：" + f.reason());
                default -> { }
            }
        }
        var quarantined = collected.quarantined();
        if (!quarantined.isEmpty()) {
            out.println("暂存待核实的文件（发件地址未列入方案文件中该单位的 emails / senders；核实后请移入收件箱，或在方案文件中添加该地址）：");
            quarantined.forEach(q -> out.println("  " + q.storedFile() + "（" + q.sender() + "，" + q.receivedAt()
                    .toString().replace('T', ' ') + "）"));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
