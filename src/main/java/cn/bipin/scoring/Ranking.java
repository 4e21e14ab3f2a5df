package cn.bipin.scoring;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Published ranks (D6) and the rank-change marks of the monthly bulletin (R-CYCLE-1). */
public final class Ranking {

    /** The mark for an unchanged rank: an en dash, as in DOMAIN §3.4. */
    static final String SAME = "–";
    /** The mark for a unit that had no rank in the previous period. */
    static final String NEW = "新";

    private Ranking() {
    }

    /**
     * Standard competition ranks, higher score first, on the score rounded to 2 decimals (D4/D6): two units
     * whose bulletin shows the same score share a rank. The result iterates in rank order; tied units keep
     * the iteration order of {@code scores}, so pass a {@link LinkedHashMap} in scheme order.
     *
     * @throws IllegalArgumentException if a score is null
     */
    public static Map<String, Integer> rank(Map<String, BigDecimal> scores) {
        Map<String, BigDecimal> rounded = new LinkedHashMap<>();
        scores.forEach((unit, score) -> rounded.put(unit, score == null ? null : Scores.round(score)));
        return CompetitionRanks.rank(rounded, Comparator.<BigDecimal>reverseOrder());
    }

    /**
     * {@link #rank} within each pool (D14): a unit's rank counts only the units of its own pool. Units of no pool are
     * not ranked. The result iterates pool by pool, each in rank order; with one pool holding every unit it is
     * exactly {@link #rank}.
     */
    public static Map<String, Integer> rankInPools(Map<String, BigDecimal> scores, java.util.List<java.util.List<String>> pools) {
        Map<String, Integer> result = new LinkedHashMap<>();
        for (java.util.List<String> pool : pools) {
            Map<String, BigDecimal> inPool = new LinkedHashMap<>();
            scores.forEach((unit, score) -> {
                if (pool.contains(unit)) {
                    inPool.put(unit, score);
                }
            });
            result.putAll(rank(inPool));
        }
        return result;
    }

    /**
     * Whether a rank is among the last {@code n} of a ranking: fewer than {@code n} units rank strictly below it, so
     * units tied at the boundary are all in it (D6). With 17 units ranked 1…17 the bottom three are 15, 16, 17; ranked
     * 1…12, 13, 13, 13, 16, 17 they are the five from 13 on. A unit ranked first is never among the last: in a small
     * pool ranked 1, 1, 1, 4, 5 (or a ranking where everyone ties) the winners are not marked, only 4 and 5 are.
     */
    public static boolean inBottom(int rank, java.util.Collection<Integer> ranks, int n) {
        return rank > 1 && ranks.stream().filter(r -> r > rank).count() < n;
    }

    /**
     * Whether a standard competition rank (D6) is among the first {@code n}: fewer than {@code n} units rank strictly
     * above it, so units tied at the boundary are all in it (ranked 1, 2, 3, 3 with n = 3: all four).
     */
    public static boolean inTop(int rank, int n) {
        return rank - 1 < n;
    }

    /**
     * The change against the previous period: {@code ↑2} when the unit climbed two places, {@code ↓1} when
     * it fell one, {@code –} when unchanged, {@code 新} when it had no previous rank.
     */
    public static String change(Integer previousRank, int rank) {
        if (previousRank == null) {
            return NEW;
        }
        int climbed = previousRank - rank;
        if (climbed > 0) {
            return "↑" + climbed;
        }
        if (climbed < 0) {
            return "↓" + (-climbed);
        }
        return SAME;
    }
}
