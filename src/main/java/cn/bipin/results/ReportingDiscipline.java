package cn.bipin.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.bipin.run.Run;
import cn.bipin.run.RunRepository;
import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.Unit;
import cn.bipin.run.RunKind;
import cn.bipin.submission.ReceivedFiles;
import cn.bipin.submission.SubmissionRows;

/**
 * Each unit's reporting record for the year (报送纪律): the periods it reported late (D11, judged on first values
 * as D21 says) and the periods in which
 * it left at least one dimension unreported (R-SCORE-2), over the scored months and quarters.
 */
@Service
public class ReportingDiscipline {

    /** One unit's late and missing periods, in order. */
    public record Record(String unitCode, List<Period> late, List<Period> missing) {
    }

    private final SubmissionRows rows;
    private final RunRepository runs;
    private final ScoreRepository scores;

    ReportingDiscipline(SubmissionRows rows, RunRepository runs, ScoreRepository scores) {
        this.rows = rows;
        this.runs = runs;
        this.scores = scores;
    }

    public List<Record> forYear(Scheme scheme) {
        Map<String, Record> byUnit = new LinkedHashMap<>();
        for (Unit u : scheme.units()) {
            byUnit.put(u.code(), new Record(u.code(), new ArrayList<>(), new ArrayList<>()));
        }
        for (Cycle cycle : Cycle.values()) {
            // every period units report in: the cycles with competitions or checks (a year only when it has
            // competitions of its own; its missing values are the annual run's, read there)
            if (cycle == Cycle.ANNUAL ? scheme.competitions(Cycle.ANNUAL).isEmpty() : !scheme.runs(cycle)) {
                continue;
            }
            for (Period period : scheme.scoredPeriods(cycle)) {
                rows.lateFiles(scheme.id(), period.code()).stream().map(ReceivedFiles.ReceivedFile::unitCode)
                        .filter(byUnit::containsKey).distinct().forEach(u -> byUnit.get(u).late().add(period));
                Run run = runs.latestCompleted(RunKind.SCORE, scheme.id(), period).orElse(null);
                if (run == null) {
                    continue;
                }
                scores.unitsMissingAny(run.id()).forEach(u -> {
                    if (byUnit.containsKey(u)) {
                        byUnit.get(u).missing().add(period);
                    }
                });
            }
        }
        return List.copyOf(byUnit.values());
    }
}
