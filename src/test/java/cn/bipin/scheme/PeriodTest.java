package cn.bipin.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Periods as a statistician types them (DOMAIN §2), their labels, 序时进度 and deadlines (D11). */
class PeriodTest {

    @ParameterizedTest
    @CsvSource({
            "2024-06, MONTHLY,   2024, 6, 2024-06",
            "2024-6,  MONTHLY,   2024, 6, 2024-06",
            "2024-12, MONTHLY,   2024, 12, 2024-12",
            "2024-Q2, QUARTERLY, 2024, 2, 2024-Q2",
            "2024q2,  QUARTERLY, 2024, 2, 2024-Q2",
            "2024-q4, QUARTERLY, 2024, 4, 2024-Q4",
            "2024,    ANNUAL,    2024, 1, 2024",
    })
    void parsesWhatAStatisticianTypes(String text, Cycle cycle, int year, int index, String code) {
        Period p = Period.parse(text);

        assertThat(p).isEqualTo(new Period(cycle, year, index));
        assertThat(p.code()).isEqualTo(code);
        assertThat(Period.parse(p.code())).isEqualTo(p);
    }

    @Test
    void surroundingSpacesAreIgnored() {
        assertThat(Period.parse(" 2024-06 ")).isEqualTo(Period.month(2024, 6));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2024-13", "2024-00", "2024-Q5", "2024-Q0", "24-06", "2024/06", "六月", "2024-06-01"})
    void rejectsAnythingElseWithTheChineseHint(String text) {
        assertThatThrownBy(() -> Period.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("期间 '" + text + "' 格式不对")
                .hasMessageContaining("2024-06（月）")
                .hasMessageContaining("2024-Q2（季度）")
                .hasMessageContaining("2024（年）");
    }

    @Test
    void nullIsRejectedToo() {
        assertThatThrownBy(() -> Period.parse(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("格式不对");
    }

    @Test
    void chineseLabels() {
        assertThat(Period.parse("2024-06").label()).isEqualTo("2024年6月");
        assertThat(Period.parse("2024-12").label()).isEqualTo("2024年12月");
        assertThat(Period.parse("2024-Q1").label()).isEqualTo("2024年第一季度");
        assertThat(Period.parse("2024-Q2").label()).isEqualTo("2024年第二季度");
        assertThat(Period.parse("2024-Q4").label()).isEqualTo("2024年第四季度");
        assertThat(Period.parse("2024").label()).isEqualTo("2024年度");
    }

    @Test
    void timeProgressIsTheShareOfTheYearElapsed() {
        // month m → m/12: 6/12 = 0.5 exactly
        assertThat(Period.parse("2024-06").timeProgress()).isEqualByComparingTo(new BigDecimal("0.5"));
        // 12/12 = 1
        assertThat(Period.parse("2024-12").timeProgress()).isEqualByComparingTo(BigDecimal.ONE);
        // quarter q → q/4: 3/4 = 0.75; 2/4 = 0.5
        assertThat(Period.parse("2024-Q3").timeProgress()).isEqualByComparingTo(new BigDecimal("0.75"));
        assertThat(Period.parse("2024-Q2").timeProgress()).isEqualByComparingTo(new BigDecimal("0.5"));
        // year → 1
        assertThat(Period.parse("2024").timeProgress()).isEqualByComparingTo(BigDecimal.ONE);
        // 7/12 = 0.58333…: DECIMAL128 keeps 34 significant digits, so ×12 comes back to 7 within 1e-32
        BigDecimal july = Period.parse("2024-07").timeProgress();
        assertThat(july.multiply(BigDecimal.valueOf(12)).subtract(BigDecimal.valueOf(7)).abs())
                .isLessThan(new BigDecimal("1e-32"));
    }

    @Test
    void deadlineIsTheGivenDayOfTheMonthAfterThePeriod_D11() {
        assertThat(Period.parse("2024-06").deadline(20)).isEqualTo(LocalDate.of(2024, 7, 20));
        // December's submissions are due in January of the next year
        assertThat(Period.parse("2024-12").deadline(20)).isEqualTo(LocalDate.of(2025, 1, 20));
        // a quarter's are due the month after its last month: Q2 ends in June → 2024-07-20
        assertThat(Period.parse("2024-Q2").deadline(20)).isEqualTo(LocalDate.of(2024, 7, 20));
        assertThat(Period.parse("2024-Q4").deadline(20)).isEqualTo(LocalDate.of(2025, 1, 20));
        assertThat(Period.parse("2024").deadline(20)).isEqualTo(LocalDate.of(2025, 1, 20));
    }

    @Test
    void firstAndLastMonths() {
        assertThat(Period.parse("2024-Q2").firstMonth()).isEqualTo(YearMonth.of(2024, 4));
        assertThat(Period.parse("2024-Q2").lastMonth()).isEqualTo(YearMonth.of(2024, 6));
        assertThat(Period.parse("2024").firstMonth()).isEqualTo(YearMonth.of(2024, 1));
        assertThat(Period.parse("2024").lastMonth()).isEqualTo(YearMonth.of(2024, 12));
    }

    @Test
    void previousAndNextCrossYearBoundaries() {
        assertThat(Period.parse("2024-01").previous()).isEqualTo(Period.parse("2023-12"));
        assertThat(Period.parse("2024-12").next()).isEqualTo(Period.parse("2025-01"));
        assertThat(Period.parse("2024-06").previous()).isEqualTo(Period.parse("2024-05"));
        assertThat(Period.parse("2024-06").next()).isEqualTo(Period.parse("2024-07"));
        assertThat(Period.parse("2024-Q1").previous()).isEqualTo(Period.parse("2023-Q4"));
        assertThat(Period.parse("2024-Q4").next()).isEqualTo(Period.parse("2025-Q1"));
        assertThat(Period.parse("2024-Q2").next()).isEqualTo(Period.parse("2024-Q3"));
        assertThat(Period.parse("2024").previous()).isEqualTo(Period.parse("2023"));
        assertThat(Period.parse("2024").next()).isEqualTo(Period.parse("2025"));
    }

    @Test
    void periodsOfACycleSortByTime() {
        assertThat(Period.parse("2023-12")).isLessThan(Period.parse("2024-01"));
        assertThat(Period.parse("2024-Q1")).isLessThan(Period.parse("2024-Q2"));
        assertThat(Period.parse("2024-06")).isGreaterThan(Period.parse("2024-05"));
    }
}
