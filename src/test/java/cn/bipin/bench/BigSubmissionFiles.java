package cn.bipin.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Dimension;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeLoader;
import cn.bipin.submission.SubmissionTemplateWriter;

/**
 * Writes two 100,000-row submissions into a period's inbox for the ingestion memory benchmark ({@code make bench}):
 * one .xlsx in the template's layout for the scheme's first unit, one CSV spread over every unit. All but the first
 * row per unit and dimension are repeats, so they are rejected and must all reach the database and the feedback sheet.
 *
 * <p>Usage: {@code BigSubmissionFiles <scheme file> <period> <inbox dir> <rows>}
 */
public final class BigSubmissionFiles {

    private BigSubmissionFiles() {
    }

    public static void main(String[] args) throws IOException {
        Scheme scheme = SchemeLoader.load(Path.of(args[0]));
        Period period = Period.parse(args[1]);
        Path dir = Path.of(args[2]).resolve(scheme.id()).resolve(period.code());
        int rows = Integer.parseInt(args[3]);
        Files.createDirectories(dir);
        var unit = scheme.units().get(0);
        List<Dimension> dims = scheme.dimensionsFor(unit.code(), Cycle.MONTHLY);

        Path xlsx = dir.resolve("bench-" + rows + ".xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); OutputStream os = Files.newOutputStream(xlsx)) {
            Sheet s = wb.createSheet(SubmissionTemplateWriter.SHEET);
            Row unitRow = s.createRow(2);
            unitRow.createCell(2).setCellValue(SubmissionTemplateWriter.LABEL_UNIT_CODE);
            unitRow.createCell(3).setCellValue(unit.code());
            Row periodRow = s.createRow(3);
            periodRow.createCell(0).setCellValue(SubmissionTemplateWriter.LABEL_PERIOD);
            periodRow.createCell(1).setCellValue(period.code());
            Row header = s.createRow(SubmissionTemplateWriter.HEADER_ROW);
            for (int c = 0; c < SubmissionTemplateWriter.COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(SubmissionTemplateWriter.COLUMNS.get(c));
            }
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.00%"));
            for (int i = 0; i < rows; i++) {
                Dimension d = dims.get(i % dims.size());
                Row r = s.createRow(SubmissionTemplateWriter.HEADER_ROW + 1 + i);
                r.createCell(1).setCellValue(d.code());
                r.createCell(2).setCellValue(d.name());
                var v = r.createCell(5);
                if (d.isPercent()) {
                    v.setCellValue(0.30 + (i % 50) / 100.0);
                    v.setCellStyle(percent);
                } else {
                    v.setCellValue(1000 + i);
                }
                r.createCell(6).setCellValue("第" + i + "行");
            }
            wb.write(os);
            wb.dispose();
        }

        Path csv = dir.resolve("bench-" + rows + ".csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("\uFEFFunit_code,period,dimension_code,value,note\n");
            for (int i = 0; i < rows; i++) {
                var u = scheme.units().get(i % scheme.units().size());
                List<Dimension> ud = scheme.dimensionsFor(u.code(), Cycle.MONTHLY);
                if (ud.isEmpty()) {
                    ud = dims;
                }
                Dimension d = ud.get((i / scheme.units().size()) % ud.size());
                w.write(u.code() + "," + period.code() + "," + d.code() + "," + (d.isPercent() ? (30 + i % 50) + "%" : "\"" + String.format("%,d", 1000 + i) + "\"") + ",第" + i + "行\n");
            }
        }
        System.out.println(xlsx + " " + Files.size(xlsx) / 1024 + " KB");
        System.out.println(csv + " " + Files.size(csv) / 1024 + " KB");
    }
}
