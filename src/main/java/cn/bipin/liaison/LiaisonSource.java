package cn.bipin.liaison;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import cn.bipin.inbox.CsvLexer;
import cn.bipin.inbox.ExcelCells;
import cn.bipin.inbox.XlsxGuard;

/**
 * A liaison file read row by row, never whole: a CSV (UTF-8, BOM optional, RFC 4180 quoting; GBK and unclosed quotes
 * refused up front by {@link CsvLexer}) or a filled template (.xlsx, bounded by {@link XlsxGuard} before
 * fastexcel-reader's streaming parser spends memory on it). Rows are cells as text, with their 1-based row number.
 */
abstract class LiaisonSource implements Closeable {

    /** Rows in the template above the header, at most; the header is the first row naming the record id column. */
    private static final int MAX_HEADER_ROWS = 20;

    record SourceRow(int rowNo, List<String> cells) {
    }

    abstract List<String> header();

    /** The next row with any content, or null at the end. */
    abstract SourceRow next();

    @Override
    public abstract void close();

    static LiaisonSource open(Path file, LiaisonKind kind) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return new Csv(file, name);
        }
        if (lower.endsWith(".xlsx")) {
            return Xlsx.open(file, name, kind);
        }
        throw new LiaisonFileException(name, "只接受 .xlsx（包联台账模板）或 .csv 文件");
    }

    /** Excel's column letters: 0 → A, 26 → AA. */
    static String letter(int index) {
        StringBuilder sb = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            int r = (n - 1) % 26;
            sb.insert(0, (char) ('A' + r));
            n = (n - 1) / 26;
        }
        return sb.toString();
    }

    /** A header cell without the template's required-column mark: "包联编号 *" → "包联编号". */
    static String clean(String h) {
        String s = h.strip();
        while (s.endsWith("*")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    private static final class Csv extends LiaisonSource {
        private final String fileName;
        private final CsvLexer lexer;
        private final List<String> header;

        Csv(Path file, String name) {
            this.fileName = name;
            String problem = CsvLexer.encodingProblem(file);
            if (problem != null) {
                throw new LiaisonFileException(name, problem);
            }
            try {
                this.lexer = CsvLexer.open(file, CsvLexer.UnclosedQuote.REJECT);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            try {
                List<String> first = record();
                if (first == null) {
                    throw new LiaisonFileException(name, "文件中没有任何数据（第一行应为列名）");
                }
                this.header = first;
            } catch (RuntimeException e) {
                lexer.close();
                throw e;
            }
        }

        @Override
        List<String> header() {
            return header;
        }

        @Override
        SourceRow next() {
            List<String> rec;
            while ((rec = record()) != null) {
                if (rec.stream().anyMatch(c -> !c.isBlank())) {
                    return new SourceRow(lexer.recordLine(), rec);
                }
            }
            return null;
        }

        private List<String> record() {
            try {
                return lexer.next();
            } catch (CsvLexer.UnclosedQuoteException e) {
                throw new LiaisonFileException(fileName, e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + fileName, e);
            }
        }

        @Override
        public void close() {
            lexer.close();
        }
    }

    private static final class Xlsx extends LiaisonSource {
        private final String fileName;
        private final ReadableWorkbook workbook;
        private final Stream<Row> stream;
        private final Iterator<Row> rows;
        private final List<String> header;

        private Xlsx(String fileName, ReadableWorkbook workbook, Sheet sheet, LiaisonKind kind) throws IOException {
            this.fileName = fileName;
            this.workbook = workbook;
            this.stream = sheet.openStream();
            this.rows = stream.iterator();
            LiaisonKind.Field id = kind.fields.get(0);
            List<String> found = null;
            while (found == null && rows.hasNext()) {
                Row row = rows.next();
                if (row.getRowNum() > MAX_HEADER_ROWS) {
                    break;
                }
                List<String> cells = ExcelCells.texts(row, false);
                if (cells.stream().map(LiaisonSource::clean).anyMatch(c -> c.equals(id.label()) || c.equals(id.key()))) {
                    found = cells;
                }
            }
            if (found == null) {
                throw new LiaisonFileException(fileName, "工作表“" + sheet.getName() + "”的前" + MAX_HEADER_ROWS
                        + "行中找不到表头（“" + id.label() + "”列），请使用下发的" + kind.label + "模板");
            }
            this.header = found;
        }

        static Xlsx open(Path file, String name, LiaisonKind kind) {
            String problem = ExcelCells.signatureProblem(file);
            if (problem == null) {
                problem = XlsxGuard.problem(file);
            }
            if (problem != null) {
                throw new LiaisonFileException(name, problem);
            }
            ReadableWorkbook wb = null;
            try {
                wb = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
                Sheet sheet = wb.findSheet(kind.label).orElse(wb.getFirstSheet());
                return new Xlsx(name, wb, sheet, kind);
            } catch (IOException | RuntimeException e) {
                ExcelCells.closeQuietly(wb);
                if (e instanceof LiaisonFileException l) {
                    throw l;
                }
                throw new LiaisonFileException(name, ExcelCells.CORRUPT, e);
            }
        }

        @Override
        List<String> header() {
            return header;
        }

        @Override
        SourceRow next() {
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
                throw new LiaisonFileException(fileName, ExcelCells.CORRUPT, e);
            }
        }



        @Override
        public void close() {
            stream.close();
            ExcelCells.closeQuietly(workbook);
        }
    }
}
