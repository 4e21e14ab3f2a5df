package cn.bipin.bulletin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
import cn.bipin.scheme.Competition;
import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.Unit;
import cn.bipin.report.TableRow;
import cn.bipin.report.TableSection;
import cn.bipin.report.Figures;

/**
 * The tables of the year-end bulletin: every competition's annual score per unit, each competition's period
 * scores, the result application with reasons (R-AWARD-1) and the year's reporting discipline.
 */
@Component
class AnnualSections {

    private final ScoreRepository scores;
    private final AwardService awards;
    private final ReportingDiscipline discipline;

    AnnualSections(ScoreRepository scores, AwardService awards, ReportingDiscipline discipline) {
        this.scores = scores;
        this.awards = awards;
        this.discipline = discipline;
    }

    String subtitle(Scheme scheme, Run run) {
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

    List<TableSection> sections(Scheme scheme, Run run) {
        List<TableSection> sections = new ArrayList<>();
        List<RankedScore> totals = scores.totals(run.id()).stream().sorted(PeriodTables.byRankThenScheme(scheme)).toList();
        List<RankedScore> competitionScores = scores.competitions(run.id());
        Map<String, BigDecimal> competitionScore = new HashMap<>();
        competitionScores.forEach(s -> competitionScore.put(s.competitionCode() + "|" + s.unitCode(), s.score()));

        // the total ranking above already reads unit · each competition · total; the sections add how each
        // competition's annual score was reached and how the results are applied
        Map<String, DimensionScoreRow> components = new HashMap<>();
        scores.dimensions(run.id()).forEach(d -> components.put(d.dimensionCode() + "|" + d.unitCode(), d));
        for (Competition c : scheme.competitions()) {
            List<Period> periods = scheme.scoredPeriods(c.cycle());
            List<String> h = new ArrayList<>(List.of("单位"));
            periods.forEach(p -> h.add(p.shortLabel()));
            h.add("年度得分");
            h.add("名次");
            List<RankedScore> ranked = competitionScores.stream()
                    .filter(s -> s.competitionCode().equals(c.code())).sorted(PeriodTables.byRankThenScheme(scheme)).toList();
            List<TableRow> r = ranked.stream().map(s -> {
                List<String> cells = new ArrayList<>(List.of(unitName(scheme, s.unitCode())));
                periods.forEach(p -> {
                    DimensionScoreRow d = components.get(ComponentCode.of(c, p) + "|" + s.unitCode());
                    cells.add(d == null || d.missing() ? "" : Figures.score(d.score()));
                });
                cells.add(Figures.score(s.score()));
                cells.add(Integer.toString(s.rank()));
                return TableRow.bottom(cells, PeriodTables.bottom(scheme, s, ranked));
            }).toList();
            sections.addAll(TableSection.split(c.name() + " 各期得分",
                    "年度得分为各" + (c.cycle() == Cycle.MONTHLY ? "月" : "季度") + "得分的平均"
                            + cite(scheme.policy().cycles()) + "，权重 " + Figures.plain(c.weight())
                            + "；红色底纹及 ▼ 为后三名（与第三名并列者一并标注）。", h, r, 1));
        }

        List<TableRow> awardRows = awards.forRun(run.id()).stream().map(a -> new TableRow(List.of(
                unitName(scheme, a.unitCode()), Integer.toString(a.annualRank()), Figures.score(a.totalScore()),
                a.efficiencyPoints() > 0 ? "+" + a.efficiencyPoints() : "",
                a.excellentQuota().signum() > 0 ? "+" + Figures.plain(a.excellentQuota().movePointRight(2)) + "%" : "",
                a.workFunds().signum() > 0 ? Figures.amount(a.workFunds()) : "",
                a.reason() == null ? "" : a.reason()), false)).toList();
        sections.add(new TableSection("考核结果运用", "效能目标考核加分、年度考核优秀比例和工作经费"
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

}
