package cn.bipin.appeal;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import cn.bipin.report.TableRow;
import cn.bipin.report.TableSection;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.Unit;

/**
 * The appeals ledger's tables as the bulletin and the units' feedback print them: the figures per unit, the late
 * registrations and studies, the answers at the wrong level, the cases open too long. Every cell formatted here.
 */
final class AppealTables {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    /** Rows a list prints at most in a bulletin; the rest are counted in the note (each unit's feedback has its own). */
    static final int MAX_ROWS = 300;

    private AppealTables() {
    }

    static TableSection figures(Scheme scheme, AppealRules rules, AppealFigures.Result r, Predicate<String> units) {
        List<TableRow> rows = new ArrayList<>();
        for (Unit u : scheme.units()) {
            AppealFigures.UnitFigures f = r.units().get(u.code());
            if (f == null || !units.test(u.code())) {
                continue;
            }
            rows.add(new TableRow(List.of(u.name(), n(f.collected()), n(f.studied()), n(f.resolved()), n(f.resolvedUnit()),
                    n(f.resolvedTaskforce()), n(f.resolvedMeeting()), percent(f.onTimeRate()),
                    f.satisfaction() == null ? "—" : f.satisfaction().toPlainString()), false));
        }
        return new TableSection(rules.title() + "：办理情况", "1月1日至" + until(r.end()) + "累计。按时办理率 = 登记（受理后"
                + rules.registrationHours() + "小时内）和提级研究（登记后" + rules.studyWorkingDays()
                + "个工作日内）均按时的诉求 ÷ 已到期限的诉求；满意度按 " + satisfactionNote(rules) + " 折算后平均。",
                List.of("单位", "收集个数", "研究次数", "办结个数", "其中单位办结", "其中专班协调", "其中专题会议", "按时办理率", "满意度"),
                rows);
    }

    static TableSection overdue(AppealRules rules, Scheme scheme, AppealFigures.Result r, Predicate<String> units,
            boolean capped) {
        List<TableRow> rows = new ArrayList<>();
        List<AppealFigures.Overdue> list = r.overdue().stream().filter(o -> units.test(o.appeal().unitCode())).toList();
        for (AppealFigures.Overdue o : cap(list, capped)) {
            rows.add(new TableRow(List.of(o.appeal().caseId(), unitName(scheme, o.appeal().unitCode()), o.appeal().enterprise(),
                    o.rule(), deadline(o.deadline()), o.done() == null ? "截至" + until(r.end()) + "未" + o.rule() : o.done().format(MINUTES),
                    o.daysLate() + "天"), true));
        }
        return new TableSection("逾期登记、提级研究的企业诉求", "登记时限：受理后" + rules.registrationHours() + "小时；提级研究时限：登记后"
                + rules.studyWorkingDays() + "个工作日（按工作日历，节假日不计）内，单位当即办结的除外。" + more(list, capped),
                List.of("诉求编号", "单位", "企业", "事项", "期限", "完成时间", "逾期天数"), rows).withWideLast();
    }

    static TableSection wrongLevel(Scheme scheme, AppealFigures.Result r, Predicate<String> units, boolean capped) {
        List<TableRow> rows = new ArrayList<>();
        List<AppealFigures.WrongLevel> list = r.wrongLevel().stream().filter(w -> units.test(w.appeal().unitCode())).toList();
        for (AppealFigures.WrongLevel w : cap(list, capped)) {
            AppealCase c = w.appeal();
            rows.add(new TableRow(List.of(c.caseId(), unitName(scheme, c.unitCode()), c.enterprise(), c.size().label(),
                    w.required().label(), c.feedbackBy() == null ? "未填写" : c.feedbackBy().label(),
                    c.resolvedAt().format(MINUTES)), true));
        }
        return new TableSection("反馈层级不符的企业诉求", "分级反馈：重点企业由主办单位主要领导经分管区领导同意后反馈，千万元以上企业由主要领导反馈，"
                + "千万元以下企业由分管领导反馈。" + more(list, capped),
                List.of("诉求编号", "单位", "企业", "企业类别", "应由", "实际反馈人", "办结时间"), rows);
    }

    static TableSection open(AppealRules rules, Scheme scheme, AppealFigures.Result r, Predicate<String> units,
            boolean capped) {
        List<TableRow> rows = new ArrayList<>();
        List<AppealFigures.Open> list = r.open().stream().filter(o -> units.test(o.appeal().unitCode())).toList();
        for (AppealFigures.Open o : cap(list, capped)) {
            AppealCase c = o.appeal();
            rows.add(new TableRow(List.of(c.caseId(), unitName(scheme, c.unitCode()), c.enterprise(),
                    c.receivedAt().format(MINUTES), o.days() + "天", c.studiedAt() != null && c.studiedAt().isBefore(r.end())
                            ? "已提级研究" : "未提级研究"), true));
        }
        return new TableSection("超过" + rules.openDays() + "天未办结的企业诉求", "截至" + until(r.end()) + "仍未办结、受理已超过"
                + rules.openDays() + "天的诉求（含上年结转）。" + more(list, capped),
                List.of("诉求编号", "单位", "企业", "受理时间", "已过天数", "研究情况"), rows);
    }

    private static <T> List<T> cap(List<T> list, boolean capped) {
        return capped && list.size() > MAX_ROWS ? list.subList(0, MAX_ROWS) : list;
    }

    private static String more(List<?> list, boolean capped) {
        return capped && list.size() > MAX_ROWS ? "共" + list.size() + "件，此处列前" + MAX_ROWS + "件，其余见各单位反馈表。" : "";
    }

    private static String satisfactionNote(AppealRules rules) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> e : rules.satisfaction().entrySet()) {
            parts.add(e.getKey() + " " + e.getValue().stripTrailingZeros().toPlainString());
        }
        return String.join("、", parts);
    }

    private static String unitName(Scheme scheme, String code) {
        return scheme.unit(code).map(Unit::name).orElse(code);
    }

    private static String n(int v) {
        return Integer.toString(v);
    }

    private static String percent(BigDecimal fraction) {
        return fraction == null ? "—" : fraction.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** A deadline that ends at 24:00 of a day, printed so: 2024-10-10 24:00. */
    static String deadline(LocalDateTime t) {
        return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? t.minusDays(1).format(DAY) + " 24:00" : t.format(MINUTES);
    }

    /** The last day before {@code end}, e.g. 2024-09-30. */
    static String until(LocalDateTime end) {
        return end.minusNanos(1).format(DAY);
    }
}
