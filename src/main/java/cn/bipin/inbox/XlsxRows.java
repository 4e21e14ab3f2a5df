package cn.bipin.inbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * A table-shaped sheet of an .xlsx (enterprise data, ledgers) read row by row with fastexcel's streaming parser, each
 * cell as {@link ExcelCells#text(org.dhatim.fastexcel.reader.Cell, boolean)}: the file is checked by its signature and
 * {@link XlsxGuard} before any parsing, the header is the first row among the first few that a predicate accepts,
 * and blank rows are passed over. Every problem is a {@link Refused} with the reason in Chinese; the caller names the
 * file its own way.
 */
public final class XlsxRows implements AutoCloseable {

    /** The file cannot be read as this table; {@code reason} is for the clerk. */
    public static final class Refused extends RuntimeException {
        public Refused(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    /** A non-blank row: its number in Excel and its cells. */
    public record Line(int rowNo, List<String> cells) {
    }

    private final ReadableWorkbook workbook;
    private final Sheet sheet;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;

    private XlsxRows(ReadableWorkbook workbook, Sheet sheet) throws IOException {
        this.workbook = workbook;
        this.sheet = sheet;
        this.stream = sheet.openStream();
        this.rows = stream.iterator();
    }

    /** Opens the sheet named {@code sheetName}, or the first sheet when there is none of that name. */
    public static XlsxRows open(Path file, String sheetName) {
        String problem = ExcelCells.signatureProblem(file);
        if (problem == null) {
            problem = XlsxGuard.problem(file); // bounded before fastexcel spends memory on it
        }
        if (problem != null) {
            throw new Refused(problem, null);
        }
        ReadableWorkbook wb = null;
        try {
            wb = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
            return new XlsxRows(wb, wb.findSheet(sheetName).orElse(wb.getFirstSheet()));
        } catch (IOException | RuntimeException e) {
            ExcelCells.closeQuietly(wb);
            throw new Refused(ExcelCells.CORRUPT, e);
        }
    }

    public String sheetName() {
        return sheet.getName();
    }

    /** The first row, within the first {@code maxRows}, whose cells {@code isHeader} accepts; null when none is. */
    public List<String> header(Predicate<List<String>> isHeader, int maxRows) {
        try {
            while (rows.hasNext()) {
                Row row = rows.next();
                if (row.getRowNum() > maxRows) {
                    return null;
                }
                List<String> cells = ExcelCells.texts(row, false);
                if (isHeader.test(cells)) {
                    return cells;
                }
            }
            return null;
        } catch (ExcelReaderException | UncheckedIOException e) {
            throw new Refused(ExcelCells.CORRUPT, e);
        }
    }

    /** The next row with anything in it, or null at the end. */
    public Line next() {
        try {
            while (rows.hasNext()) {
                Row row = rows.next();
                List<String> cells = ExcelCells.texts(row, false);
                if (cells.stream().anyMatch(c -> !c.isBlank())) {
                    return new Line(row.getRowNum(), cells);
                }
            }
            return null;
        } catch (ExcelReaderException | UncheckedIOException e) {
            throw new Refused(ExcelCells.CORRUPT, e);
        }
    }

    @Override
    public void close() {
        stream.close();
        ExcelCells.closeQuietly(workbook);
    }
}
