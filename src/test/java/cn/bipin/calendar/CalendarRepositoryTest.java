package cn.bipin.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.bipin.scheme.SchemeProperties;

/** Calendar files are checked at load, and a year without a file is an error naming it, in Chinese. */
class CalendarRepositoryTest {

    @TempDir
    Path jobs;

    @Test
    void aDeadlineRunningIntoAYearWithoutAFileNamesTheMissingFile() throws IOException {
        Files.createDirectories(jobs.resolve("calendars"));
        Files.copy(Path.of("jobs/calendars/2024.yaml"), jobs.resolve("calendars/2024.yaml"));
        WorkingCalendar calendar = repository().calendar();

        // Within 2024 it works: Fri 2024-12-27 -> 12-30 Mon = 1, 12-31 Tue = 2 -> ends 24:00 on 12-31.
        assertThat(calendar.deadline(LocalDateTime.of(2024, 12, 27, 9, 0), 2))
                .isEqualTo(LocalDateTime.of(2025, 1, 1, 0, 0));
        // A third day would be counted in 2025, which has no file here.
        assertThatThrownBy(() -> calendar.deadline(LocalDateTime.of(2024, 12, 27, 9, 0), 3))
                .isInstanceOf(CalendarException.class)
                .hasMessageStartingWith("缺少2025年的工作日历：" + jobs.resolve("calendars/2025.yaml"));
        assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2023, 12, 29)))
                .hasMessageStartingWith("缺少2023年的工作日历：" + jobs.resolve("calendars/2023.yaml"));
    }

    @Test
    void noCalendarFolderAtAllIsTheSameError() {
        WorkingCalendar calendar = repository().calendar();
        assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2024, 3, 1)))
                .hasMessageStartingWith("缺少2024年的工作日历：" + jobs.resolve("calendars/2024.yaml"));
    }

    @Test
    void aDateOutsideTheFilesYear() throws IOException {
        Path file = write("2024.yaml", "year: 2024\nholidays: []\nworkdays: [2025-01-04]\n");
        assertThatThrownBy(() -> repository().calendar()).isInstanceOf(CalendarException.class)
                .hasMessage("工作日历文件 " + file + " 的 workdays[0]：日期 2025-01-04 不在 2024 年内");
    }

    @Test
    void aHolidayEndingBeforeItStarts() throws IOException {
        Path file = write("2024.yaml", "year: 2024\nholidays:\n  - {name: 春节, from: 2024-02-17, to: 2024-02-10}\n");
        assertThatThrownBy(() -> repository().calendar())
                .hasMessage("工作日历文件 " + file + " 的 holidays[0].to：假期结束日 2024-02-10 早于开始日 2024-02-17");
    }

    @Test
    void aMakeUpDayThatIsNotAWeekend() throws IOException {
        // 2024-02-05 is a Monday: listing it as a make-up day is a typo for 02-04 (Sunday).
        Path file = write("2024.yaml", "year: 2024\nholidays: []\nworkdays: [2024-02-04, 2024-02-05]\n");
        assertThatThrownBy(() -> repository().calendar())
                .hasMessage("工作日历文件 " + file + " 的 workdays[1]：调休上班日 2024-02-05 是星期一，应为星期六或星期日（周一至周五本来就上班）");
    }

    @Test
    void aDateBothHolidayAndWorkday() throws IOException {
        // 2024-02-10 is a Saturday inside 春节 02-10..02-17.
        Path file = write("2024.yaml", """
                year: 2024
                holidays:
                  - {name: 春节, from: 2024-02-10, to: 2024-02-17}
                workdays: [2024-02-10]
                """);
        assertThatThrownBy(() -> repository().calendar())
                .hasMessage("工作日历文件 " + file + " 的 workdays[0]：2024-02-10 同时列为假期「春节」和调休上班日");
    }

    @Test
    void aDateThatDoesNotExistIsNotRolledOver() throws IOException {
        // YAML's own timestamps would read 2024-02-30 as March 1st; the loader refuses it.
        Path file = write("2024.yaml", "year: 2024\nholidays:\n  - {name: 春节, from: 2024-02-10, to: 2024-02-30}\n");
        assertThatThrownBy(() -> repository().calendar())
                .hasMessage("工作日历文件 " + file + " 的 holidays[0].to：应为日期（如 2024-02-10），实际为 '2024-02-30'");
    }

    @Test
    void theYearMustMatchTheFileName() throws IOException {
        Path file = write("2024.yaml", "year: 2025\nholidays: []\n");
        assertThatThrownBy(() -> repository().calendar())
                .hasMessage("工作日历文件 " + file + " 的 year：年份 2025 应与文件名 2024 一致");
    }

    @Test
    void aMisspelledKey() throws IOException {
        Path file = write("2024.yaml", "year: 2024\nholiday: []\n");
        assertThatThrownBy(() -> repository().calendar())
                .hasMessage("工作日历文件 " + file + " 的 holiday：未知的配置项（拼写错误？），可用的有：holidays、workdays、year");
    }

    @Test
    void aFileNotNamedByItsYear() throws IOException {
        Path file = write("calendar-2024.yaml", "year: 2024\nholidays: []\n");
        assertThatThrownBy(() -> repository().calendar())
                .hasMessage("工作日历文件 " + file + "：文件名应为四位年份加 .yaml（如 2024.yaml）");
    }

    @Test
    void brokenYaml() throws IOException {
        Path file = write("2024.yaml", "year: 2024\nholidays: [{name: 春节, from: 2024-02-10\n");
        assertThatThrownBy(() -> repository().calendar())
                .hasMessageStartingWith("工作日历文件 " + file + "：YAML 格式错误：");
    }

    private CalendarRepository repository() {
        return new CalendarRepository(new SchemeProperties(jobs));
    }

    private Path write(String name, String text) throws IOException {
        Path file = jobs.resolve("calendars").resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
