package cn.bipin.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The annual result's grades (DOMAIN §7.2): in a ranking pool of n units, the first ⌊n × excellent⌋ places are 优秀 and
 * the last ⌊n × poor⌋ are 较差; units tied at a boundary share its grade (D6), as the bulletin's marks do. A ratio of 0
 * grades no one; a unit is never both (a pool too small for both: 优秀 wins, as {@link Ranking#inBottom} never marks
 * the first place).
 */
public final class Grades {

    public enum Grade {
        EXCELLENT("优秀"),
        POOR("较差");

        private final String label;

        Grade(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private Grades() {
    }

    /** How many places a ratio grades in a pool of n: ⌊n × ratio⌋ (a ratio is a ceiling: 10% of 30 is 3, of 25 is 2). */
    public static int places(int n, BigDecimal ratio) {
        return BigDecimal.valueOf(n).multiply(ratio).setScale(0, RoundingMode.FLOOR).intValueExact();
    }

    /**
     * Unit code → grade, for the graded units only.
     *
     * @param ranks unit code → rank within its pool (standard competition ranking, D6)
     * @param pools the ranking pools' unit codes (D14; one pool when the scheme declares none)
     */
    public static Map<String, Grade> of(Map<String, Integer> ranks, List<List<String>> pools, BigDecimal excellent,
                                        BigDecimal poor) {
        Map<String, Grade> result = new HashMap<>();
        for (List<String> pool : pools) {
            List<Integer> poolRanks = new ArrayList<>();
            for (String unit : pool) {
                Integer r = ranks.get(unit);
                if (r != null) {
                    poolRanks.add(r);
                }
            }
            int top = places(poolRanks.size(), excellent);
            int bottom = places(poolRanks.size(), poor);
            for (String unit : pool) {
                Integer r = ranks.get(unit);
                if (r == null) {
                    continue;
                }
                if (top > 0 && Ranking.inTop(r, top)) {
                    result.put(unit, Grade.EXCELLENT);
                } else if (bottom > 0 && Ranking.inBottom(r, poolRanks, bottom)) {
                    result.put(unit, Grade.POOR);
                }
            }
        }
        return result;
    }
}
