package cn.bipin.results;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.bipin.results.AcceptedValues.Accepted;
import cn.bipin.run.Run;
import cn.bipin.run.RunRepository;
import cn.bipin.scheme.Competition;
import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.run.RunKind;

/**
 * Scores a quarter (季度专题比拼, R-CYCLE-1): the quarterly competitions from the quarter's submissions, each monthly
 * competition as the mean of the unit's scored months of the quarter (latest completed revision of each month),
 * and the quarter's total over all competitions (R-SCORE-3).
 */
@Service
public class QuarterlyScoring {

    private final AcceptedValues accepted;
    private final ScoreRepository scores;
    private final RunRepository runs;
    private final PeriodRuns periodRuns;
    private final CompetitionScoring competitions;

    QuarterlyScoring(AcceptedValues accepted, ScoreRepository scores, RunRepository runs, PeriodRuns periodRuns,
            CompetitionScoring competitions) {
        this.accepted = accepted;
        this.scores = scores;
        this.runs = runs;
        this.periodRuns = periodRuns;
        this.competitions = competitions;
    }

    @Transactional
    public void score(Run run, Scheme scheme) {
        Period quarter = run.period();
        // a scheme without monthly competitions has no months to wait for (as PeriodRuns.missingInputs says)
        List<Period> months = scheme.competitions(Cycle.MONTHLY).isEmpty() ? List.of()
                : scheme.scoredPeriods(Cycle.MONTHLY).stream().filter(quarter::contains).toList();
        List<Run> monthRuns = months.isEmpty() ? List.of() : periodRuns.require(scheme, months);
        runs.recordInputs(run.id(), monthRuns);
        Map<String, Map<String, Accepted>> values = accepted.latest(scheme, quarter);
        Map<String, Map<String, Accepted>> previousValues = quarter.index() == 1 ? Map.of()
                : accepted.latest(scheme, quarter.previous());
        Map<String, Map<String, Integer>> previousRanks = runs.latestCompleted(RunKind.SCORE, scheme.id(), quarter.previous())
                .map(r -> scores.ranks(r.id())).orElse(Map.of());

        scores.clear(run.id());
        Map<String, Map<String, BigDecimal>> byCompetition = new LinkedHashMap<>();
        for (Competition c : scheme.competitions()) {
            Map<String, BigDecimal> s = c.cycle() == Cycle.QUARTERLY
                    ? competitions.fromValues(run, scheme, c, values, previousValues)
                    : competitions.fromPeriods(run, c, monthRuns);
            competitions.storeCompetition(run, c.code(), s, previousRanks.getOrDefault(c.code(), Map.of()));
            byCompetition.put(c.code(), s);
        }
        competitions.storeTotals(run, scheme, byCompetition, previousRanks.getOrDefault(ScoreRepository.TOTAL, Map.of()));
    }
}
