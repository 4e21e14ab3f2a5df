package cn.bipin.scoring;

import static cn.bipin.scoring.Fixtures.bd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** D5: the annual competition score is the mean of the unit's period scores. */
class MeansTest {

    @Test
    void meanOfThreeMonths() {
        // (80.00 + 85.50 + 90.25) / 3 = 255.75 / 3 = 85.25
        assertThat(Means.mean(List.of(bd("80.00"), bd("85.50"), bd("90.25")))).isEqualByComparingTo("85.25");
    }

    @Test
    void nonTerminatingMeanIsRoundedHalfUp() {
        // (80.00 + 80.00 + 80.01) / 3 = 240.01 / 3 = 80.00333… → 80.00
        assertThat(Means.mean(List.of(bd("80.00"), bd("80.00"), bd("80.01"))).toPlainString()).isEqualTo("80.00");
        // (70.00 + 70.01) / 2 = 70.005 → HALF_UP 70.01
        assertThat(Means.mean(List.of(bd("70.00"), bd("70.01"))).toPlainString()).isEqualTo("70.01");
    }

    @Test
    void averagesThePublishedScoresNotTheFullPrecisionOnes() {
        // D4. Rounded first: 80.005 → 80.01, 80.005 → 80.01, 80.004 → 80.00; 240.02 / 3 = 80.00666… → 80.01.
        // Unrounded it would be 240.014 / 3 = 80.004666… → 80.00.
        assertThat(Means.mean(List.of(bd("80.005"), bd("80.005"), bd("80.004")))).isEqualByComparingTo("80.01");
    }

    @Test
    void rejectsAnEmptyList() {
        assertThatThrownBy(() -> Means.mean(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
