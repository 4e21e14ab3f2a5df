package cn.bipin.submission;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static cn.bipin.testsupport.TestScheme.DIMENSIONS;
import static cn.bipin.testsupport.TestScheme.FGJ;
import static cn.bipin.testsupport.TestScheme.JUNE;
import static cn.bipin.testsupport.TestScheme.SCHEME;
import static org.assertj.core.api.Assertions.assertThat;

class SubmissionTemplateWriterTest {

    @TempDir
    Path dir;

    private XSSFSheet writeAndOpen() throws Exception {
        Path file = dir.resolve(SubmissionTemplateWriter.fileName(FGJ, JUNE));
        new SubmissionTemplateWriter().write(SCHEME, FGJ, JUNE, DIMENSIONS, file);
        XSSFWorkbook wb = new XSSFWorkbook(file.toFile());
        return wb.getSheet("报送表");
    }

    private static String text(XSSFSheet s, int row, int col) {
        return s.getRow(row).getCell(col).getStringCellValue();
    }

    @Test
    void headerBlockNamesSchemeUnitPeriodAndDeadline() throws Exception {
        XSSFSheet s = writeAndOpen();
        assertThat(SubmissionTemplateWriter.fileName(FGJ, JUNE)).isEqualTo("报送表_2024-06_fgj_发展和改革局.xlsx");
        assertThat(text(s, 1, 0)).isEqualTo("方案");
        assertThat(text(s, 1, 1)).isEqualTo("金凤区\"双拼双促\"");
        assertThat(text(s, 1, 3)).isEqualTo("test-2024");
        assertThat(text(s, 2, 1)).isEqualTo("发展和改革局");
        assertThat(text(s, 2, 2)).isEqualTo("单位代码");
        assertThat(text(s, 2, 3)).isEqualTo("fgj");
        assertThat(text(s, 3, 1)).isEqualTo("2024-06");
        assertThat(text(s, 3, 3)).isEqualTo("2024年6月");
        // D11: due on the scheme's deadline day (20) of the month after June
        assertThat(text(s, 4, 1)).isEqualTo("2024-07-20");
        // cumulative values are 1–N月累计 with N = 6 for June
        assertThat(text(s, 5, 1)).contains("1–6月累计").contains("百分比填 45% 或 0.45");
        assertThat(s.getRow(1).getCell(0).getCellStyle().getLocked()).isTrue();
    }

    @Test
    void printsOnOnePortraitPageTitleFirst() throws Exception {
        XSSFSheet s = writeAndOpen();
        // the print area is the template itself, from the title row (row 1) to the last dimension (3 dimensions under
        // the header row 8: rows 9–11), scaled to one A4 page, portrait
        assertThat(s.getWorkbook().getPrintArea(0)).isEqualTo("报送表!$A$1:$G$11");
        assertThat(s.getFitToPage()).isTrue();
        assertThat(s.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
        assertThat(s.getPrintSetup().getFitHeight()).isEqualTo((short) 1);
        assertThat(s.getPrintSetup().getLandscape()).isFalse();
        assertThat(s.getPrintSetup().getPaperSize()).isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        assertThat(text(s, 0, 0)).contains("报送表");
    }

    @Test
    void tableHasOneRowPerDimensionWithOnlyValueAndNoteUnlocked() throws Exception {
        XSSFSheet s = writeAndOpen();
        XSSFRow header = s.getRow(SubmissionTemplateWriter.HEADER_ROW);
        for (int i = 0; i < 7; i++) {
            assertThat(header.getCell(i).getStringCellValue())
                    .isEqualTo(List.of("比拼", "指标代码", "指标名称", "单位", "口径", "填报值", "备注").get(i));
        }
        XSSFRow funds = s.getRow(SubmissionTemplateWriter.HEADER_ROW + 2);
        assertThat(funds.getCell(0).getStringCellValue()).isEqualTo("产业发展比拼");
        assertThat(funds.getCell(1).getStringCellValue()).isEqualTo("c3_funds");
        assertThat(funds.getCell(2).getStringCellValue()).isEqualTo("完成招商资金");
        assertThat(funds.getCell(3).getStringCellValue()).isEqualTo("万元");
        assertThat(funds.getCell(4).getStringCellValue()).isEqualTo("累计（1–6月）");
        for (int col = 0; col < 5; col++) {
            assertThat(funds.getCell(col).getCellStyle().getLocked()).as("column %d locked", col).isTrue();
        }
        assertThat(funds.getCell(5).getCellStyle().getLocked()).isFalse();
        assertThat(funds.getCell(6).getCellStyle().getLocked()).isFalse();
        assertThat(funds.getCell(5).getCellStyle().getDataFormatString()).doesNotContain("%");
        XSSFRow rate = s.getRow(SubmissionTemplateWriter.HEADER_ROW + 1);
        assertThat(rate.getCell(1).getStringCellValue()).isEqualTo("c2_start_rate");
        assertThat(rate.getCell(4).getStringCellValue()).isEqualTo("期末");
        assertThat(rate.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
        assertThat(s.getLastRowNum()).isEqualTo(SubmissionTemplateWriter.HEADER_ROW + 3);
        assertThat(s.getProtect()).isTrue();
    }

    @Test
    void valueCellsAcceptDecimalsNonNegativeUnlessTheDimensionAllowsIt() throws Exception {
        XSSFSheet s = writeAndOpen();
        List<? extends DataValidation> validations = s.getDataValidations();
        assertThat(validations).hasSize(3);
        for (DataValidation v : validations) {
            int row = v.getRegions().getCellRangeAddress(0).getFirstRow();
            assertThat(v.getRegions().getCellRangeAddress(0).getFirstColumn()).isEqualTo(5);
            DataValidationConstraint c = v.getValidationConstraint();
            assertThat(c.getValidationType()).isEqualTo(DataValidationConstraint.ValidationType.DECIMAL);
            assertThat(v.getShowErrorBox()).isTrue();
            String code = s.getRow(row).getCell(1).getStringCellValue();
            if (code.equals("c4_growth")) {
                assertThat(c.getOperator()).isEqualTo(DataValidationConstraint.OperatorType.BETWEEN);
                assertThat(v.getErrorBoxText()).isEqualTo("请填写数字，不要带文字或单位。");
            } else {
                assertThat(c.getOperator()).isEqualTo(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL);
                assertThat(c.getFormula1()).isEqualTo("0");
                assertThat(v.getErrorBoxText()).isEqualTo("请填写不小于0的数字，不要带文字或单位。");
            }
        }
    }
}
