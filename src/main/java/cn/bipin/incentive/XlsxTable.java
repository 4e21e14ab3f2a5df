package cn.bipin.incentive;

import java.nio.file.Path;
import java.util.List;

import cn.bipin.inbox.XlsxRows;

/**
 * A filled data template read with fastexcel-reader's streaming parser (POI's in-memory model would not fit
 * 200,000 rows in the heap), through {@link XlsxRows}. The header is the first row, among the first few, that names
 * the subject column. Dates and percentages come back as the clerk saw them: 2024-03-15, 85%.
 */
final class XlsxTable implements TableSource {

    private static final int MAX_HEADER_ROWS = 20;

    private final String fileName;
    private final XlsxRows rows;
    private final List<String> header;

    private XlsxTable(String fileName, XlsxRows rows, List<String> header) {
        this.fileName = fileName;
        this.rows = rows;
        this.header = header;
    }

    static XlsxTable open(Path file, Entity entity) {
        String name = file.getFileName().toString();
        XlsxRows rows = null;
        try {
            rows = XlsxRows.open(file, entity.label);
            Column subject = entity.columns.get(0);
            List<String> header = rows.header(cells -> cells.stream().map(HeaderMap::clean)
                    .anyMatch(c -> c.equals(subject.label()) || c.equals(subject.key())), MAX_HEADER_ROWS);
            if (header == null) {
                throw new DataFileException(name, "工作表“" + rows.sheetName() + "”中找不到表头（“" + subject.label()
                        + "”列），请使用下发的" + entity.label + "数据模板");
            }
            return new XlsxTable(name, rows, header);
        } catch (XlsxRows.Refused e) {
            close(rows);
            throw new DataFileException(name, e.getMessage(), e.getCause());
        } catch (RuntimeException e) {
            close(rows);
            throw e;
        }
    }

    private static void close(XlsxRows rows) {
        if (rows != null) {
            rows.close();
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public SourceRow next() {
        try {
            XlsxRows.Line line = rows.next();
            return line == null ? null : new SourceRow(line.rowNo(), line.cells());
        } catch (XlsxRows.Refused e) {
            throw new DataFileException(fileName, e.getMessage(), e.getCause());
        }
    }

    @Override
    public void close() {
        rows.close();
    }
}
