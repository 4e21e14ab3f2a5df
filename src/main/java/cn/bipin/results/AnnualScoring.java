package cn.bipin.results;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.bipin.run.Run;
import cn.bipin.scheme.Competition;
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

    AnnualScoring(ScoreRepository scores, PeriodRuns periodRuns, CompetitionScoring competitions) {
        this.scores = scores;
        this.periodRuns = periodRuns;
        this.competitions = competitions;
    }

    @Transactional
    public void score(Run run, Scheme scheme) {
        scores.clear(run.id());
        Map<String, Map<String, BigDecimal>> byCompetition = new LinkedHashMap<>();
        for (Competition c : scheme.competitions()) {
            Map<String, BigDecimal> s = competitions.fromPeriods(run, c,
                    periodRuns.require(scheme, scheme.scoredPeriods(c.cycle())));
            competitions.storeCompetition(run, c.code(), s, Map.of());
            byCompetition.put(c.code(), s);
        }
        competitions.storeTotals(run, scheme, byCompetition, Map.of());
    }
}
