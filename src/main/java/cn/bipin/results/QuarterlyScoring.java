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
        // the finer periods this one is built from: the months of a quarter, the months and quarters of a half year,
        // of the cycles the scheme has competitions of
        Map<Cycle, List<Run>> finerRuns = new LinkedHashMap<>();
        List<Run> inputs = new java.util.ArrayList<>();
        for (Cycle cycle : Cycle.values()) {
            if (cycle.ordinal() >= quarter.cycle().ordinal() || scheme.competitions(cycle).isEmpty()) {
                continue;
            }
            List<Period> periods = scheme.scoredPeriods(cycle).stream().filter(quarter::contains).toList();
            List<Run> found = periods.isEmpty() ? List.of() : periodRuns.require(scheme, periods);
            finerRuns.put(cycle, found);
            inputs.addAll(found);
        }
        runs.recordInputs(run.id(), inputs);
        Map<String, Map<String, Accepted>> values = accepted.latest(scheme, quarter);
        Map<String, Map<String, Accepted>> previousValues = quarter.index() == 1 ? Map.of()
                : accepted.latest(scheme, quarter.previous());
        Map<String, Map<String, Integer>> previousRanks = runs.latestCompleted(RunKind.SCORE, scheme.id(), quarter.previous())
                .map(r -> scores.ranks(r.id())).orElse(Map.of());

        scores.clear(run.id());
        Map<String, Map<String, BigDecimal>> byCompetition = new LinkedHashMap<>();
        for (Competition c : scheme.competitions()) {
            Map<String, BigDecimal> s;
            if (scheme.scoredFromValues(c, quarter.cycle())) {
                s = competitions.fromValues(run, scheme, c, values, previousValues);
            } else if (finerRuns.containsKey(c.cycle())) {
                s = competitions.fromPeriods(run, c, finerRuns.get(c.cycle()));
            } else {
                continue; // a coarser competition the scheme does not check in this cycle
            }
            competitions.storeCompetition(run, scheme, c.code(), s, previousRanks.getOrDefault(c.code(), Map.of()));
            byCompetition.put(c.code(), s);
        }
        competitions.storeTotals(run, scheme, byCompetition, previousRanks.getOrDefault(ScoreRepository.TOTAL, Map.of()));
    }
}
