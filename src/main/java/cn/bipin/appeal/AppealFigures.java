package cn.bipin.appeal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.bipin.appeal.AppealRules.Level;
import cn.bipin.appeal.AppealRules.Role;
import cn.bipin.calendar.WorkingCalendar;

/**
 * The deadline rules (R-APPEAL-1…3, D12) and the figures and lists of one period, from the latest version of each
 * case, as of the period's end {@code end} (24:00 of its last day); what happens at or after {@code end} has not
 * happened yet, so a period's figures do not move when later events are recorded. Pure: no Spring, no SQL.
 *
 * <ul>
 * <li>Registration is due {@code registrationHours} clock hours after receipt; registered exactly then is on time.</li>
 * <li>Study is due by 24:00 of the {@code studyWorkingDays}-th working day after the registration date (the receipt
 *     date while unregistered) — {@link WorkingCalendar#deadline}. A case needs study unless it was resolved at the
 *     unit's own level before that deadline (附件2 三.2: what the unit can do it does at once; the rest is studied).</li>
 * <li>The figures of a period count the year to date: cases received ({@code collected}), studied ({@code studied}),
 *     resolved ({@code resolved}, and by level) from 1 January to {@code end}. The on-time rate is, of the year's
 *     cases with a deadline due, those that met every deadline due (registration, and study where needed). The
 *     satisfaction is the mean of the grades' points of the cases resolved in the year to date that were graded.</li>
 * <li>Lists: late registrations and studies whose deadline fell in the year to date (days late counted in calendar
 *     days, a part day as a whole one; an unmet deadline counts to {@code end}); cases resolved in the year to date
 *     whose answer came from another role than the size class requires (R-APPEAL-3); cases still open at
 *     {@code end} received more than {@code openDays} days before it.</li>
 * </ul>
 */
public final class AppealFigures {

    /** A unit's figures for the period; rates and means null when there is nothing to divide. */
    public record UnitFigures(String unitCode, int collected, int studied, int resolved, int resolvedUnit,
                              int resolvedTaskforce, int resolvedMeeting, int due, int onTime, BigDecimal onTimeRate,
                              int graded, BigDecimal satisfaction) {
    }

    /** A deadline that was missed: which, when it was, when it was met (null: not yet at the period's end), days late. */
    public record Overdue(AppealCase appeal, String rule, LocalDateTime deadline, LocalDateTime done, long daysLate) {
    }

    /** A case answered by another role than its size class requires. */
    public record WrongLevel(AppealCase appeal, Role required) {
    }

    /** A case still open at the period's end, received {@code days} days before it. */
    public record Open(AppealCase appeal, long days) {
    }

    /** Everything of a period, per unit in the order units were given. */
    public record Result(LocalDateTime end, Map<String, UnitFigures> units, List<Overdue> overdue,
                         List<WrongLevel> wrongLevel, List<Open> open) {
    }

    // the lists' orders (unit, then when, then case id), written out: a big ledger's lists run to 10^5 entries a period
    private static final Comparator<Overdue> OVERDUE_ORDER = (x, y) -> {
        int c = x.appeal().unitCode().compareTo(y.appeal().unitCode());
        c = c != 0 ? c : x.deadline().compareTo(y.deadline());
        return c != 0 ? c : x.appeal().caseId().compareTo(y.appeal().caseId());
    };
    private static final Comparator<WrongLevel> WRONG_LEVEL_ORDER = (x, y) -> {
        int c = x.appeal().unitCode().compareTo(y.appeal().unitCode());
        c = c != 0 ? c : x.appeal().resolvedAt().compareTo(y.appeal().resolvedAt());
        return c != 0 ? c : x.appeal().caseId().compareTo(y.appeal().caseId());
    };
    private static final Comparator<Open> OPEN_ORDER = (x, y) -> {
        int c = x.appeal().unitCode().compareTo(y.appeal().unitCode());
        c = c != 0 ? c : x.appeal().receivedAt().compareTo(y.appeal().receivedAt());
        return c != 0 ? c : x.appeal().caseId().compareTo(y.appeal().caseId());
    };

    static final String REGISTRATION = "登记";
    static final String STUDY = "提级研究";

    private final AppealRules rules;
    private final WorkingCalendar calendar;
    private final LocalDateTime start;
    private final LocalDateTime end;
    private final Map<String, int[]> counts = new LinkedHashMap<>();
    private final Map<String, BigDecimal> satisfactionSums = new LinkedHashMap<>();
    private final List<Overdue> overdue = new ArrayList<>();
    private final List<WrongLevel> wrongLevel = new ArrayList<>();
    private final List<Open> open = new ArrayList<>();
    /** Study deadline by the date it counts from: a year has ~366 of them, a big ledger 10^5 cases. */
    private final Map<LocalDate, LocalDateTime> studyDeadlines = new HashMap<>();

    /**
     * @param year  the ledger's year: figures count from its 1 January
     * @param end   the period's end: the first instant after its last day
     * @param units the units to report, in order (every one gets figures, zero when it has no case)
     */
    public AppealFigures(AppealRules rules, WorkingCalendar calendar, int year, LocalDateTime end, List<String> units) {
        this.rules = rules;
        this.calendar = calendar;
        this.start = LocalDate.of(year, 1, 1).atStartOfDay();
        this.end = end;
        units.forEach(u -> counts.put(u, new int[9]));
    }

    /** The registration deadline of a case received at {@code received} (R-APPEAL-1). */
    public LocalDateTime registrationDeadline(LocalDateTime received) {
        return received.plusHours(rules.registrationHours());
    }

    /** The study deadline counted from registration, or from receipt while unregistered (R-APPEAL-2, D12). */
    public LocalDateTime studyDeadline(AppealCase c) {
        LocalDateTime registered = happened(c.registeredAt());
        LocalDate from = (registered != null ? registered : c.receivedAt()).toLocalDate();
        LocalDateTime deadline = studyDeadlines.get(from);
        if (deadline == null) {
            // the deadline depends only on the date (WorkingCalendar#deadline)
            deadline = calendar.deadline(from.atStartOfDay(), rules.studyWorkingDays());
            studyDeadlines.put(from, deadline);
        }
        return deadline;
    }

    /** Adds one case (its latest version). */
    public void add(AppealCase c) {
        int[] n = counts.get(c.unitCode());
        if (n == null) {
            return; // a unit no longer in the scheme file: kept in the ledger, counted for nobody
        }
        LocalDateTime received = c.receivedAt();
        if (!received.isBefore(end)) {
            return; // not yet received at the period's end
        }
        LocalDateTime registered = happened(c.registeredAt());
        LocalDateTime studied = happened(c.studiedAt());
        LocalDateTime resolved = happened(c.resolvedAt());
        boolean thisYear = !received.isBefore(start);

        LocalDateTime regDeadline = registrationDeadline(received);
        boolean regDue = registered != null || !regDeadline.isAfter(end);
        boolean regLate = registered != null ? registered.isAfter(regDeadline) : regDeadline.isBefore(end);
        LocalDateTime studyDeadline = studyDeadline(c);
        boolean solvedAtOnce = resolved != null && c.level() == Level.UNIT && resolved.isBefore(studyDeadline);
        boolean studyNeeded = studied != null || !solvedAtOnce;
        boolean studyDue = studyNeeded && (studied != null || !studyDeadline.isAfter(end));
        boolean studyLate = studyDue && (studied != null ? !studied.isBefore(studyDeadline) : true);

        if (thisYear) {
            n[0]++;
            if (regDue || studyDue) {
                n[6]++;
                if (!(regDue && regLate) && !studyLate) {
                    n[7]++;
                }
            }
        }
        if (inYear(studied)) {
            n[1]++;
        }
        if (inYear(resolved)) {
            n[2]++;
            n[3 + c.level().ordinal()]++;
            if (c.satisfaction() != null && rules.satisfaction().containsKey(c.satisfaction())) {
                n[8]++;
                satisfactionSums.merge(c.unitCode(), rules.satisfaction().get(c.satisfaction()), BigDecimal::add);
            }
            Role required = rules.feedback().get(c.size());
            if (c.feedbackBy() != required) {
                wrongLevel.add(new WrongLevel(c, required));
            }
        }
        if (regLate && inYear(regDeadline)) {
            LocalDateTime until = registered != null ? registered : end;
            long days = Math.max(1, (Duration.between(regDeadline, until).toMinutes() + 1439) / 1440);
            overdue.add(new Overdue(c, REGISTRATION, regDeadline, registered, days));
        }
        if (studyLate && inYear(studyDeadline.minusNanos(1))) {
            LocalDate lastDay = (studied != null ? studied : end.minusNanos(1)).toLocalDate();
            long days = ChronoUnit.DAYS.between(studyDeadline.toLocalDate(), lastDay) + 1;
            overdue.add(new Overdue(c, STUDY, studyDeadline, studied, days));
        }
        if (resolved == null) {
            long age = ChronoUnit.DAYS.between(received, end);
            if (age > rules.openDays()) {
                open.add(new Open(c, age));
            }
        }
    }

    public Result result() {
        Map<String, UnitFigures> units = new LinkedHashMap<>();
        counts.forEach((unit, n) -> units.put(unit, new UnitFigures(unit, n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7],
                n[6] == 0 ? null : BigDecimal.valueOf(n[7]).divide(BigDecimal.valueOf(n[6]), 4, RoundingMode.HALF_UP),
                n[8], n[8] == 0 ? null : satisfactionSums.get(unit).divide(BigDecimal.valueOf(n[8]), MathContext.DECIMAL128)
                        .setScale(2, RoundingMode.HALF_UP))));
        List<Overdue> o = new ArrayList<>(overdue);
        o.sort(OVERDUE_ORDER);
        List<WrongLevel> w = new ArrayList<>(wrongLevel);
        w.sort(WRONG_LEVEL_ORDER);
        List<Open> op = new ArrayList<>(open);
        op.sort(OPEN_ORDER);
        return new Result(end, units, List.copyOf(o), List.copyOf(w), List.copyOf(op));
    }

    /** An event's time if it happened before the period's end, else null (not yet). */
    private LocalDateTime happened(LocalDateTime t) {
        return t != null && t.isBefore(end) ? t : null;
    }

    private boolean inYear(LocalDateTime t) {
        return t != null && !t.isBefore(start) && t.isBefore(end);
    }
}
