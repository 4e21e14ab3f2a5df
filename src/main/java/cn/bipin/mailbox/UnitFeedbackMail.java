package cn.bipin.mailbox;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.bipin.delivery.DeliveryService;
import cn.bipin.delivery.OutgoingMail;
import cn.bipin.inbox.InboxFiles;
import cn.bipin.inbox.InboxProperties;
import cn.bipin.report.OutputProperties;
import cn.bipin.run.RunContext;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Recipient;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.Unit;
import cn.bipin.submission.FeedbackService;
import cn.bipin.submission.FeedbackService.UnitFeedback;

/**
 * After a scoring run, mails each unit that sent something its feedback sheet (issue 18): to the unit's
 * {@code emails} in the scheme file, through the delivery log like every other message; a preview run
 * ({@code --no-mail}) mails no unit, and a restarted run mails no unit twice. Right after {@code collect}, each unit
 * whose file was collected gets the same sheet for the period as its inbox stands (before any run), once per set of
 * received files.
 */
@Service
public class UnitFeedbackMail {

    private static final Logger log = LoggerFactory.getLogger(UnitFeedbackMail.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    /** Rejected rows listed in the body of the mail sent after collection; the sheet has them all. */
    private static final int BODY_REJECTIONS = 20;
    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final DeliveryService delivery;
    private final FeedbackService feedback;
    private final InboxProperties inbox;
    private final OutputProperties output;
    private final CollectFeedbackLog mailed;

    UnitFeedbackMail(DeliveryService delivery, FeedbackService feedback, InboxProperties inbox, OutputProperties output,
                     CollectFeedbackLog mailed) {
        this.delivery = delivery;
        this.feedback = feedback;
        this.inbox = inbox;
        this.output = output;
        this.mailed = mailed;
    }

    /**
     * Right after a collect pass: each unit whose file was placed in an inbox gets its feedback sheet for that
     * period, read from the inbox as it stands (accepted values, rejected rows with reasons, what is missing, the
     * deadline), unless it was mailed the same feedback (the same set of its files) before. Returns the units mailed,
     * as "scheme/period/unit".
     */
    List<String> afterCollect(List<CollectedMail> files, List<Scheme> loaded) {
        Map<String, Map<String, Set<String>>> placed = new TreeMap<>(); // scheme → period → units
        for (CollectedMail f : files) {
            if (CollectedMail.PLACED.equals(f.outcome())) {
                placed.computeIfAbsent(f.scheme(), k -> new TreeMap<>())
                        .computeIfAbsent(f.period(), k -> new TreeSet<>()).add(f.unitCode());
            }
        }
        List<String> sent = new ArrayList<>();
        for (var byScheme : placed.entrySet()) {
            Scheme scheme = loaded.stream().filter(s -> s.id().equals(byScheme.getKey())).findFirst().orElse(null);
            if (scheme == null) {
                continue;
            }
            for (var byPeriod : byScheme.getValue().entrySet()) {
                Period period = Period.parse(byPeriod.getKey());
                List<String> due = byPeriod.getValue().stream()
                        .filter(u -> scheme.unit(u).map(x -> !x.emails().isEmpty()).orElse(false)).toList();
                if (due.isEmpty()) {
                    continue;
                }
                Path dir = output.dir().resolve(scheme.id()).resolve(period.code()).resolve("收件反馈")
                        .resolve(LocalDateTime.now().format(FOLDER));
                Map<String, FeedbackService.InboxFeedback> sheets = feedback.fromInbox(scheme, period,
                        inbox.periodDir(scheme.id(), period.code()), due, dir);
                for (var e : sheets.entrySet()) {
                    String digest = e.getValue().filesDigest();
                    if (mailed.mailed(scheme.id(), period.code(), e.getKey(), digest)) {
                        continue; // the same files were answered by an earlier pass
                    }
                    Unit unit = scheme.unit(e.getKey()).orElseThrow();
                    UnitFeedback f = e.getValue().feedback();
                    delivery.deliver(new OutgoingMail(null, collectedSubject(scheme, period, unit),
                            collectedBody(scheme, period, unit, f), List.of(f.sheet()),
                            unit.emails().stream().map(a -> new Recipient(unit.name(), a)).toList()));
                    mailed.record(scheme.id(), period.code(), e.getKey(), digest);
                    sent.add(scheme.id() + "/" + period.code() + "/" + e.getKey());
                }
            }
        }
        if (!sent.isEmpty()) {
            log.info("收件反馈已发送：{}", sent);
        }
        return sent;
    }

    static String collectedSubject(Scheme scheme, Period period, Unit unit) {
        return scheme.title() + period.label() + "报送已收到（" + unit.name() + "）";
    }

    static String collectedBody(Scheme scheme, Period period, Unit unit, UnitFeedback f) {
        List<String> lines = new ArrayList<>();
        lines.add(unit.name() + "：");
        lines.add("");
        lines.add("贵单位" + period.label() + "的报送已收到。收件即时核对结果如下，明细见附件反馈表：采用 " + f.used() + " 项，退回 "
                + f.rejected() + " 项" + (f.refusedFiles() > 0 ? "，" + f.refusedFiles() + " 个文件整份退回" : "") + "。");
        if (!f.rejections().isEmpty()) {
            lines.add("");
            lines.add("退回的行及原因（请更正后重新报送）：");
            f.rejections().stream().limit(BODY_REJECTIONS).forEach(r -> lines.add("· " + InboxFiles.printable(r)));
            if (f.rejections().size() > BODY_REJECTIONS) {
                lines.add("……另有 " + (f.rejections().size() - BODY_REJECTIONS) + " 行，见附件反馈表。");
            }
            lines.add("");
        }
        if (f.missing().isEmpty()) {
            lines.add("本期应报指标均已报齐。");
        } else {
            lines.add("尚未报送的指标（" + f.missing().size() + " 项）：" + String.join("、", f.missing()) + "。");
        }
        lines.add("报送截止日期：" + period.deadline(scheme.deadlineDay()).format(DATE) + "。");
        lines.add("以上为收件时的核对，计分以" + period.cycle().label() + "运行的结果为准。");
        lines.add("");
        lines.add("此邮件由系统自动发出。");
        lines.add(scheme.policy().signature());
        return String.join("\n", lines);
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
