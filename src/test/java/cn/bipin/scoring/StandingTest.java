package cn.bipin.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.bipin.scheme.RankMarks;

/** The thirds of DOMAIN §7.2: ⌈n/3⌉ at each end, ties at the boundary included (D6). */
class StandingTest {

    @Test
    void aThirdIsTheCeilingOfNOverThree() {
        // ⌈30/3⌉ = 10, ⌈4/3⌉ = 2, ⌈7/3⌉ = 3; Jinfeng's bottom three stays 3
        assertThat(RankMarks.THIRDS.marked(30)).isEqualTo(10);
        assertThat(RankMarks.THIRDS.marked(4)).isEqualTo(2);
        assertThat(RankMarks.THIRDS.marked(7)).isEqualTo(3);
        assertThat(RankMarks.BOTTOM3.marked(30)).isEqualTo(3);
    }

    @Test
    void tiesAtTheBoundaryAreIncludedAtBothEnds() {
        // 7 units ranked 1, 2, 3, 3, 5, 6, 6: top third ⌈7/3⌉ = 3 → ranks 1, 2, 3, 3 (four units);
        // bottom third: fewer than 3 ranked below → 5 (two below it), 6, 6
        List<Integer> ranks = List.of(1, 2, 3, 3, 5, 6, 6);
        assertThat(Ranking.inTop(3, 3)).isTrue();
        assertThat(Ranking.inTop(5, 3)).isFalse();
        assertThat(Ranking.inBottom(5, ranks, 3)).isTrue();
        assertThat(Ranking.inBottom(3, ranks, 3)).isFalse();
    }
}
