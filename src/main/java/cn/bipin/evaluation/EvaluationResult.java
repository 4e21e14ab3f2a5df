package cn.bipin.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The scored evaluation: per target, per group the ballot count, item scores and group score; the total and rank.
 *
 * @param targets  in rank order; targets without any scored group last, in scheme order
 * @param ballots  effective ballots scored (after replacement)
 * @param replaced earlier ballots that a later ballot of the same token for the same target replaced
 */
record EvaluationResult(List<TargetResult> targets, int ballots, int replaced) {

    /**
     * @param groups     one per rater group, in the scheme's group order
     * @param itemScores per item, the group scores of that item weighted by the groups kept (for reading only;
     *                   the total is computed from the group scores); empty when no group was kept
     * @param total      Σ group weight × group score / Σ weights of the groups kept; null when none was kept
     * @param rank       D6 rank on the total; null when there is no total
     */
    record TargetResult(String target, List<GroupResult> groups, List<BigDecimal> itemScores, BigDecimal total,
            Integer rank) {

        List<GroupResult> dropped() {
            return groups.stream().filter(GroupResult::dropped).toList();
        }
    }

    /**
     * @param ballots    effective ballots of this group for the target
     * @param itemScores (trimmed) mean per item, rounded; empty when dropped
     * @param score      Σ item weight × item score / Σ item weights; null when dropped
     * @param dropped    fewer ballots than the scheme's minimum: not counted, the other groups re-normalised
     */
    record GroupResult(String group, int ballots, List<BigDecimal> itemScores, BigDecimal score, boolean dropped) {
    }

    Optional<TargetResult> target(String code) {
        return targets.stream().filter(t -> t.target().equals(code)).findFirst();
    }
}
