package cn.bipin.submission;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellAddress;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.dhatim.fastexcel.reader.SheetVisibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import cn.bipin.inbox.ExcelCells;
import cn.bipin.inbox.XlsxGuard;

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
    private int returned;

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
            return new XlsxSubmissionReader(name, wb, templateSheet(name, wb));
        } catch (IOException | RuntimeException e) {
            ExcelCells.closeQuietly(wb);
            if (e instanceof FileRejectedException fre) {
                throw fre;
            }
            throw new FileRejectedException(name, ExcelCells.CORRUPT, e);
        }
    }

    private static void checkSignature(Path file, String name) {
        String problem = ExcelCells.signatureProblem(file);
        if (problem == null) {
            problem = XlsxGuard.problem(file);
        }
        if (problem != null) {
            throw new FileRejectedException(name, problem);
        }
    }

    /**
     * The one sheet holding the template's table (a "指标代码" header in its first rows), whatever its name; with none,
     * the sheet named like the template (or the first), so that the clerk hears that its header is missing. A hidden
     * template beside visible sheets, or two sheets with the table (a copied sheet), cannot say which values the unit
     * meant: the file is refused with the sheets named.
     */
    private static Sheet templateSheet(String name, ReadableWorkbook wb) throws IOException {
        List<Sheet> tables = new ArrayList<>();
        for (Sheet sheet : wb.getSheets().toList()) {
            if (hasTableHeader(sheet)) {
                tables.add(sheet);
            }
        }
        if (tables.size() > 1) {
            throw new FileRejectedException(name, "工作簿中有" + tables.size() + "个工作表都是报送表（"
                    + tables.stream().map(t -> "“" + t.getName() + "”").collect(Collectors.joining("、"))
                    + "），无法确定以哪个为准：请只保留一个报送表后重新报送");
        }
        if (tables.isEmpty()) {
            return wb.findSheet(SubmissionTemplateWriter.SHEET).orElse(wb.getFirstSheet());
        }
        Sheet table = tables.get(0);
        if (table.getVisibility() != SheetVisibility.VISIBLE) {
            List<String> visible = wb.getSheets().filter(t -> t.getVisibility() == SheetVisibility.VISIBLE)
                    .map(t -> "“" + t.getName() + "”").toList();
            throw new FileRejectedException(name, "报送表“" + table.getName() + "”被隐藏了"
                    + (visible.isEmpty() ? "" : "，看得见的是" + String.join("、", visible))
                    + "：无法确定单位要报送哪些数值，请取消隐藏、把数值填在报送表中后重新报送");
        }
        return table;
    }

    private static boolean hasTableHeader(Sheet sheet) throws IOException {
        try (Stream<Row> rows = sheet.openStream()) {
            Iterator<Row> it = rows.iterator();
            while (it.hasNext()) {
                Row row = it.next();
                if (row.getRowNum() > MAX_HEADER_ROWS) {
                    return false;
                }
                if (indexOf(row, SubmissionTemplateWriter.HEADER_DIMENSION_CODE) >= 0) {
                    return true;
                }
            }
            return false;
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
                returned++;
                return Optional.of(toRawRow(row.getRowNum(), dimension, value, note));
            }
            if (returned == 0) {
                throw new FileRejectedException(fileName, "报送表“" + sheetName + "”的表头下没有任何指标行，请使用本期下发的报送模板填写后再报送");
            }
            return Optional.empty();
        } catch (ExcelReaderException | UncheckedIOException e) {
            throw new FileRejectedException(fileName, ExcelCells.CORRUPT, e);
        }
    }

    private RawRow toRawRow(int rowNumber, String dimension, Cell value, String note) {
        String column = CellAddress.convertNumToColString(valueCol);
        String raw = text(value);
        BigDecimal numeric = null;
        boolean percent = false;
        if (value != null && value.getValue() instanceof BigDecimal number) {
            if (ExcelCells.isDate(value)) {
                raw = value.asDate().toLocalDate().toString();
            } else {
                numeric = ExcelCells.excelRounded(number);
                percent = ExcelCells.isPercent(value);
                raw = percent ? ExcelCells.percentText(numeric) : ExcelCells.plain(numeric);
            }
        }
        String problem = null;
        if (value != null && value.getType() == CellType.FORMULA && value.getValue() == null) {
            problem = "公式 =" + clipped(value.getFormula()) + " 没有计算结果（文件保存时未计算公式，常见于非Excel软件导出），"
                    + "请在Excel中打开、确认显示数值后保存再报送";
        }
        return new RawRow(fileName, sheetName, rowNumber, column, unitCode, period, dimension, raw, numeric,
                percent, note.isEmpty() ? null : note, problem);
    }

    private static String clipped(String formula) {
        String f = formula == null ? "" : formula;
        return f.length() <= 60 ? f : f.substring(0, 60) + "…";
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
            return ExcelCells.plain(n);
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
        ExcelCells.closeQuietly(workbook);
    }
}
