package cn.bipin.mailbox;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import cn.bipin.delivery.AlertService;
import cn.bipin.delivery.DeliveryService;
import cn.bipin.delivery.OutgoingMail;
import cn.bipin.inbox.InboxProperties;
import cn.bipin.scheme.Dimension;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Recipient;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.Unit;
import cn.bipin.submission.InboxValues;

/**
 * Reminders (催报, issue 18): before the deadline, units with values still missing from the period's inbox are mailed
 * what is missing; after the deadline the statistician gets the list of units still missing.
 */
@Service
public class Reminders {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final InboxProperties inbox;
    private final DeliveryService delivery;
    private final AlertService alerts;

    Reminders(InboxProperties inbox, DeliveryService delivery, AlertService alerts) {
        this.inbox = inbox;
        this.delivery = delivery;
        this.alerts = alerts;
    }

    /** What a reminder pass did: units reminded (by mail), units missing without an address, and whether overdue. */
    public record Outcome(boolean overdue, Map<String, List<String>> missing, List<String> reminded,
                          List<String> withoutAddress) {
    }

    /** Whether {@code today} is a day the schedule reminds on: N days before the deadline, the deadline, the day after. */
    public static boolean due(Scheme scheme, Period period, LocalDate today) {
        LocalDate deadline = period.deadline(scheme.deadlineDay());
        return today.equals(deadline.minusDays(scheme.reminderDays())) || today.equals(deadline)
                || today.equals(deadline.plusDays(1));
    }

    /** Unit code → names of the dimensions with no value in the period's inbox, for units missing any. */
    public Map<String, List<String>> missing(Scheme scheme, Period period) {
        Map<String, Set<String>> sent = InboxValues.sent(inbox.periodDir(scheme.id(), period.code()), period.code());
        Map<String, List<String>> missing = new LinkedHashMap<>();
        for (Unit unit : scheme.units()) {
            Set<String> has = sent.getOrDefault(unit.code(), Set.of());
            List<String> names = scheme.reportedDimensionsFor(unit.code(), period.cycle()).stream()
                    .filter(d -> !has.contains(d.code())).map(Dimension::name).toList();
            if (!names.isEmpty()) {
                missing.put(unit.code(), names);
            }
        }
        return missing;
    }

    /** Up to the deadline: reminds each unit missing values; after it: the statistician gets the list. */
    public Outcome remind(Scheme scheme, Period period, LocalDate today) {
        LocalDate deadline = period.deadline(scheme.deadlineDay());
        Map<String, List<String>> missing = missing(scheme, period);
        List<String> reminded = new ArrayList<>();
        List<String> withoutAddress = new ArrayList<>();
        boolean overdue = today.isAfter(deadline);
        if (overdue) {
            if (!missing.isEmpty()) {
                StringBuilder body = new StringBuilder(scheme.title() + period.label() + "报送已于 " + deadline.format(DATE)
                        + " 截止，以下 " + missing.size() + " 个单位仍有指标未报送：\n\n");
                missing.forEach((code, names) -> body.append("· ").append(scheme.unit(code).orElseThrow().name())
                        .append("：").append(String.join("、", names)).append('\n'));
                alerts.alert(scheme.title() + period.label() + "逾期未报单位（" + missing.size() + "个）", body.toString());
            }
            return new Outcome(true, missing, reminded, withoutAddress);
        }
        boolean last = today.equals(deadline);
        for (Map.Entry<String, List<String>> m : missing.entrySet()) {
            Unit unit = scheme.unit(m.getKey()).orElseThrow();
            if (unit.emails().isEmpty()) {
                withoutAddress.add(unit.code());
                continue;
            }
            String subject = (last ? "【今日截止】" : "【催报】") + scheme.title() + period.label() + "报送提醒（" + unit.name() + "）";
            String body = unit.name() + "：\n\n" + period.label() + "报送将于 " + deadline.format(DATE) + " 截止"
                    + (last ? "（今天）" : "") + "，贵单位以下 " + m.getValue().size() + " 项指标尚未报送：\n"
                    + String.join("、", m.getValue()) + "\n\n请按报送模板填写后发送至报送邮箱。如已报送，请忽略本邮件。\n\n此邮件由系统自动发出。\n"
                    + scheme.policy().signature();
            delivery.deliver(new OutgoingMail(null, subject, body, List.of(),
                    unit.emails().stream().map(e -> new Recipient(unit.name(), e)).toList()));
            reminded.add(unit.code());
        }
        return new Outcome(false, missing, reminded, withoutAddress);
    }
}
