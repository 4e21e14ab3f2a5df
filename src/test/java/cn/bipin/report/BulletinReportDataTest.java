package cn.bipin.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class BulletinReportDataTest {

    @Test
    void printsTheMonthAmountBesideTheValueAndBreaksOnlyWhenTooWide() {
        // 9,876.50（本期 1,234.50）: 12 digits × 0.56 + 5 of ",. " × 0.28 + 4 CJK = 6.72 + 1.40 + 4 = 12.12 em ≤ 15.5
        assertThat(BulletinReportData.cellText(new DimensionCell("9,876.50", "1,234.50", BigDecimal.ONE)))
                .isEqualTo("9,876.50（本期 1,234.50）");
        // 123,456.78（本期 12,345.67）: 15 × 0.56 + 5 × 0.28 + 4 = 8.40 + 1.40 + 4 = 13.80 em ≤ 15.5: one line
        assertThat(BulletinReportData.cellText(new DimensionCell("123,456.78", "12,345.67", BigDecimal.ONE)))
                .isEqualTo("123,456.78（本期 12,345.67）");
        // 12,345,678.90（本期 123,456.78）: 18 digits × 0.56 + 6 of ",. " × 0.28 + 4 = 10.08 + 1.68 + 4 = 15.76 em > 15.5
        assertThat(BulletinReportData.cellText(new DimensionCell("12,345,678.90", "123,456.78", BigDecimal.ONE)))
                .isEqualTo("12,345,678.90\n（本期 123,456.78）");
        // a target_ratio figure shows its target on a line of its own (D24)
        assertThat(BulletinReportData.cellText(new DimensionCell("97,666.50", "32,546.01", BigDecimal.ONE, "112,500")))
                .isEqualTo("97,666.50（本期 32,546.01）\n目标 112,500");
        assertThat(BulletinReportData.cellText(new DimensionCell("45.00%", "", BigDecimal.ONE))).isEqualTo("45.00%");
        assertThat(BulletinReportData.cellText(new DimensionCell("", null, null))).isEmpty();
    }

    @Test
    void headsAColumnWithNameMeasureAndMethod() {
        assertThat(BulletinReportData.dimensionHeader(new DimensionHeader("c2_start_rate", "项目开工率", "%", "序时进度法")))
                .isEqualTo("项目开工率（%）\n序时进度法");
        assertThat(BulletinReportData.dimensionHeader(new DimensionHeader("x", "评议", "", null))).isEqualTo("评议");
    }

    @Test
    void listsLinesWithBulletsOrNone() {
        assertThat(BulletinReportData.lines(List.of())).isEqualTo("无");
        assertThat(BulletinReportData.lines(List.of("良田镇：项目开工率", "丰登镇：入库报统率")))
                .isEqualTo("· 良田镇：项目开工率\n· 丰登镇：入库报统率");
    }

    @Test
    void splitsChartScoresIntoNormalAndBottomSeries() {
        List<java.util.Map<String, ?>> competitions = BulletinReportData.competitions(BulletinSamples.june2024());
        @SuppressWarnings("unchecked")
        List<java.util.Map<String, ?>> rows = (List<java.util.Map<String, ?>>) competitions.get(0).get("rows");
        // row 1 发展和改革局 (not bottom), row 9 财政局 (bottom three of nine)
        assertThat(rows.get(0).get("normalScore")).isEqualTo(new BigDecimal("100.00"));
        assertThat(rows.get(0).get("bottomScore")).isNull();
        assertThat(rows.get(8).get("normalScore")).isNull();
        assertThat(rows.get(8).get("bottomScore")).isEqualTo(new BigDecimal("33.33"));
        assertThat(rows.get(8).get("scoreLabel")).isEqualTo("33.33");
        assertThat(competitions.get(0).get("dimCount")).isEqualTo(3);
        assertThat(competitions.get(0).get("heading")).isEqualTo("项目投资比拼（权重 15）");
    }

    @Test
    void ordersBlocksAsPrintedAndBreaksThePageAfterTheCorrectionSections() {
        List<java.util.Map<String, ?>> blocks = BulletinReportData.blocks(BulletinSamples.correctionWithSections());

        // 1 before section and the page break after it, 2 competitions, the totals, 3 after sections
        assertThat(blocks.stream().map(b -> (Object) b.get("kind")).toList()).containsExactly(
                "section", "pageBreak", "competition", "competition", "totals", "section", "section", "section");
        assertThat(blocks.get(5).get("heading")).isEqualTo("考核结果运用");
    }

    @Test
    void putsAWideLastColumnInTheLastSlot() {
        // 考核结果运用 has 7 columns, 说明 last: slots 1–6, then 说明 in slot 10, which takes the freed width
        java.util.Map<String, ?> awards = BulletinReportData.section(BulletinSamples.awards().withWideLast());

        assertThat(awards.get("columnCount")).isEqualTo(6);
        assertThat(awards.get("wideLast")).isEqualTo(true);
        assertThat(awards.get("h6")).isEqualTo("工作经费（元）");
        assertThat(awards.get("h7")).isNull();
        assertThat(awards.get("h10")).isEqualTo("说明");
        java.util.Map<?, ?> first = (java.util.Map<?, ?>) ((List<?>) awards.get("rows")).get(0);
        assertThat(first.get("c10")).isEqualTo("各期排名均在前3名，年度第1名");
        assertThat(first.get("c7")).isNull();
        assertThat(first.get("wide")).isEqualTo(true);
    }

    @Test
    void numbersASectionsColumnsAndPrintsNoneForNoRows() {
        java.util.Map<String, ?> awards = BulletinReportData.section(BulletinSamples.awards());
        assertThat(awards.get("columnCount")).isEqualTo(7);
        assertThat(awards.get("h7")).isEqualTo("说明");
        assertThat(awards.get("h8")).isNull();
        assertThat(awards.get("note")).isEqualTo("依据年度合计排名及各月、各季度比拼排名。");
        @SuppressWarnings("unchecked")
        List<java.util.Map<String, ?>> rows = (List<java.util.Map<String, ?>>) awards.get("rows");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(2).get("c7")).isEqualTo("7月 项目投资比拼 第5名（需前3名）");
        assertThat(rows.get(2).get("attention")).isEqualTo(true);
        assertThat(rows.get(2).get("bottom")).isEqualTo(false);

        java.util.Map<String, ?> discipline = BulletinReportData.section(BulletinSamples.discipline());
        // an empty note prints nothing, an empty table one row 无
        assertThat(discipline.get("note")).isNull();
        assertThat(discipline.get("rows")).isEqualTo(List.of(java.util.Map.of("c1", "无", "bottom", false, "attention", false, "wide", false)));
    }
}
