package cn.bipin.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.bipin.scoring.Ranking;
import cn.bipin.scoring.Weighted;
import cn.bipin.scoring.WeightedScore;

/**
 * D8 without Spring or SQL: ballots in, per target the group and item scores, the total and the rank. Each level
 * is computed from the rounded scores of the level below (D4): item mean → group score → total.
 */
final class EvaluationScorer {

    private EvaluationScorer() {
    }

    /**
     * @param ballots accepted ballots in the order received; a later ballot of the same token for the same target
     *                replaces the earlier one
     */
    static EvaluationResult score(EvaluationRules rules, List<Ballot> ballots) {
        Map<String, Ballot> effective = new LinkedHashMap<>();
        int replaced = 0;
        for (Ballot b : ballots) {
            if (effective.put(b.replacementKey(), b) != null) {
                replaced++;
            }
        }
        // target → group → item index → scores
        Map<String, Map<String, List<List<BigDecimal>>>> byTarget = new HashMap<>();
        for (Ballot b : effective.values()) {
            List<List<BigDecimal>> perItem = byTarget.computeIfAbsent(b.target(), t -> new HashMap<>())
                    .computeIfAbsent(b.group(), g -> newLists(rules.items().size()));
            for (int i = 0; i < b.scores().size(); i++) {
                perItem.get(i).add(b.scores().get(i));
            }
        }
        Map<String, EvaluationResult.TargetResult> unranked = new LinkedHashMap<>();
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        for (String target : rules.targets()) {
            EvaluationResult.TargetResult r = target(rules, target, byTarget.getOrDefault(target, Map.of()));
            unranked.put(target, r);
            if (r.total() != null) {
                totals.put(target, r.total());
            }
        }
        Map<String, Integer> ranks = Ranking.rank(totals);
        List<EvaluationResult.TargetResult> result = new ArrayList<>();
        ranks.forEach((target, rank) -> {
            EvaluationResult.TargetResult r = unranked.get(target);
            result.add(new EvaluationResult.TargetResult(target, r.groups(), r.itemScores(), r.total(), rank));
        });
        unranked.values().stream().filter(r -> r.total() == null).forEach(result::add);
        result.sort(Comparator.comparing((EvaluationResult.TargetResult r) -> r.rank() == null ? Integer.MAX_VALUE : r.rank()));
        return new EvaluationResult(List.copyOf(result), effective.size(), replaced);
    }

    private static EvaluationResult.TargetResult target(EvaluationRules rules, String target,
            Map<String, List<List<BigDecimal>>> byGroup) {
        List<EvaluationResult.GroupResult> groups = new ArrayList<>();
        List<WeightedScore> totalParts = new ArrayList<>();
        for (EvaluationRules.RaterGroup g : rules.groups()) {
            List<List<BigDecimal>> perItem = byGroup.get(g.code());
            int n = perItem == null ? 0 : perItem.get(0).size();
            if (n < rules.minBallots()) {
                groups.add(new EvaluationResult.GroupResult(g.code(), n, List.of(), null, true));
                continue;
            }
            List<BigDecimal> itemScores = new ArrayList<>();
            List<WeightedScore> parts = new ArrayList<>();
            for (int i = 0; i < rules.items().size(); i++) {
                BigDecimal mean = TrimmedMean.of(perItem.get(i), rules.trimFrom());
                itemScores.add(mean);
                parts.add(new WeightedScore(rules.items().get(i).weight(), mean));
            }
            BigDecimal groupScore = Weighted.score(parts);
            groups.add(new EvaluationResult.GroupResult(g.code(), n, List.copyOf(itemScores), groupScore, false));
            totalParts.add(new WeightedScore(g.weight(), groupScore));
        }
        if (totalParts.isEmpty()) {
            return new EvaluationResult.TargetResult(target, List.copyOf(groups), List.of(), null, null);
        }
        return new EvaluationResult.TargetResult(target, List.copyOf(groups), itemColumns(rules, groups),
                Weighted.score(totalParts), null);
    }

    /**
     * Each item's score over the groups counted, weighted as the groups are (the ranking's item columns, for
     * reference); empty when every group was dropped.
     */
    static List<BigDecimal> itemColumns(EvaluationRules rules, List<EvaluationResult.GroupResult> groups) {
        List<BigDecimal> result = new ArrayList<>();
        for (int i = 0; i < rules.items().size(); i++) {
            List<WeightedScore> parts = new ArrayList<>();
            for (EvaluationResult.GroupResult g : groups) {
                if (!g.dropped()) {
                    BigDecimal w = rules.group(g.group()).map(EvaluationRules.RaterGroup::weight).orElse(BigDecimal.ZERO);
                    parts.add(new WeightedScore(w, g.itemScores().get(i)));
                }
            }
            if (parts.isEmpty()) {
                return List.of();
            }
            result.add(Weighted.score(parts));
        }
        return result;
    }

    private static <T> List<List<T>> newLists(int n) {
        List<List<T>> lists = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lists.add(new ArrayList<>());
        }
        return lists;
    }
}
