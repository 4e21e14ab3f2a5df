package cn.bipin.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;

/**
 * Scores every accepted ballot of the year received so far (in all runs) and stores what it computed, so the
 * bulletin step — and anyone later — reads the run's figures from the database rather than recomputing them.
 */
@Component
class EvaluationScoring {

    private final EvaluationInputs inputs;
    private final EvaluationResults results;

    EvaluationScoring(EvaluationInputs inputs, EvaluationResults results) {
        this.inputs = inputs;
        this.results = results;
    }

    EvaluationResult score(EvaluationRules rules, String scheme, String period, long runId) {
        Map<String, Integer> itemIndex = itemIndex(rules);
        List<Ballot> ballots = new ArrayList<>();
        // item rows arrive ballot by ballot; a ballot is complete when the next one starts
        EvaluationInputs.ScoredItem[] head = {null};
        BigDecimal[][] scores = {null};
        Runnable emit = () -> {
            if (scores[0] != null && Arrays.stream(scores[0]).noneMatch(Objects::isNull)) {
                ballots.add(new Ballot(head[0].tokenHash(), head[0].raterGroup(), head[0].targetUnit(),
                        Arrays.asList(scores[0])));
            }
        };
        inputs.scoredItems(scheme, period, item -> {
            if (head[0] == null || item.fileId() != head[0].fileId() || item.rowNo() != head[0].rowNo()) {
                emit.run();
                head[0] = item;
                scores[0] = new BigDecimal[rules.items().size()];
            }
            Integer at = itemIndex.get(item.itemCode());
            if (at != null) {
                scores[0][at] = item.score();
            }
        });
        emit.run();
        EvaluationResult result = EvaluationScorer.score(rules, ballots);
        store(rules, runId, result);
        return result;
    }

    private void store(EvaluationRules rules, long runId, EvaluationResult result) {
        List<EvaluationResults.Total> totals = new ArrayList<>();
        List<EvaluationResults.GroupScore> groups = new ArrayList<>();
        List<EvaluationResults.ItemScore> items = new ArrayList<>();
        for (EvaluationResult.TargetResult t : result.targets()) {
            totals.add(new EvaluationResults.Total(t.target(), t.total(), t.rank()));
            for (EvaluationResult.GroupResult g : t.groups()) {
                groups.add(new EvaluationResults.GroupScore(t.target(), g.group(), g.ballots(), g.score(), g.dropped()));
                for (int i = 0; i < g.itemScores().size(); i++) {
                    items.add(new EvaluationResults.ItemScore(t.target(), g.group(), rules.items().get(i).code(),
                            g.itemScores().get(i)));
                }
            }
        }
        results.store(runId, totals, groups, items, new EvaluationCounts(result.ballots(), result.replaced()));
    }

    /** The result a run stored, as {@link #score} returned it. */
    EvaluationResult load(EvaluationRules rules, long runId) {
        Map<String, Integer> itemIndex = itemIndex(rules);
        Map<String, Map<String, List<BigDecimal>>> itemScores = new HashMap<>();
        for (EvaluationResults.ItemScore i : results.itemScores(runId)) {
            itemScores.computeIfAbsent(i.targetUnit(), k -> new HashMap<>())
                    .computeIfAbsent(i.raterGroup(), k -> new ArrayList<>(Collections.nCopies(rules.items().size(),
                            (BigDecimal) null)))
                    .set(itemIndex.get(i.itemCode()), i.score());
        }
        Map<String, List<EvaluationResult.GroupResult>> groups = new LinkedHashMap<>();
        for (EvaluationResults.GroupScore g : results.groupScores(runId)) {
            List<BigDecimal> scores = itemScores.getOrDefault(g.targetUnit(), Map.of()).getOrDefault(g.raterGroup(), List.of());
            groups.computeIfAbsent(g.targetUnit(), k -> new ArrayList<>()).add(new EvaluationResult.GroupResult(
                    g.raterGroup(), g.ballots(), scores, g.score(), g.dropped()));
        }
        List<String> groupOrder = rules.groups().stream().map(EvaluationRules.RaterGroup::code).toList();
        List<EvaluationResult.TargetResult> targets = new ArrayList<>();
        for (EvaluationResults.Total t : results.totals(runId)) {
            List<EvaluationResult.GroupResult> g = new ArrayList<>(groups.getOrDefault(t.targetUnit(), List.of()));
            g.sort(Comparator.comparingInt(x -> groupOrder.indexOf(x.group())));
            targets.add(new EvaluationResult.TargetResult(t.targetUnit(), List.copyOf(g),
                    EvaluationScorer.itemColumns(rules, g), t.score(), t.rankNo()));
        }
        // rows of equal rank: keep the scheme's target order
        targets.sort(Comparator.comparing((EvaluationResult.TargetResult t) -> t.rank() == null
                ? Integer.MAX_VALUE : t.rank()).thenComparingInt(t -> rules.targets().indexOf(t.target())));
        EvaluationCounts counts = counts(runId);
        return new EvaluationResult(List.copyOf(targets), counts.ballots(), counts.replaced());
    }

    /** What a run scored; none for a run that did not get as far as scoring. */
    EvaluationCounts counts(long runId) {
        return results.counts(runId);
    }

    private static Map<String, Integer> itemIndex(EvaluationRules rules) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < rules.items().size(); i++) {
            index.put(rules.items().get(i).code(), i);
        }
        return index;
    }
}
