package cn.bipin.schedule;

import java.time.LocalDate;

import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Period;
import cn.bipin.run.RunKind;

/**
 * One trigger of the schedule file: which scheme and cycle, when (a Quartz cron expression), and which period a
 * firing runs, relative to the time it was due.
 */
record ScheduleEntry(String name, String scheme, Cycle cycle, String cron, PeriodRule period, RunKind kind) {

    /** The kinds of run a schedule entry may start ({@code kind:}, default the scoring run). */
    static final java.util.Set<RunKind> SCHEDULED = java.util.EnumSet.of(RunKind.SCORE, RunKind.LIAISON);

    /** Which period a firing runs. */
    public enum PeriodRule {
        PREVIOUS_MONTH, PREVIOUS_QUARTER, PREVIOUS_YEAR;

        /** The period due at {@code date}: the month, quarter or year before it. */
        public Period at(LocalDate date) {
            return switch (this) {
                case PREVIOUS_MONTH -> Period.month(date.getYear(), date.getMonthValue()).previous();
                case PREVIOUS_QUARTER -> new Period(Cycle.QUARTERLY, date.getYear(), (date.getMonthValue() - 1) / 3 + 1)
                        .previous();
                case PREVIOUS_YEAR -> new Period(Cycle.ANNUAL, date.getYear() - 1, 1);
            };
        }
    }
}
