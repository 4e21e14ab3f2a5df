package cn.bipin.incentive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import cn.bipin.inbox.ExcelCells;
import cn.bipin.inbox.XlsxGuard;

/**
 * A filled data template read with fastexcel-reader's streaming parser (POI's in-memory model would not fit
 * 200,000 rows in the heap). The header is the first row, among the first few, that names the subject column.
 * Dates and percentages come back as the clerk saw them: 2024-03-15, 85%.
 */
final class XlsxTable implements TableSource {

    private static final int MAX_HEADER_ROWS = 20;

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
            List<String> cells = ExcelCells.texts(row, false);
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
            ExcelCells.closeQuietly(wb);
            if (e instanceof DataFileException d) {
                throw d;
            }
            throw new DataFileException(name, ExcelCells.CORRUPT, e);
        }
    }

    private static void checkSignature(Path file, String name) {
        String problem = ExcelCells.signatureProblem(file);
        if (problem == null) {
            problem = XlsxGuard.problem(file); // bounded before fastexcel spends memory on it
        }
        if (problem != null) {
            throw new DataFileException(name, problem);
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
                List<String> cells = ExcelCells.texts(row, false);
                if (cells.stream().anyMatch(c -> !c.isBlank())) {
                    return new SourceRow(row.getRowNum(), cells);
                }
            }
            return null;
        } catch (ExcelReaderException | UncheckedIOException e) {
            throw new DataFileException(fileName, ExcelCells.CORRUPT, e);
        }
    }



    @Override
    public void close() {
        stream.close();
        ExcelCells.closeQuietly(workbook);
    }
}
