package cn.bipin.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BulletinWorkbookWriterTest {

    @TempDir
    Path dir;

    private final BulletinWorkbookWriter writer = new BulletinWorkbookWriter();

    @Test
    void writesOneSheetPerCompetitionThenTotalsAndLists() throws IOException {
        Path xlsx = dir.resolve("bulletin.xlsx");

        writer.write(BulletinSamples.june2024(), xlsx);

        try (Workbook workbook = WorkbookFactory.create(xlsx.toFile())) {
            assertThat(sheetNames(workbook)).containsExactly("项目投资比拼", "产业发展比拼", "合计", "未报送与逾期");
            Sheet c2 = workbook.getSheet("项目投资比拼");
            assertThat(text(c2.getRow(1))).containsExactly("排名", "变化", "单位", "类别",
                    "项目开工率（%） 完成值", "项目开工率 本期", "项目开工率 得分",
                    "年度投资完成率（%） 完成值", "年度投资完成率 本期", "年度投资完成率 得分",
                    "入库报统率（%） 完成值", "入库报统率 本期", "入库报统率 得分", "比拼得分");
            assertThat(c2.getPaneInformation().isFreezePane()).isTrue();
            assertThat(c2.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
            assertThat(workbook.getFontAt(c2.getRow(1).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            // a title row above the frozen headers; printed landscape, one page wide, title and headers on every page
            assertThat(c2.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo(BulletinSamples.TITLE + " · 项目投资比拼（权重 15）");
            assertThat(c2.getPrintSetup().getLandscape()).isTrue();
            assertThat(c2.getFitToPage()).isTrue();
            assertThat(c2.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(c2.getPrintSetup().getFitHeight()).isEqualTo((short) 0);
            assertThat(c2.getRepeatingRows().formatAsString()).isEqualTo("1:2");

            // 良田镇 is 7th in C2: row 7. Start rate 45.00% is stored as the fraction 0.45;
            // its score 100 × 0.45 / 0.50 = 90.00; competition score (90.00 + 60.00 + 80.00) / 3 = 76.67
            Row liangtian = c2.getRow(8);
            assertThat(liangtian.getCell(2).getStringCellValue()).isEqualTo("良田镇");
            assertThat(liangtian.getCell(4).getNumericCellValue()).isEqualTo(0.45);
            assertThat(liangtian.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            assertThat(liangtian.getCell(6).getNumericCellValue()).isEqualTo(90.00);
            assertThat(liangtian.getCell(13).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(liangtian.getCell(13).getNumericCellValue()).isEqualTo(76.67);
            assertThat(liangtian.getCell(13).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");

            // C4 良田镇: cumulative 9,876.50 万元 with 1,234.50 this month, both numbers
            Row c4Liangtian = workbook.getSheet("产业发展比拼").getRow(3);
            assertThat(c4Liangtian.getCell(2).getStringCellValue()).isEqualTo("良田镇");
            assertThat(c4Liangtian.getCell(4).getNumericCellValue()).isEqualTo(9876.50);
            assertThat(c4Liangtian.getCell(5).getNumericCellValue()).isEqualTo(1234.50);

            Sheet totals = workbook.getSheet("合计");
            assertThat(text(totals.getRow(1))).containsExactly("排名", "变化", "单位", "类别", "总得分");
            assertThat(totals.getRow(2).getCell(2).getStringCellValue()).isEqualTo("发展和改革局");
            assertThat(totals.getRow(2).getCell(4).getNumericCellValue()).isEqualTo(82.79);

            Sheet lists = workbook.getSheet("未报送与逾期");
            assertThat(text(lists.getRow(2))).containsExactly("未报送", "财政局：年度投资完成率");
            assertThat(text(lists.getRow(4))).containsExactly("逾期", "丰登镇：2024-07-23 09:12 收到 丰登镇-2024-06.xlsx");
        }
    }

    @Test
    void leavesOutTheTotalsSheetAndWritesNoneForEmptyLists() throws IOException {
        Path xlsx = dir.resolve("bare.xlsx");

        writer.write(BulletinSamples.june2024Bare(), xlsx);

        try (Workbook workbook = WorkbookFactory.create(xlsx.toFile())) {
            assertThat(sheetNames(workbook)).containsExactly("项目投资比拼", "产业发展比拼", "未报送与逾期");
            Sheet lists = workbook.getSheet("未报送与逾期");
            assertThat(text(lists.getRow(2))).containsExactly("未报送", "无");
            assertThat(text(lists.getRow(3))).containsExactly("逾期", "无");
        }
    }

    @Test
    void writesEachSectionAsASheetInPrintedOrderWithNumbersAsNumbers() throws IOException {
        Path xlsx = dir.resolve("sections.xlsx");

        writer.write(BulletinSamples.correctionWithSections(), xlsx);

        try (Workbook workbook = WorkbookFactory.create(xlsx.toFile())) {
            assertThat(sheetNames(workbook)).containsExactly("更正说明：报送数据变更", "项目投资比拼", "产业发展比拼",
                    "合计", "考核结果运用", "年度各项比拼得分", "报送纪律", "未报送与逾期");

            Sheet changes = workbook.getSheet("更正说明：报送数据变更");
            assertThat(text(changes.getRow(1))).containsExactly("单位", "指标", "原值", "新值", "文件", "收到时间");
            assertThat(changes.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
            Row liangtian = changes.getRow(2);
            // 30.00% is the fraction 0.30, shown with the two decimals it was printed with
            assertThat(liangtian.getCell(3).getNumericCellValue()).isEqualTo(0.30);
            assertThat(liangtian.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            assertThat(liangtian.getCell(4).getStringCellValue()).isEqualTo("报送表_2024-06_liangtian_良田镇（更正）.xlsx");
            assertThat(liangtian.getCell(5).getStringCellValue()).isEqualTo("2024-07-25 10:32");
            // the highlighted 丰登镇 row needs attention: amber, not the bottom three's red, its empty 原值 too
            Row fengdeng = changes.getRow(3);
            assertThat(fengdeng.getCell(2).getCellStyle().getFillForegroundColor()).isEqualTo(IndexedColors.LIGHT_YELLOW.getIndex());
            assertThat(fengdeng.getCell(3).getNumericCellValue()).isEqualTo(1);
            assertThat(liangtian.getCell(0).getCellStyle().getFillPattern()).isEqualTo(FillPatternType.NO_FILL);

            Sheet awards = workbook.getSheet("考核结果运用");
            assertThat(text(awards.getRow(1))).containsExactly("名次", "单位", "总得分", "效能考核加分", "优秀比例", "工作经费（元）", "说明");
            assertThat(workbook.getFontAt(awards.getRow(1).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            Row first = awards.getRow(2);
            assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1);
            assertThat(first.getCell(2).getNumericCellValue()).isEqualTo(86.67);
            assertThat(first.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            // 5% → 0.05 without decimals; 100,000 元 → 100000 with a thousands separator
            assertThat(first.getCell(4).getNumericCellValue()).isEqualTo(0.05);
            assertThat(first.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("0%");
            assertThat(first.getCell(5).getNumericCellValue()).isEqualTo(100000);
            assertThat(first.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            Row third = awards.getRow(4);
            assertThat(third.getCell(6).getStringCellValue()).isEqualTo("7月 项目投资比拼 第5名（需前3名）");
            assertThat(third.getCell(6).getCellStyle().getFillForegroundColor()).isEqualTo(IndexedColors.LIGHT_YELLOW.getIndex());
            assertThat(third.getCell(5).getCellStyle().getFillForegroundColor()).isEqualTo(IndexedColors.LIGHT_YELLOW.getIndex());

            Row annual = workbook.getSheet("年度各项比拼得分").getRow(3);
            assertThat(annual.getCell(0).getStringCellValue()).isEqualTo("工业信息化和科学技术局");
            assertThat(annual.getCell(3).getNumericCellValue()).isEqualTo(100.00);
            assertThat(annual.getCell(9).getNumericCellValue()).isEqualTo(84.10);

            assertThat(text(workbook.getSheet("报送纪律").getRow(2))).containsExactly("无");
        }
    }

    @Test
    void keepsCodesWithLeadingZerosAndOddCommasAsText() throws IOException {
        Path xlsx = dir.resolve("codes.xlsx");
        TableSection codes = new TableSection("单位代码", null, List.of("单位", "代码", "数值"),
                List.of(new TableRow(List.of("良田镇", "007", "1,2"), false),
                        new TableRow(List.of("丰登镇", "0.5", "-1,234.5"), false)));

        writer.write(new Bulletin("标题", "副标题", "页脚", List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(codes)), xlsx);

        try (Workbook workbook = WorkbookFactory.create(xlsx.toFile())) {
            assertThat(sheetNames(workbook)).containsExactly("单位代码", "未报送与逾期");
            Sheet sheet = workbook.getSheet("单位代码");
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("007");
            assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("1,2");
            assertThat(sheet.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(0.5);
            assertThat(sheet.getRow(3).getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0.0");
            assertThat(sheet.getRow(3).getCell(2).getNumericCellValue()).isEqualTo(-1234.5);
        }
    }

    @Test
    void makesSheetNamesLegalAndUnique() {
        Set<String> taken = new HashSet<>();

        assertThat(BulletinWorkbookWriter.uniqueName("项目投资比拼", taken)).isEqualTo("项目投资比拼");
        assertThat(BulletinWorkbookWriter.uniqueName("项目投资比拼", taken)).isEqualTo("项目投资比拼(2)");
        assertThat(BulletinWorkbookWriter.uniqueName("招商/引资[比拼]", taken)).isEqualTo("招商 引资 比拼 ");
    }

    @Test
    void aDocumentOfSectionsOnlyHasNoReportingListsSheet() throws IOException {
        Path xlsx = dir.resolve("sections.xlsx");

        writer.write(Bulletin.ofSections("背靠背评议结果", "年度", "评议运行 #1", List.of(), List.of(BulletinSamples.awards())),
                xlsx);

        try (Workbook workbook = WorkbookFactory.create(xlsx.toFile())) {
            assertThat(sheetNames(workbook)).containsExactly("考核结果运用");
        }
    }

    private static List<String> sheetNames(Workbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    private static List<String> text(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> texts.add(cell.getStringCellValue()));
        return texts;
    }
}
