package cn.bipin.submission;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static cn.bipin.testsupport.TestScheme.DIMENSIONS;
import static cn.bipin.testsupport.TestScheme.FGJ;
import static cn.bipin.testsupport.TestScheme.FUNDS;
import static cn.bipin.testsupport.TestScheme.GROWTH;
import static cn.bipin.testsupport.TestScheme.JUNE;
import static cn.bipin.testsupport.TestScheme.SCHEME;
import static cn.bipin.testsupport.TestScheme.START_RATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import cn.bipin.inbox.ValueParser;
import cn.bipin.inbox.ParsedValue;

class XlsxSubmissionReaderTest {

    @TempDir
    Path dir;

    /** The template as a clerk returns it: rows 9–11 are the three dimensions, row 12 a copied line. */
    private Path filledTemplate() throws Exception {
        Path file = dir.resolve("报送表_2024-06_fgj.xlsx");
        new SubmissionTemplateWriter().write(SCHEME, FGJ, JUNE, DIMENSIONS, file);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
            XSSFSheet s = wb.getSheet("报送表");
            s.getRow(8).getCell(5).setCellValue(0.45);                   // F9 开工率, a 0.00% cell: typed 45%
            Cell funds = s.getRow(9).getCell(5);                         // F10 招商资金 as a formula
            funds.setCellFormula("1000+234.5");
            wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(funds);
            s.getRow(10).getCell(5).setCellValue(-0.05);                 // F11 增长率
            s.getRow(10).getCell(6).setCellValue("同比下降");             // G11 备注
            Row copied = s.createRow(11);                                // row 12: a line copied by the clerk
            copied.createCell(1).setCellValue("c3_funds");
            copied.createCell(5).setCellValue("12,3O0");
            Row blank = s.createRow(13);                                 // row 14: cells without content
            blank.createCell(1).setCellValue("");
            blank.createCell(5).setCellValue("  ");
            try (OutputStream os = Files.newOutputStream(file)) {
                wb.write(os);
            }
        }
        return file;
    }

    private static List<RawRow> readAll(Path file) {
        List<RawRow> rows = new ArrayList<>();
        try (SubmissionFileReader r = SubmissionFileReader.open(file)) {
            Optional<RawRow> row;
            while ((row = r.next()).isPresent()) {
                rows.add(row.get());
            }
        }
        return rows;
    }

    @Test
    void readsFilledTemplateWithUnitAndPeriodFromTheHeader() throws Exception {
        List<RawRow> rows = readAll(filledTemplate());

        assertThat(rows).extracting(RawRow::rowNumber).containsExactly(9, 10, 11, 12);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.fileName()).isEqualTo("报送表_2024-06_fgj.xlsx");
            assertThat(r.sheet()).isEqualTo("报送表");
            assertThat(r.column()).isEqualTo("F");
            assertThat(r.unitCode()).isEqualTo("fgj");
            assertThat(r.period()).isEqualTo("2024-06");
        });
        RawRow rate = rows.get(0);
        assertThat(rate.dimensionCode()).isEqualTo("c2_start_rate");
        assertThat(rate.numericValue()).isEqualByComparingTo("0.45");
        assertThat(rate.percentFormatted()).isTrue();
        assertThat(rate.rawValue()).isEqualTo("45%");
        RawRow funds = rows.get(1);
        // the formula's cached value: 1000 + 234.5 = 1234.5
        assertThat(funds.numericValue()).isEqualByComparingTo("1234.5");
        assertThat(funds.rawValue()).isEqualTo("1234.5");
        assertThat(funds.percentFormatted()).isFalse();
        RawRow growth = rows.get(2);
        assertThat(growth.numericValue()).isEqualByComparingTo("-0.05");
        assertThat(growth.note()).isEqualTo("同比下降");
        RawRow typo = rows.get(3);
        assertThat(typo.dimensionCode()).isEqualTo("c3_funds");
        assertThat(typo.rawValue()).isEqualTo("12,3O0");
        assertThat(typo.numericValue()).isNull();
        assertThat(typo.note()).isNull();
    }

    @Test
    void readRowsGoThroughTheValueParser() throws Exception {
        List<RawRow> rows = readAll(filledTemplate());
        List<ParsedValue> parsed = List.of(
                parse(rows.get(0), START_RATE), parse(rows.get(1), FUNDS),
                parse(rows.get(2), GROWTH), parse(rows.get(3), FUNDS));
        assertThat(parsed.get(0).value()).isEqualByComparingTo("0.45");
        assertThat(parsed.get(1).value()).isEqualByComparingTo("1234.5");
        assertThat(parsed.get(2).value()).isEqualByComparingTo("-0.05");
        assertThat(parsed.get(3).error()).isEqualTo("'12,3O0' 不是数字");
    }

    private static ParsedValue parse(RawRow r, cn.bipin.scheme.Dimension d) {
        return ValueParser.parse(r.rawValue(), r.numericValue(), r.percentFormatted(), d);
    }

    @Test
    void unfilledDimensionRowIsReportedWithAnEmptyValue() throws Exception {
        Path file = dir.resolve("unfilled.xlsx");
        new SubmissionTemplateWriter().write(SCHEME, FGJ, JUNE, DIMENSIONS, file);
        List<RawRow> rows = readAll(file);
        assertThat(rows).extracting(RawRow::dimensionCode).containsExactly("c2_start_rate", "c3_funds", "c4_growth");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.rawValue()).isEmpty();
            assertThat(r.numericValue()).isNull();
        });
    }

    @Test
    void findsHeaderCellsByLabelNotPositionAndShowsDatesAsDates() throws Exception {
        // A hand-made sheet: an extra line on top, labels in other columns, the table starting lower.
        Path file = dir.resolve("moved.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(file)) {
            XSSFSheet s = wb.createSheet("报送表");
            s.createRow(0).createCell(0).setCellValue("（插入的一行）");
            Row unit = s.createRow(2);
            unit.createCell(3).setCellValue("单位代码");
            unit.createCell(5).setCellValue("jfz");                    // a gap between label and value
            Row period = s.createRow(3);
            period.createCell(0).setCellValue("期间");
            period.createCell(1).setCellValue("2024-Q2");
            Row header = s.createRow(9);
            header.createCell(0).setCellValue("指标代码");
            header.createCell(1).setCellValue("填报值");
            Row data = s.createRow(10);
            data.createCell(0).setCellValue("c3_funds");
            Cell date = data.createCell(1);                            // Excel turned a typed "6-12" into a date
            date.setCellValue(java.time.LocalDate.of(2024, 6, 12));
            var style = wb.createCellStyle();
            style.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            date.setCellStyle(style);
            Row plain = s.createRow(11);                               // a number in a cell without any style
            plain.createCell(0).setCellValue("c3_funds");
            plain.createCell(1).setCellValue(88);
            wb.write(os);
        }
        List<RawRow> rows = readAll(file);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).numericValue()).isEqualByComparingTo("88");
        assertThat(rows.get(1).percentFormatted()).isFalse();
        RawRow r = rows.get(0);
        assertThat(r.unitCode()).isEqualTo("jfz");
        assertThat(r.period()).isEqualTo("2024-Q2");
        assertThat(r.rowNumber()).isEqualTo(11);
        assertThat(r.column()).isEqualTo("B");
        assertThat(r.note()).isNull();
        // not the date's serial number 45455, which would pass as a plausible amount
        assertThat(r.numericValue()).isNull();
        assertThat(r.rawValue()).isEqualTo("2024-06-12");
        assertThat(ValueParser.parse(r.rawValue(), r.numericValue(), false, FUNDS).error())
                .isEqualTo("'2024-06-12' 不是数字");
    }

    @Test
    void aDateInTheChineseBuiltInFormatIsADateNotItsSerialNumber() throws Exception {
        // built-in format 57 (yyyy"年"m"月") has no format string in the file, only its id
        Path file = dir.resolve("cjk-date.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(file)) {
            XSSFSheet s = wb.createSheet("报送表");
            Row unit = s.createRow(0);
            unit.createCell(0).setCellValue("单位代码");
            unit.createCell(1).setCellValue("jfz");
            Row period = s.createRow(1);
            period.createCell(0).setCellValue("期间");
            period.createCell(1).setCellValue("2024-06");
            Row header = s.createRow(3);
            header.createCell(0).setCellValue("指标代码");
            header.createCell(1).setCellValue("填报值");
            Row data = s.createRow(4);
            data.createCell(0).setCellValue("c3_funds");
            Cell date = data.createCell(1);
            date.setCellValue(java.time.LocalDate.of(2024, 6, 12));
            var style = wb.createCellStyle();
            style.setDataFormat((short) 57);
            date.setCellStyle(style);
            wb.write(os);
        }
        RawRow r = readAll(file).get(0);
        assertThat(r.numericValue()).isNull();
        assertThat(r.rawValue()).isEqualTo("2024-06-12");
    }

    @Test
    void workbookWithoutTheTableHeaderIsRejected() throws Exception {
        Path file = dir.resolve("别的表.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(file)) {
            wb.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("项目名称");
            wb.write(os);
        }
        assertThatThrownBy(() -> SubmissionFileReader.open(file))
                .isInstanceOf(FileRejectedException.class)
                .hasMessage("文件 别的表.xlsx：工作表“Sheet1”中找不到报送表表头（“指标代码”列），请使用本期下发的报送模板");
    }

    @Test
    void emptyFileIsRejected() {
        assertThatThrownBy(() -> SubmissionFileReader.open(fixture("empty.xlsx")))
                .isInstanceOf(FileRejectedException.class)
                .hasMessage("文件 empty.xlsx：文件为空（0字节），请重新报送");
    }

    @Test
    void corruptZipIsRejected() {
        assertThatThrownBy(() -> SubmissionFileReader.open(fixture("corrupt.xlsx")))
                .isInstanceOf(FileRejectedException.class)
                .hasMessageContaining("文件已损坏或不是Excel文件");
    }

    @Test
    void textFileNamedXlsxIsRejected() throws Exception {
        Path file = dir.resolve("假的.xlsx");
        Files.writeString(file, "unit_code,period\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SubmissionFileReader.open(file))
                .isInstanceOf(FileRejectedException.class)
                .hasMessage("文件 假的.xlsx：文件已损坏或不是Excel文件，请重新保存为.xlsx后再报送");
    }

    @Test
    void otherFileTypesAreRejected() throws Exception {
        Path file = dir.resolve("报送.xls");
        Files.write(file, new byte[]{1, 2, 3});
        assertThatThrownBy(() -> SubmissionFileReader.open(file))
                .isInstanceOf(FileRejectedException.class)
                .hasMessage("文件 报送.xls：不支持的文件类型 '.xls'，请使用报送模板(.xlsx)或CSV");
    }

    static Path fixture(String name) {
        return Path.of("src/test/resources/submission", name);
    }

}
