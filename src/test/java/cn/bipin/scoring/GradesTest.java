package cn.bipin.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.bipin.scoring.Grades.Grade;

/** The annual result's 优/差 (DOMAIN §7.2), worked by hand. */
class GradesTest {

    private static final BigDecimal TEN = new BigDecimal("0.10");

    @Test
    void tenPercentOfThirtyIsThreeOfTwentyFiveTwoOfNineNone() {
        // ⌊30 × 0.1⌋ = 3, ⌊25 × 0.1⌋ = ⌊2.5⌋ = 2, ⌊9 × 0.1⌋ = 0; 0% grades no one
        assertThat(Grades.places(30, TEN)).isEqualTo(3);
        assertThat(Grades.places(25, TEN)).isEqualTo(2);
        assertThat(Grades.places(9, TEN)).isZero();
        assertThat(Grades.places(30, BigDecimal.ZERO)).isZero();
    }

    @Test
    void theFirstAndLastPlacesOfAPoolWithTiesAtTheBoundary() {
        // 20 units a01…a20: ⌊20 × 0.1⌋ = 2 each way. Ranks 1, 2, 2, 4, …, 18, 19, 19 (a19 and a20 tie for 19th):
        // 优秀 are the ranks before which fewer than 2 units stand: 1 (0 above), 2 and 2 (1 above) → a01, a02, a03;
        // 较差 are the ranks below which fewer than 2 units stand: 19, 19 (0 below), 18 (2 below: no) → a19, a20.
        Map<String, Integer> ranks = new LinkedHashMap<>();
        ranks.put("a01", 1);
        ranks.put("a02", 2);
        ranks.put("a03", 2);
        for (int i = 4; i <= 18; i++) {
            ranks.put(String.format("a%02d", i), i);
        }
        ranks.put("a19", 19);
        ranks.put("a20", 19);
        Map<String, Grade> grades = Grades.of(ranks, List.of(List.copyOf(ranks.keySet())), TEN, TEN);
        assertThat(grades).containsOnly(Map.entry("a01", Grade.EXCELLENT), Map.entry("a02", Grade.EXCELLENT),
                Map.entry("a03", Grade.EXCELLENT), Map.entry("a19", Grade.POOR), Map.entry("a20", Grade.POOR));
        assertThat(Grade.EXCELLENT.label()).isEqualTo("优秀");
        assertThat(Grade.POOR.label()).isEqualTo("较差");
    }

    @Test
    void eachPoolIsGradedOnItsOwnAndAZeroRatioGradesNoOne() {
        // pool x: 10 units ranked 1…10, 10% → 1 each way: x1 优秀, x10 较差; pool y: 5 units, ⌊0.5⌋ = 0 → none;
        // with poor 0% pool x has no 较差
        Map<String, Integer> ranks = new LinkedHashMap<>();
        List<String> x = new java.util.ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            ranks.put("x" + i, i);
            x.add("x" + i);
        }
        List<String> y = List.of("y1", "y2", "y3", "y4", "y5");
        for (int i = 1; i <= 5; i++) {
            ranks.put("y" + i, i);
        }
        assertThat(Grades.of(ranks, List.of(x, y), TEN, TEN))
                .containsOnly(Map.entry("x1", Grade.EXCELLENT), Map.entry("x10", Grade.POOR));
        assertThat(Grades.of(ranks, List.of(x, y), TEN, BigDecimal.ZERO)).containsOnly(Map.entry("x1", Grade.EXCELLENT));
    }
}
