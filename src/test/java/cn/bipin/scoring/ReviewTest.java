package cn.bipin.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;

import org.junit.jupiter.api.Test;

import cn.bipin.scoring.Review.Carry;
import cn.bipin.scoring.Review.Fate;
import cn.bipin.scoring.Review.Month;

/** D16–D18 by hand: k 0.2 point per percentage point of shortfall, cap 5. */
class ReviewTest {

    static final BigDecimal K = new BigDecimal("0.2");
    static final BigDecimal CAP = new BigDecimal("5");
    static final BigDecimal APRIL = tp(4);
    static final BigDecimal MAY = tp(5);
    static final BigDecimal JUNE = tp(6);

    static BigDecimal tp(int month) {
        return BigDecimal.valueOf(month).divide(BigDecimal.valueOf(12), MathContext.DECIMAL128);
    }

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void aCoefficientScalesTheRawScoreRoundedToTwoDecimals() {
        // 52.00 × 1.10 = 57.20; 48.00 × 0.90 = 43.20; 33.33 × 1.05 = 34.9965 → 35.00 (HALF_UP, D4)
        assertThat(Review.month(d("52.00"), d("1.10"), d("0.52"), JUNE, K, CAP, null).published()).isEqualByComparingTo("57.20");
        assertThat(Review.month(d("48.00"), d("0.90"), d("0.50"), JUNE, K, CAP, null).scaled()).isEqualByComparingTo("43.20");
        assertThat(Review.month(d("33.33"), d("1.05"), d("0.60"), JUNE, K, CAP, null).scaled()).isEqualByComparingTo("35.00");
    }

    @Test
    void aUnitBehindTimeProgressIsDeductedAndTheNextMonthRestoredWhenItCatchesUp() {
        // April: 序时进度 4/12 = 33.33%; completion 30.00% → shortfall 3.33 points × 0.2 = 0.666 → 0.67
        Month april = Review.month(d("30.00"), BigDecimal.ONE, d("0.30"), APRIL, K, CAP, null);
        assertThat(april.timeProgress()).isEqualByComparingTo("0.3333");
        assertThat(april.lagging()).isTrue();
        assertThat(april.deducted()).isEqualByComparingTo("0.67");
        assertThat(april.published()).isEqualByComparingTo("29.33"); // 30.00 − 0.67
        assertThat(april.streak()).isEqualTo(1);
        // May: 序时进度 5/12 = 41.67%; completion 42.00% ≥ 41.67% → April's 0.67 restored (返还): 42.00 + 0.67
        Month may = Review.month(d("42.00"), BigDecimal.ONE, d("0.42"), MAY, K, CAP, april.carry());
        assertThat(may.lagging()).isFalse();
        assertThat(may.deducted()).isEqualByComparingTo("0.00");
        assertThat(may.previousFate()).isEqualTo(Fate.RESTORED);
        assertThat(may.restored()).isEqualByComparingTo("0.67");
        assertThat(may.published()).isEqualByComparingTo("42.67");
        assertThat(may.streak()).isZero();
    }

    @Test
    void aDeductionBecomesFinalWhenTheUnitStillLagsAndTheCapHolds() {
        // April: completion 5.00% vs 33.33% → 28.33 points × 0.2 = 5.666 → capped at 5.00; 5.00 − 5.00 = 0.00
        Month april = Review.month(d("5.00"), BigDecimal.ONE, d("0.05"), APRIL, K, CAP, null);
        assertThat(april.deducted()).isEqualByComparingTo("5.00");
        assertThat(april.published()).isEqualByComparingTo("0.00");
        // May: completion 30.00% vs 41.67% → 11.67 × 0.2 = 2.334 → 2.33; April's 5.00 confirmed (确认扣除): not added back
        Month may = Review.month(d("27.00"), BigDecimal.ONE, d("0.30"), MAY, K, CAP, april.carry());
        assertThat(may.deducted()).isEqualByComparingTo("2.33");
        assertThat(may.previousFate()).isEqualTo(Fate.CONFIRMED);
        assertThat(may.previousDeducted()).isEqualByComparingTo("5.00");
        assertThat(may.restored()).isEqualByComparingTo("0.00");
        assertThat(may.published()).isEqualByComparingTo("24.67"); // 27.00 − 2.33
    }

    @Test
    void theLadderClimbsGreenOrangeRedAndResetsWhenTheUnitCatchesUp() {
        Month april = Review.month(d("20"), BigDecimal.ONE, d("0.20"), APRIL, K, CAP, null);   // 20% < 33.33%
        Month may = Review.month(d("30"), BigDecimal.ONE, d("0.30"), MAY, K, CAP, april.carry()); // 30% < 41.67%
        Month june = Review.month(d("48"), BigDecimal.ONE, d("0.48"), JUNE, K, CAP, may.carry()); // 48% < 50%
        Month july = Review.month(d("60"), BigDecimal.ONE, d("0.60"), tp(7), K, CAP, june.carry()); // 60% ≥ 58.33%
        assertThat(new int[] {april.streak(), may.streak(), june.streak(), july.streak()}).containsExactly(1, 2, 3, 0);
        // June: 2.00 points × 0.2 = 0.40; July restores it: 60.00 + 0.40
        assertThat(june.deducted()).isEqualByComparingTo("0.40");
        assertThat(july.published()).isEqualByComparingTo("60.40");
    }

    @Test
    void reachingTimeProgressExactlyIsNotLaggingAndNothingReportedCountsAsZero() {
        // June: 50.00% = 50.00% → not lagging
        assertThat(Review.month(d("50"), BigDecimal.ONE, d("0.5"), JUNE, K, CAP, null).lagging()).isFalse();
        // nothing reported: 0% vs 50% → 50 × 0.2 = 10 → cap 5.00
        assertThat(Review.month(d("0"), BigDecimal.ONE, null, JUNE, K, CAP, Carry.NONE).deducted()).isEqualByComparingTo("5.00");
    }
}
