package cn.bipin.calendar;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * Working days by the State Council's calendar (D12): Monday to Friday unless an official holiday, Saturday and Sunday
 * only when listed as make-up days (调休). Asking about a date in a year without a calendar file is an error naming the
 * missing file, never a silent guess from weekdays alone: a guessed National Day would misjudge every deadline in it.
 */
public final class WorkingCalendar {

    private final Path dir;
    private final Map<Integer, CalendarYear> years;

    WorkingCalendar(Path dir, Map<Integer, CalendarYear> years) {
        this.dir = dir;
        this.years = Map.copyOf(years);
    }

    public boolean isWorkingDay(LocalDate date) {
        CalendarYear year = year(date.getYear());
        if (year.holidays().containsKey(date)) {
            return false;
        }
        DayOfWeek dow = date.getDayOfWeek();
        return (dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY) || year.workdays().contains(date);
    }

    /**
     * The end of a deadline of {@code n} working days from {@code t}: 24:00 of the n-th working day after t's date,
     * returned as the start (00:00) of the following day. The time of day of {@code t} does not matter, nor whether
     * t's own date is a working day; something done strictly before the returned instant is on time. The days are
     * counted across years, each on its own year's file.
     *
     * @throws CalendarException if the count runs into a year with no calendar file
     */
    public LocalDateTime deadline(LocalDateTime t, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, was " + n);
        }
        LocalDate day = t.toLocalDate();
        for (int counted = 0; counted < n; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day.plusDays(1).atStartOfDay();
    }

    private CalendarYear year(int year) {
        CalendarYear y = years.get(year);
        if (y == null) {
            throw new CalendarException("缺少" + year + "年的工作日历：" + dir.resolve(year + ".yaml")
                    + "（国务院办公厅公布该年节假日安排后，按同一格式添加此文件）");
        }
        return y;
    }
}
