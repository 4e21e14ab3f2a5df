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
import cn.bipin.scheme.ReviewRules;
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
        if (ReviewRules.configured(scheme)) {
            // DOMAIN §7.2: the year ranks on what each month published (coefficient and 预扣分 applied, D16–D17)
            List<Run> months = periodRuns.require(scheme, scheme.scoredPeriods(Cycle.MONTHLY));
            months.forEach(p -> inputs.put(p.id(), p));
            competitions.storeRankedTotals(run, scheme, publishedMean(scheme, months), Map.of());
        } else {
            competitions.storeTotals(run, scheme, byCompetition, Map.of());
        }
        runs.recordInputs(run.id(), inputs.values());
    }

    /** Each unit's mean (D5, D4) of its published monthly totals, over the months it has one, in scheme order. */
    private Map<String, BigDecimal> publishedMean(Scheme scheme, List<Run> months) {
        Map<String, List<BigDecimal>> byUnit = new java.util.HashMap<>();
        for (Run month : months) {
            for (ScoreRepository.RankedScore t : scores.totals(month.id())) {
                byUnit.computeIfAbsent(t.unitCode(), u -> new java.util.ArrayList<>()).add(t.score());
            }
        }
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        scheme.units().forEach(u -> {
            List<BigDecimal> published = byUnit.get(u.code());
            if (published != null) {
                totals.put(u.code(), cn.bipin.scoring.Means.mean(published));
            }
        });
        return totals;
    }
}
