package cn.bipin.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.bipin.submission.SubmissionTemplateWriter;

/**
 * Fills a template as a clerk would: a unit's submission template (finds the 填报值 column by its header and types
 * values in), or a data template with one row per subject (finds each column by its header).
 */
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
                        if (text.equals(SubmissionTemplateWriter.HEADER_DIMENSION_CODE)) {
                            codeCol = cell.getColumnIndex();
                            headerRow = row.getRowNum();
                        } else if (text.startsWith(SubmissionTemplateWriter.HEADER_VALUE)) {
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

    /**
     * Types {@code rows} into a data template whose header row names the columns (a trailing {@code *} marks a
     * required column), one row per map from column title to value, below the header. Numbers and dates become
     * numeric cells in the column's own format (money, percentage, date), anything else text; a title the template
     * does not have is a mistake in the caller, not in the data.
     */
    static void fillRows(Path template, List<Map<String, Object>> rows, Path out) {
        try (InputStream in = Files.newInputStream(template); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheetAt(0);
            Row header = null;
            for (Row row : sheet) {
                if (row.getPhysicalNumberOfCells() > 2) {
                    header = row;
                    break;
                }
            }
            if (header == null) {
                throw new IllegalStateException("模板中找不到表头：" + template);
            }
            Map<String, Integer> columns = new HashMap<>();
            for (Cell cell : header) {
                String title = cell.getStringCellValue().strip();
                while (title.endsWith("*")) {
                    title = title.substring(0, title.length() - 1).strip();
                }
                columns.put(title, cell.getColumnIndex());
            }
            int r = header.getRowNum() + 1;
            for (Map<String, Object> values : rows) {
                Row row = sheet.createRow(r++);
                for (Map.Entry<String, Object> e : values.entrySet()) {
                    Integer col = columns.get(e.getKey());
                    if (col == null) {
                        throw new IllegalArgumentException("模板 " + template.getFileName() + " 中没有“" + e.getKey() + "”列");
                    }
                    Object value = e.getValue();
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(col);
                    if (sheet.getColumnStyle(col) != null) {
                        cell.setCellStyle(sheet.getColumnStyle(col));
                    }
                    if (value instanceof BigDecimal b) {
                        cell.setCellValue(b.doubleValue());
                    } else if (value instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (value instanceof java.time.LocalDateTime t) {
                        cell.setCellValue(t);
                    } else if (value instanceof LocalDate d) {
                        cell.setCellValue(d);
                    } else if (value instanceof Boolean flag) {
                        cell.setCellValue(flag ? "是" : "否");
                    } else {
                        cell.setCellValue(value.toString());
                    }
                }
            }
            Files.createDirectories(out.toAbsolutePath().getParent());
            try (OutputStream os = Files.newOutputStream(out)) {
                wb.write(os);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
