package cn.bipin.results;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.bipin.results.AcceptedValues.Accepted;
import cn.bipin.run.Run;
import cn.bipin.run.RunKind;
import cn.bipin.run.RunRepository;
import cn.bipin.scheme.Dimension;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.ReviewRules;
import cn.bipin.scheme.Scheme;
import cn.bipin.scoring.Review;

/**
 * Turns a month's raw totals into the published ones for a scheme with a {@code review:} section (D16–D18). What a
 * unit carries from last month (its deduction, its lagging streak) is read from last month's latest completed
 * revision at run time, never from state kept aside: a corrected May changes June's restore when June is run again,
 * and June records May's revision as its input, so {@code status} lists June as stale after May is re-run (D22).
 */
@Component
class ReviewScoring {

    private final ReviewRepository reviews;
    private final RunRepository runs;

    ReviewScoring(ReviewRepository reviews, RunRepository runs) {
        this.reviews = reviews;
        this.runs = runs;
    }

    /** Unit code → published score, for the units with a raw total; stores each unit's review. */
    Map<String, BigDecimal> publish(Run run, Scheme scheme, Map<String, BigDecimal> raw,
                                    Map<String, Map<String, Accepted>> values) {
        ReviewRules rules = ReviewRules.of(scheme);
        Period period = run.period();
        Dimension completionDimension = scheme.dimension(rules.completion()).orElseThrow();
        Map<String, Review.Month> previous = Map.of();
        if (period.lastMonth().isAfter(scheme.campaignStart())) {
            Optional<Run> last = runs.latestCompleted(RunKind.SCORE, scheme.id(), period.previous());
            if (last.isEmpty()) {
                throw new IllegalStateException(period.previous().label() + "还没有完成的运行，预扣分和函件要用到它的结果；请先运行 "
                        + period.previous().code());
            }
            previous = reviews.months(last.get().id());
            runs.recordInputs(run.id(), List.of(last.get()));
        }
        reviews.clear(run.id());
        Map<String, Accepted> reported = values.getOrDefault(completionDimension.code(), Map.of());
        Map<String, BigDecimal> published = new LinkedHashMap<>();
        for (Map.Entry<String, BigDecimal> e : raw.entrySet()) {
            String unit = e.getKey();
            BigDecimal completion = null;
            Accepted value = reported.get(unit);
            BigDecimal annual = scheme.target(completionDimension, unit).orElse(null);
            if (value != null && annual != null && annual.signum() > 0) {
                completion = value.value().divide(annual, MathContext.DECIMAL128);
            }
            Review.Month prev = previous.get(unit);
            Review.Month m = Review.month(e.getValue(), rules.coefficient(unit, period), completion,
                    period.timeProgress(), rules.k(), rules.cap(), prev == null ? null : prev.carry());
            reviews.insert(run.id(), unit, m);
            published.put(unit, m.published());
        }
        return published;
    }
}
