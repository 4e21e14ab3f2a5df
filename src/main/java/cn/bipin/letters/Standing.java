package cn.bipin.letters;

import java.util.List;

import cn.bipin.scheme.RankMarks;
import cn.bipin.scoring.Ranking;

/** Where a rank stands in its ranking of n for the 三分之一 marks: ⌈n/3⌉ at each end, ties at the boundary included. */
enum Standing {
    TOP("前三分之一"),
    MIDDLE("中间三分之一"),
    BOTTOM("后三分之一");

    private final String label;

    Standing(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static Standing of(int rank, List<Integer> ranks) {
        int n = RankMarks.THIRDS.marked(ranks.size());
        if (Ranking.inTop(rank, n)) {
            return TOP;
        }
        return Ranking.inBottom(rank, ranks, n) ? BOTTOM : MIDDLE;
    }
}
