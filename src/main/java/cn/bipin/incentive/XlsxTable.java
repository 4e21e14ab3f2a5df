package cn.bipin.incentive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * A filled data template read with fastexcel-reader's streaming parser (POI's in-memory model would not fit
 * 200,000 rows in the heap). The header is the first row, among the first few, that names the subject column.
 * Dates and percentages come back as the clerk saw them: 2024-03-15, 85%.
 */
final class XlsxTable implements TableSource {

    private static final int MAX_HEADER_ROWS = 20;
    private static final MathContext EXCEL_DIGITS = new MathContext(15);
    private static final Set<String> BUILTIN_PERCENT = Set.of("9", "10");
    private static final Set<String> BUILTIN_DATE = Set.of("14", "15", "16", "17", "22", "57", "58");

    private final String fileName;
    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private final List<String> header;

    private XlsxTable(String fileName, ReadableWorkbook workbook, Sheet sheet, Entity entity) throws IOException {
        this.fileName = fileName;
        this.workbook = workbook;
        this.stream = sheet.openStream();
        this.rows = stream.iterator();
        Column subject = entity.columns.get(0);
        List<String> found = null;
        while (found == null && rows.hasNext()) {
            Row row = rows.next();
            if (row.getRowNum() > MAX_HEADER_ROWS) {
                break;
            }
            List<String> cells = cells(row);
            if (cells.stream().map(HeaderMap::clean).anyMatch(c -> c.equals(subject.label()) || c.equals(subject.key()))) {
                found = cells;
            }
        }
        if (found == null) {
            throw new DataFileException(fileName, "工作表“" + sheet.getName() + "”中找不到表头（“" + subject.label()
                    + "”列），请使用下发的" + entity.label + "数据模板");
        }
        this.header = found;
    }

    static XlsxTable open(Path file, Entity entity) {
        String name = file.getFileName().toString();
        checkSignature(file, name);
        ReadableWorkbook wb = null;
        try {
            wb = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
            Sheet sheet = wb.findSheet(entity.label).orElse(wb.getFirstSheet());
            return new XlsxTable(name, wb, sheet, entity);
        } catch (IOException | RuntimeException e) {
            closeQuietly(wb);
            if (e instanceof DataFileException d) {
                throw d;
            }
            throw new DataFileException(name, "文件已损坏或不是Excel文件，请重新保存为.xlsx后再报送", e);
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
            throw new DataFileException(name, "文件为空（0字节），请重新报送");
        }
        if (n == head.length && ReadableWorkbook.isOLE2Header(head)) {
            throw new DataFileException(name, "文件是旧版Excel(.xls)格式或设置了密码，请取消密码并另存为.xlsx后再报送");
        }
        if (n < 4 || !ReadableWorkbook.isOOXMLZipHeader(head)) {
            throw new DataFileException(name, "文件已损坏或不是Excel文件，请重新保存为.xlsx后再报送");
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public SourceRow next() {
        try {
            while (rows.hasNext()) {
                Row row = rows.next();
                List<String> cells = cells(row);
                if (cells.stream().anyMatch(c -> !c.isBlank())) {
                    return new SourceRow(row.getRowNum(), cells);
                }
            }
            return null;
        } catch (ExcelReaderException | UncheckedIOException e) {
            throw new DataFileException(fileName, "文件已损坏或不是Excel文件，请重新保存为.xlsx后再报送", e);
        }
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            cells.add(text(row.getCell(i)));
        }
        return cells;
    }

    private static String text(Cell c) {
        if (c == null || c.getType() == CellType.EMPTY || c.getValue() == null) {
            return "";
        }
        Object v = c.getValue();
        if (v instanceof BigDecimal n) {
            if (isDate(c)) {
                return c.asDate().toLocalDate().toString();
            }
            BigDecimal r = n.round(EXCEL_DIGITS).stripTrailingZeros();
            if (r.scale() < 0) {
                r = r.setScale(0);
            }
            if (isPercent(c)) {
                BigDecimal p = r.movePointRight(2).stripTrailingZeros();
                return (p.scale() < 0 ? p.setScale(0) : p).toPlainString() + "%";
            }
            return r.toPlainString();
        }
        if (v instanceof Boolean b) {
            return b ? "是" : "否";
        }
        return v.toString().strip();
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
        String codes = format.replaceAll("\"[^\"]*\"|\\[[^]]*]", "").toLowerCase();
        return codes.contains("y") || codes.contains("d");
    }

    @Override
    public void close() {
        stream.close();
        closeQuietly(workbook);
    }

    private static void closeQuietly(ReadableWorkbook wb) {
        if (wb != null) {
            try {
                wb.close();
            } catch (IOException e) {
                // read-only; nothing to lose
            }
        }
    }
}
