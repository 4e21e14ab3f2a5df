package cn.bipin.results;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.bipin.results.AcceptedValues.Accepted;
import cn.bipin.run.Run;
import cn.bipin.run.RunRepository;
import cn.bipin.scheme.Competition;
import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.ReviewRules;
import cn.bipin.scheme.Scheme;
import cn.bipin.run.RunKind;

/**
 * Scores a month (月度晾晒): the monthly competitions from the latest accepted values, the month's total over the
 * competitions scored that month, ranks and rank changes against the previous month's latest completed revision.
 */
@Service
public class MonthlyScoring {

    private final AcceptedValues accepted;
    private final ScoreRepository scores;
    private final RunRepository runs;
    private final CompetitionScoring competitions;
    private final ReviewScoring review;

    MonthlyScoring(AcceptedValues accepted, ScoreRepository scores, RunRepository runs, CompetitionScoring competitions,
                   ReviewScoring review) {
        this.review = review;
        this.accepted = accepted;
        this.scores = scores;
        this.runs = runs;
        this.competitions = competitions;
    }

    @Transactional
    public void score(Run run, Scheme scheme) {
        Period period = run.period();
        Map<String, Map<String, Accepted>> values = accepted.latest(scheme, period);
        Map<String, Map<String, Accepted>> previousValues = period.index() == 1 ? Map.of()
                : accepted.latest(scheme, period.previous());
        Map<String, Map<String, Integer>> previousRanks = runs.latestCompleted(RunKind.SCORE, scheme.id(), period.previous())
                .map(r -> scores.ranks(r.id())).orElse(Map.of());

        scores.clear(run.id());
        Map<String, Map<String, BigDecimal>> byCompetition = new LinkedHashMap<>();
        for (Competition c : scheme.competitions(Cycle.MONTHLY)) {
            Map<String, BigDecimal> s = competitions.fromValues(run, scheme, c, values, previousValues);
            competitions.storeCompetition(run, scheme, c.code(), s, previousRanks.getOrDefault(c.code(), Map.of()));
            byCompetition.put(c.code(), s);
        }
        Map<String, BigDecimal> totals = competitions.totals(scheme, byCompetition);
        if (ReviewRules.configured(scheme)) {
            totals = review.publish(run, scheme, totals, values); // D16–D17: coefficient, 预扣分; ranks use the result
        }
        competitions.storeRankedTotals(run, scheme, totals, previousRanks.getOrDefault(ScoreRepository.TOTAL, Map.of()));
    }
}
