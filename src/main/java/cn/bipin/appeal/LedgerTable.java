package cn.bipin.appeal;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
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
 * A case-ledger file (.xlsx template or CSV) read row by row, never whole, for any ledger: the header row is found
 * by the first column's title or key among the first rows; each data row comes back as one text per ledger column
 * (Excel dates and times as 2024-06-03 14:30, as the clerk saw them). Hostile files are bounded before any memory is
 * spent on them: an .xlsx by {@link XlsxGuard} (sizes, shared strings, cell text, DTDs), a CSV by {@link CsvLexer}
 * (encoding, field length and count, an unclosed quote); what cannot be read is a {@link LedgerFileRejectedException}
 * with the reason in Chinese.
 */
public final class LedgerTable implements Closeable {

    private static final int MAX_HEADER_ROWS = 20;
    private static final int MAX_RAW_CHARS = 4000;

    /** A data row: its 1-based number in the file, one cell per ledger column (empty if absent), and the raw text. */
    public record LedgerRow(int rowNo, List<String> cells, String raw) {

        public String cell(int column) {
            return cells.get(column);
        }
    }

    private final List<LedgerColumn> columns;
    private final String fileName;
    private final boolean excel;
    /** ledger column → index in the file's rows, -1 when the file lacks it */
    private final int[] index;
    private final Source source;

    private LedgerTable(String fileName, List<LedgerColumn> columns, boolean excel, Source source) {
        this.fileName = fileName;
        this.columns = List.copyOf(columns);
        this.excel = excel;
        this.source = source;
        List<String> header = source.header();
        this.index = new int[columns.size()];
        Arrays.fill(index, -1);
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            LedgerColumn col = columns.get(c);
            for (int i = 0; i < header.size(); i++) {
                String h = clean(header.get(i));
                if (h.equals(col.title()) || h.equalsIgnoreCase(col.key())) {
                    index[c] = i;
                    break;
                }
            }
            if (index[c] < 0 && col.required()) {
                missing.add(col.title() + "（" + col.key() + "）");
            }
        }
        if (!missing.isEmpty()) {
            throw new LedgerFileRejectedException("表头缺少必填列：" + String.join("、", missing) + "；请使用下发的台账模板");
        }
    }

    /**
     * Opens a ledger file; {@code sheet} names the worksheet of the template (the first sheet when none has that name).
     *
     * @throws LedgerFileRejectedException if the file cannot be a ledger of these columns
     */
    public static LedgerTable open(Path file, List<LedgerColumn> columns, String sheet) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return new LedgerTable(name, columns, false, CsvSource.open(file));
        }
        if (lower.endsWith(".xlsx")) {
            return new LedgerTable(name, columns, true, XlsxSource.open(file, sheet, columns.get(0)));
        }
        throw new LedgerFileRejectedException("只接受 .xlsx（台账模板）或 .csv 文件");
    }

    public String fileName() {
        return fileName;
    }

    /** Where a column is, for a reason: the Excel column letter, or the CSV field number. */
    public String columnLabel(int column) {
        int i = index[column];
        if (i < 0) {
            return columns.get(column).title();
        }
        return excel ? letter(i) + "列" : "第" + (i + 1) + "列";
    }

    /** The next row with any content, or null at the end. */
    public LedgerRow next() {
        Source.Raw r;
        while ((r = source.next()) != null) {
            if (r.cells().stream().noneMatch(c -> !c.isBlank())) {
                continue;
            }
            List<String> cells = new ArrayList<>(columns.size());
            for (int c = 0; c < columns.size(); c++) {
                int i = index[c];
                cells.add(i >= 0 && i < r.cells().size() ? r.cells().get(i).strip() : "");
            }
            String raw = String.join(",", r.cells());
            return new LedgerRow(r.rowNo(), cells, raw.length() <= MAX_RAW_CHARS ? raw : raw.substring(0, MAX_RAW_CHARS));
        }
        return null;
    }

    @Override
    public void close() {
        source.close();
    }

    /** A header cell without the marks templates add: a required-column asterisk, spaces, a line break. */
    static String clean(String header) {
        return header == null ? "" : header.replace("*", "").replace("＊", "").replaceAll("[\\s\\u3000]+", "")
                .replaceAll("（.*）$|\\(.*\\)$", "");
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

    private interface Source extends Closeable {

        record Raw(int rowNo, List<String> cells) {
        }

        List<String> header();

        Raw next();

        @Override
        void close();
    }

    private static final class CsvSource implements Source {

        private final CsvLexer lexer;
        private final List<String> header;

        private CsvSource(CsvLexer lexer) {
            this.lexer = lexer;
            List<String> first = nextRecord();
            if (first == null) {
                throw new LedgerFileRejectedException("文件中没有任何数据（第一行应为列名）");
            }
            this.header = first;
        }

        static CsvSource open(Path file) {
            String problem = CsvLexer.encodingProblem(file);
            if (problem != null) {
                throw new LedgerFileRejectedException(problem);
            }
            CsvLexer lexer;
            try {
                lexer = CsvLexer.open(file, CsvLexer.UnclosedQuote.REJECT);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            try {
                return new CsvSource(lexer);
            } catch (RuntimeException e) {
                lexer.close();
                throw e;
            }
        }

        @Override
        public List<String> header() {
            return header;
        }

        @Override
        public Raw next() {
            List<String> rec = nextRecord();
            return rec == null ? null : new Raw(lexer.recordLine(), rec);
        }

        private List<String> nextRecord() {
            try {
                return lexer.next();
            } catch (CsvLexer.UnclosedQuoteException e) {
                throw new LedgerFileRejectedException(e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            lexer.close();
        }
    }

    private static final class XlsxSource implements Source {

        private final ReadableWorkbook workbook;
        private final Stream<Row> stream;
        private final Iterator<Row> rows;
        private final List<String> header;

        private XlsxSource(ReadableWorkbook workbook, Sheet sheet, LedgerColumn first) throws IOException {
            this.workbook = workbook;
            this.stream = sheet.openStream();
            this.rows = stream.iterator();
            List<String> found = null;
            while (found == null && rows.hasNext()) {
                Row row = rows.next();
                if (row.getRowNum() > MAX_HEADER_ROWS) {
                    break;
                }
                List<String> cells = ExcelCells.texts(row, true);
                if (cells.stream().map(LedgerTable::clean).anyMatch(c -> c.equals(first.title()) || c.equalsIgnoreCase(first.key()))) {
                    found = cells;
                }
            }
            if (found == null) {
                throw new LedgerFileRejectedException("工作表“" + sheet.getName() + "”前" + MAX_HEADER_ROWS + "行中找不到表头（“"
                        + first.title() + "”列），请使用下发的台账模板");
            }
            this.header = found;
        }

        static XlsxSource open(Path file, String sheetName, LedgerColumn first) {
            String problem = ExcelCells.signatureProblem(file);
            if (problem == null) {
                problem = XlsxGuard.problem(file); // bounded before fastexcel spends memory on it
            }
            if (problem != null) {
                throw new LedgerFileRejectedException(problem);
            }
            ReadableWorkbook wb = null;
            try {
                wb = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
                Sheet sheet = wb.findSheet(sheetName).orElse(wb.getFirstSheet());
                return new XlsxSource(wb, sheet, first);
            } catch (IOException | RuntimeException e) {
                ExcelCells.closeQuietly(wb);
                if (e instanceof LedgerFileRejectedException r) {
                    throw r;
                }
                throw new LedgerFileRejectedException(ExcelCells.CORRUPT, e);
            }
        }

        @Override
        public List<String> header() {
            return header;
        }

        @Override
        public Raw next() {
            try {
                if (!rows.hasNext()) {
                    return null;
                }
                Row row = rows.next();
                return new Raw(row.getRowNum(), ExcelCells.texts(row, true));
            } catch (ExcelReaderException | UncheckedIOException e) {
                throw new LedgerFileRejectedException(ExcelCells.CORRUPT, e);
            }
        }



        @Override
        public void close() {
            stream.close();
            ExcelCells.closeQuietly(workbook);
        }
    }
}
