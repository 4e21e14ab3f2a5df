package cn.bipin.mailbox;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.bipin.delivery.DeliveryService;
import cn.bipin.delivery.OutgoingMail;
import cn.bipin.run.RunContext;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Recipient;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.Unit;
import cn.bipin.submission.FeedbackService.UnitFeedback;

/**
 * After a scoring run, mails each unit that sent something its feedback sheet (issue 18): to the unit's
 * {@code emails} in the scheme file, through the delivery log like every other message; a preview run
 * ({@code --no-mail}) mails no unit, and a restarted run mails no unit twice.
 */
@Service
public class UnitFeedbackMail {

    private static final Logger log = LoggerFactory.getLogger(UnitFeedbackMail.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final DeliveryService delivery;

    UnitFeedbackMail(DeliveryService delivery) {
        this.delivery = delivery;
    }

    public void send(RunContext run, List<UnitFeedback> sheets) {
        if (!run.mail()) {
            log.info("运行 #{}：预览运行，不向单位发送反馈表", run.run().id());
            return;
        }
        Scheme scheme = run.scheme();
        Period period = run.run().period();
        for (UnitFeedback f : sheets) {
            Unit unit = scheme.unit(f.unitCode()).orElseThrow();
            if (unit.emails().isEmpty() || !f.sentAnything()) {
                continue;
            }
            List<Recipient> to = unit.emails().stream().map(e -> new Recipient(unit.name(), e)).toList();
            delivery.deliverOnce(new OutgoingMail(run.run().id(), subject(scheme, period, unit),
                    body(scheme, period, unit, f), List.of(f.sheet()), to));
        }
    }

    static String subject(Scheme scheme, Period period, Unit unit) {
        return scheme.title() + period.label() + "报送反馈（" + unit.name() + "）";
    }

    static String body(Scheme scheme, Period period, Unit unit, UnitFeedback f) {
        List<String> lines = new ArrayList<>();
        lines.add(unit.name() + "：");
        lines.add("");
        lines.add("贵单位" + period.label() + "的报送已处理，明细见附件反馈表：采用 " + f.used() + " 项，退回 " + f.rejected() + " 项"
                + (f.refusedFiles() > 0 ? "（其中 " + f.refusedFiles() + " 个文件整份退回）" : "") + "。");
        if (f.rejected() > 0) {
            lines.add("退回的行及原因见反馈表，请更正后重新报送。");
        }
        if (f.missing().isEmpty()) {
            lines.add("本期应报指标均已报齐。");
        } else {
            lines.add("尚未报送的指标（" + f.missing().size() + " 项）：" + String.join("、", f.missing()) + "。");
        }
        lines.add("报送截止日期：" + period.deadline(scheme.deadlineDay()).format(DATE) + "。");
        lines.add("");
        lines.add("此邮件由系统自动发出。");
        lines.add(scheme.policy().signature());
        return String.join("\n", lines);
    }
}
