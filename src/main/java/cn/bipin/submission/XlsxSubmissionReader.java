package cn.bipin.submission;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellAddress;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads a filled submission template with fastexcel-reader's streaming parser: POI's in-memory model costs
 * ~780 bytes a cell, too much for a 100,000-row file. The unit code and period are read once from the
 * labelled header cells and copied into every row, since the template has them only once. A table row with a
 * dimension code but no value is still returned (with an empty value), so the unit hears that it was not filled.
 */
final class XlsxSubmissionReader implements SubmissionFileReader {

    private static final Logger log = LoggerFactory.getLogger(XlsxSubmissionReader.class);
    /** How far down the header of the table may be before the file is not considered a template. */
    private static final int MAX_HEADER_ROWS = 50;
    /** Excel keeps 15 significant digits; a cached 0.30000000000000004 is what the clerk sees as 0.3. */
    private static final MathContext EXCEL_DIGITS = new MathContext(15);
    /** Built-in number formats that show a percentage (9 = 0%, 10 = 0.00%); they have no format string. */
    private static final Set<String> BUILTIN_PERCENT = Set.of("9", "10");
    /** Built-in date and time formats, which Excel applies on its own when "1-2" is typed. */
    private static final Set<String> BUILTIN_DATE = Set.of("14", "15", "16", "17", "18", "19", "20", "21", "22", "45", "46", "47");

    private final String fileName;
    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private final String sheetName;
    private final String unitCode;
    private final String period;
    private final int dimensionCol;
    private final int valueCol;
    private final int noteCol;

    private XlsxSubmissionReader(String fileName, ReadableWorkbook workbook, Sheet sheet) throws IOException {
        this.fileName = fileName;
        this.workbook = workbook;
        this.sheetName = sheet.getName();
        this.stream = sheet.openStream();
        this.rows = stream.iterator();
        String unit = null;
        String per = null;
        Row header = null;
        while (header == null && rows.hasNext()) {
            Row row = rows.next();
            if (row.getRowNum() > MAX_HEADER_ROWS) {
                break;
            }
            if (indexOf(row, SubmissionTemplateWriter.HEADER_DIMENSION_CODE) >= 0) {
                header = row;
            } else {
                unit = unit != null ? unit : valueRightOf(row, SubmissionTemplateWriter.LABEL_UNIT_CODE);
                per = per != null ? per : valueRightOf(row, SubmissionTemplateWriter.LABEL_PERIOD);
            }
        }
        if (header == null) {
            throw new FileRejectedException(fileName, "工作表“" + sheetName + "”中找不到报送表表头（“"
                    + SubmissionTemplateWriter.HEADER_DIMENSION_CODE + "”列），请使用本期下发的报送模板");
        }
        this.dimensionCol = indexOf(header, SubmissionTemplateWriter.HEADER_DIMENSION_CODE);
        this.valueCol = indexOf(header, SubmissionTemplateWriter.HEADER_VALUE);
        this.noteCol = indexOf(header, SubmissionTemplateWriter.HEADER_NOTE);
        if (valueCol < 0) {
            throw new FileRejectedException(fileName, "报送表表头缺少“" + SubmissionTemplateWriter.HEADER_VALUE
                    + "”列，请使用本期下发的报送模板");
        }
        if (unit == null || per == null) {
            throw new FileRejectedException(fileName, "报送表表头缺少"
                    + (unit == null ? "“" + SubmissionTemplateWriter.LABEL_UNIT_CODE + "”" : "“" + SubmissionTemplateWriter.LABEL_PERIOD + "”")
                    + "，请使用本期下发的报送模板");
        }
        this.unitCode = unit;
        this.period = per;
        log.debug("reading {} sheet {} for unit {} period {}", fileName, sheetName, unitCode, period);
    }

    static XlsxSubmissionReader open(Path file) {
        String name = file.getFileName().toString();
        checkSignature(file, name);
        ReadableWorkbook wb = null;
        try {
            wb = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, true));
            Sheet sheet = wb.findSheet(SubmissionTemplateWriter.SHEET).orElse(wb.getFirstSheet());
            return new XlsxSubmissionReader(name, wb, sheet);
        } catch (IOException | RuntimeException e) {
            closeQuietly(wb);
            if (e instanceof FileRejectedException fre) {
                throw fre;
            }
            throw new FileRejectedException(name, "文件已损坏或不是Excel文件，请重新保存为.xlsx后再报送", e);
        }
    }

    private static void checkSignature(Path file, String name) {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (n == 0) {
            throw new FileRejectedException(name, "文件为空（0字节），请重新报送");
        }
        if (n == head.length && ReadableWorkbook.isOLE2Header(head)) {
            throw new FileRejectedException(name, "文件是旧版Excel(.xls)格式或设置了密码，请取消密码并另存为.xlsx后再报送");
        }
        if (n < 4 || !ReadableWorkbook.isOOXMLZipHeader(head)) {
            throw new FileRejectedException(name, "文件已损坏或不是Excel文件，请重新保存为.xlsx后再报送");
        }
    }

    @Override
    public Optional<RawRow> next() {
        try {
            while (rows.hasNext()) {
                Row row = rows.next();
                String dimension = text(cell(row, dimensionCol));
                Cell value = cell(row, valueCol);
                String note = noteCol < 0 ? "" : text(cell(row, noteCol));
                if (dimension.isEmpty() && text(value).isEmpty() && note.isEmpty()) {
                    continue;
                }
                return Optional.of(toRawRow(row.getRowNum(), dimension, value, note));
            }
            return Optional.empty();
        } catch (ExcelReaderException | UncheckedIOException e) {
            throw new FileRejectedException(fileName, "文件已损坏或不是Excel文件，请重新保存为.xlsx后再报送", e);
        }
    }

    private RawRow toRawRow(int rowNumber, String dimension, Cell value, String note) {
        String column = CellAddress.convertNumToColString(valueCol);
        String raw = text(value);
        BigDecimal numeric = null;
        boolean percent = false;
        if (value != null && value.getValue() instanceof BigDecimal number) {
            if (isDate(value)) {
                raw = value.asDate().toLocalDate().toString();
            } else {
                numeric = excelRounded(number);
                percent = isPercent(value);
                raw = percent ? numeric.movePointRight(2).stripTrailingZeros().toPlainString() + "%" : numeric.toPlainString();
            }
        }
        return new RawRow(fileName, sheetName, rowNumber, column, unitCode, period, dimension, raw, numeric,
                percent, note.isEmpty() ? null : note);
    }

    private static BigDecimal excelRounded(BigDecimal n) {
        BigDecimal r = n.round(EXCEL_DIGITS).stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }

    private static boolean isPercent(Cell c) {
        String format = c.getDataFormatString();
        String id = c.getDataFormatId() == null ? "" : c.getDataFormatId().toString();
        return BUILTIN_PERCENT.contains(id) || (format != null && format.contains("%"));
    }

    private static boolean isDate(Cell c) {
        String id = c.getDataFormatId() == null ? "" : c.getDataFormatId().toString();
        if (BUILTIN_DATE.contains(id)) {
            return true;
        }
        String format = c.getDataFormatString();
        if (format == null) {
            return false;
        }
        // Ignore quoted literals and [colour]/[locale] sections before looking for year or day codes.
        String codes = format.replaceAll("\"[^\"]*\"|\\[[^]]*]", "").toLowerCase();
        return codes.contains("y") || codes.contains("d");
    }

    private static Cell cell(Row row, int col) {
        return col < row.getCellCount() ? row.getCell(col) : null;
    }

    /** A cell's content as text: strings as typed, numbers in plain notation, errors as Excel shows them. */
    private static String text(Cell c) {
        if (c == null || c.getType() == CellType.EMPTY || c.getValue() == null) {
            return "";
        }
        Object v = c.getValue();
        if (v instanceof BigDecimal n) {
            return n.toPlainString();
        }
        if (v instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        return v.toString().strip();
    }

    private static int indexOf(Row row, String label) {
        for (int i = 0; i < row.getCellCount(); i++) {
            if (label.equals(text(row.getCell(i)))) {
                return i;
            }
        }
        return -1;
    }

    /** The first non-blank cell right of the one holding exactly {@code label}, or null. */
    private static String valueRightOf(Row row, String label) {
        int at = indexOf(row, label);
        if (at < 0) {
            return null;
        }
        for (int i = at + 1; i < row.getCellCount(); i++) {
            String t = text(row.getCell(i));
            if (!t.isEmpty()) {
                return t;
            }
        }
        return "";
    }

    @Override
    public void close() {
        stream.close();
        closeQuietly(workbook);
    }

    private static void closeQuietly(ReadableWorkbook wb) {
        if (wb == null) {
            return;
        }
        try {
            wb.close();
        } catch (IOException e) {
            log.warn("cannot close workbook", e);
        }
    }
}
