package cn.bipin.warning;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.bipin.report.FileNames;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;

/**
 * The month's city-figures template (全市指标对比.xlsx): one row per working-group indicator, code and name filled in,
 * growth rates in percent and the zone's rank to type; {@link CityFigures} reads it back. Written into each warning
 * run's folder for the next month, and filled by the demo.
 */
final class CityTemplate {

    private CityTemplate() {
    }

    static String fileName(Period month) {
        return FileNames.safe("全市指标对比-" + month.code()) + ".xlsx";
    }

    /** Writes the template; {@code filled} (dimension code → row) fills the figures, empty for a blank template. */
    static void write(Scheme scheme, WorkingGroups groups, Period month, Map<String, CityFigures.Row> filled, Path file) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("全市指标对比");
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle header = wb.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            CellStyle text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
            sheet.createRow(0).createCell(0).setCellValue(scheme.title() + month.label() + "主要经济指标全市对比（增速填百分数，如 6.5 表示 6.5%；"
                    + "位次为本区在全市" + groups.cityDistricts() + "个区县中的位次）");
            Row h = sheet.createRow(1);
            for (int i = 0; i < CityFigures.XLSX_HEADER.size(); i++) {
                h.createCell(i).setCellValue(CityFigures.XLSX_HEADER.get(i));
                h.getCell(i).setCellStyle(header);
            }
            int r = 2;
            for (WorkingGroups.Group g : groups.groups()) {
                for (WorkingGroups.Indicator i : g.indicators()) {
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(i.dimension().code());
                    row.getCell(0).setCellStyle(text);
                    row.createCell(1).setCellValue(i.dimension().name());
                    CityFigures.Row f = filled.get(i.dimension().code());
                    if (f != null) {
                        row.createCell(2).setCellValue(f.zoneGrowth().movePointRight(2).doubleValue());
                        row.createCell(3).setCellValue(f.cityGrowth().movePointRight(2).doubleValue());
                        row.createCell(4).setCellValue(f.cityRank());
                    }
                }
            }
            sheet.setColumnWidth(0, 12 * 256);
            sheet.setColumnWidth(1, 30 * 256);
            for (int c = 2; c < 5; c++) {
                sheet.setColumnWidth(c, 14 * 256);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
