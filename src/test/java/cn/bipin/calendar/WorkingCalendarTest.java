package cn.bipin.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import cn.bipin.scheme.SchemeProperties;

/**
 * Deadlines on the shipped calendars jobs/calendars/2024.yaml, 2025.yaml and 2026.yaml (D12). Every expected date is counted by
 * hand below from the State Council notices, not taken from a run: a deadline of n working days from t ends at 24:00
 * of the n-th working day after t's date, i.e. 00:00 of the day after it.
 */
class WorkingCalendarTest {

    private final WorkingCalendar calendar = new CalendarRepository(new SchemeProperties(Path.of("jobs"))).calendar();

    @Test
    void registeredTheDayBeforeNationalDay() {
        // 2024-09-30 is a Monday, the last working day before 国庆 10-01 (Tue) .. 10-07 (Mon).
        // After 09-30: 10-01..10-07 holiday; 10-08 Tue = 1, 10-09 Wed = 2, 10-10 Thu = 3 -> ends 24:00 on 10-10.
        assertThat(calendar.deadline(LocalDateTime.of(2024, 9, 30, 16, 30), 3))
                .isEqualTo(LocalDateTime.of(2024, 10, 11, 0, 0));
    }

    @Test
    void registeredOnAMakeUpSaturday() {
        // 2024-10-12 is a Saturday listed as a 国庆 make-up working day.
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 10, 12))).isTrue();
        // After 10-12: 10-13 Sun rest; 10-14 Mon = 1, 10-15 Tue = 2, 10-16 Wed = 3 -> ends 24:00 on 10-16.
        assertThat(calendar.deadline(LocalDateTime.of(2024, 10, 12, 9, 0), 3))
                .isEqualTo(LocalDateTime.of(2024, 10, 17, 0, 0));
    }

    @Test
    void aMakeUpSundayCountsBeforeTheHoliday() {
        // 2024-09-28 is a plain Saturday (rest). After it: 09-29 Sun is a make-up working day = 1, 09-30 Mon = 2,
        // 10-01..10-07 holiday, 10-08 Tue = 3 -> ends 24:00 on 10-08.
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 9, 28))).isFalse();
        assertThat(calendar.deadline(LocalDateTime.of(2024, 9, 28, 10, 0), 3))
                .isEqualTo(LocalDateTime.of(2024, 10, 9, 0, 0));
    }

    @Test
    void acrossTheSpringFestival() {
        // 春节 2024 is 02-10 (Sat) .. 02-17 (Sat). 除夕 02-09 is a Friday outside that range: the notice only
        // "encourages" units to let staff rest on it, so it stays a working day. 02-18 (Sun) is a make-up day.
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 9))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 12))).isFalse(); // Monday inside the holiday
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 18))).isTrue();
        // Registered Thu 02-08: 02-09 Fri = 1, 02-10..02-17 holiday, 02-18 Sun (make-up) = 2, 02-19 Mon = 3
        // -> ends 24:00 on 02-19.
        assertThat(calendar.deadline(LocalDateTime.of(2024, 2, 8, 11, 0), 3))
                .isEqualTo(LocalDateTime.of(2024, 2, 20, 0, 0));
    }

    @Test
    void acrossTheYearEndIntoThe2025File() {
        // Registered Tue 2024-12-31 at 23:59 (the time of day does not matter). 2025-01-01 Wed is 元旦 (2025 file);
        // 01-02 Thu = 1, 01-03 Fri = 2, 01-04 Sat and 01-05 Sun rest, 01-06 Mon = 3 -> ends 24:00 on 2025-01-06.
        assertThat(calendar.deadline(LocalDateTime.of(2024, 12, 31, 23, 59), 3))
                .isEqualTo(LocalDateTime.of(2025, 1, 7, 0, 0));
        // Into the 2025 Spring Festival, 01-28 (Tue) .. 02-04 (Tue), make-up days 01-26 (Sun) and 02-08 (Sat).
        // Registered Fri 2025-01-24: 01-25 Sat rest, 01-26 Sun = 1, 01-27 Mon = 2, 01-28..02-04 holiday,
        // 02-05 Wed = 3, 02-06 Thu = 4, 02-07 Fri = 5 -> ends 24:00 on 02-07.
        assertThat(calendar.deadline(LocalDateTime.of(2025, 1, 24, 8, 0), 5))
                .isEqualTo(LocalDateTime.of(2025, 2, 8, 0, 0));
    }

    @Test
    void oneWorkingDayFromAHolidayIsTheFirstDayBack() {
        // Registered during 劳动节 on 2024-05-03 (Fri, holiday 05-01..05-05): 05-04, 05-05 holiday, 05-06 Mon = 1.
        assertThat(calendar.deadline(LocalDateTime.of(2024, 5, 3, 14, 0), 1))
                .isEqualTo(LocalDateTime.of(2024, 5, 7, 0, 0));
    }

    @Test
    void yearTotalsMatchThePublishedCounts() {
        // 2024: 366 days from Mon 01-01 = 52 weeks (260 weekdays) + Mon 12-30, Tue 12-31 = 262 weekdays.
        // Weekday holidays: 元旦 1 + 春节 02-12..16 5 + 清明 04-04, 05 2 + 劳动 05-01..03 3 + 端午 06-10 1
        // + 中秋 09-16, 17 2 + 国庆 10-01..04, 10-07 5 = 19. Make-up days 8. 262 - 19 + 8 = 251.
        assertThat(workingDays(2024)).isEqualTo(251);
        // 2025: 365 days from Wed 01-01 = 52 weeks (260 weekdays) + Wed 12-31 = 261 weekdays.
        // Weekday holidays: 元旦 1 + 春节 01-28..31, 02-03, 04 6 + 清明 04-04 1 + 劳动 05-01, 02, 05 3
        // + 端午 06-02 1 + 国庆中秋 10-01..03, 10-06..08 6 = 18. Make-up days 5. 261 - 18 + 5 = 248.
        assertThat(workingDays(2025)).isEqualTo(248);
        // 2026: 365 days from Thu 01-01 = 52 weeks (260 weekdays) + Thu 12-31 = 261 weekdays.
        // Weekday holidays: 元旦 01-01, 02 2 + 春节 02-16..20, 02-23 6 + 清明 04-06 1 + 劳动 05-01, 04, 05 3
        // + 端午 06-19 1 + 中秋 09-25 1 + 国庆 10-01, 02, 05..07 5 = 19. Make-up days 6. 261 - 19 + 6 = 248.
        assertThat(workingDays(2026)).isEqualTo(248);
    }

    @Test
    void theNineDaySpringFestivalOf2026WithItsTwoMakeUpSaturdays() {
        // Registered Fri 2026-02-13: 02-14 Sat is a make-up working day = 1, 02-15..23 holiday,
        // 02-24 Tue = 2, 02-25 Wed = 3 -> ends 24:00 on 2026-02-25.
        assertThat(calendar.deadline(LocalDateTime.of(2026, 2, 13, 16, 0), 3))
                .isEqualTo(LocalDateTime.of(2026, 2, 26, 0, 0));
        // Registered Thu 2026-02-26: 02-27 Fri = 1, 02-28 Sat (make-up) = 2, 03-01 Sun rest, 03-02 Mon = 3.
        assertThat(calendar.deadline(LocalDateTime.of(2026, 2, 26, 9, 0), 3))
                .isEqualTo(LocalDateTime.of(2026, 3, 3, 0, 0));
    }

    @Test
    void aDeadlineNeedsAtLeastOneDay() {
        assertThatThrownBy(() -> calendar.deadline(LocalDateTime.of(2024, 3, 1, 9, 0), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private int workingDays(int year) {
        int count = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }
}
