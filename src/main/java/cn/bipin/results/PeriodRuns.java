package cn.bipin.results;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.bipin.run.Run;
import cn.bipin.run.RunRepository;
import cn.bipin.scheme.Period;
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
