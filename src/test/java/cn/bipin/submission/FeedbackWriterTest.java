package cn.bipin.submission;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.nio.file.Path;
import java.util.List;

import static cn.bipin.testsupport.TestScheme.FGJ;
import static cn.bipin.testsupport.TestScheme.JFZ;
import static cn.bipin.testsupport.TestScheme.JUNE;
import static cn.bipin.testsupport.TestScheme.SCHEME;
import static org.assertj.core.api.Assertions.assertThat;

import cn.bipin.submission.FeedbackLine.Outcome;

class FeedbackWriterTest {

    @TempDir
    Path dir;

    private static final LocalDateTime JULY_22 = LocalDateTime.of(2024, 7, 22, 9, 30);
    private static final FeedbackLine RATE = new FeedbackLine("报送表_2024-06_fgj.xlsx", JULY_22, 9, "F", "c2_start_rate",
            "项目开工率", "45%", new BigDecimal("0.45"), Outcome.USED, false, null, null);
    private static final FeedbackLine FUNDS = new FeedbackLine("报送表_2024-06_fgj.xlsx", JULY_22, 10, "F", "c3_funds",
            "完成招商资金", "1234.5", new BigDecimal("1234.5"), Outcome.USED, true, null, null);
    private static final FeedbackLine TYPO = new FeedbackLine("报送表_2024-06_fgj.xlsx", JULY_22, 12, "F", "c3_funds",
            "完成招商资金", "12,3O0", null, Outcome.REJECTED, true, "第12行 F列 完成招商资金: '12,3O0' 不是数字", null);

    private XSSFWorkbook writeAndOpen(cn.bipin.scheme.Unit unit, List<FeedbackLine> lines) throws Exception {
        Path file = dir.resolve(FeedbackWriter.fileName(unit, JUNE));
        new FeedbackWriter().write(SCHEME, unit, JUNE, lines, List.of(), file);
        return new XSSFWorkbook(file.toFile());
    }

    private static String text(XSSFSheet s, int row, int col) {
        return s.getRow(row).getCell(col).getStringCellValue();
    }

    @Test
    void summaryAcceptedAndRejectedSheets() throws Exception {
        try (XSSFWorkbook wb = writeAndOpen(FGJ, List.of(RATE, FUNDS, TYPO))) {
            assertThat(FeedbackWriter.fileName(FGJ, JUNE)).isEqualTo("报送反馈_2024-06_fgj_发展和改革局.xlsx");
            assertThat(wb.getSheetName(0)).isEqualTo("汇总");
            assertThat(wb.getSheetName(1)).isEqualTo("已采用");
            assertThat(wb.getSheetName(2)).isEqualTo("退回");
            XSSFSheet summary = wb.getSheet("汇总");
            assertThat(text(summary, 0, 0)).isEqualTo("金凤区\"双拼双促\" 2024年6月 报送反馈 — 发展和改革局");
            assertThat(text(summary, 2, 0)).isEqualTo("已采用 2 条");
            assertThat(text(summary, 3, 0)).isEqualTo("退回 1 条，请按“退回”表修改后重新报送");
            // D11: deadline is day 20 of the month after June
            assertThat(text(summary, 4, 0)).isEqualTo("逾期：是（截止日期 2024-07-20，数据已采用但记为逾期）");

            XSSFSheet acc = wb.getSheet("已采用");
            assertThat(text(acc, 0, 0)).isEqualTo("指标");
            assertThat(text(acc, 0, 1)).isEqualTo("采用值");
            assertThat(text(acc, 1, 0)).isEqualTo("项目开工率");
            assertThat(acc.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(0.45);
            assertThat(acc.getRow(1).getCell(1).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            assertThat(text(acc, 1, 2)).isEqualTo("报送表_2024-06_fgj.xlsx");
            assertThat(acc.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(9);
            assertThat(text(acc, 1, 4)).isEqualTo("否");
            assertThat(acc.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(1234.5);
            assertThat(acc.getRow(2).getCell(1).getCellStyle().getDataFormatString()).doesNotContain("%");
            assertThat(text(acc, 2, 4)).isEqualTo("是");
            assertThat(acc.getLastRowNum()).isEqualTo(2);

            XSSFSheet rej = wb.getSheet("退回");
            assertThat(List.of(text(rej, 0, 0), text(rej, 0, 1), text(rej, 0, 2), text(rej, 0, 3), text(rej, 0, 4), text(rej, 0, 5)))
                    .containsExactly("文件", "行", "列", "指标", "填报值", "原因");
            assertThat(text(rej, 1, 0)).isEqualTo("报送表_2024-06_fgj.xlsx");
            assertThat(rej.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(12);
            assertThat(text(rej, 1, 2)).isEqualTo("F");
            assertThat(text(rej, 1, 3)).isEqualTo("完成招商资金");
            assertThat(text(rej, 1, 4)).isEqualTo("12,3O0");
            assertThat(text(rej, 1, 5)).isEqualTo("第12行 F列 完成招商资金: '12,3O0' 不是数字");
            assertThat(rej.getLastRowNum()).isEqualTo(1);
        }
    }

    @Test
    void nothingRejectedSaysNone() throws Exception {
        try (XSSFWorkbook wb = writeAndOpen(JFZ, List.of(RATE))) {
            XSSFSheet summary = wb.getSheet("汇总");
            assertThat(text(summary, 0, 0)).endsWith("报送反馈 — 金凤镇");
            assertThat(text(summary, 2, 0)).isEqualTo("已采用 1 条");
            assertThat(text(summary, 3, 0)).isEqualTo("退回 0 条");
            assertThat(text(summary, 4, 0)).isEqualTo("逾期：否");
            XSSFSheet rej = wb.getSheet("退回");
            assertThat(text(rej, 1, 0)).isEqualTo("无");
            assertThat(rej.getLastRowNum()).isEqualTo(1);
        }
    }

    @Test
    void aCorrectionMarksWhichValueCountsAndLeavesBlankCellsUnchanged() throws Exception {
        // D21: the first file sent 45%, a correction file on 25 July sent 50% and left 完成招商资金 blank
        LocalDateTime july25 = LocalDateTime.of(2024, 7, 25, 16, 5);
        FeedbackLine first = new FeedbackLine("第一次.xlsx", JULY_22, 9, "F", "c2_start_rate", "项目开工率", "45%",
                new BigDecimal("0.45"), Outcome.SUPERSEDED, true, null, null);
        FeedbackLine correction = new FeedbackLine("更正.xlsx", july25, 9, "F", "c2_start_rate", "项目开工率", "50%",
                new BigDecimal("0.5"), Outcome.USED, false, null, "单位代码 'FGJ ' 按 fgj（发展和改革局）采用");
        FeedbackLine blank = new FeedbackLine("更正.xlsx", july25, 10, "F", "c3_funds", "完成招商资金", "", null,
                Outcome.UNCHANGED, false, null, null);
        try (XSSFWorkbook wb = writeAndOpen(FGJ, List.of(first, correction, blank))) {
            XSSFSheet summary = wb.getSheet("汇总");
            assertThat(text(summary, 2, 0)).isEqualTo("已采用 1 条（另有 1 条已被后来报送的值更正，见“已采用”表的状态列）");
            assertThat(text(summary, 3, 0)).isEqualTo("退回 0 条");
            assertThat(text(summary, 5, 0)).isEqualTo("空白未更改 1 条：更正文件中留空的指标沿用此前报送的值");
            XSSFSheet acc = wb.getSheet("已采用");
            assertThat(text(acc, 0, 5)).isEqualTo("状态");
            assertThat(text(acc, 1, 5)).isEqualTo("已被更正");
            assertThat(text(acc, 1, 6)).isEqualTo("2024-07-22 09:30");
            assertThat(text(acc, 2, 5)).isEqualTo("采用");
            assertThat(text(acc, 2, 6)).isEqualTo("2024-07-25 16:05");
            assertThat(text(acc, 3, 5)).isEqualTo("空白，沿用已报送的值");
            assertThat(text(acc, 0, 7)).isEqualTo("说明");
            assertThat(text(acc, 2, 7)).isEqualTo("单位代码 'FGJ ' 按 fgj（发展和改革局）采用");
            assertThat(wb.getSheet("退回").getRow(1).getCell(0).getStringCellValue()).isEqualTo("无");
        }
    }
}
