package cn.bipin.submission;

import cn.bipin.scheme.Basis;
import cn.bipin.scheme.Dimension;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.Unit;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the Excel template a unit fills for one period. Everything but the value and remark cells is
 * locked (sheet protection without a password: it prevents accidents, not intent), so that what comes back
 * can be read by {@link XlsxSubmissionReader}: it finds the unit code and period by their labels and the
 * table by its 指标代码 header, so an inserted line above the table does not break reading.
 */
@Component
public class SubmissionTemplateWriter {

    public static final String SHEET = "报送表";
    public static final String LABEL_UNIT_CODE = "单位代码";
    public static final String LABEL_PERIOD = "期间";
    public static final String HEADER_DIMENSION_CODE = "指标代码";
    public static final String HEADER_VALUE = "填报值";
    static final String HEADER_NOTE = "备注";
    public static final List<String> COLUMNS = List.of("比拼", HEADER_DIMENSION_CODE, "指标名称", "单位", "口径", HEADER_VALUE, HEADER_NOTE);
    /** 0-based index of the table's header row (Excel row 8). */
    public static final int HEADER_ROW = 7;
    private static final int VALUE_COL = COLUMNS.indexOf(HEADER_VALUE);
    private static final int NOTE_COL = COLUMNS.indexOf(HEADER_NOTE);
    private static final int[] WIDTHS = {14, 22, 30, 7, 13, 14, 24};

    public SubmissionTemplateWriter() {
    }

    /** A file name that says whose template it is, e.g. {@code 报送表_2024-06_FGJ_发展和改革局.xlsx}. */
    public static String fileName(Unit unit, Period period) {
        return "报送表_" + period.code() + "_" + unit.code() + "_" + unit.name() + ".xlsx";
    }

    public void write(Scheme scheme, Unit unit, Period period, List<Dimension> dimensions, Path out) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles s = new Styles(wb);
            XSSFSheet sheet = wb.createSheet(SHEET);
            for (int i = 0; i < WIDTHS.length; i++) {
                sheet.setColumnWidth(i, WIDTHS[i] * 256);
            }
            writeHeaderBlock(sheet, s, scheme, unit, period, dimensions);
            writeTable(sheet, s, scheme, period, dimensions);
            sheet.createFreezePane(0, HEADER_ROW + 1);
            printOnOnePage(wb, sheet, HEADER_ROW + dimensions.size());
            sheet.lockFormatColumns(false);
            sheet.enableLocking();
            try (OutputStream os = Files.newOutputStream(out)) {
                wb.write(os);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write submission template " + out, e);
        }
    }

    /**
     * A unit prints its template on one portrait A4 page, title first: the print area is the template itself and
     * the page scales to fit it (a landscape-wide table otherwise spills over three pages, the title on the second).
     */
    private static void printOnOnePage(XSSFWorkbook wb, XSSFSheet sheet, int lastRow) {
        wb.setPrintArea(wb.getSheetIndex(sheet), 0, COLUMNS.size() - 1, 0, lastRow);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(false);
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 1);
        sheet.setHorizontallyCenter(true);
        sheet.setMargin(org.apache.poi.ss.usermodel.Sheet.LeftMargin, 0.4);
        sheet.setMargin(org.apache.poi.ss.usermodel.Sheet.RightMargin, 0.4);
        sheet.setMargin(org.apache.poi.ss.usermodel.Sheet.TopMargin, 0.6);
        sheet.setMargin(org.apache.poi.ss.usermodel.Sheet.BottomMargin, 0.6);
    }

    private void writeHeaderBlock(XSSFSheet sheet, Styles s, Scheme scheme, Unit unit, Period period,
                                  List<Dimension> dimensions) {
        Row title = sheet.createRow(0);
        title.setHeightInPoints(26);
        cell(title, 0, scheme.title() + " " + period.label() + " 报送表", s.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, COLUMNS.size() - 1));
        pair(sheet.createRow(1), s, "方案", scheme.title(), "方案编号", scheme.id());
        pair(sheet.createRow(2), s, "单位", unit.name(), LABEL_UNIT_CODE, unit.code());
        pair(sheet.createRow(3), s, LABEL_PERIOD, period.code(), "期间名称", period.label());
        pair(sheet.createRow(4), s, "截止日期", period.deadline(scheme.deadlineDay()).toString(),
                "逾期", "截止日期后报送仍会采用，但记为逾期");
        Row help = sheet.createRow(5);
        help.setHeightInPoints(96);
        cell(help, 0, "填报说明", s.label);
        cell(help, 1, instructions(period, dimensions), s.wrapped);
        sheet.addMergedRegion(new CellRangeAddress(5, 5, 1, COLUMNS.size() - 1));
    }

    private static String instructions(Period period, List<Dimension> dimensions) {
        int lastMonth = period.lastMonth().getMonthValue();
        StringBuilder sb = new StringBuilder("1. 只填“填报值”和“备注”两列，其他单元格已锁定；不要增删行，不要改动指标代码。\n");
        sb.append("2. 口径为“累计”的填1–").append(lastMonth).append("月累计数；“当期”只填本期数；“期末”填期末时点数。\n");
        sb.append("3. 百分比填 45% 或 0.45，不要填 45。\n");
        sb.append("4. 只填数字，金额按“单位”列的计量单位填写，不要带文字或单位。\n");
        if (dimensions.stream().anyMatch(Dimension::allowNegative)) {
            sb.append("5. 只有增长率等允许为负的指标可以填负数。");
        } else {
            sb.append("5. 数值不能为负数。");
        }
        return sb.toString();
    }

    private void writeTable(XSSFSheet sheet, Styles s, Scheme scheme, Period period, List<Dimension> dimensions) {
        Row header = sheet.createRow(HEADER_ROW);
        for (int i = 0; i < COLUMNS.size(); i++) {
            cell(header, i, COLUMNS.get(i), s.header);
        }
        DataValidationHelper dvh = sheet.getDataValidationHelper();
        int lastMonth = period.lastMonth().getMonthValue();
        int r = HEADER_ROW + 1;
        for (Dimension d : dimensions) {
            Row row = sheet.createRow(r);
            cell(row, 0, scheme.competitionOf(d).name(), s.locked);
            cell(row, 1, d.code(), s.locked);
            cell(row, 2, d.name(), s.locked);
            cell(row, 3, d.measure(), s.locked);
            cell(row, 4, d.basis() == Basis.CUMULATIVE ? d.basis().label() + "（1–" + lastMonth + "月）" : d.basis().label(), s.locked);
            row.createCell(VALUE_COL).setCellStyle(d.isPercent() ? s.inputPercent : s.input);
            row.createCell(NOTE_COL).setCellStyle(s.inputText);
            sheet.addValidationData(validation(dvh, d, r));
            r++;
        }
    }

    private static DataValidation validation(DataValidationHelper dvh, Dimension d, int row) {
        DataValidationConstraint constraint = d.allowNegative()
                ? dvh.createDecimalConstraint(OperatorType.BETWEEN, "-1E+15", "1E+15")
                : dvh.createDecimalConstraint(OperatorType.GREATER_OR_EQUAL, "0", null);
        DataValidation v = dvh.createValidation(constraint, new CellRangeAddressList(row, row, VALUE_COL, VALUE_COL));
        v.setErrorStyle(DataValidation.ErrorStyle.STOP);
        v.setShowErrorBox(true);
        v.createErrorBox("填报值有误", d.allowNegative()
                ? "请填写数字，不要带文字或单位。"
                : "请填写不小于0的数字，不要带文字或单位。");
        v.setShowPromptBox(true);
        v.createPromptBox(d.name(), d.isPercent() ? "百分比填 45% 或 0.45" : "单位：" + d.measure());
        return v;
    }

    private static void pair(Row row, Styles s, String label1, String value1, String label2, String value2) {
        cell(row, 0, label1, s.label);
        cell(row, 1, value1, s.value);
        cell(row, 2, label2, s.label);
        cell(row, 3, value2, s.value);
    }

    private static void cell(Row row, int col, String text, CellStyle style) {
        var c = row.createCell(col);
        c.setCellValue(text);
        c.setCellStyle(style);
    }

    /** The few cell styles of the template; created once per workbook (Excel limits their number). */
    private static final class Styles {
        final CellStyle title;
        final CellStyle label;
        final CellStyle value;
        final CellStyle wrapped;
        final CellStyle header;
        final CellStyle locked;
        final CellStyle input;
        final CellStyle inputPercent;
        final CellStyle inputText;

        Styles(XSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = wb.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);
            label = bordered(wb);
            label.setFont(bold);
            label.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            label.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            value = bordered(wb);
            wrapped = bordered(wb);
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(VerticalAlignment.TOP);
            header = bordered(wb);
            header.cloneStyleFrom(label);
            header.setAlignment(HorizontalAlignment.CENTER);
            locked = bordered(wb);
            input = unlocked(wb);
            inputPercent = unlocked(wb);
            inputPercent.setDataFormat(wb.createDataFormat().getFormat("0.00%"));
            inputText = unlocked(wb);
            inputText.setWrapText(true);
        }

        private static CellStyle bordered(XSSFWorkbook wb) {
            CellStyle st = wb.createCellStyle();
            st.setBorderTop(BorderStyle.THIN);
            st.setBorderBottom(BorderStyle.THIN);
            st.setBorderLeft(BorderStyle.THIN);
            st.setBorderRight(BorderStyle.THIN);
            st.setLocked(true);
            return st;
        }

        private static CellStyle unlocked(XSSFWorkbook wb) {
            CellStyle st = bordered(wb);
            st.setLocked(false);
            st.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            st.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            return st;
        }
    }
}
