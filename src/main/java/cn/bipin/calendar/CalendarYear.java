package cn.bipin.calendar;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/** One year's official calendar: each holiday date with its holiday's name, and the make-up working weekend days. */
record CalendarYear(int year, Map<LocalDate, String> holidays, Set<LocalDate> workdays) {

    CalendarYear {
        holidays = Map.copyOf(holidays);
        workdays = Set.copyOf(workdays);
    }
}
