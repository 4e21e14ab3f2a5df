package cn.bipin.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Standard competition ranking (D6: 1, 2, 2, 4), shared by published ranks and by {@code rank_points},
 * which ranks raw values rather than rounded scores.
 */
final class CompetitionRanks {

    private CompetitionRanks() {
    }

    /**
     * Ranks the entries, best first by {@code better} (a comparator that orders the better value first).
     * Equal values (by {@code compareTo}, so 1.0 equals 1.00) share a rank and the next rank is skipped.
     * The sort is stable: tied keys keep the iteration order of {@code values}.
     */
    static Map<String, Integer> rank(Map<String, BigDecimal> values, Comparator<BigDecimal> better) {
        List<Map.Entry<String, BigDecimal>> entries = new ArrayList<>(values.entrySet());
        for (Map.Entry<String, BigDecimal> e : entries) {
            if (e.getValue() == null) {
                throw new IllegalArgumentException("no score to rank for unit " + e.getKey());
            }
        }
        entries.sort(Map.Entry.comparingByValue(better));
        Map<String, Integer> ranks = new LinkedHashMap<>();
        BigDecimal previous = null;
        int rank = 0;
        for (int i = 0; i < entries.size(); i++) {
            BigDecimal value = entries.get(i).getValue();
            if (previous == null || value.compareTo(previous) != 0) {
                rank = i + 1;
            }
            ranks.put(entries.get(i).getKey(), rank);
            previous = value;
        }
        return ranks;
    }
}
