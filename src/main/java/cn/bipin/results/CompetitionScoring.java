package cn.bipin.results;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.bipin.results.AcceptedValues.Accepted;
import cn.bipin.results.ScoreRepository.DimensionScoreRow;
import cn.bipin.results.ScoreRepository.RankedScore;
import cn.bipin.run.Run;
import cn.bipin.scheme.Basis;
import cn.bipin.scheme.Competition;
import cn.bipin.scheme.Dimension;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.scoring.DimensionResult;
import cn.bipin.scoring.DimensionScorer;
import cn.bipin.scoring.Means;
import cn.bipin.scoring.Ranking;
import cn.bipin.scoring.Weighted;
import cn.bipin.scoring.WeightedScore;

/**
 * Scores one competition of a run — from submitted values, or as the mean of its scores in earlier runs — and
 * stores every score with its inputs; ranks and stores competition and total scores. The arithmetic is
 * {@code cn.bipin.scoring}'s; the cycles' scoring services decide what to feed it.
 */
@Component
class CompetitionScoring {

    /** Method recorded for a score that is the mean of a competition's scores in earlier periods (D5). */

    private final ScoreRepository scores;

    CompetitionScoring(ScoreRepository scores) {
        this.scores = scores;
    }

    /**
     * Scores a competition's dimensions from the latest accepted values of the run's period; returns the
     * competition score per participant, in scheme order.
     */
    Map<String, BigDecimal> fromValues(Run run, Scheme scheme, Competition competition,
            Map<String, Map<String, Accepted>> values, Map<String, Map<String, Accepted>> previousValues) {
        Period period = run.period();
        BigDecimal timeProgress = period.timeProgress();
        Map<String, List<WeightedScore>> parts = new LinkedHashMap<>();
        for (Dimension d : competition.dimensions()) {
            Map<String, Accepted> reported = values.getOrDefault(d.code(), Map.of());
            Map<String, BigDecimal> pool = new HashMap<>();
            competition.participants().stream().filter(reported::containsKey)
                    .forEach(u -> pool.put(u, reported.get(u).value()));
            // D14: min, max and ranks of a dimension are taken within each ranking pool's participants
            List<DimensionResult> results = new ArrayList<>();
            for (List<String> poolUnits : scheme.poolUnits()) {
                List<String> participants = competition.participants().stream().filter(poolUnits::contains).toList();
                if (!participants.isEmpty()) {
                    results.addAll(DimensionScorer.score(d, participants, pool,
                            u -> scheme.target(d, u, period).orElse(null), timeProgress));
                }
            }
            for (DimensionResult r : results) {
                Accepted source = reported.get(r.unitCode());
                Accepted previous = previousValues.getOrDefault(d.code(), Map.of()).get(r.unitCode());
                scores.insertDimension(run.id(), new DimensionScoreRow(competition.code(), d.code(), r.unitCode(),
                        r.value(), ownAmount(d, period, r.value(), previous), r.target(), timeProgress,
                        d.method().key(), r.score(), r.missing(), source == null ? null : source.rowId()));
                parts.computeIfAbsent(r.unitCode(), u -> new ArrayList<>()).add(new WeightedScore(d.weight(), r.score()));
            }
        }
        Map<String, BigDecimal> result = new LinkedHashMap<>();
        parts.forEach((unit, p) -> result.put(unit, Weighted.score(p)));
        return result;
    }

    /**
     * A competition scored as the mean of the unit's scores in the given runs of earlier periods (D5; a quarter's
     * monthly competitions). Each period score is stored as a component, coded {@code <competition>@<period>}.
     */
    Map<String, BigDecimal> fromPeriods(Run run, Competition competition, List<Run> periodRuns) {
        Map<String, List<BigDecimal>> byUnit = new LinkedHashMap<>();
        competition.participants().forEach(u -> byUnit.put(u, new ArrayList<>()));
        for (Run periodRun : periodRuns) {
            Map<String, BigDecimal> periodScores = new HashMap<>();
            scores.competitions(periodRun.id()).stream().filter(s -> s.competitionCode().equals(competition.code()))
                    .forEach(s -> periodScores.put(s.unitCode(), s.score()));
            for (String unit : competition.participants()) {
                BigDecimal s = periodScores.get(unit);
                scores.insertDimension(run.id(), new DimensionScoreRow(competition.code(),
                        ComponentCode.of(competition, periodRun.period()), unit, s, null, null,
                        periodRun.period().timeProgress(), ScoreRepository.PERIOD_MEAN, s == null ? BigDecimal.ZERO.setScale(2) : s,
                        s == null, null));
                if (s != null) {
                    byUnit.get(unit).add(s);
                }
            }
        }
        Map<String, BigDecimal> result = new LinkedHashMap<>();
        byUnit.forEach((unit, list) -> result.put(unit, list.isEmpty() ? BigDecimal.ZERO.setScale(2) : Means.mean(list)));
        return result;
    }

    /** Ranks a competition's scores (D6) within each ranking pool (D14) and stores them with the unit's rank in the previous period. */
    void storeCompetition(Run run, Scheme scheme, String competitionCode, Map<String, BigDecimal> competitionScores,
            Map<String, Integer> previousRanks) {
        Ranking.rankInPools(competitionScores, scheme.poolUnits()).forEach((unit, rank) -> scores.insertCompetition(run.id(),
                new RankedScore(competitionCode, unit, competitionScores.get(unit), rank, previousRanks.get(unit))));
    }

    /** The total of each unit over the competitions it takes part in (R-SCORE-3, D3), ranked and stored. */
    void storeTotals(Run run, Scheme scheme, Map<String, Map<String, BigDecimal>> byCompetition,
            Map<String, Integer> previousRanks) {
        storeRankedTotals(run, scheme, totals(scheme, byCompetition), previousRanks);
    }

    /** Each unit's total over the competitions it takes part in (R-SCORE-3, D3), in scheme order. */
    Map<String, BigDecimal> totals(Scheme scheme, Map<String, Map<String, BigDecimal>> byCompetition) {
        Map<String, List<WeightedScore>> parts = new LinkedHashMap<>();
        for (Competition c : scheme.competitions()) {
            byCompetition.getOrDefault(c.code(), Map.of()).forEach((unit, score) ->
                    parts.computeIfAbsent(unit, u -> new ArrayList<>()).add(new WeightedScore(c.weight(), score)));
        }
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        scheme.units().forEach(u -> {
            if (parts.containsKey(u.code())) {
                totals.put(u.code(), Weighted.score(parts.get(u.code())));
            }
        });
        return totals;
    }

    /** Ranks the totals as published (D6, D14) and stores them with each unit's rank in the previous period. */
    void storeRankedTotals(Run run, Scheme scheme, Map<String, BigDecimal> totals, Map<String, Integer> previousRanks) {
        Ranking.rankInPools(totals, scheme.poolUnits()).forEach((unit, rank) -> scores.insertTotal(run.id(),
                new RankedScore(null, unit, totals.get(unit), rank, previousRanks.get(unit))));
    }

    /**
     * D10: a cumulative figure's own amount for the period is the difference from the previous period's cumulative
     * figure (the first period of the year: the figure itself); shown beside the value, never scored.
     */
    static BigDecimal ownAmount(Dimension d, Period period, BigDecimal value, Accepted previous) {
        if (d.basis() != Basis.CUMULATIVE || value == null) {
            return null;
        }
        if (period.index() == 1) {
            return value;
        }
        return previous == null ? null : value.subtract(previous.value());
    }
}
