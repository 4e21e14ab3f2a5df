package cn.bipin.report;

import cn.bipin.scheme.RankMarks;

import java.util.List;

/**
 * Everything one bulletin prints, already ranked and formatted by the job; the renderers add no arithmetic,
 * so the PDF and the workbook cannot disagree.
 *
 * @param title        e.g. 金凤区"双拼双促"2024年6月晾晒榜单 (更正 variants included by the caller)
 * @param subtitle     e.g. 月度晾晒 · 项目投资比拼、产业发展比拼 · 序时进度 50.00%
 * @param footer       printed on every page, e.g. 运行 #12 · 第1版 · 生成于 2024-07-21 02:00:13
 * @param competitions one ranking table each
 * @param totals       the total ranking; empty when the run publishes none
 * @param missing      未报送 lines, e.g. "良田镇：项目开工率、年度投资完成率"
 * @param late         逾期 lines, e.g. "丰登镇：2024-07-23 09:12 收到 丰登镇-2024-06.xlsx"
 * @param before       tables printed under the title, before the rankings, then a page break (更正说明)
 * @param after        tables printed after the total ranking, before the 未报送 / 逾期 lists
 *                     (年度各项比拼得分, 考核结果运用, 报送纪律)
 * @param reportingLists whether the bulletin ends with the 未报送 / 逾期 lists: a ranking of submitted figures
 *                     does; an evaluation result or an incentive list, which have no reporting deadline, does not
 * @param marks        which part of each ranking is marked red (scheme key rank_marks): the legends and the chart say so
 * @param totalsBasis  how the total ranking's total is reached, for its legend; null: {@link #WEIGHTED}
 */
public record Bulletin(String title,
                       String subtitle,
                       String footer,
                       List<CompetitionTable> competitions,
                       List<TotalRow> totals,
                       List<String> missing,
                       List<String> late,
                       List<TableSection> before,
                       List<TableSection> after,
                       boolean reportingLists,
                       RankMarks marks,
                       String totalsBasis) {

    /** The total as most schemes publish it. */
    public static final String WEIGHTED = "总得分为各项比拼得分按权重计算";

    public Bulletin {
        totalsBasis = totalsBasis == null ? WEIGHTED : totalsBasis;
        marks = marks == null ? RankMarks.BOTTOM3 : marks;
        competitions = competitions == null ? List.of() : List.copyOf(competitions);
        totals = totals == null ? List.of() : List.copyOf(totals);
        missing = missing == null ? List.of() : List.copyOf(missing);
        late = late == null ? List.of() : List.copyOf(late);
        before = before == null ? List.of() : List.copyOf(before);
        after = after == null ? List.of() : List.copyOf(after);
    }

    /** Marking the bottom three (rank_marks default). */
    public Bulletin(String title, String subtitle, String footer, List<CompetitionTable> competitions,
                    List<TotalRow> totals, List<String> missing, List<String> late, List<TableSection> before,
                    List<TableSection> after, boolean reportingLists) {
        this(title, subtitle, footer, competitions, totals, missing, late, before, after, reportingLists, RankMarks.BOTTOM3,
                WEIGHTED);
    }

    /** A ranking bulletin with its 未报送 / 逾期 lists. */
    public Bulletin(String title, String subtitle, String footer, List<CompetitionTable> competitions,
                    List<TotalRow> totals, List<String> missing, List<String> late, List<TableSection> before,
                    List<TableSection> after) {
        this(title, subtitle, footer, competitions, totals, missing, late, before, after, true);
    }

    /** A document of tables only, without 未报送 / 逾期 lists: an evaluation result, an incentive list. */
    public static Bulletin ofSections(String title, String subtitle, String footer, List<TableSection> before,
                                      List<TableSection> after) {
        return new Bulletin(title, subtitle, footer, List.of(), List.of(), List.of(), List.of(), before, after, false);
    }

    /** A bulletin without extra tables: the monthly one. */
    public Bulletin(String title, String subtitle, String footer, List<CompetitionTable> competitions,
                    List<TotalRow> totals, List<String> missing, List<String> late) {
        this(title, subtitle, footer, competitions, totals, missing, late, List.of(), List.of(), true);
    }
}
