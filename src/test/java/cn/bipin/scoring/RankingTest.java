package cn.bipin.scoring;

import static cn.bipin.scoring.Fixtures.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

/** D6: standard competition ranks on the rounded score, and the monthly rank-change marks. */
class RankingTest {

    @Test
    void tiesShareARankAndTheNextIsSkipped() {
        // 90 > 85 = 85 > 80 → 1, 2, 2, 4 (no rank 3)
        var ranks = Ranking.rank(values("a", "80.00", "b", "85.00", "c", "90.00", "d", "85.00"));
        assertThat(ranks).containsExactly(entry("c", 1), entry("b", 2), entry("d", 2), entry("a", 4));
    }

    @Test
    void tiedUnitsKeepInputOrder() {
        // same scores as above, d given before b → d listed first within rank 2
        var ranks = Ranking.rank(values("d", "85.00", "b", "85.00", "c", "90.00", "a", "80.00"));
        assertThat(ranks).containsExactly(entry("c", 1), entry("d", 2), entry("b", 2), entry("a", 4));
    }

    @Test
    void allEqualAreAllFirst() {
        var ranks = Ranking.rank(values("a", "70.00", "b", "70.00", "c", "70.00"));
        assertThat(ranks).containsExactly(entry("a", 1), entry("b", 1), entry("c", 1));
    }

    @Test
    void ranksOnTheRoundedScore() {
        // 85.004 → 85.00 and 85.001 → 85.00: the bulletin shows both as 85.00, so they tie;
        // 85.005 → 85.01 is strictly ahead of them
        var ranks = Ranking.rank(values("a", "85.004", "b", "85.001", "c", "85.005"));
        assertThat(ranks).containsExactly(entry("c", 1), entry("a", 2), entry("b", 2));
    }

    @Test
    void scaleDoesNotBreakATie() {
        // 90.0 and 90.00 are the same score
        var ranks = Ranking.rank(values("a", "90.0", "b", "90.00", "c", "95"));
        assertThat(ranks).containsExactly(entry("c", 1), entry("a", 2), entry("b", 2));
    }

    @Test
    void rejectsAMissingScore() {
        assertThatThrownBy(() -> Ranking.rank(values("a", "90.00", "b", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b");
    }

    @Test
    void rankChangeMarks() {
        // 3rd last month, 1st now: climbed 3 − 1 = 2 places
        assertThat(Ranking.change(3, 1)).isEqualTo("↑2");
        // 2nd last month, 3rd now: fell 3 − 2 = 1 place
        assertThat(Ranking.change(2, 3)).isEqualTo("↓1");
        // unchanged: an en dash (U+2013), as DOMAIN §3.4 prints it
        assertThat(Ranking.change(4, 4)).isEqualTo("\u2013");
        // no rank last month (first scored month, or newly participating)
        assertThat(Ranking.change(null, 5)).isEqualTo("新");
    }

    @Test
    void theBottomThreeIncludeEveryUnitTiedAtTheBoundary() {
        // 1…17: 15, 16, 17 have 2, 1, 0 units below them (< 3); 14 has 3 below
        java.util.List<Integer> plain = java.util.stream.IntStream.rangeClosed(1, 17).boxed().toList();
        assertThat(plain.stream().filter(r -> Ranking.inBottom(r, plain, 3))).containsExactly(15, 16, 17);
        // 1…12, 13, 13, 13, 16, 17: each 13th has only 16 and 17 below it, so five units are marked
        java.util.List<Integer> tied = new java.util.ArrayList<>(java.util.stream.IntStream.rangeClosed(1, 12).boxed().toList());
        tied.addAll(java.util.List.of(13, 13, 13, 16, 17));
        assertThat(tied.stream().filter(r -> Ranking.inBottom(r, tied, 3))).containsExactly(13, 13, 13, 16, 17);
        // a tie for last: 1, 2, 2, 2 → the three 2nds and nothing else (the 1st has three below it)
        assertThat(java.util.stream.Stream.of(1, 2, 2, 2).filter(r -> Ranking.inBottom(r, java.util.List.of(1, 2, 2, 2), 3)))
                .containsExactly(2, 2, 2);
        // a small pool (D14) ranked 1, 1, 1, 4, 5: the three 1sts have only 4 and 5 below them, but winners are
        // never marked; 4 (one below) and 5 (none below) are
        java.util.List<Integer> pool = java.util.List.of(1, 1, 1, 4, 5);
        assertThat(pool.stream().filter(r -> Ranking.inBottom(r, pool, 3))).containsExactly(4, 5);
        // everyone tied (nobody reported): nobody is marked
        java.util.List<Integer> allTied = java.util.List.of(1, 1, 1, 1);
        assertThat(allTied.stream().filter(r -> Ranking.inBottom(r, allTied, 3))).isEmpty();
    }
}
