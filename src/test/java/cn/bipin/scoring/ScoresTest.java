package cn.bipin.scoring;

import static cn.bipin.scoring.Fixtures.bd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScoresTest {

    @Test
    void roundsHalfUpToTwoDecimals() {
        // 61.725: the third decimal is exactly 5 → HALF_UP goes up to 61.73 (HALF_EVEN would give 61.72)
        assertThat(Scores.round(bd("61.725")).toPlainString()).isEqualTo("61.73");
        // 61.724999: below the half → 61.72
        assertThat(Scores.round(bd("61.724999")).toPlainString()).isEqualTo("61.72");
    }

    @Test
    void alwaysHasScaleTwo() {
        // 100 and 0 are published as 100.00 and 0.00 (scores CSV: exactly 2 decimals)
        assertThat(Scores.round(bd("100")).toPlainString()).isEqualTo("100.00");
        assertThat(Scores.round(bd("0")).toPlainString()).isEqualTo("0.00");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> Scores.round(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
