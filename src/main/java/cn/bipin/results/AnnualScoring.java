package cn.bipin.results;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.bipin.run.Run;
import cn.bipin.run.RunRepository;
import cn.bipin.results.AcceptedValues.Accepted;
import cn.bipin.scheme.Competition;
import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Scheme;

/**
 * Scores the year (年底总比拼): each competition as the mean of the unit's scores in the scored periods of its own
 * cycle (D5; periods before the campaign start are not scored), and the annual total over all competitions.
 */
@Service
public class AnnualScoring {

    private final ScoreRepository scores;
    private final PeriodRuns periodRuns;
    private final CompetitionScoring competitions;
    private final RunRepository runs;

    private final AcceptedValues accepted;

    AnnualScoring(ScoreRepository scores, PeriodRuns periodRuns, CompetitionScoring competitions, RunRepository runs,
            AcceptedValues accepted) {
        this.accepted = accepted;
        this.scores = scores;
        this.periodRuns = periodRuns;
        this.competitions = competitions;
        this.runs = runs;
    }

    @Transactional
    public void score(Run run, Scheme scheme) {
        scores.clear(run.id());
        Map<String, Map<String, BigDecimal>> byCompetition = new LinkedHashMap<>();
        Map<Long, Run> inputs = new LinkedHashMap<>();
        Map<String, Map<String, Accepted>> values = null;
        for (Competition c : scheme.competitions()) {
            Map<String, BigDecimal> s;
            if (c.cycle() == Cycle.ANNUAL) {
                // D13: an annual competition is scored once, from the year's own submissions
                if (values == null) {
                    values = accepted.latest(scheme, run.period());
                }
                s = competitions.fromValues(run, scheme, c, values, Map.of());
            } else {
                List<Run> periods = periodRuns.require(scheme, scheme.scoredPeriods(c.cycle()));
                periods.forEach(p -> inputs.put(p.id(), p));
                s = competitions.fromPeriods(run, c, periods);
            }
            competitions.storeCompetition(run, scheme, c.code(), s, Map.of());
            byCompetition.put(c.code(), s);
        }
        competitions.storeTotals(run, scheme, byCompetition, Map.of());
        runs.recordInputs(run.id(), inputs.values());
    }
}
