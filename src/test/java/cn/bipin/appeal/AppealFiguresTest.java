package cn.bipin.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.bipin.appeal.AppealRules.Level;
import cn.bipin.appeal.AppealRules.Role;
import cn.bipin.appeal.AppealRules.Size;
import cn.bipin.calendar.CalendarException;
import cn.bipin.calendar.CalendarRepository;
import cn.bipin.calendar.WorkingCalendar;
import cn.bipin.scheme.SchemeProperties;

/**
 * The deadline rules (R-APPEAL-1…3 on the D12 calendar) and the derived figures, on the shipped calendars
 * jobs/calendars/2023.yaml and 2024.yaml, with Jinfeng's numbers: registration 24 h, study 3 working days, open list
 * after 30 days, 满意 100 / 基本满意 60 / 不满意 0, key → 主要领导（经分管区领导同意）, large → 主要领导, small → 分管领导.
 * Every expected number is worked by hand in the comments.
 *
 * <pre>
 * fgj A key   received 07-01 09:00, registered 07-02 10:00 (deadline 07-02 09:00: 1 h late → 1 day late),
 *             studied 07-03 15:00 (from 07-02 Tue: 07-03 = 1, 07-04 = 2, 07-05 = 3 → 07-05 24:00: on time),
 *             resolved 07-20 at 专班, answered by 主要领导 (key needs 主要领导（经分管区领导同意）: wrong level), 满意 100
 * fgj B large received 08-05 14:00, registered 16:00, resolved 08-06 11:00 at 单位 before its study deadline
 *             (08-06 = 1, 08-07 = 2, 08-08 = 3 → 08-08 24:00): solved at once, needs no study; 主要领导 (right); 基本满意 60
 * fgj C small received 09-30 09:00 (Mon, eve of 国庆), registered 10:00; studied 10-10 15:00: 10-01..10-07 holiday,
 *             10-08 = 1, 10-09 = 2, 10-10 = 3 → 10-10 24:00: on time (across the holiday)
 * fgj D small received 08-01 10:00 (Thu), registered 11:00, never studied nor resolved: study deadline 08-02 Fri = 1,
 *             08-05 Mon = 2, 08-06 Tue = 3 → 08-06 24:00
 * fgj E large carried over from 2023: received 2023-12-28 09:00 (Thu), registered 12:00, studied 2024-01-03 10:00:
 *             12-29 Fri = 1, 12-30/31 weekend, 2024-01-01 元旦, 01-02 Tue = 2, 01-03 Wed = 3 → 01-03 24:00: on time;
 *             resolved 2024-03-01 at 区政府专题会议 by 主要领导 (right), 不满意 0
 * gxj F small received 09-20 08:00 (Fri), never registered: registration deadline 09-21 08:00; study deadline from
 *             receipt: 09-21/22 weekend, 09-23 = 1, 09-24 = 2, 09-25 = 3 → 09-25 24:00
 * gxj G small received 09-30 14:00, registered 15:00, studied 10-11 09:00: deadline 10-10 24:00 → 1 day late
 * </pre>
 */
class AppealFiguresTest {

    static final AppealRules RULES = new AppealRules("企业诉求台账", 24, 3, 30,
            Map.of(Size.KEY, Role.HEAD_CONSENT, Size.LARGE, Role.HEAD, Size.SMALL, Role.DEPUTY),
            Map.of("满意", BigDecimal.valueOf(100), "基本满意", BigDecimal.valueOf(60), "不满意", BigDecimal.ZERO));
    static final WorkingCalendar CALENDAR = new CalendarRepository(new SchemeProperties(Path.of("jobs"))).calendar();
    static final LocalDateTime END_Q3 = LocalDateTime.of(2024, 10, 1, 0, 0);
    static final LocalDateTime END_Q4 = LocalDateTime.of(2025, 1, 1, 0, 0);

    static final AppealCase A = c("A", "fgj", Size.KEY, t(2024, 7, 1, 9, 0), t(2024, 7, 2, 10, 0), t(2024, 7, 3, 15, 0),
            t(2024, 7, 20, 10, 0), Level.TASKFORCE, Role.HEAD, "满意");
    static final AppealCase B = c("B", "fgj", Size.LARGE, t(2024, 8, 5, 14, 0), t(2024, 8, 5, 16, 0), null,
            t(2024, 8, 6, 11, 0), Level.UNIT, Role.HEAD, "基本满意");
    static final AppealCase C = c("C", "fgj", Size.SMALL, t(2024, 9, 30, 9, 0), t(2024, 9, 30, 10, 0), t(2024, 10, 10, 15, 0),
            null, null, null, null);
    static final AppealCase D = c("D", "fgj", Size.SMALL, t(2024, 8, 1, 10, 0), t(2024, 8, 1, 11, 0), null, null, null, null, null);
    static final AppealCase E = c("E", "fgj", Size.LARGE, t(2023, 12, 28, 9, 0), t(2023, 12, 28, 12, 0), t(2024, 1, 3, 10, 0),
            t(2024, 3, 1, 16, 0), Level.MEETING, Role.HEAD, "不满意");
    static final AppealCase F = c("F", "gxj", Size.SMALL, t(2024, 9, 20, 8, 0), null, null, null, null, null, null);
    static final AppealCase G = c("G", "gxj", Size.SMALL, t(2024, 9, 30, 14, 0), t(2024, 9, 30, 15, 0), t(2024, 10, 11, 9, 0),
            null, null, null, null);

    static AppealFigures.Result run(LocalDateTime end, WorkingCalendar calendar) {
        AppealFigures f = new AppealFigures(RULES, calendar, 2024, end, List.of("fgj", "gxj", "stj"));
        List.of(A, B, C, D, E, F, G).forEach(f::add);
        return f.result();
    }

    @Test
    void deadlinesOfTheRules() {
        AppealFigures f = new AppealFigures(RULES, CALENDAR, 2024, END_Q3, List.of("fgj"));
        // R-APPEAL-1: 24 clock hours, whatever the day: Sat 09-21 08:00 for Fri 09-20 08:00
        assertThat(f.registrationDeadline(t(2024, 9, 20, 8, 0))).isEqualTo(t(2024, 9, 21, 8, 0));
        // R-APPEAL-2 from registration: C registered Mon 09-30 → 10-10 24:00 across 国庆 (10-01..10-07)
        assertThat(f.studyDeadline(C)).isEqualTo(t(2024, 10, 11, 0, 0));
        // from receipt while unregistered: F received Fri 09-20 → 09-25 24:00
        assertThat(f.studyDeadline(F)).isEqualTo(t(2024, 9, 26, 0, 0));
        // across the new year, on the 2023 and 2024 files: E registered 2023-12-28 → 2024-01-03 24:00
        assertThat(f.studyDeadline(E)).isEqualTo(t(2024, 1, 4, 0, 0));
        // across the Spring Festival: registered Thu 02-08 → 02-09 Fri = 1, 02-10..17 holiday, 02-18 Sun (调休) = 2,
        // 02-19 Mon = 3 → 02-19 24:00
        assertThat(f.studyDeadline(c("S", "fgj", Size.SMALL, t(2024, 2, 8, 9, 0), t(2024, 2, 8, 11, 0), null, null, null,
                null, null))).isEqualTo(t(2024, 2, 20, 0, 0));
        // registered on the make-up Saturday 10-12 → 10-14 Mon = 1, 10-15 = 2, 10-16 = 3 → 10-16 24:00
        assertThat(f.studyDeadline(c("M", "fgj", Size.SMALL, t(2024, 10, 12, 8, 0), t(2024, 10, 12, 9, 0), null, null, null,
                null, null))).isEqualTo(t(2024, 10, 17, 0, 0));
    }

    @Test
    void figuresOfTheThirdQuarter() {
        AppealFigures.Result r = run(END_Q3, CALENDAR);
        AppealFigures.UnitFigures fgj = r.units().get("fgj");
        // collected: received 2024-01-01 .. 09-30: A, B, C, D (E is 2023's) = 4
        // studied in 2024 by 09-30: A 07-03, E 01-03 = 2 (C's 10-10 study is after the quarter)
        // resolved: A 专班, B 单位, E 专题会议 = 3
        assertThat(fgj).extracting(AppealFigures.UnitFigures::collected, AppealFigures.UnitFigures::studied,
                        AppealFigures.UnitFigures::resolved, AppealFigures.UnitFigures::resolvedUnit,
                        AppealFigures.UnitFigures::resolvedTaskforce, AppealFigures.UnitFigures::resolvedMeeting)
                .containsExactly(4, 2, 3, 1, 1, 1);
        // due: A, B, C (registration due), D → 4; on time: B (no study needed), C (study not yet due) = 2 → 2/4
        assertThat(fgj.due()).isEqualTo(4);
        assertThat(fgj.onTime()).isEqualTo(2);
        assertThat(fgj.onTimeRate()).isEqualByComparingTo("0.5000");
        // satisfaction of the cases resolved in 2024: A 100, B 60, E 0 → 160 / 3 = 53.333… → 53.33
        assertThat(fgj.satisfaction()).isEqualByComparingTo("53.33");
        AppealFigures.UnitFigures gxj = r.units().get("gxj");
        // gxj: F and G collected; F late (registration), G on time (study not due) → 1/2; nothing resolved
        assertThat(gxj.collected()).isEqualTo(2);
        assertThat(gxj.onTimeRate()).isEqualByComparingTo("0.5000");
        assertThat(gxj.satisfaction()).isNull();
        // a unit without cases has counts 0 and no rate
        assertThat(r.units().get("stj").collected()).isZero();
        assertThat(r.units().get("stj").onTimeRate()).isNull();
    }

    @Test
    void listsOfTheThirdQuarter() {
        AppealFigures.Result r = run(END_Q3, CALENDAR);
        // A registered 1 h late → 1 day; D study due 08-06 24:00, not done by 09-30: 08-07 .. 09-30 = 25 + 30 = 55 days;
        // F registration due 09-21 08:00, not done by 10-01 00:00: 9 days 16 h → 10 days; F study due 09-25 24:00:
        // 09-26 .. 09-30 = 5 days. Ordered by unit, then deadline.
        assertThat(r.overdue()).extracting(o -> o.appeal().caseId(), AppealFigures.Overdue::rule,
                        AppealFigures.Overdue::deadline, AppealFigures.Overdue::daysLate)
                .containsExactly(
                        tuple("A", "登记", t(2024, 7, 2, 9, 0), 1L),
                        tuple("D", "提级研究", t(2024, 8, 7, 0, 0), 55L),
                        tuple("F", "登记", t(2024, 9, 21, 8, 0), 10L),
                        tuple("F", "提级研究", t(2024, 9, 26, 0, 0), 5L));
        assertThat(AppealTables.deadline(t(2024, 8, 7, 0, 0))).isEqualTo("2024-08-06 24:00");
        // only A was answered at the wrong level (key, answered by 主要领导 without the district leader's consent)
        assertThat(r.wrongLevel()).extracting(w -> w.appeal().caseId(), AppealFigures.WrongLevel::required)
                .containsExactly(tuple("A", Role.HEAD_CONSENT));
        // open at 10-01 00:00: C (1 day... 0 full days), D (08-01 10:00 → 60 full days), F (10 days), G (0) → only D > 30
        assertThat(r.open()).extracting(o -> o.appeal().caseId(), AppealFigures.Open::days).containsExactly(tuple("D", 60L));
    }

    @Test
    void theHolidayCasesInTheFourthQuarter() {
        AppealFigures.Result r = run(END_Q4, CALENDAR);
        // C studied 10-10 15:00, before its deadline 10-10 24:00: on time, not listed; G studied 10-11 09:00: 1 day late
        assertThat(r.overdue()).extracting(o -> o.appeal().caseId() + o.rule()).doesNotContain("C提级研究");
        assertThat(r.overdue()).filteredOn(o -> o.appeal().caseId().equals("G"))
                .extracting(AppealFigures.Overdue::deadline, AppealFigures.Overdue::done, AppealFigures.Overdue::daysLate)
                .containsExactly(tuple(t(2024, 10, 11, 0, 0), t(2024, 10, 11, 9, 0), 1L));
        // fgj studied by year end: A, E and now C = 3; gxj: G = 1
        assertThat(r.units().get("fgj").studied()).isEqualTo(3);
        assertThat(r.units().get("gxj").studied()).isEqualTo(1);
        // gxj on time: F late, G late (study) → 0/2
        assertThat(r.units().get("gxj").onTimeRate()).isEqualByComparingTo("0.0000");
    }

    @Test
    void aCaseInAYearWithoutCalendarIsAnErrorNamingTheYear(@TempDir Path jobs) throws Exception {
        Files.createDirectories(jobs.resolve("calendars"));
        Files.copy(Path.of("jobs/calendars/2024.yaml"), jobs.resolve("calendars/2024.yaml"));
        WorkingCalendar only2024 = new CalendarRepository(new SchemeProperties(jobs)).calendar();
        // E was registered 2023-12-28: counting its study days starts on 2023-12-29, in a year with no file
        assertThatThrownBy(() -> run(END_Q3, only2024)).isInstanceOf(CalendarException.class).hasMessageContaining("缺少2023年的工作日历");
    }

    static LocalDateTime t(int y, int mo, int d, int h, int mi) {
        return LocalDateTime.of(y, mo, d, h, mi);
    }

    static AppealCase c(String id, String unit, Size size, LocalDateTime received, LocalDateTime registered,
            LocalDateTime studied, LocalDateTime resolved, Level level, Role by, String satisfaction) {
        return new AppealCase(id, 1, unit, "企业" + id, null, size, null, received, registered, studied, resolved, level,
                by, satisfaction);
    }
}
