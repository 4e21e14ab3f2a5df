package cn.bipin.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** D8: below 5 ballots the plain mean; from 5 on, one highest and one lowest dropped. Rounded per D4. */
class TrimmedMeanTest {

    private static List<BigDecimal> scores(String... s) {
        return Arrays.stream(s).map(BigDecimal::new).toList();
    }

    @Test
    void fourBallotsArePlainlyAveraged() {
        // (100 + 90 + 60 + 50) / 4 = 300 / 4 = 75.00 — nothing dropped below 5 ballots
        assertThat(TrimmedMean.of(scores("100", "90", "60", "50"), 5)).isEqualByComparingTo("75.00");
    }

    @Test
    void fiveBallotsDropOneEachEnd() {
        // drop 100 and 50 → (90 + 80 + 60) / 3 = 230 / 3 = 76.666… → 76.67 (HALF_UP)
        assertThat(TrimmedMean.of(scores("90", "100", "50", "80", "60"), 5)).isEqualByComparingTo("76.67");
    }

    @Test
    void tiedExtremesLoseOnlyOneCopyEach() {
        // 95, 95, 70, 50, 50: drop one 95 and one 50 → (95 + 70 + 50) / 3 = 215 / 3 = 71.666… → 71.67
        assertThat(TrimmedMean.of(scores("95", "50", "95", "70", "50"), 5)).isEqualByComparingTo("71.67");
        // all equal: 85 × 6, drop one each end → 85 × 4 / 4 = 85.00
        assertThat(TrimmedMean.of(scores("85", "85", "85", "85", "85", "85"), 5)).isEqualByComparingTo("85.00");
    }

    @Test
    void roundsHalfUpToTwoDecimals() {
        // (80.5 + 80.5 + 80.6 + 80.56) / 4 = 322.16 / 4 = 80.54; (0.01 + 0) / 2 = 0.005 → 0.01 (HALF_UP)
        assertThat(TrimmedMean.of(scores("80.5", "80.5", "80.6", "80.56"), 5)).isEqualByComparingTo("80.54");
        assertThat(TrimmedMean.of(scores("0.01", "0"), 5)).isEqualByComparingTo("0.01");
    }

    @Test
    void theThresholdComesFromTheScheme() {
        // trim_from 3: 100, 70, 40 → drop 100 and 40 → 70.00; trim_from 5 → (210) / 3 = 70.00 too, so use 100, 70, 10:
        // trimmed 70.00, plain (100 + 70 + 10) / 3 = 60.00
        assertThat(TrimmedMean.of(scores("100", "70", "10"), 3)).isEqualByComparingTo("70.00");
        assertThat(TrimmedMean.of(scores("100", "70", "10"), 5)).isEqualByComparingTo("60.00");
    }

    @Test
    void noScoresIsAnError() {
        assertThatThrownBy(() -> TrimmedMean.of(List.of(), 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
