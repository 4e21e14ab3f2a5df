package cn.bipin.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.bipin.run.Run;
import cn.bipin.run.RunRepository;
import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.Unit;
import cn.bipin.run.RunKind;

/**
 * Each unit's reporting record for the year (报送纪律): the periods it reported late (D11) and the periods in which
 * it left at least one dimension unreported (R-SCORE-2), over the scored months and quarters.
 */
@Service
public class ReportingDiscipline {

    /** One unit's late and missing periods, in order. */
    public record Record(String unitCode, List<Period> late, List<Period> missing) {
    }

    private final JdbcClient jdbc;
    private final RunRepository runs;
    private final ScoreRepository scores;

    ReportingDiscipline(JdbcClient jdbc, RunRepository runs, ScoreRepository scores) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.scores = scores;
    }

    /**
     * The late files of a period that only correct values the unit had already reported on time (D21): every accepted
     * row repeats a (unit, period, dimension) accepted from a file received earlier. Such a file is a correction, and
     * does not make an on-time unit late. Parameters: scheme, period.
     */
    private static final String CORRECTIONS = """
            SELECT f.id FROM received_file f
            WHERE f.scheme = ? AND f.period = ? AND f.late = TRUE AND f.status = 'ACCEPTED'
              AND EXISTS (SELECT 1 FROM submission_row r WHERE r.file_id = f.id AND r.status = 'ACCEPTED')
              AND NOT EXISTS (SELECT 1 FROM submission_row r WHERE r.file_id = f.id AND r.status = 'ACCEPTED'
                    AND NOT EXISTS (SELECT 1 FROM submission_row e JOIN received_file g ON g.id = e.file_id
                          WHERE g.scheme = f.scheme AND g.received_at < f.received_at AND e.status = 'ACCEPTED'
                            AND e.unit_code = r.unit_code AND e.period = r.period AND e.dimension_code = r.dimension_code))""";

    /** The ids of a period's late files that are corrections of on-time values (D21), not late reports. */
    public java.util.Set<Long> corrections(String scheme, String period) {
        return java.util.Set.copyOf(jdbc.sql(CORRECTIONS).params(scheme, period).query(Long.class).list());
    }

    public List<Record> forYear(Scheme scheme) {
        Map<String, Record> byUnit = new LinkedHashMap<>();
        for (Unit u : scheme.units()) {
            byUnit.put(u.code(), new Record(u.code(), new ArrayList<>(), new ArrayList<>()));
        }
        for (Cycle cycle : List.of(Cycle.MONTHLY, Cycle.QUARTERLY)) {
            if (scheme.competitions(cycle).isEmpty()) {
                continue;
            }
            for (Period period : scheme.scoredPeriods(cycle)) {
                jdbc.sql("""
                        SELECT DISTINCT unit_code FROM received_file
                        WHERE scheme = ? AND period = ? AND late = TRUE AND status = 'ACCEPTED' AND unit_code IS NOT NULL
                          AND id NOT IN (%s)""".formatted(CORRECTIONS))
                        .params(scheme.id(), period.code(), scheme.id(), period.code()).query(String.class).list()
                        .forEach(u -> {
                            if (byUnit.containsKey(u)) {
                                byUnit.get(u).late().add(period);
                            }
                        });
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
