package cn.bipin.bulletin;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.bipin.results.ScoreRepository.DimensionScoreRow;
import cn.bipin.results.ScoreRepository.RankedScore;
import cn.bipin.run.Run;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.Unit;
import cn.bipin.report.Csv;
import cn.bipin.report.Figures;

/** Writes the two scores CSV files of DOMAIN §9 (UTF-8 with BOM), which other tools read. */
@Component
class ScoresCsvWriter {

    static final String SCORES_HEADER = "scheme,cycle,period,revision,competition_code,unit_code,unit_name,group,"
            + "dimension_code,value,target,method,dimension_score,competition_score,competition_rank";
    static final String TOTALS_HEADER = "scheme,cycle,period,revision,unit_code,unit_name,group,total_score,total_rank";

    /** One row per unit per dimension, sorted by competition (scheme order), rank, unit. */
    public void writeScores(Scheme scheme, Run run, List<DimensionScoreRow> dimensions, List<RankedScore> competitions,
            Path out) {
        Map<String, RankedScore> byKey = competitions.stream()
                .collect(Collectors.toMap(c -> c.competitionCode() + "|" + c.unitCode(), Function.identity()));
        List<String> competitionOrder = scheme.competitions().stream().map(c -> c.code()).toList();
        List<String> dimensionOrder = scheme.competitions().stream().flatMap(c -> c.dimensions().stream()).map(d -> d.code()).toList();
        Comparator<DimensionScoreRow> order = Comparator
                .<DimensionScoreRow>comparingInt(d -> competitionOrder.indexOf(d.competitionCode()))
                .thenComparingInt(d -> byKey.get(d.competitionCode() + "|" + d.unitCode()).rank())
                .thenComparingInt(d -> scheme.unitOrder(d.unitCode()))
                .thenComparingInt(d -> dimensionOrder.indexOf(d.dimensionCode()));
        Csv.write(out, SCORES_HEADER, dimensions.stream().sorted(order).map(d -> {
            RankedScore c = byKey.get(d.competitionCode() + "|" + d.unitCode());
            Unit u = scheme.unit(d.unitCode()).orElseThrow();
            return String.join(",", prefix(scheme, run), d.competitionCode(), u.code(), Csv.field(u.name()), scheme.groupColumn(u),
                    d.dimensionCode(), Figures.plain(d.value()), Figures.plain(d.target()), d.method(),
                    Figures.score(d.score()), Figures.score(c.score()), Integer.toString(c.rank()));
        }).toList());
    }

    /** One row per unit, by total rank. */
    public void writeTotals(Scheme scheme, Run run, List<RankedScore> totals, Path out) {
        Csv.write(out, TOTALS_HEADER, totals.stream().map(t -> {
            Unit u = scheme.unit(t.unitCode()).orElseThrow();
            return String.join(",", prefix(scheme, run), u.code(), Csv.field(u.name()), scheme.groupColumn(u), Figures.score(t.score()),
                    Integer.toString(t.rank()));
        }).toList());
    }

    private static String prefix(Scheme scheme, Run run) {
        return String.join(",", scheme.id(), run.cycle().key(), run.period().code(), Integer.toString(run.revision()));
    }
}
