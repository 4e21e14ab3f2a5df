package cn.bipin.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Fills a unit's submission template as a clerk would: finds the 填报值 column by its header and types values in. */
public final class TemplateFiller {

    private TemplateFiller() {
    }

    /** Numbers become numeric cells, anything else is typed as text; codes not in {@code values} stay empty. */
    public static void fill(Path template, Map<String, Object> values, Path out) {
        try (InputStream in = Files.newInputStream(template); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheetAt(0);
            int codeCol = -1;
            int valueCol = -1;
            int headerRow = -1;
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.STRING) {
                        String text = cell.getStringCellValue().trim();
                        if (text.equals("指标代码")) {
                            codeCol = cell.getColumnIndex();
                            headerRow = row.getRowNum();
                        } else if (text.startsWith("填报值")) {
                            valueCol = cell.getColumnIndex();
                        }
                    }
                }
                if (headerRow >= 0) {
                    break;
                }
            }
            if (codeCol < 0 || valueCol < 0) {
                throw new IllegalStateException("模板中找不到 指标代码/填报值 列：" + template);
            }
            for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || row.getCell(codeCol) == null) {
                    continue;
                }
                Object value = values.get(row.getCell(codeCol).getStringCellValue().trim());
                if (value == null) {
                    continue;
                }
                Cell cell = row.getCell(valueCol) == null ? row.createCell(valueCol) : row.getCell(valueCol);
                if (value instanceof BigDecimal b) {
                    cell.setCellValue(b.doubleValue());
                } else if (!value.toString().isEmpty()) {
                    cell.setCellValue(value.toString());
                }
            }
            Files.createDirectories(out.getParent());
            try (OutputStream os = Files.newOutputStream(out)) {
                wb.write(os);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
