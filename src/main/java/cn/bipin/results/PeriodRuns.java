package cn.bipin.results;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.bipin.run.Run;
import cn.bipin.run.RunRepository;
import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.ReviewRules;
import cn.bipin.scheme.Scheme;
import cn.bipin.run.RunKind;

/** The latest completed run of each period a quarterly or annual result is built from. */
@Component
public class PeriodRuns {

    private final RunRepository runs;

    PeriodRuns(RunRepository runs) {
        this.runs = runs;
    }

    /**
     * The periods a quarter's or year's scores are built from that have no completed run yet: the scheme's scored
     * months of the quarter (when it has monthly competitions); for a year, its scored months and quarters (of the
     * cycles it has competitions of). For a month: the month before, when the scheme's review carries deductions
     * and letters from it (D17, D18); else nothing.
     */
    public List<Period> missingInputs(Scheme scheme, Period period) {
        List<Period> inputs = new ArrayList<>();
        if (period.cycle() == Cycle.MONTHLY && ReviewRules.configured(scheme)
                && period.lastMonth().isAfter(scheme.campaignStart())) {
            inputs.add(period.previous()); // D17/D18: last month's deductions and letters carry into this month
        }
        for (Cycle cycle : List.of(Cycle.MONTHLY, Cycle.QUARTERLY, Cycle.HALF_YEAR)) {
            if (cycle.ordinal() >= period.cycle().ordinal() || scheme.competitions(cycle).isEmpty()) {
                continue;
            }
            scheme.scoredPeriods(cycle).stream().filter(p -> period.cycle() == Cycle.ANNUAL || period.contains(p))
                    .forEach(inputs::add);
        }
        return inputs.stream().filter(p -> runs.latestCompleted(RunKind.SCORE, scheme.id(), p).isEmpty()).toList();
    }

    /**
     * The latest completed revision of each period, in order. A period without one stops the run: a quarter or
     * a year built on a month that was never scored would publish wrong ranks.
     */
    public List<Run> require(Scheme scheme, List<Period> periods) {
        List<Run> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Period p : periods) {
            runs.latestCompleted(RunKind.SCORE, scheme.id(), p).ifPresentOrElse(found::add, () -> missing.add(p.code()));
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("以下期间还没有完成的" + periods.get(0).cycle().label() + "运行，请先运行："
                    + String.join("、", missing));
        }
        return found;
    }
}
