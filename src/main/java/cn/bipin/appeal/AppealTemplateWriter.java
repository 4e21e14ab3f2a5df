package cn.bipin.appeal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
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

import cn.bipin.appeal.AppealRules.Level;
import cn.bipin.appeal.AppealRules.Role;
import cn.bipin.appeal.AppealRules.Size;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.Unit;

/**
 * The appeals ledger template (企业诉求台账), one workbook per scheme year: a title, the rules in a few lines, the
 * header row of the columns' Chinese titles (required ones marked *), and rows to type into, with drop-down lists for
 * unit, size, level, feedback role and satisfaction and a date-time format on the time columns. Prints landscape on
 * A4, one page wide, the header repeated on every page. Units send it back filled in (or the CSV form, README).
 */
@Component
public class AppealTemplateWriter {

    static final int HEADER_ROW = 4;
    /** Rows given drop-down lists and formats; a clerk may type below them too. */
    static final int INPUT_ROWS = 2000;
    private static final int[] WIDTHS = {16, 12, 24, 22, 14, 30, 17, 17, 17, 17, 14, 22, 11, 16};

    public static String fileName(Scheme scheme) {
        return "企业诉求台账_" + scheme.year() + ".xlsx";
    }

    /** Writes the template into {@code dir} if the scheme keeps an appeals ledger; returns it, or null. */
    public Path writeIfConfigured(Scheme scheme, Path dir) {
        if (!AppealRules.configured(scheme)) {
            return null;
        }
        Path out = dir.resolve(fileName(scheme));
        write(scheme, AppealRules.of(scheme), out);
        return out;
    }

    public void write(Scheme scheme, AppealRules rules, Path out) {
        List<LedgerColumn> columns = AppealColumns.ALL;
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet sheet = wb.createSheet(AppealColumns.SHEET);
            for (int i = 0; i < WIDTHS.length; i++) {
                sheet.setColumnWidth(i, WIDTHS[i] * 256);
            }
            CellStyle title = wb.createCellStyle();
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            CellStyle note = wb.createCellStyle();
            note.setWrapText(true);
            note.setVerticalAlignment(VerticalAlignment.TOP);
            CellStyle header = bordered(wb);
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setWrapText(true);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle time = bordered(wb);
            time.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            CellStyle text = bordered(wb);
            text.setDataFormat(wb.createDataFormat().getFormat("@"));

            Row t = sheet.createRow(0);
            t.setHeightInPoints(24);
            t.createCell(0).setCellValue(scheme.title() + " " + rules.title() + "（" + scheme.year() + "年）");
            t.getCell(0).setCellStyle(title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns.size() - 1));
            String[] notes = {
                "一件诉求一行，带 * 的列必填。受理后" + rules.registrationHours() + "小时内登记；超出本单位职责或难以把握的，登记后"
                        + rules.studyWorkingDays() + "个工作日内提级研究（节假日不计，调休上班日计入）；办结后填写办结时间、解决层级、反馈人和企业满意度。",
                "分级反馈：重点企业由主要领导经分管区领导同意后反馈，千万元以上企业由主要领导反馈，千万元以下企业由分管领导反馈。"
                        + "时间写到分钟，如 2024-06-03 14:30。",
                "诉求有进展或填错时，把这一行（诉求编号不变）改好后再报送即可：同一诉求编号以最后收到的为准，以前的版本都保留。"
                        + "责任单位填单位代码：" + String.join("、", scheme.units().stream().map(u -> u.code() + " " + u.name()).toList())};
            for (int i = 0; i < notes.length; i++) {
                Row r = sheet.createRow(1 + i);
                r.setHeightInPoints(30);
                r.createCell(0).setCellValue(notes[i]);
                r.getCell(0).setCellStyle(note);
                sheet.addMergedRegion(new CellRangeAddress(1 + i, 1 + i, 0, columns.size() - 1));
            }
            Row h = sheet.createRow(HEADER_ROW);
            h.setHeightInPoints(30);
            for (int c = 0; c < columns.size(); c++) {
                LedgerColumn col = columns.get(c);
                h.createCell(c).setCellValue(col.title() + (col.required() ? "*" : ""));
                h.getCell(c).setCellStyle(header);
            }
            int first = HEADER_ROW + 1;
            int last = HEADER_ROW + INPUT_ROWS;
            for (int c = 0; c < columns.size(); c++) {
                boolean isTime = c == AppealColumns.RECEIVED || c == AppealColumns.REGISTERED || c == AppealColumns.STUDIED
                        || c == AppealColumns.RESOLVED;
                sheet.setDefaultColumnStyle(c, isTime ? time : text);
            }
            DataValidationHelper dv = sheet.getDataValidationHelper();
            list(sheet, dv, AppealColumns.UNIT, first, last, scheme.units().stream().map(Unit::code).toArray(String[]::new));
            list(sheet, dv, AppealColumns.SIZE, first, last, labels(Size.values()));
            list(sheet, dv, AppealColumns.LEVEL, first, last, labels(Level.values()));
            list(sheet, dv, AppealColumns.FEEDBACK, first, last, labels(Role.values()));
            list(sheet, dv, AppealColumns.SATISFACTION, first, last, rules.satisfaction().keySet().toArray(String[]::new));
            sheet.createFreezePane(1, HEADER_ROW + 1);
            sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
            sheet.setFitToPage(true);
            sheet.setAutobreaks(true);
            PrintSetup print = sheet.getPrintSetup();
            print.setLandscape(true);
            print.setPaperSize(PrintSetup.A4_PAPERSIZE);
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            Files.createDirectories(out.toAbsolutePath().getParent());
            try (OutputStream os = Files.newOutputStream(out)) {
                wb.write(os);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the appeals ledger template " + out, e);
        }
    }

    private static String[] labels(Enum<?>[] values) {
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            Enum<?> v = values[i];
            out[i] = v instanceof Size s ? s.label() : v instanceof Level l ? l.label() : ((Role) v).label();
        }
        return out;
    }

    private static void list(XSSFSheet sheet, DataValidationHelper dv, int column, int first, int last, String[] values) {
        DataValidation v = dv.createValidation(dv.createExplicitListConstraint(values),
                new CellRangeAddressList(first, last, column, column));
        v.setShowErrorBox(true);
        v.createErrorBox("请从列表中选择", "可选：" + String.join(" / ", values));
        sheet.addValidationData(v);
    }

    private static CellStyle bordered(XSSFWorkbook wb) {
        CellStyle st = wb.createCellStyle();
        st.setBorderTop(BorderStyle.THIN);
        st.setBorderBottom(BorderStyle.THIN);
        st.setBorderLeft(BorderStyle.THIN);
        st.setBorderRight(BorderStyle.THIN);
        return st;
    }
}
