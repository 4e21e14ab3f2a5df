package cn.bipin.inbox;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static cn.bipin.testsupport.TestScheme.FUNDS;
import static cn.bipin.testsupport.TestScheme.GROWTH;
import static cn.bipin.testsupport.TestScheme.START_RATE;
import static org.assertj.core.api.Assertions.assertThat;

class ValueParserTest {

    private static void accepted(ParsedValue p, String expected) {
        assertThat(p.ok()).as("accepted, but got: %s", p.error()).isTrue();
        assertThat(p.value()).isEqualByComparingTo(expected);
    }

    private static void rejected(ParsedValue p, String message) {
        assertThat(p.ok()).isFalse();
        assertThat(p.value()).isNull();
        assertThat(p.error()).isEqualTo(message);
    }

    private static ParsedValue text(String raw, cn.bipin.scheme.Dimension d) {
        return ValueParser.parse(raw, null, false, d);
    }

    @Test
    void valuesThatDoNotFitDecimal30And10AreRejectedNotStored() {
        // DECIMAL(30, 10) keeps 20 integer digits: 10^20 − 1 fits, 10^20 does not
        accepted(ValueParser.parse("99999999999999999999", null, false, FUNDS), "99999999999999999999");
        rejected(ValueParser.parse("100000000000000000000", null, false, FUNDS),
                "'100000000000000000000' 超出可存储的范围（整数部分最多20位），请检查是否多填了数字");
        // a numeric cell of 1E+308 is quoted in E notation, not as 309 digits
        rejected(ValueParser.parse("", new BigDecimal("1E+308"), false, FUNDS),
                "'1E+308' 超出可存储的范围（整数部分最多20位），请检查是否多填了数字");
        // more than 10 decimal places round half up to 10: 0.12345678905 → 0.1234567891
        accepted(ValueParser.parse("0.12345678905", null, false, GROWTH), "0.1234567891");
        // 0.000…01 with 5,000 zeros is 0 at 10 places, at once
        accepted(ValueParser.parse("0." + "0".repeat(5000) + "1", null, false, GROWTH), "0");
    }

    @Test
    void numericCellIsTakenAsIs() {
        accepted(ValueParser.parse("1234.5", new BigDecimal("1234.5"), false, FUNDS), "1234.5");
    }

    @Test
    void percentFormattedCellHoldsTheFraction() {
        // D10: a percent-formatted cell holding 0.45 means 0.45 (shown as 45%)
        accepted(ValueParser.parse("45%", new BigDecimal("0.45"), true, START_RATE), "0.45");
    }

    @Test
    void percentFormattedCellInAnAmountDimensionIsRejected() {
        rejected(ValueParser.parse("45%", new BigDecimal("0.45"), true, FUNDS),
                "'45%' 是百分数，但该指标单位是万元，请直接填写数值");
    }

    @Test
    void bareNumericOverTenInPercentDimensionIsRejectedWithHint() {
        // D10: |45| > 10 (over 1000%) is implausible; the unit meant 45%
        rejected(ValueParser.parse("45", new BigDecimal("45"), false, START_RATE), "'45' 超出合理范围，是否应为 45%?");
    }

    @Test
    void fullWidthDigitsAreNormalised() {
        accepted(text("１２３", FUNDS), "123");
        // １，２３４．５ → 1,234.5 → 1234.5
        accepted(text("１，２３４．５", FUNDS), "1234.5");
    }

    @Test
    void thousandsSeparatorsAreRemovedWhenCorrectlyGrouped() {
        accepted(text("1,234.5", FUNDS), "1234.5");
        accepted(text("12,345,678", FUNDS), "12345678");
        accepted(text("  1234  ", FUNDS), "1234");
    }

    @Test
    void letterOInsteadOfZeroIsNotANumber() {
        rejected(text("12,3O0", FUNDS), "'12,3O0' 不是数字");
    }

    @Test
    void wronglyGroupedCommaIsNotANumber() {
        rejected(text("1,23", FUNDS), "'1,23' 不是数字（千分位逗号位置不对）");
        rejected(text("1E3", FUNDS), "'1E3' 不是数字");
        rejected(text("约100", FUNDS), "'约100' 不是数字");
    }

    @Test
    void percentSignInPercentDimensionBecomesFraction() {
        // 85% → 85 / 100 = 0.85
        accepted(text("85%", START_RATE), "0.85");
        accepted(text("８５％", START_RATE), "0.85");
        // 12.5 % → 0.125
        accepted(text("12.5 %", START_RATE), "0.125");
    }

    @Test
    void percentSignInAmountDimensionIsRejected() {
        rejected(text("85%", FUNDS), "'85%' 带百分号，但该指标单位是万元，请直接填写数值");
    }

    @Test
    void bareNumberInPercentDimension() {
        accepted(text("0.45", START_RATE), "0.45");
        // taken as the fraction as typed: 5 = 500%, implausible but not over 10
        accepted(text("5", START_RATE), "5");
        // the boundary: 10 is not over 10
        accepted(text("10", START_RATE), "10");
        rejected(text("10.5", START_RATE), "'10.5' 超出合理范围，是否应为 10.5%?");
        rejected(text("45", START_RATE), "'45' 超出合理范围，是否应为 45%?");
        rejected(text("-45", GROWTH), "'-45' 超出合理范围，是否应为 -45%?");
    }

    @Test
    void negativeOnlyWhereAllowed() {
        rejected(text("-5", FUNDS), "'-5' 不能为负数");
        rejected(text("-5%", START_RATE), "'-5%' 不能为负数");
        rejected(ValueParser.parse("-3", new BigDecimal("-3"), false, FUNDS), "'-3' 不能为负数");
        accepted(text("-0.05", GROWTH), "-0.05");
        // －５％ → -5% → -0.05
        accepted(text("－５％", GROWTH), "-0.05");
        accepted(text("0", FUNDS), "0");
    }

    @Test
    void emptyIsNotFilled() {
        rejected(text("", FUNDS), "未填写数值");
        rejected(text(null, FUNDS), "未填写数值");
        rejected(text(" \u3000 ", FUNDS), "未填写数值");
    }

    @Test
    void normalisesWhatAChineseInputMethodTypes() {
        // full-width digits, sign, point, percent and letters; ideographic and no-break spaces around
        assertThat(ValueParser.normalise("\u3000－１２．５％\u00A0")).isEqualTo("-12.5%");
        assertThat(ValueParser.normalise("９１６４０１０６ＭＡ")).isEqualTo("91640106MA");
        assertThat(ValueParser.plainNumber("1,234.5")).isEqualByComparingTo("1234.5");
        assertThat(ValueParser.plainNumber("12,3O0")).isNull();
    }
}
