package cn.bipin.bulletin;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.bipin.results.ComponentCode;
import cn.bipin.results.ScoreRepository;
import cn.bipin.results.ScoreRepository.DimensionScoreRow;
import cn.bipin.results.ScoreRepository.RankedScore;
import cn.bipin.run.Run;
import cn.bipin.run.RunRepository;
import cn.bipin.scheme.Competition;
import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Basis;
import cn.bipin.scheme.Dimension;
import cn.bipin.scheme.Method;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.Unit;
import cn.bipin.scoring.Ranking;
import cn.bipin.submission.SubmissionRows;
import cn.bipin.report.CompetitionTable;
import cn.bipin.report.DimensionCell;
import cn.bipin.report.DimensionHeader;
import cn.bipin.report.RankRow;
import cn.bipin.report.TotalRow;
import cn.bipin.report.Figures;
import cn.bipin.run.RunKind;

/**
 * The ranking tables of a monthly or quarterly bulletin, from the run's stored scores: one table per competition
 * scored in the run (a quarter's monthly competitions show the scores of their months), the total ranking, and
 * the period's 未报送 and 逾期 lists.
 */
@Component
class PeriodTables {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final int BOTTOM = 3;

    private final ScoreRepository scores;
    private final SubmissionRows rows;
    private final RunRepository runs;

    PeriodTables(ScoreRepository scores, SubmissionRows rows, RunRepository runs) {
        this.scores = scores;
        this.rows = rows;
        this.runs = runs;
    }

    String subtitle(Scheme scheme, Run run) {
        Period period = run.period();
        List<Competition> scored = scored(scheme, run);
        String names = scored.stream().map(Competition::name).collect(Collectors.joining("、"));
        String weights = scored.stream().map(c -> Figures.plain(c.weight())).collect(Collectors.joining(":"));
        if (run.cycle() == Cycle.MONTHLY) {
            return "月度晾晒 · " + names + " · 序时进度 " + Figures.percent(period.timeProgress()) + " · 合计按权重 " + weights;
        }
        if (run.cycle() == Cycle.HALF_YEAR) {
            return period.label() + "考核 · 各单项按" + period.firstMonth().getMonthValue() + "–" + period.lastMonth()
                    .getMonthValue() + "月累计完成值对目标 × 序时进度 " + Figures.percent(period.timeProgress()) + " 计分 · 合计按权重 "
                    + weights + (scheme.rankPools().size() > 1 ? " · " + scheme.rankPools().stream()
                            .map(cn.bipin.scheme.RankPool::name).collect(Collectors.joining("、")) + "分别排名" : "");
        }
        List<Period> months = scheme.scoredPeriods(Cycle.MONTHLY).stream().filter(period::contains).toList();
        String monthly = scheme.competitions(Cycle.MONTHLY).stream().map(Competition::name).collect(Collectors.joining("、"));
        return "季度专题比拼" + scheme.theme(period).map(t -> " · 主题：" + t).orElse("") + " · 序时进度 "
                + Figures.percent(period.timeProgress()) + " · 合计按权重 " + weights
                + (monthly.isEmpty() ? "" : " · " + monthly + "按本季度"
                        + months.stream().map(Period::shortLabel).collect(Collectors.joining("、")) + "得分的平均计");
    }

    List<CompetitionTable> competitions(Scheme scheme, Run run) {
        Map<String, DimensionScoreRow> cells = scores.dimensions(run.id()).stream()
                .collect(Collectors.toMap(d -> d.dimensionCode() + "|" + d.unitCode(), d -> d));
        List<RankedScore> all = scores.competitions(run.id());
        List<CompetitionTable> tables = new ArrayList<>();
        for (Competition c : scored(scheme, run)) {
            List<RankedScore> ranked = all.stream().filter(r -> r.competitionCode().equals(c.code()))
                    .sorted(byRankThenScheme(scheme)).toList();
            boolean fromMonths = !scheme.scoredFromValues(c, run.cycle());
            List<DimensionHeader> headers = fromMonths ? monthHeaders(scheme, run, c)
                    : c.dimensions().stream().map(d -> new DimensionHeader(d.code(), d.name(), d.measure(), methodLabel(d),
                            valueLabel(d, run))).toList();
            Map<String, Map<String, Integer>> monthRanks = fromMonths ? monthRanks(scheme, run, c) : Map.of();
            // a column of amounts prints all its values with two decimals when any of them has a fraction
            Set<String> fractions = ranked.stream().flatMap(r -> headers.stream().map(h -> cells.get(h.code() + "|" + r.unitCode())))
                    .filter(s -> s != null && (Figures.hasFraction(s.value()) || Figures.hasFraction(s.monthAmount())
                            || Figures.hasFraction(s.target())))
                    .map(DimensionScoreRow::dimensionCode).collect(Collectors.toSet());
            Set<String> bottom = bottomMarks(scheme, ranked);
            List<RankRow> rows = ranked.stream().map(r -> {
                Unit u = scheme.unit(r.unitCode()).orElseThrow();
                List<DimensionCell> row = headers.stream().map(h -> {
                    DimensionScoreRow s = cells.get(h.code() + "|" + u.code());
                    if (fromMonths) {
                        Integer rank = monthRanks.getOrDefault(h.code(), Map.of()).get(u.code());
                        return new DimensionCell(rank == null ? "" : "第" + rank + "名", "", s.score());
                    }
                    Dimension d = scheme.dimension(h.code()).orElseThrow();
                    boolean f = fractions.contains(d.code());
                    String target = perUnitTarget(d) && s.target() != null ? Figures.valueInColumn(d, s.target(), f) : "";
                    return new DimensionCell(s.missing() ? "未报送" : Figures.valueInColumn(d, s.value(), f),
                            s.monthAmount() == null ? "" : Figures.valueInColumn(d, s.monthAmount(), f), s.score(), target);
                }).toList();
                return new RankRow(r.rank(), Ranking.change(r.previousRank(), r.rank()), u.code(), u.name(),
                        u.group().label(), row, r.score(), bottom.contains(r.unitCode()));
            }).toList();
            tables.add(new CompetitionTable(c.code(), c.name(), "权重 " + Figures.plain(c.weight()), headers, rows));
        }
        return tables;
    }

    /** The total ranking with each unit's score in every competition the run's total is made of. */
    List<TotalRow> totals(Scheme scheme, Run run) {
        List<RankedScore> sorted = scores.totals(run.id()).stream().sorted(byRankThenScheme(scheme)).toList();
        Map<String, java.math.BigDecimal> competitionScore = new java.util.HashMap<>();
        scores.competitions(run.id()).forEach(s -> competitionScore.put(s.competitionCode() + "|" + s.unitCode(), s.score()));
        List<Competition> parts = scored(scheme, run);
        Set<String> bottom = bottomMarks(scheme, sorted);
        return sorted.stream().map(t -> {
            Unit u = scheme.unit(t.unitCode()).orElseThrow();
            String change = run.cycle() == Cycle.ANNUAL ? "" : Ranking.change(t.previousRank(), t.rank());
            List<TotalRow.Part> scoresByCompetition = parts.stream()
                    .map(c -> new TotalRow.Part(c.name() + "（" + Figures.plain(c.weight()) + "）",
                            competitionScore.get(c.code() + "|" + u.code()))).toList();
            return new TotalRow(t.rank(), change, u.name(), u.group().label(), t.score(), bottom.contains(t.unitCode()),
                    scoresByCompetition);
        }).toList();
    }

    /** Whether a rank is among the bottom three of a ranking, units tied at the boundary included (D6). */
    static boolean bottom(int rank, List<Integer> ranks) {
        return Ranking.inBottom(rank, ranks, BOTTOM);
    }

    /**
     * What a dimension's value cells hold: a cumulative value with the period's own amount beside it (本期), and the
     * target where the score is a ratio to it.
     */
    private static String valueLabel(Dimension d, Run run) {
        String label = d.basis() == Basis.CUMULATIVE ? "完成值（本期）" : "完成值";
        return perUnitTarget(d) ? label + " / 目标" : label;
    }

    /** A target every unit shares (入库报统率 100%) is stated once, in the header, beside the method. */
    private static String methodLabel(Dimension d) {
        return d.method() == Method.TARGET_RATIO && d.target() != null
                ? d.method().label() + "，目标 " + Figures.value(d, d.target()) : d.method().label();
    }

    /** Whether each unit's row shows its own target: a target_ratio dimension whose targets are per unit. */
    private static boolean perUnitTarget(Dimension d) {
        return d.method() == Method.TARGET_RATIO && d.target() == null;
    }

    /** 未报送: per unit, the dimensions it had to report this period and did not (R-SCORE-2). */
    List<String> missing(Scheme scheme, Run run) {
        Map<String, List<String>> byUnit = new LinkedHashMap<>();
        Map<String, Integer> expected = new LinkedHashMap<>();
        Map<String, List<DimensionScoreRow>> rowsByUnit = scores.dimensions(run.id()).stream()
                .filter(r -> scheme.dimension(r.dimensionCode()).isPresent())
                .collect(Collectors.groupingBy(DimensionScoreRow::unitCode));
        for (Unit u : scheme.units()) {
            for (DimensionScoreRow r : rowsByUnit.getOrDefault(u.code(), List.of())) {
                expected.merge(u.code(), 1, Integer::sum);
                if (r.missing()) {
                    byUnit.computeIfAbsent(u.code(), k -> new ArrayList<>())
                            .add(scheme.dimension(r.dimensionCode()).orElseThrow().name());
                }
            }
        }
        return byUnit.entrySet().stream().map(e -> {
            String name = scheme.unit(e.getKey()).orElseThrow().name();
            return e.getValue().size() == expected.get(e.getKey()) ? name + "：全部 " + e.getValue().size() + " 项指标未报送"
                    : name + "：" + String.join("、", e.getValue());
        }).toList();
    }

    /**
     * 逾期: the files of the period received after the deadline (D11) that brought a unit's first value of some
     * dimension (D21: a correction after the deadline of a value sent in time is not late), with their unit.
     */
    List<String> late(Scheme scheme, Run run) {
        return rows.lateFiles(scheme.id(), run.period().code()).stream()
                .filter(f -> f.unitCode() != null && scheme.unit(f.unitCode()).isPresent())
                .map(f -> scheme.unit(f.unitCode()).orElseThrow().name() + "：" + f.receivedAt().format(MINUTE) + " 收到 "
                        + f.fileName() + "（截止 " + run.period().deadline(scheme.deadlineDay()) + "）")
                .toList();
    }

    /** The competitions a run publishes: a month its monthly ones; a quarter all of them. */
    static List<Competition> scored(Scheme scheme, Run run) {
        return run.cycle() == Cycle.MONTHLY ? scheme.competitions(Cycle.MONTHLY) : scheme.competitions();
    }

    private static List<DimensionHeader> monthHeaders(Scheme scheme, Run run, Competition c) {
        return scheme.scoredPeriods(c.cycle()).stream().filter(run.period()::contains)
                .map(m -> new DimensionHeader(ComponentCode.of(c, m), m.shortLabel(), "", "", "当月名次")).toList();
    }

    /** header code (competition@month) → unit → the unit's rank in that month's run. */
    private Map<String, Map<String, Integer>> monthRanks(Scheme scheme, Run run, Competition c) {
        Map<String, Map<String, Integer>> result = new LinkedHashMap<>();
        for (Period m : scheme.scoredPeriods(c.cycle())) {
            if (!run.period().contains(m)) {
                continue;
            }
            runs.latestCompleted(RunKind.SCORE, scheme.id(), m).ifPresent(monthRun -> result.put(ComponentCode.of(c, m),
                    scores.ranks(monthRun.id()).getOrDefault(c.code(), Map.of())));
        }
        return result;
    }

    /** Pool by pool (D14; one pool unless the scheme declares rank_pools), each by rank, ties in scheme order. */
    static Comparator<RankedScore> byRankThenScheme(Scheme scheme) {
        List<cn.bipin.scheme.RankPool> pools = scheme.rankPools();
        return Comparator.<RankedScore>comparingInt(r -> pools.indexOf(scheme.poolOf(r.unitCode())))
                .thenComparingInt(RankedScore::rank).thenComparingInt(r -> scheme.unitOrder(r.unitCode()));
    }

    /**
     * The units of a ranking marked as the bottom three (or third, {@code rank_marks}) of their own pool (D14), ties at
     * the boundary included (D6). One pass per ranking: a province's 1,500 units made the per-row check quadratic.
     */
    static Set<String> bottomMarks(Scheme scheme, List<RankedScore> ranking) {
        Map<String, List<Integer>> ranksByPool = new HashMap<>();
        for (RankedScore x : ranking) {
            ranksByPool.computeIfAbsent(scheme.poolOf(x.unitCode()).code(), p -> new ArrayList<>()).add(x.rank());
        }
        cn.bipin.scheme.RankMarks marks = cn.bipin.scheme.RankMarks.of(scheme);
        Set<String> marked = new HashSet<>();
        for (RankedScore r : ranking) {
            List<Integer> ranks = ranksByPool.get(scheme.poolOf(r.unitCode()).code());
            if (Ranking.inBottom(r.rank(), ranks, marks.marked(ranks.size()))) {
                marked.add(r.unitCode());
            }
        }
        return marked;
    }
}
