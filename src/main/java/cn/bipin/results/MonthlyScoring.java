package cn.bipin.results;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.bipin.results.AcceptedValues.Accepted;
import cn.bipin.results.ScoreRepository.DimensionScoreRow;
import cn.bipin.results.ScoreRepository.RankedScore;
import cn.bipin.run.Run;
import cn.bipin.run.RunRepository;
import cn.bipin.scheme.Basis;
import cn.bipin.scheme.Competition;
import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Dimension;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.scoring.DimensionResult;
import cn.bipin.scoring.DimensionScorer;
import cn.bipin.scoring.Ranking;
import cn.bipin.scoring.Weighted;
import cn.bipin.scoring.WeightedScore;

/**
 * Scores a month: the monthly competitions' dimensions from the latest accepted values, then competition scores,
 * the month's total over the competitions scored that month, ranks and rank changes against the previous month's
 * latest completed revision. The arithmetic is {@code cn.bipin.scoring}'s; this class feeds it and stores the
 * results with their inputs.
 */
@Service
public class MonthlyScoring {

    /** The key under which {@link ScoreRepository#ranks} keeps the total's ranks. */
    private static final String TOTAL = "";

    private final AcceptedValues accepted;
    private final ScoreRepository scores;
    private final RunRepository runs;

    MonthlyScoring(AcceptedValues accepted, ScoreRepository scores, RunRepository runs) {
        this.accepted = accepted;
        this.scores = scores;
        this.runs = runs;
    }

    @Transactional
    public void score(Run run, Scheme scheme) {
        Period period = run.period();
        BigDecimal timeProgress = period.timeProgress();
        Map<String, Map<String, Accepted>> values = accepted.latest(scheme.id(), period.code());
        Map<String, Map<String, Accepted>> previousValues = period.index() == 1 ? Map.of()
                : accepted.latest(scheme.id(), period.previous().code());
        Map<String, Map<String, Integer>> previousRanks = runs.latestCompleted(scheme.id(), Cycle.MONTHLY, period.previous())
                .map(r -> scores.ranks(r.id())).orElse(Map.of());

        scores.clear(run.id());
        Map<String, List<WeightedScore>> totalParts = new LinkedHashMap<>();
        for (Competition competition : scheme.competitions(Cycle.MONTHLY)) {
            Map<String, List<WeightedScore>> parts = new LinkedHashMap<>();
            for (Dimension d : competition.dimensions()) {
                Map<String, Accepted> reported = values.getOrDefault(d.code(), Map.of());
                Map<String, BigDecimal> pool = new HashMap<>();
                competition.participants().stream().filter(reported::containsKey)
                        .forEach(u -> pool.put(u, reported.get(u).value()));
                List<DimensionResult> results = DimensionScorer.score(d, competition.participants(), pool,
                        u -> scheme.target(d, u).orElse(null), timeProgress);
                for (DimensionResult r : results) {
                    Accepted source = reported.get(r.unitCode());
                    scores.insertDimension(run.id(), new DimensionScoreRow(competition.code(), d.code(), r.unitCode(),
                            r.value(), monthAmount(d, period, r.value(),
                                    previousValues.getOrDefault(d.code(), Map.of()).get(r.unitCode())),
                            r.target(), timeProgress, d.method().key(), r.score(), r.missing(),
                            source == null ? null : source.rowId()));
                    parts.computeIfAbsent(r.unitCode(), u -> new ArrayList<>()).add(new WeightedScore(d.weight(), r.score()));
                }
            }
            Map<String, BigDecimal> competitionScores = new LinkedHashMap<>();
            parts.forEach((unit, p) -> competitionScores.put(unit, Weighted.score(p)));
            Map<String, Integer> previous = previousRanks.getOrDefault(competition.code(), Map.of());
            Ranking.rank(competitionScores).forEach((unit, rank) -> scores.insertCompetition(run.id(),
                    new RankedScore(competition.code(), unit, competitionScores.get(unit), rank, previous.get(unit))));
            competitionScores.forEach((unit, s) -> totalParts.computeIfAbsent(unit, u -> new ArrayList<>())
                    .add(new WeightedScore(competition.weight(), s)));
        }
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        scheme.units().forEach(u -> {
            if (totalParts.containsKey(u.code())) {
                totals.put(u.code(), Weighted.score(totalParts.get(u.code())));
            }
        });
        Map<String, Integer> previousTotal = previousRanks.getOrDefault(TOTAL, Map.of());
        Ranking.rank(totals).forEach((unit, rank) -> scores.insertTotal(run.id(),
                new RankedScore(null, unit, totals.get(unit), rank, previousTotal.get(unit))));
    }

    /**
     * D10: a cumulative figure's own month amount is the difference from the previous month's cumulative figure
     * (January's is the figure itself); shown beside the value, never scored.
     */
    static BigDecimal monthAmount(Dimension d, Period period, BigDecimal value, Accepted previous) {
        if (d.basis() != Basis.CUMULATIVE || value == null) {
            return null;
        }
        if (period.index() == 1) {
            return value;
        }
        return previous == null ? null : value.subtract(previous.value());
    }
}
