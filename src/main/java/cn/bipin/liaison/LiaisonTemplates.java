package cn.bipin.liaison;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.Unit;

/**
 * Writes the three liaison templates (包联对象, 走访记录, 问题台账): Chinese headers (required ones marked *), text
 * format for ids and codes, date format for dates, drop-downs for choices and the scheme's units, and a page set up
 * to print (landscape A4, one page wide, header row repeated on every page, grid lines).
 */
@Component
public class LiaisonTemplates {

    static final int HEADER_ROW = 2;
    private static final int FORMATTED_ROWS = 5000;

    static String fileName(LiaisonKind kind) {
        return kind.label + ".xlsx";
    }

    public List<Path> write(Scheme scheme, Path dir) {
        List<Path> written = new ArrayList<>();
        for (LiaisonKind kind : LiaisonKind.values()) {
            Path file = dir.resolve(fileName(kind));
            write(scheme, kind, file);
            written.add(file);
        }
        return written;
    }

    void write(Scheme scheme, LiaisonKind kind, Path file) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet(kind.label);
            Font bold = wb.createFont();
            bold.setBold(true);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            CellStyle title = wb.createCellStyle();
            title.setFont(big);
            CellStyle header = wb.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            header.setBorderTop(BorderStyle.THIN);
            header.setBorderLeft(BorderStyle.THIN);
            header.setBorderRight(BorderStyle.THIN);
            header.setWrapText(true);
            var format = wb.createDataFormat();
            CellStyle text = wb.createCellStyle();
            text.setDataFormat(format.getFormat("@"));
            text.setWrapText(true);
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(format.getFormat("yyyy-mm-dd"));

            sheet.createRow(0).createCell(0).setCellValue(scheme.title() + "千名干部联千企（项目）— " + kind.label);
            sheet.getRow(0).getCell(0).setCellStyle(title);
            sheet.createRow(1).createCell(0).setCellValue(note(kind));
            Row h = sheet.createRow(HEADER_ROW);
            DataValidationHelper dv = sheet.getDataValidationHelper();
            for (int i = 0; i < kind.fields.size(); i++) {
                LiaisonKind.Field f = kind.fields.get(i);
                var cell = h.createCell(i);
                cell.setCellValue(f.label() + (f.required() ? " *" : ""));
                cell.setCellStyle(header);
                int width = switch (f.type()) {
                    case TEXT -> f.key().equals("content") || f.key().equals("description") || f.key().equals("note") ? 40 : 16;
                    case DATE -> 13;
                    default -> Math.max(12, f.label().length() * 2 + 2);
                };
                sheet.setColumnWidth(i, width * 256);
                sheet.setDefaultColumnStyle(i, f.type() == LiaisonKind.Field.Type.DATE ? date : text);
                DataValidationConstraint constraint = null;
                if (f.type() == LiaisonKind.Field.Type.CHOICE) {
                    constraint = dv.createExplicitListConstraint(f.choices().toArray(String[]::new));
                } else if (f.type() == LiaisonKind.Field.Type.UNIT) {
                    constraint = dv.createFormulaListConstraint(unitList(wb, scheme));
                } else if (f.type() == LiaisonKind.Field.Type.DATE) {
                    constraint = dv.createDateConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                            "DATE(2000,1,1)", "DATE(2099,12,31)", "yyyy-mm-dd");
                }
                if (constraint != null) {
                    DataValidation v = dv.createValidation(constraint,
                            new CellRangeAddressList(HEADER_ROW + 1, HEADER_ROW + FORMATTED_ROWS, i, i));
                    v.setShowErrorBox(true);
                    v.createErrorBox("请按要求填写", f.type() == LiaisonKind.Field.Type.DATE ? f.label() + " 应为日期，如 2024-07-15"
                            : f.label() + " 请从下拉列表选择");
                    sheet.addValidationData(v);
                }
            }
            sheet.createFreezePane(1, HEADER_ROW + 1);
            sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
            sheet.setPrintGridlines(true);
            sheet.setAutobreaks(true);
            sheet.setFitToPage(true);
            PrintSetup print = sheet.getPrintSetup();
            print.setLandscape(true);
            print.setPaperSize(PrintSetup.A4_PAPERSIZE);
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            sheet.getFooter().setCenter("第 &P 页 共 &N 页");
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream os = Files.newOutputStream(file)) {
                wb.write(os);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** A hidden sheet listing the scheme's unit names, as a named range for the 责任单位 drop-down. */
    private static String unitList(XSSFWorkbook wb, Scheme scheme) {
        String name = "单位列表";
        if (wb.getName(name) == null) {
            Sheet units = wb.createSheet("单位");
            List<Unit> all = scheme.units();
            for (int i = 0; i < all.size(); i++) {
                units.createRow(i).createCell(0).setCellValue(all.get(i).name());
            }
            wb.setSheetHidden(wb.getSheetIndex(units), true);
            Name range = wb.createName();
            range.setNameName(name);
            range.setRefersToFormula("'单位'!$A$1:$A$" + Math.max(1, all.size()));
        }
        return name;
    }

    private static String note(LiaisonKind kind) {
        return switch (kind) {
            case ASSIGNMENT -> "从第4行起每行一个包联对象；标 * 的列必填；包联编号全区唯一（如 BL-001）；责任单位从下拉选择。"
                    + "更正时另交一份新文件，同一包联编号以最后收到的为准。";
            case VISIT -> "从第4行起每行一次走访；包联编号须是已报送的包联对象；原则上每个包联对象每月至少走访一次。"
                    + "同一走访编号以最后收到的为准。";
            case PROBLEM -> "从第4行起每行一个问题；未填承诺办结日期的，按提出日期后的整改时限（方案文件，默认30天）计算；"
                    + "办结后填办结日期（销号）。同一问题编号以最后收到的为准。";
        };
    }
}
