package cn.bipin.bulletin;

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

    /** C4 with cumulative amounts and their month amounts (当月); competition score = mean of the three, e.g. 良田镇 (80.00 + 87.34 + 66.67) / 3 = 78.003… → 78.00. */
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
