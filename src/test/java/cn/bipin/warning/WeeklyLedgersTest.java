package cn.bipin.warning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

/**
 * Weekly ledgers are due by the Friday of their ISO week. 2023-01-01 is a Sunday, so ISO week 1 of 2023 starts on
 * Monday 2023-01-02; week 14 starts 2023-01-02 + 13 × 7 days = 2023-04-03 and its Friday is 2023-04-07.
 */
class WeeklyLedgersTest {

    static final WorkingGroups GROUPS = WarningRulesTest.GROUPS;

    @Test
    void aFileNamesItsWeekAndDepartment() {
        WeeklyLedgers.Named n = WeeklyLedgers.name("2023-W14-高新区税务局.xlsx", GROUPS, 2023);
        assertThat(n.problem()).isNull();
        assertThat(n.week()).isEqualTo("2023-W14");
        assertThat(n.unit()).isEqualTo("swj");
        assertThat(n.due()).isEqualTo(LocalDate.of(2023, 4, 7));
        // by code, week without leading zero: 2023-W5 starts 2023-01-02 + 28 = 01-30, Friday 02-03
        WeeklyLedgers.Named byCode = WeeklyLedgers.name("swj_2023W5.docx", GROUPS, 2023);
        assertThat(byCode.week()).isEqualTo("2023-W05");
        assertThat(byCode.due()).isEqualTo(LocalDate.of(2023, 2, 3));
    }

    @Test
    void lateIsAfterTheFriday() {
        LocalDate friday = LocalDate.of(2023, 4, 7);
        assertThat(WeeklyLedgers.late(LocalDateTime.of(2023, 4, 7, 23, 30), friday)).isFalse();
        assertThat(WeeklyLedgers.late(LocalDateTime.of(2023, 4, 8, 8, 0), friday)).isTrue();
    }

    @Test
    void badNamesSayWhat() {
        assertThat(WeeklyLedgers.name("台账.xlsx", GROUPS, 2023).problem()).contains("文件名中没有周次");
        assertThat(WeeklyLedgers.name("2023-W54-swj.xlsx", GROUPS, 2023).problem()).contains("2023年共 52 周");
        assertThat(WeeklyLedgers.name("2023-W14-不存在局.xlsx", GROUPS, 2023).problem()).contains("文件名中没有本方案的部门");
        // 农业农村办 is a responsible department of no group with co-departments: it owes no weekly ledger
        assertThat(WeeklyLedgers.name("2023-W14-农业农村办.xlsx", GROUPS, 2023).problem()).contains("不是任何工作组的协同部门");
    }
}
