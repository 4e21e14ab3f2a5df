package cn.bipin.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A June 2024 Jinfeng monthly bulletin (competitions 2 and 4), shaped like what the monthly job publishes. */
final class BulletinSamples {

    static final String TITLE = "金凤区\"双拼双促\"2024年6月晾晒榜单";

    private BulletinSamples() {
    }

    static Bulletin june2024() {
        return new Bulletin(TITLE,
                "月度晾晒 · 项目投资比拼、产业发展比拼 · 序时进度 50.00%",
                "运行 #12 · 第1版 · 生成于 2024-07-21 02:00:13",
                List.of(projectInvestment(), industryDevelopment()),
                totals(),
                List.of("财政局：年度投资完成率", "满城北街街道：新增上限入规企业个数"),
                List.of("丰登镇：2024-07-23 09:12 收到 丰登镇-2024-06.xlsx"));
    }

    /** The same bulletin without totals, 未报送 or 逾期 lines. */
    static Bulletin june2024Bare() {
        Bulletin full = june2024();
        return new Bulletin(full.title(), full.subtitle(), full.footer(), full.competitions(), List.of(), List.of(), List.of());
    }

    /**
     * C2, progress_ratio against 序时进度 6/12 = 50%, registration rate target_ratio against 100%.
     * 良田镇: start rate 45% → 100 × 0.45 / 0.50 = 90.00; investment completion 30% → 100 × 0.30 / 0.50 = 60.00;
     * registration 80% → 100 × 0.80 / 1.00 = 80.00; competition score (90.00 + 60.00 + 80.00) / 3 = 76.666… → 76.67.
     */
    static CompetitionTable projectInvestment() {
        List<DimensionHeader> dimensions = List.of(
                new DimensionHeader("c2_start_rate", "项目开工率", "%", "序时进度法"),
                new DimensionHeader("c2_invest_completion", "年度投资完成率", "%", "序时进度法"),
                new DimensionHeader("c2_registration_rate", "入库报统率", "%", "目标比例法"));
        List<RankRow> rows = new ArrayList<>();
        rows.add(row(1, "↑2", "fgj", "发展和改革局", "部门", "100.00%", "100.00", "52.00%", "100.00", "100.00%", "100.00", "100.00"));
        rows.add(row(2, "–", "gxj", "工业信息化和科学技术局", "部门", "60.00%", "100.00", "48.00%", "96.00", "95.00%", "95.00", "97.00"));
        rows.add(row(3, "↓1", "swj", "商务和投资促进局", "部门", "50.00%", "100.00", "45.00%", "90.00", "90.00%", "90.00", "93.33"));
        rows.add(row(4, "新", "fdz", "丰登镇", "镇街", "48.00%", "96.00", "44.00%", "88.00", "92.00%", "92.00", "92.00"));
        rows.add(row(5, "↑1", "jfj", "金凤街道", "镇街", "45.00%", "90.00", "40.00%", "80.00", "85.00%", "85.00", "85.00"));
        rows.add(row(6, "↓2", "nyj", "农业农村和水务局", "部门", "40.00%", "80.00", "38.00%", "76.00", "88.00%", "88.00", "81.33"));
        rows.add(row(7, "–", "ltz", "良田镇", "镇街", "45.00%", "90.00", "30.00%", "60.00", "80.00%", "80.00", "76.67"));
        rows.add(row(8, "↓1", "mcb", "满城北街街道", "镇街", "30.00%", "60.00", "25.00%", "50.00", "70.00%", "70.00", "60.00"));
        rows.add(row(9, "↓3", "czj", "财政局", "部门", "20.00%", "40.00", "", "0.00", "60.00%", "60.00", "33.33"));
        return new CompetitionTable("c2", "项目投资比拼", "权重 15", dimensions, markBottom(rows));
    }

    /** C4 with cumulative amounts and their month amounts (本期); competition score = mean of the three, e.g. 良田镇 (80.00 + 87.34 + 66.67) / 3 = 78.003… → 78.00. */
    static CompetitionTable industryDevelopment() {
        List<DimensionHeader> dimensions = List.of(
                new DimensionHeader("c4_revenue", "已上限入规企业营业收入(产值)贡献", "万元", "最优值比例法"),
                new DimensionHeader("c4_growth", "增长率", "%", "功效系数法"),
                new DimensionHeader("c4_new_firms", "新增上限入规企业个数", "个", "最优值比例法"));
        List<RankRow> rows = new ArrayList<>();
        rows.add(row4(1, "–", "gxj", "工业信息化和科学技术局", "部门", "12,345.60", "2,101.30", "100.00", "18.20%", "100.00", "6", "2", "100.00", "100.00"));
        rows.add(row4(2, "↑1", "ltz", "良田镇", "镇街", "9,876.50", "1,234.50", "80.00", "12.40%", "87.34", "4", "1", "66.67", "78.00"));
        rows.add(row4(3, "↓1", "fgj", "发展和改革局", "部门", "8,100.00", "980.00", "65.61", "15.00%", "93.04", "3", "0", "50.00", "69.55"));
        rows.add(row4(4, "–", "mcb", "满城北街街道", "镇街", "6,020.25", "512.75", "48.77", "9.80%", "81.68", "", "", "0.00", "43.48"));
        rows.add(row4(5, "新", "fdz", "丰登镇", "镇街", "3,400.00", "610.00", "27.54", "-2.50%", "60.00", "1", "1", "16.67", "34.74"));
        return new CompetitionTable("c4", "产业发展比拼", "权重 10", dimensions, markBottom(rows));
    }

    static List<TotalRow> totals() {
        return List.of(
                new TotalRow(1, "↑1", "发展和改革局", "部门", new BigDecimal("82.79"), false),
                new TotalRow(2, "↓1", "工业信息化和科学技术局", "部门", new BigDecimal("80.12"), false),
                new TotalRow(3, "–", "良田镇", "镇街", new BigDecimal("72.40"), false),
                new TotalRow(4, "↑2", "丰登镇", "镇街", new BigDecimal("61.50"), true),
                new TotalRow(5, "↓1", "满城北街街道", "镇街", new BigDecimal("43.98"), true),
                new TotalRow(6, "–", "财政局", "部门", new BigDecimal("33.33"), true));
    }

    /**
     * The June bulletin re-published as 更正 at year end with the extra tables of an annual bulletin: 报送数据变更
     * before the rankings, 考核结果运用, 年度各项比拼得分 (ten columns) and an empty 报送纪律 after the totals.
     * The cells are fixture texts the renderers print as given, not computed here.
     */
    static Bulletin correctionWithSections() {
        Bulletin june = june2024();
        return new Bulletin("金凤区\"双拼双促\"2024年6月晾晒榜单（更正）", june.subtitle(), june.footer(),
                june.competitions(), june.totals(), june.missing(), june.late(),
                List.of(submissionChanges()),
                List.of(awards(), annualScores(), discipline()));
    }

    static TableSection submissionChanges() {
        return new TableSection("更正说明：报送数据变更", "与第1版相比，以下报送数据已更正；得分与排名随之重算。",
                List.of("单位", "指标", "原值", "新值", "文件", "收到时间"),
                List.of(new TableRow(List.of("良田镇", "年度投资完成率", "25.00%", "30.00%",
                                "报送表_2024-06_liangtian_良田镇（更正）.xlsx", "2024-07-25 10:32"), false),
                        new TableRow(List.of("丰登镇", "新增上限入规企业个数", "", "1",
                                "丰登镇-2024-06.xlsx", "2024-07-23 09:12"), true)));
    }

    static TableSection scoreChanges() {
        return new TableSection("更正说明：得分与名次变更", "标红为名次有变化的单位。",
                List.of("单位", "比拼", "原得分", "新得分", "原名次", "新名次"),
                List.of(new TableRow(List.of("良田镇", "项目投资比拼", "85.54", "93.82", "第4名", "第3名"), true),
                        new TableRow(List.of("良田镇", "合计", "78.39", "83.36", "第5名", "第5名"), false)));
    }

    /** DOMAIN §3.5: +3 and 优秀比例 +5% for all ranks ≤ 3 and annual rank 1; funds 100,000 / 80,000 / 50,000 by annual rank. */
    static TableSection awards() {
        return new TableSection("考核结果运用", "依据年度合计排名及各月、各季度比拼排名。",
                List.of("名次", "单位", "总得分", "效能考核加分", "优秀比例", "工作经费（元）", "说明"),
                List.of(new TableRow(List.of("1", "发展和改革局", "86.67", "3", "5%", "100,000", "各期排名均在前3名，年度第1名"), false),
                        new TableRow(List.of("2", "工业信息化和科学技术局", "84.10", "1", "", "80,000", "各期排名均在前4名，年度第2名"), false),
                        new TableRow(List.of("3", "良田镇", "80.25", "", "", "50,000", "7月 项目投资比拼 第5名（需前3名）"), true)));
    }

    static TableSection annualScores() {
        return new TableSection("年度各项比拼得分", null,
                List.of("单位", "主要指标比拼", "项目投资比拼", "产业发展比拼", "招商引资比拼", "营商环境比拼",
                        "城市建设比拼", "乡村振兴比拼", "背靠背评议", "年度总得分"),
                List.of(new TableRow(List.of("发展和改革局", "90.00", "95.50", "88.00", "80.00", "92.00",
                                "85.00", "", "91.20", "86.67"), false),
                        new TableRow(List.of("工业信息化和科学技术局", "82.00", "91.00", "100.00", "78.50", "88.00",
                                "80.00", "", "87.40", "84.10"), false)));
    }

    static TableSection discipline() {
        return new TableSection("报送纪律", "", List.of("单位", "未报送次数", "逾期次数", "说明"), List.of());
    }

    /** A competition with four dimensions, which no template column layout can hold. */
    static CompetitionTable fourDimensions() {
        List<DimensionHeader> dimensions = List.of(
                new DimensionHeader("a", "甲", "个", "最优值比例法"),
                new DimensionHeader("b", "乙", "个", "最优值比例法"),
                new DimensionHeader("c", "丙", "个", "最优值比例法"),
                new DimensionHeader("d", "丁", "个", "最优值比例法"));
        return new CompetitionTable("cx", "超维比拼", "权重 5", dimensions, List.of());
    }

    private static RankRow row(int rank, String change, String code, String name, String group,
                               String v1, String s1, String v2, String s2, String v3, String s3, String score) {
        return new RankRow(rank, change, code, name, group,
                List.of(cell(v1, "", s1), cell(v2, "", s2), cell(v3, "", s3)), new BigDecimal(score), false);
    }

    private static RankRow row4(int rank, String change, String code, String name, String group,
                                String v1, String m1, String s1, String v2, String s2, String v3, String m3,
                                String s3, String score) {
        return new RankRow(rank, change, code, name, group,
                List.of(cell(v1, m1, s1), cell(v2, "", s2), cell(v3, m3, s3)), new BigDecimal(score), false);
    }

    private static DimensionCell cell(String value, String month, String score) {
        return new DimensionCell(value, month, new BigDecimal(score));
    }

    private static List<RankRow> markBottom(List<RankRow> rows) {
        int size = rows.size();
        return rows.stream()
                .map(r -> new RankRow(r.rank(), r.change(), r.unitCode(), r.unitName(), r.groupLabel(), r.cells(),
                        r.score(), r.rank() > size - 3))
                .toList();
    }
}
