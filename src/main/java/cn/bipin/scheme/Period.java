package cn.bipin.scheme;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scoring period: a month {@code 2024-06}, a quarter {@code 2024-Q2}, a half year {@code 2019-H1} or a year
 * {@code 2024}.
 *
 * @param cycle the period's kind
 * @param year  the year
 * @param index month 1–12, quarter 1–4, half 1–2, or 1 for a year
 */
public record Period(Cycle cycle, int year, int index) implements Comparable<Period> {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-?[Qq]([1-4])");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-?[Hh]([12])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    /** Parses {@code 2024-06}, {@code 2024-6}, {@code 2024-Q2} or {@code 2024}; throws with a Chinese message. */
    public static Period parse(String text) {
        String s = text == null ? "" : text.trim();
        Matcher m = MONTH.matcher(s);
        if (m.matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month >= 1 && month <= 12) {
                return new Period(Cycle.MONTHLY, Integer.parseInt(m.group(1)), month);
            }
        }
        m = QUARTER.matcher(s);
        if (m.matches()) {
            return new Period(Cycle.QUARTERLY, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        m = HALF.matcher(s);
        if (m.matches()) {
            return new Period(Cycle.HALF_YEAR, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        m = YEAR.matcher(s);
        if (m.matches()) {
            return new Period(Cycle.ANNUAL, Integer.parseInt(m.group(1)), 1);
        }
        throw new IllegalArgumentException("期间 '" + text + "' 格式不对，应为 2024-06（月）、2024-Q2（季度）、2019-H1（半年）或 2024（年）");
    }

    public static Period month(int year, int month) {
        return new Period(Cycle.MONTHLY, year, month);
    }

    /** The canonical code used in files, job parameters and exports. */
    public String code() {
        return switch (cycle) {
            case MONTHLY -> String.format("%04d-%02d", year, index);
            case QUARTERLY -> year + "-Q" + index;
            case HALF_YEAR -> year + "-H" + index;
            case ANNUAL -> Integer.toString(year);
        };
    }

    /** The Chinese label, e.g. 2024年6月, 2024年第二季度, 2024年度. */
    public String label() {
        return switch (cycle) {
            case MONTHLY -> year + "年" + index + "月";
            case QUARTERLY -> year + "年第" + "一二三四".charAt(index - 1) + "季度";
            case HALF_YEAR -> year + "年" + (index == 1 ? "上" : "下") + "半年";
            case ANNUAL -> year + "年度";
        };
    }

    /** The short label a reader of a table uses: 7月, 第三季度, 2024年. */
    public String shortLabel() {
        return switch (cycle) {
            case MONTHLY -> index + "月";
            case QUARTERLY -> "第" + "一二三四".charAt(index - 1) + "季度";
            case HALF_YEAR -> (index == 1 ? "上" : "下") + "半年";
            case ANNUAL -> year + "年";
        };
    }

    /** 序时进度: month m → m/12, quarter q → q/4, year → 1 (DOMAIN §2). */
    public BigDecimal timeProgress() {
        return switch (cycle) {
            case MONTHLY -> BigDecimal.valueOf(index).divide(BigDecimal.valueOf(12), MathContext.DECIMAL128);
            case QUARTERLY -> BigDecimal.valueOf(index).divide(BigDecimal.valueOf(4), MathContext.DECIMAL128);
            case HALF_YEAR -> BigDecimal.valueOf(index).divide(BigDecimal.valueOf(2), MathContext.DECIMAL128);
            case ANNUAL -> BigDecimal.ONE;
        };
    }

    /** How many months the period spans. */
    public int months() {
        return switch (cycle) {
            case MONTHLY -> 1;
            case QUARTERLY -> 3;
            case HALF_YEAR -> 6;
            case ANNUAL -> 12;
        };
    }

    /** Whether a period of a finer cycle (a month; a quarter of a half year or a year) lies within this period. */
    public boolean contains(Period inner) {
        return inner.cycle().ordinal() < cycle.ordinal() && !inner.firstMonth().isBefore(firstMonth())
                && !inner.lastMonth().isAfter(lastMonth());
    }

    /** The last month of the period. */
    public YearMonth lastMonth() {
        return switch (cycle) {
            case MONTHLY -> YearMonth.of(year, index);
            case QUARTERLY -> YearMonth.of(year, index * 3);
            case HALF_YEAR -> YearMonth.of(year, index * 6);
            case ANNUAL -> YearMonth.of(year, 12);
        };
    }

    /** The first month of the period. */
    public YearMonth firstMonth() {
        return switch (cycle) {
            case MONTHLY -> YearMonth.of(year, index);
            case QUARTERLY -> YearMonth.of(year, index * 3 - 2);
            case HALF_YEAR -> YearMonth.of(year, index * 6 - 5);
            case ANNUAL -> YearMonth.of(year, 1);
        };
    }

    /** The last day on which a submission is on time (D11): the given day of the month after the period. */
    public LocalDate deadline(int deadlineDay) {
        YearMonth next = lastMonth().plusMonths(1);
        return next.atDay(Math.min(deadlineDay, next.lengthOfMonth()));
    }

    /** The period before this one, of the same cycle. */
    public Period previous() {
        return switch (cycle) {
            case MONTHLY -> index == 1 ? new Period(cycle, year - 1, 12) : new Period(cycle, year, index - 1);
            case QUARTERLY -> index == 1 ? new Period(cycle, year - 1, 4) : new Period(cycle, year, index - 1);
            case HALF_YEAR -> index == 1 ? new Period(cycle, year - 1, 2) : new Period(cycle, year, index - 1);
            case ANNUAL -> new Period(cycle, year - 1, 1);
        };
    }

    /** The period after this one, of the same cycle. */
    public Period next() {
        return switch (cycle) {
            case MONTHLY -> index == 12 ? new Period(cycle, year + 1, 1) : new Period(cycle, year, index + 1);
            case QUARTERLY -> index == 4 ? new Period(cycle, year + 1, 1) : new Period(cycle, year, index + 1);
            case HALF_YEAR -> index == 2 ? new Period(cycle, year + 1, 1) : new Period(cycle, year, index + 1);
            case ANNUAL -> new Period(cycle, year + 1, 1);
        };
    }

    @Override
    public int compareTo(Period o) {
        int byEnd = lastMonth().compareTo(o.lastMonth());
        return byEnd != 0 ? byEnd : cycle.compareTo(o.cycle);
    }

    @Override
    public String toString() {
        return code();
    }
}
