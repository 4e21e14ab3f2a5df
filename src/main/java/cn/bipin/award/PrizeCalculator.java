package cn.bipin.award;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Top-N prizes within one ranking (D13–D15), as plain Java. The winners are the first N units of the ranking that
 * are not disqualified, and every eligible unit tied with the N-th (ties at the last place all win); a disqualified
 * unit that would have won is listed as excluded with its reasons, and the next-ranked eligible unit takes its
 * place, its note naming whose.
 */
final class PrizeCalculator {

    /** One unit of a ranking: its rank (D6, ties share) and score. */
    record Ranked(String unitCode, int rank, BigDecimal score) {
    }

    /** A line of the prize list: a winner, or a unit that would have won but may not (D15). */
    record Line(String unitCode, int rank, BigDecimal score, boolean won, String note) {
    }

    private PrizeCalculator() {
    }

    /**
     * @param ranking      the pool's ranking, in rank order
     * @param top          N
     * @param disqualified unit → why it may win nothing this year (D15); units absent are eligible
     * @param names        unit → name, for the notes
     */
    static List<Line> top(List<Ranked> ranking, int top, Map<String, String> disqualified, Map<String, String> names) {
        List<Ranked> eligible = ranking.stream().filter(r -> !disqualified.containsKey(r.unitCode())).toList();
        List<Line> lines = new ArrayList<>();
        if (eligible.isEmpty()) {
            ranking.stream().filter(r -> withinTop(r, ranking, top))
                    .forEach(r -> lines.add(excluded(r, disqualified)));
            return lines;
        }
        int cutoff = eligible.get(Math.min(top, eligible.size()) - 1).rank(); // the N-th eligible unit's rank
        List<Ranked> excludedWinners = ranking.stream()
                .filter(r -> disqualified.containsKey(r.unitCode()) && withinTop(r, ranking, top)).toList();
        for (Ranked r : ranking) {
            if (disqualified.containsKey(r.unitCode())) {
                if (excludedWinners.contains(r)) {
                    lines.add(excluded(r, disqualified));
                }
            } else if (r.rank() <= cutoff) {
                boolean replaces = !withinTop(r, ranking, top);
                String note = replaces ? "递补（" + excludedWinners.stream()
                        .map(x -> names.getOrDefault(x.unitCode(), x.unitCode()) + "第" + x.rank() + "名")
                        .reduce((a, b) -> a + "、" + b).orElse("") + "不得评奖）" : "";
                lines.add(new Line(r.unitCode(), r.rank(), r.score(), true, note));
            }
        }
        return lines;
    }

    /** Whether a unit is among the top N of the whole ranking, ties at the N-th place included. */
    private static boolean withinTop(Ranked r, List<Ranked> ranking, int top) {
        return ranking.size() <= top || r.rank() <= ranking.get(top - 1).rank();
    }

    private static Line excluded(Ranked r, Map<String, String> disqualified) {
        return new Line(r.unitCode(), r.rank(), r.score(), false, "不得评奖：" + disqualified.get(r.unitCode()));
    }
}
