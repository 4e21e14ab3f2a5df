package cn.bipin.project;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

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

import cn.bipin.appeal.LedgerColumn;
import cn.bipin.scheme.ProjectRules;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.Unit;

/**
 * The project-list template (项目清单), one workbook per scheme year: a title, how projects are counted (the scheme's
 * bands and thresholds, in words), the header row (required columns marked *), and rows to type into, with a
 * drop-down list of units and a date format on the date columns. Prints landscape on A4, one page wide. Units send it
 * back filled in (or the CSV form, README).
 */
@Component
public class ProjectTemplateWriter {

    static final int HEADER_ROW = 4;
    static final int INPUT_ROWS = 1000;
    private static final int[] WIDTHS = {18, 14, 36, 16, 14, 14, 24};

    public static String fileName(Scheme scheme) {
        return "项目清单_" + scheme.year() + ".xlsx";
    }

    /** Writes the template into {@code dir} if the scheme counts projects from lists; returns it, or null. */
    public Path writeIfConfigured(Scheme scheme, Path dir) {
        if (!ProjectRules.configured(scheme)) {
            return null;
        }
        Path out = dir.resolve(fileName(scheme));
        write(scheme, ProjectRules.of(scheme), out);
        return out;
    }

    /** The counting rules in the words of the template and the feedback sheet. */
    static String rulesText(ProjectRules rules) {
        String bands = rules.bands().stream().map(b -> b.name() + "×" + b.weight().stripTrailingZeros().toPlainString())
                .collect(Collectors.joining("，"));
        return "新开工项目按规模折算（下限含本数）：" + bands + "；竣工项目计总投资" + plain(rules.completedFrom()) + rules.measure()
                + "以上、本年竣工的；储备项目计总投资" + plain(rules.reserveFrom()) + rules.measure() + "以上、尚未开工的。";
    }

    private static String plain(java.math.BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    public void write(Scheme scheme, ProjectRules rules, Path out) {
        List<LedgerColumn> columns = ProjectColumns.ALL;
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet sheet = wb.createSheet(ProjectColumns.SHEET);
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
            CellStyle date = bordered(wb);
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle number = bordered(wb);
            number.setDataFormat(wb.createDataFormat().getFormat("#,##0.####"));
            CellStyle text = bordered(wb);
            text.setDataFormat(wb.createDataFormat().getFormat("@"));

            Row t = sheet.createRow(0);
            t.setHeightInPoints(24);
            t.createCell(0).setCellValue(scheme.title() + " " + rules.title() + "（" + scheme.year() + "年）");
            t.getCell(0).setCellStyle(title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns.size() - 1));
            String[] notes = {
                "一个项目一行，带 * 的列必填；本单位的新开工、竣工和储备项目都列上。总投资以" + rules.measure() + "为单位；日期如 2019-03-15；"
                        + "尚未开工的储备项目不填开工日期。",
                rulesText(rules),
                "项目有进展（开工、竣工）或填错时，把这一行（项目编号不变）改好后再报送即可：同一项目编号以最后收到的为准，以前的版本都保留。"
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
                String label = col.title() + (c == ProjectColumns.INVESTMENT ? "（" + rules.measure() + "）" : "");
                h.createCell(c).setCellValue(label + (col.required() ? "*" : ""));
                h.getCell(c).setCellStyle(header);
            }
            for (int c = 0; c < columns.size(); c++) {
                sheet.setDefaultColumnStyle(c, c == ProjectColumns.START || c == ProjectColumns.COMPLETION ? date
                        : c == ProjectColumns.INVESTMENT ? number : text);
            }
            DataValidationHelper dv = sheet.getDataValidationHelper();
            String[] units = scheme.units().stream().map(Unit::code).toArray(String[]::new);
            DataValidation v = dv.createValidation(dv.createExplicitListConstraint(units),
                    new CellRangeAddressList(HEADER_ROW + 1, HEADER_ROW + INPUT_ROWS, ProjectColumns.UNIT, ProjectColumns.UNIT));
            v.setShowErrorBox(true);
            v.createErrorBox("请从列表中选择", "责任单位填单位代码");
            sheet.addValidationData(v);
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
            throw new UncheckedIOException("cannot write the project-list template " + out, e);
        }
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
