package cn.bipin.bulletin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.bipin.award.AwardService;
import cn.bipin.results.ComponentCode;
import cn.bipin.results.ReportingDiscipline;
import cn.bipin.results.ScoreRepository;
import cn.bipin.results.ScoreRepository.DimensionScoreRow;
import cn.bipin.results.ScoreRepository.RankedScore;
import cn.bipin.run.Run;
import cn.bipin.award.PrizeLedger;
import cn.bipin.award.PrizeService;
import cn.bipin.scheme.AwardRules;
import cn.bipin.scheme.Competition;
import cn.bipin.scheme.Dimension;
import cn.bipin.scheme.RankPool;
import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.Unit;
import cn.bipin.report.TableRow;
import cn.bipin.report.TableSection;
import cn.bipin.report.Figures;
import cn.bipin.scheme.ReviewRules;
import cn.bipin.scoring.Grades;

/**
 * The tables of the year-end bulletin: every competition's annual score per unit, each competition's period
 * scores, the result application with reasons (R-AWARD-1) and the year's reporting discipline.
 */
@Component
class AnnualSections {

    private final ScoreRepository scores;
    private final AwardService awards;
    private final ReportingDiscipline discipline;

    private final PrizeService prizes;

    AnnualSections(ScoreRepository scores, AwardService awards, ReportingDiscipline discipline, PrizeService prizes) {
        this.prizes = prizes;
        this.scores = scores;
        this.awards = awards;
        this.discipline = discipline;
    }

    String subtitle(Scheme scheme, Run run) {
        if (!scheme.competitions(Cycle.ANNUAL).isEmpty()) {
            return "年底总比拼 · 各单项按全年完成值对年度目标计分（目标比，最高100分；两项指标的单项取平均）"
                    + cite(scheme.policy().scoring()) + " · 综合得分按权重 " + scheme.competitions().stream()
                    .map(c -> Figures.plain(c.weight())).collect(Collectors.joining(":")) + "，按参加的单项折算"
                    + (scheme.rankPools().size() > 1 ? " · " + scheme.rankPools().stream().map(RankPool::name)
                            .collect(Collectors.joining("、")) + "分别排名" : "");
        }
        List<String> parts = new ArrayList<>();
        for (Cycle c : List.of(Cycle.MONTHLY, Cycle.QUARTERLY)) {
            if (!scheme.competitions(c).isEmpty()) {
                parts.add(labels(scheme.scoredPeriods(c)));
            }
        }
        String periods = String.join("；", parts);
        return "年底总比拼 · 各项比拼年度得分为各期得分的平均（" + periods + "；" + scheme.campaignStart().getMonthValue()
                + "月前不计分）· 合计按权重 " + scheme.competitions().stream().map(c -> Figures.plain(c.weight()))
                        .collect(Collectors.joining(":"));
    }

    /** The total ranking's legend: a scheme with a review: section ranks the year on the published monthly scores. */
    String totalsBasis(Scheme scheme) {
        return ReviewRules.configured(scheme)
                ? "总得分为各月发布得分（考核系数、预扣分调整后）的平均（" + labels(scheme.scoredPeriods(Cycle.MONTHLY)) + "）"
                : null;
    }

    List<TableSection> sections(Scheme scheme, Run run) {
        List<TableSection> sections = new ArrayList<>();
        List<RankedScore> totals = scores.totals(run.id()).stream().sorted(PeriodTables.byRankThenScheme(scheme)).toList();
        sections.addAll(grades(scheme, totals));
        List<RankedScore> competitionScores = scores.competitions(run.id());
        Map<String, BigDecimal> competitionScore = new HashMap<>();
        competitionScores.forEach(s -> competitionScore.put(s.competitionCode() + "|" + s.unitCode(), s.score()));

        // the total ranking above already reads unit · each competition · total; the sections add how each
        // competition's annual score was reached and how the results are applied
        Map<String, DimensionScoreRow> components = new HashMap<>();
        scores.dimensions(run.id()).forEach(d -> components.put(d.dimensionCode() + "|" + d.unitCode(), d));
        for (Competition c : scheme.competitions()) {
            if (c.cycle() == Cycle.ANNUAL) {
                sections.addAll(annualCompetition(scheme, c, competitionScores, components));
                continue;
            }
            List<Period> periods = scheme.scoredPeriods(c.cycle());
            List<String> h = new ArrayList<>(List.of("单位"));
            periods.forEach(p -> h.add(p.shortLabel()));
            h.add("年度得分");
            h.add("名次");
            List<RankedScore> ranked = competitionScores.stream()
                    .filter(s -> s.competitionCode().equals(c.code())).sorted(PeriodTables.byRankThenScheme(scheme)).toList();
            Set<String> bottom = PeriodTables.bottomMarks(scheme, ranked);
            List<TableRow> r = ranked.stream().map(s -> {
                List<String> cells = new ArrayList<>(List.of(unitName(scheme, s.unitCode())));
                periods.forEach(p -> {
                    DimensionScoreRow d = components.get(ComponentCode.of(c, p) + "|" + s.unitCode());
                    cells.add(d == null || d.missing() ? "" : Figures.score(d.score()));
                });
                cells.add(Figures.score(s.score()));
                cells.add(Integer.toString(s.rank()));
                return TableRow.bottom(cells, bottom.contains(s.unitCode()));
            }).toList();
            sections.addAll(TableSection.split(c.name() + " 各期得分",
                    "年度得分为各" + (c.cycle() == Cycle.MONTHLY ? "月" : "季度") + "得分的平均"
                            + cite(scheme.policy().cycles()) + "，权重 " + Figures.plain(c.weight())
                            + "；红色底纹及 ▼ 为" + cn.bipin.scheme.RankMarks.of(scheme).bottomLegend(r.size()) + "。", h, r, 1));
        }

        sections.addAll(prizeSections(scheme, run));
        boolean appliesResults = !scheme.awards().plus().isEmpty() || !scheme.awards().workFunds().isEmpty();
        List<TableRow> awardRows = !appliesResults ? List.<TableRow>of() : awards.forRun(run.id()).stream().map(a -> new TableRow(List.of(
                unitName(scheme, a.unitCode()), Integer.toString(a.annualRank()), Figures.score(a.totalScore()),
                a.efficiencyPoints() > 0 ? "+" + a.efficiencyPoints() : "",
                a.excellentQuota().signum() > 0 ? "+" + Figures.plain(a.excellentQuota().movePointRight(2)) + "%" : "",
                a.workFunds().signum() > 0 ? Figures.amount(a.workFunds()) : "",
                a.reason() == null ? "" : a.reason()), false)).toList();
        if (appliesResults) sections.add(new TableSection("考核结果运用", "效能目标考核加分、年度考核优秀比例和工作经费"
                + (scheme.policy().awards().isEmpty() ? "按方案规定计算" : "按" + scheme.policy().awards() + "计算")
                + "；并列单位各得该名次的金额。", List.of("单位", "名次", "总得分", "效能考核加分", "优秀比例", "工作经费（元）", "说明"),
                awardRows.stream().filter(r -> !r.cells().get(3).isEmpty() || !r.cells().get(5).isEmpty()
                        || !r.cells().get(6).isEmpty()).toList()).withWideLast());

        List<TableRow> disciplineRows = discipline.forYear(scheme).stream().map(d -> new TableRow(List.of(
                unitName(scheme, d.unitCode()), Integer.toString(d.late().size()), labels(d.late()),
                Integer.toString(d.missing().size()), labels(d.missing())), !d.late().isEmpty() || !d.missing().isEmpty()))
                .toList();
        sections.add(new TableSection("报送纪律", "逾期：截止日（次月" + scheme.deadlineDay() + "日）后收到报送；"
                + "未报送：该期有指标未报送（按0分计）。黄色底纹为有逾期或未报送的单位。",
                List.of("单位", "逾期次数", "逾期期间", "未报送次数", "未报送期间"), disciplineRows).withWideLast());
        return sections;
    }

    /**
     * An annual competition (D13): per unit each measure's value, target and score, the item's score and its rank in
     * its pool; the bottom three of each pool shaded.
     */
    private static List<TableSection> annualCompetition(Scheme scheme, Competition c, List<RankedScore> competitionScores,
            Map<String, DimensionScoreRow> cells) {
        List<String> h = new ArrayList<>(List.of("单位", "组别"));
        for (Dimension d : c.dimensions()) {
            h.add(d.name() + "（" + d.measure() + "）完成 / 目标");
            h.add(d.name() + "得分");
        }
        h.add("单项得分");
        h.add("名次");
        List<RankedScore> ranked = competitionScores.stream().filter(s -> s.competitionCode().equals(c.code()))
                .sorted(PeriodTables.byRankThenScheme(scheme)).toList();
        Set<String> bottom = PeriodTables.bottomMarks(scheme, ranked);
        List<TableRow> rows = ranked.stream().map(s -> {
            List<String> row = new ArrayList<>(List.of(unitName(scheme, s.unitCode()), scheme.poolOf(s.unitCode()).name()));
            for (Dimension d : c.dimensions()) {
                DimensionScoreRow r = cells.get(d.code() + "|" + s.unitCode());
                row.add(r == null || r.missing() ? "未报送" : Figures.value(d, r.value())
                        + (r.target() == null ? "" : " / " + Figures.value(d, r.target())));
                row.add(r == null ? "" : Figures.score(r.score()));
            }
            row.add(Figures.score(s.score()));
            row.add(Integer.toString(s.rank()));
            return TableRow.bottom(row, bottom.contains(s.unitCode()));
        }).toList();
        return TableSection.split(c.name() + "（权重 " + Figures.plain(c.weight()) + "）", "各项指标按全年完成值对年度目标计分"
                + "（目标比，最高100分）" + (c.dimensions().size() > 1 ? "，单项得分为各项指标得分的平均" : "")
                + "；名次在组内排列，红色底纹及 ▼ 为组内" + cn.bipin.scheme.RankMarks.of(scheme).bottomLabel() + "。", h, rows, 2);
    }

    /** The prize lists (综合奖, 单项奖 per pool), the units that may win nothing and why (D15), and 表态发言. */
    private List<TableSection> prizeSections(Scheme scheme, Run run) {
        List<PrizeLedger.PrizeLine> lines = prizes.forRun(run.id());
        List<TableSection> sections = new ArrayList<>();
        if (lines.isEmpty()) {
            return sections;
        }
        String cited = cite(scheme.policy().awards());
        for (AwardRules.Prize prize : scheme.awards().prizes()) {
            for (RankPool pool : scheme.rankPools()) {
                List<PrizeLedger.PrizeLine> of = lines.stream().filter(l -> PrizeLedger.PRIZE.equals(l.kind())
                        && prize.code().equals(l.prizeCode()) && pool.code().equals(l.poolCode())).toList();
                if (of.isEmpty()) {
                    continue;
                }
                boolean perItem = prize.ranks() == AwardRules.Ranks.COMPETITIONS;
                List<String> h = new ArrayList<>();
                if (perItem) {
                    h.add("单项");
                }
                h.addAll(List.of("名次", "单位", perItem ? "单项得分" : "综合得分", "奖金（元）", "说明"));
                List<TableRow> rows = of.stream().map(l -> {
                    List<String> row = new ArrayList<>();
                    if (perItem) {
                        row.add(scheme.competition(l.competitionCode()).map(Competition::name).orElse(l.competitionCode()));
                    }
                    row.addAll(List.of(Integer.toString(l.unitRank()), unitName(scheme, l.unitCode()),
                            Figures.score(l.score()), l.won() ? Figures.amount(l.amount()) : "—", l.note()));
                    return new TableRow(row, !l.won());
                }).toList();
                BigDecimal sum = of.stream().map(PrizeLedger.PrizeLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                String limit = perItem ? "每项前" + prize.top() + "名" + (prize.topByCompetition().isEmpty() ? ""
                        : "（" + prize.topByCompetition().entrySet().stream().map(e -> scheme.competition(e.getKey())
                                .map(Competition::name).orElse(e.getKey()) + "前" + e.getValue() + "名")
                                .collect(Collectors.joining("、")) + "）") : "前" + prize.top() + "名";
                sections.add(new TableSection(prize.name() + "（" + pool.name() + "）", limit + "，每个单位 "
                        + Figures.amount(prize.amount()) + " 元" + cited + "；名次并列于最后一名的单位一并获奖；"
                        + "不得评奖的单位（黄色底纹）由下一名递补。合计 " + Figures.amount(sum) + " 元。", h, rows).withWideLast());
            }
        }
        List<TableRow> excluded = lines.stream().filter(l -> PrizeLedger.EXCLUDED.equals(l.kind()))
                .map(l -> new TableRow(List.of(unitName(scheme, l.unitCode()), scheme.poolOf(l.unitCode()).name(), l.note()),
                        true)).toList();
        if (!scheme.awards().disqualify().isEmpty()) {
            sections.add(new TableSection("取消评奖资格", "全年有"
                    + scheme.awards().disqualify().stream().map(AwardRules.Disqualifier::label)
                            .collect(Collectors.joining("、")) + "情形的单位当年不得评奖" + cited + "。"
                    + (excluded.isEmpty() ? "本年度没有。" : ""), List.of("单位", "组别", "原因"), excluded).withWideLast());
        }
        if (scheme.awards().statementBelow() != null) {
            List<TableRow> statement = lines.stream().filter(l -> PrizeLedger.STATEMENT.equals(l.kind()))
                    .map(l -> new TableRow(List.of(unitName(scheme, l.unitCode()), scheme.poolOf(l.unitCode()).name(),
                            l.note()), false)).toList();
            sections.add(new TableSection("表态发言", "未完成年度任务（完成率低于 "
                    + Figures.percent(scheme.awards().statementBelow()) + "）的单位向领导小组表态发言并提出整改措施" + cited
                    + "；列出未完成的任务。", List.of("单位", "组别", "未完成的任务"), statement).withWideLast());
        }
        return sections;
    }

    /** "（附件1 一（一）考核周期）" after a sentence the policy text states, or nothing when the scheme cites none. */
    private static String cite(String policy) {
        return policy.isEmpty() ? "" : "（" + policy + "）";
    }

    private static String labels(List<Period> periods) {
        return periods.stream().map(Period::shortLabel).collect(Collectors.joining("、"));
    }

    private static String unitName(Scheme scheme, String code) {
        return scheme.unit(code).map(Unit::name).orElse(code);
    }


    /**
     * The annual result's 优/差 (DOMAIN §7.2, {@code review.annual}): every unit with its rank, annual score and grade,
     * the 较差 rows red; nothing for a scheme without the ratios.
     */
    static List<TableSection> grades(Scheme scheme, List<RankedScore> totals) {
        if (!ReviewRules.configured(scheme) || ReviewRules.of(scheme).annual() == null || totals.isEmpty()) {
            return List.of();
        }
        ReviewRules.Annual annual = ReviewRules.of(scheme).annual();
        Map<String, Integer> ranks = new HashMap<>();
        totals.forEach(t -> ranks.put(t.unitCode(), t.rank()));
        Map<String, Grades.Grade> graded = Grades.of(ranks, scheme.poolUnits(), annual.excellent(), annual.poor());
        List<TableRow> rows = new ArrayList<>();
        for (RankedScore t : totals) {
            Grades.Grade g = graded.get(t.unitCode());
            List<String> cells = new ArrayList<>();
            cells.add(Integer.toString(t.rank()));
            cells.add(unitName(scheme, t.unitCode()));
            if (scheme.rankPools().size() > 1) {
                cells.add(scheme.poolOf(t.unitCode()).name());
            }
            cells.add(Figures.score(t.score()));
            cells.add(g == null ? "–" : g.label());
            rows.add(TableRow.bottom(cells, g == Grades.Grade.POOR));
        }
        List<String> h = new ArrayList<>(List.of("名次", "单位"));
        if (scheme.rankPools().size() > 1) {
            h.add("组别");
        }
        h.addAll(List.of("年度得分", "等次"));
        String counts = scheme.poolUnits().stream().map(pool -> {
            int n = (int) pool.stream().filter(ranks::containsKey).count();
            return n + " 个单位：优秀 " + Grades.places(n, annual.excellent()) + " 名，较差 " + Grades.places(n, annual.poor()) + " 名";
        }).collect(Collectors.joining("；"));
        return TableSection.split("年度考核等次", "年度得分为各月发布得分的平均；优秀比例 " + percent(annual.excellent())
                + "、较差比例 " + percent(annual.poor()) + "（方案文件），按名次取 ⌊单位数 × 比例⌋ 名，与边界名次并列者同等次（"
                + counts + "）；红色底纹为较差。", h, rows, 2);
    }

    private static String percent(BigDecimal ratio) {
        return ratio.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
