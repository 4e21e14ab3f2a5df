package cn.bipin.appeal;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import cn.bipin.appeal.AppealLedger.FileVersion;
import cn.bipin.calendar.WorkingCalendar;

/**
 * Why a derived figure of a unit changed between two revisions (the 更正说明's source column): the case versions read
 * since the earlier revision whose own contribution to the figure differs from the version that revision used, with
 * the file they came in and the fields that changed. A case's contribution is the figure computed from that case alone
 * ({@link AppealFigures} with the one unit), so the rules decide, not a guess from which fields moved. Pure.
 */
final class AppealChanges {

    /** At most this many cases are named per value; the rest are counted (a cell of the 更正说明 stays readable). */
    static final int NAMED = 3;
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final AppealRules rules;
    private final WorkingCalendar calendar;
    private final int year;
    private final LocalDateTime end;

    AppealChanges(AppealRules rules, WorkingCalendar calendar, int year, LocalDateTime end) {
        this.rules = rules;
        this.calendar = calendar;
        this.year = year;
        this.end = end;
    }

    /**
     * @param read   the case versions read since the earlier revision, in case id then version order
     * @param before a case id → the latest version the earlier revision used, if any
     */
    String describe(String figure, String unitCode, List<FileVersion> read, Function<String, Optional<AppealCase>> before) {
        Map<String, FileVersion> newest = new LinkedHashMap<>();
        read.forEach(v -> newest.put(v.appeal().caseId(), v)); // versions ascend: the last one of a case is its newest
        List<String> named = new ArrayList<>();
        int more = 0;
        for (FileVersion v : newest.values()) {
            AppealCase now = v.appeal();
            AppealCase was = now.version() > 1 ? before.apply(now.caseId()).orElse(null) : null;
            boolean concerns = unitCode.equals(now.unitCode()) || was != null && unitCode.equals(was.unitCode());
            if (!concerns || same(contribution(figure, unitCode, was), contribution(figure, unitCode, now))) {
                continue;
            }
            if (named.size() == NAMED) {
                more++;
                continue;
            }
            named.add(v.fileName() + "（" + v.fileReceivedAt().format(MINUTES) + " 收到）诉求 " + now.caseId() + " 第"
                    + now.version() + "版：" + (was == null ? "新增" : fields(was, now)));
        }
        return String.join("；", named) + (more == 0 ? "" : "；另有 " + more + " 件");
    }

    /** The figure of the unit as if the ledger held only this case (null: no case, or nothing to average). */
    private BigDecimal contribution(String figure, String unitCode, AppealCase c) {
        AppealFigures one = new AppealFigures(rules, calendar, year, end, List.of(unitCode));
        if (c != null) {
            one.add(c);
        }
        return AppealService.figures(one.result()).getOrDefault(figure, Map.of()).get(unitCode);
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** The fields the rules read, old → new, in template order; 未变 when only other fields changed. */
    static String fields(AppealCase was, AppealCase now) {
        List<String> changed = new ArrayList<>();
        diff(changed, AppealColumns.UNIT, was.unitCode(), now.unitCode());
        diff(changed, AppealColumns.SIZE, label(was.size()), label(now.size()));
        diff(changed, AppealColumns.RECEIVED, time(was.receivedAt()), time(now.receivedAt()));
        diff(changed, AppealColumns.REGISTERED, time(was.registeredAt()), time(now.registeredAt()));
        diff(changed, AppealColumns.STUDIED, time(was.studiedAt()), time(now.studiedAt()));
        diff(changed, AppealColumns.RESOLVED, time(was.resolvedAt()), time(now.resolvedAt()));
        diff(changed, AppealColumns.LEVEL, was.level() == null ? null : was.level().label(),
                now.level() == null ? null : now.level().label());
        diff(changed, AppealColumns.FEEDBACK, was.feedbackBy() == null ? null : was.feedbackBy().label(),
                now.feedbackBy() == null ? null : now.feedbackBy().label());
        diff(changed, AppealColumns.SATISFACTION, was.satisfaction(), now.satisfaction());
        return changed.isEmpty() ? "计分所用各项未变" : String.join("，", changed);
    }

    private static void diff(List<String> into, int column, String was, String now) {
        if (!Objects.equals(was, now)) {
            into.add(AppealColumns.ALL.get(column).title() + " " + (was == null ? "空" : was) + " → " + (now == null ? "空" : now));
        }
    }

    private static String label(AppealRules.Size size) {
        return size == null ? null : size.label();
    }

    private static String time(LocalDateTime t) {
        return t == null ? null : t.format(MINUTES);
    }
}
