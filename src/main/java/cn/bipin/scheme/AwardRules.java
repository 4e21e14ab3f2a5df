package cn.bipin.scheme;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How annual results are applied to units (R-AWARD-1): points to the efficiency assessment when every period rank
 * and the annual rank are good enough, a larger share of 优秀 grades, and work funds by annual rank; and, as data,
 * prizes to the top units of each ranking pool (综合奖) or of each competition (单项奖), who may lose them for the
 * reasons of D15, and the 表态发言 list of units short of a target.
 *
 * @param plus        the point tiers, best first (e.g. +3 then +1)
 * @param excellentQuotaIncrease added to the unit's 优秀 share with the best tier (0.05 = +5%)
 * @param workFunds   元 for annual rank 1, 2, 3, …; tied units each get their rank's amount
 * @param prizes      prizes to the top N of a ranking, in the order the scheme file lists them
 * @param disqualify  what keeps a unit from every prize of the year (D15); empty: nothing does
 * @param statementBelow units whose completion of any target (value ÷ target) is below this share are listed for
 *                    表态发言 (1 = 100%); null: no such list
 */
public record AwardRules(List<PointTier> plus, BigDecimal excellentQuotaIncrease, List<BigDecimal> workFunds,
        List<Prize> prizes, Set<Disqualifier> disqualify, BigDecimal statementBelow) {

    public AwardRules {
        prizes = prizes == null ? List.of() : List.copyOf(prizes);
        // in the order of the enum, so lists and messages read the same every time
        disqualify = disqualify == null || disqualify.isEmpty() ? Set.of()
                : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(disqualify));
    }

    public AwardRules(List<PointTier> plus, BigDecimal excellentQuotaIncrease, List<BigDecimal> workFunds) {
        this(plus, excellentQuotaIncrease, workFunds, List.of(), Set.of(), null);
    }

    /**
     * Points granted when every period rank is ≤ {@code maxPeriodRank} and the annual rank ≤ {@code maxAnnualRank}.
     *
     * @param competitions the competitions whose period ranks count; empty: every monthly and quarterly one
     */
    public record PointTier(int points, int maxPeriodRank, int maxAnnualRank, Set<String> competitions) {

        public PointTier {
            competitions = competitions == null ? Set.of() : Set.copyOf(competitions);
        }

        public PointTier(int points, int maxPeriodRank, int maxAnnualRank) {
            this(points, maxPeriodRank, maxAnnualRank, Set.of());
        }

        /** Whether a period rank in this competition is part of the condition. */
        public boolean counts(String competitionCode) {
            return competitions.isEmpty() || competitions.contains(competitionCode);
        }
    }

    /** What a prize ranks: the annual total of each pool, or each competition's annual score within each pool. */
    public enum Ranks {
        TOTAL, COMPETITIONS
    }

    /**
     * A prize: the top {@code top} of each pool's ranking (of the total, or of each competition among its
     * participants), ties at the last place all winning, each receiving {@code amount} 元.
     *
     * @param topByCompetition per competition code, its own N (单项奖 N per item); others use {@code top}
     */
    public record Prize(String code, String name, Ranks ranks, int top, Map<String, Integer> topByCompetition,
            BigDecimal amount) {

        public Prize {
            topByCompetition = topByCompetition == null ? Map.of() : Map.copyOf(topByCompetition);
        }

        public int top(String competitionCode) {
            return competitionCode == null ? top : topByCompetition.getOrDefault(competitionCode, top);
        }
    }

    /** D15: why a unit may win no prize in the year. */
    public enum Disqualifier {
        LATE("逾期报送"), MISSING("未报送"), FALSIFIED("虚报");

        private final String label;

        Disqualifier(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** No award rules: a scheme that applies no results. */
    public static AwardRules none() {
        return new AwardRules(List.of(), BigDecimal.ZERO, List.of());
    }
}
