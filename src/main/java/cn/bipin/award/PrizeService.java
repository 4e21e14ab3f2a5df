package cn.bipin.award;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.bipin.award.PrizeLedger.PrizeLine;
import cn.bipin.report.Figures;
import cn.bipin.results.ReportingDiscipline;
import cn.bipin.results.ScoreRepository;
import cn.bipin.results.ScoreRepository.DimensionScoreRow;
import cn.bipin.results.ScoreRepository.RankedScore;
import cn.bipin.run.Run;
import cn.bipin.scheme.AwardRules;
import cn.bipin.scheme.AwardRules.Prize;
import cn.bipin.scheme.Competition;
import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Dimension;
import cn.bipin.scheme.Method;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.RankPool;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.Unit;

/**
 * The prize document of an annual run, as the scheme's award rules say (D13–D15): each prize per ranking pool (and
 * per competition for prizes of competitions), the units disqualified for the year and why, and the 表态发言 list.
 * A scheme with no prizes and no 表态发言 list gets an empty document.
 */
@Service
public class PrizeService {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ScoreRepository scores;
    private final ReportingDiscipline discipline;
    private final ReportFlags flags;
    private final PrizeLedger ledger;

    PrizeService(ScoreRepository scores, ReportingDiscipline discipline, ReportFlags flags, PrizeLedger ledger) {
        this.scores = scores;
        this.discipline = discipline;
        this.flags = flags;
        this.ledger = ledger;
    }

    @Transactional
    public List<PrizeLine> apply(Run run, Scheme scheme) {
        AwardRules rules = scheme.awards();
        if (rules.prizes().isEmpty() && rules.disqualify().isEmpty() && rules.statementBelow() == null) {
            ledger.replace(run.id(), List.of());
            return List.of();
        }
        Map<String, String> names = new HashMap<>();
        scheme.units().forEach(u -> names.put(u.code(), u.name()));
        Map<String, String> disqualified = disqualified(run, scheme);

        List<PrizeLine> lines = new ArrayList<>();
        List<RankedScore> totals = scores.totals(run.id());
        List<RankedScore> byCompetition = scores.competitions(run.id());
        for (Prize prize : rules.prizes()) {
            for (RankPool pool : scheme.rankPools()) {
                if (prize.ranks() == AwardRules.Ranks.TOTAL) {
                    add(lines, prize, pool, null, ranking(scheme, pool, totals), prize.top(null), disqualified, names);
                } else {
                    for (Competition c : scheme.competitions()) {
                        List<RankedScore> ofCompetition = byCompetition.stream()
                                .filter(s -> c.code().equals(s.competitionCode())).toList();
                        add(lines, prize, pool, c.code(), ranking(scheme, pool, ofCompetition), prize.top(c.code()),
                                disqualified, names);
                    }
                }
            }
        }
        disqualified.forEach((unit, why) -> lines.add(new PrizeLine(lines.size() + 1, PrizeLedger.EXCLUDED, null, null,
                scheme.poolOf(unit).code(), null, unit, null, null, false, BigDecimal.ZERO, why)));
        if (rules.statementBelow() != null) {
            Statements.below(rules.statementBelow(), targetResults(run, scheme)).forEach((unit, missed) ->
                    lines.add(new PrizeLine(lines.size() + 1, PrizeLedger.STATEMENT, null, null,
                            scheme.poolOf(unit).code(), null, unit, null, null, false, BigDecimal.ZERO,
                            String.join("；", missed))));
        }
        ledger.replace(run.id(), lines);
        return lines;
    }

    public List<PrizeLine> forRun(long runId) {
        return ledger.forRun(runId);
    }

    private static void add(List<PrizeLine> lines, Prize prize, RankPool pool, String competition,
            List<PrizeCalculator.Ranked> ranking, int top, Map<String, String> disqualified, Map<String, String> names) {
        if (ranking.isEmpty()) {
            return;
        }
        for (PrizeCalculator.Line l : PrizeCalculator.top(ranking, top, disqualified, names)) {
            lines.add(new PrizeLine(lines.size() + 1, PrizeLedger.PRIZE, prize.code(), prize.name(), pool.code(),
                    competition, l.unitCode(), l.rank(), l.score(), l.won(), l.won() ? prize.amount() : BigDecimal.ZERO,
                    l.note()));
        }
    }

    /** The pool's units of a stored ranking, in rank order, ties in scheme order. */
    private static List<PrizeCalculator.Ranked> ranking(Scheme scheme, RankPool pool, List<RankedScore> ranked) {
        return ranked.stream().filter(s -> pool.units().contains(s.unitCode()))
                .sorted(Comparator.comparingInt(RankedScore::rank).thenComparingInt(s -> scheme.unitOrder(s.unitCode())))
                .map(s -> new PrizeCalculator.Ranked(s.unitCode(), s.rank(), s.score())).toList();
    }

    /** D15: unit → why it may win nothing this year, over the reasons the scheme counts. */
    private Map<String, String> disqualified(Run run, Scheme scheme) {
        AwardRules rules = scheme.awards();
        if (rules.disqualify().isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> late = new LinkedHashMap<>();
        Map<String, List<String>> missing = new LinkedHashMap<>();
        for (ReportingDiscipline.Record r : discipline.forYear(scheme)) {
            late.put(r.unitCode(), new ArrayList<>(r.late().stream().map(Period::code).toList()));
            missing.put(r.unitCode(), new ArrayList<>(r.missing().stream()
                    .filter(p -> p.cycle() != Cycle.ANNUAL).map(Period::code).toList()));
        }
        if (!scheme.competitions(Cycle.ANNUAL).isEmpty()) {
            // the year's own values are this run's: its earlier revisions do not count
            scores.unitsMissingAny(run.id()).forEach(u -> missing.computeIfAbsent(u, k -> new ArrayList<>())
                    .add(run.period().code()));
        }
        Map<String, List<String>> flagged = new LinkedHashMap<>();
        for (ReportFlags.Flag f : flags.forScheme(scheme.id())) {
            flagged.computeIfAbsent(f.unitCode(), u -> new ArrayList<>()).add(f.period() + "：" + f.reason() + "，"
                    + f.flaggedBy() + " 于 " + f.flaggedAt().format(MINUTE) + " 标记");
        }
        return Disqualification.reasons(rules.disqualify(), scheme.units().stream().map(Unit::code).toList(), late,
                missing, flagged);
    }

    /** Each unit's result against each of its per-unit targets in this run (target_ratio dimensions). */
    private List<Statements.TargetResult> targetResults(Run run, Scheme scheme) {
        List<Statements.TargetResult> results = new ArrayList<>();
        for (DimensionScoreRow r : scores.dimensions(run.id())) {
            Dimension d = scheme.dimension(r.dimensionCode()).orElse(null);
            if (d == null || d.method() != Method.TARGET_RATIO || d.target() != null || r.target() == null) {
                continue;
            }
            String shown = (r.value() == null ? "" : Figures.value(d, r.value())) + " / " + Figures.value(d, r.target())
                    + (d.isPercent() ? "" : " " + d.measure());
            results.add(new Statements.TargetResult(r.unitCode(), scheme.competitionOf(d).name() + "·" + d.name(),
                    r.value(), r.target(), shown));
        }
        // scheme order: units, then each unit's targets as the scheme file lists the dimensions
        List<String> names = scheme.competitions().stream().flatMap(c -> c.dimensions().stream()
                .map(d -> c.name() + "·" + d.name())).toList();
        results.sort(Comparator.<Statements.TargetResult>comparingInt(t -> scheme.unitOrder(t.unitCode()))
                .thenComparingInt(t -> names.indexOf(t.targetName())));
        return results;
    }
}
