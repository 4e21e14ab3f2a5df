package cn.bipin.liaison;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;


import cn.bipin.inbox.CsvLexer;
import cn.bipin.inbox.XlsxRows;

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

    /** A liaison template read through {@link XlsxRows}: the header is the row that names the record's id column. */
    private static final class Xlsx extends LiaisonSource {
        private final String fileName;
        private final XlsxRows rows;
        private final List<String> header;

        private Xlsx(String fileName, XlsxRows rows, List<String> header) {
            this.fileName = fileName;
            this.rows = rows;
            this.header = header;
        }

        static Xlsx open(Path file, String name, LiaisonKind kind) {
            XlsxRows rows = null;
            try {
                rows = XlsxRows.open(file, kind.label);
                LiaisonKind.Field id = kind.fields.get(0);
                List<String> header = rows.header(cells -> cells.stream().map(LiaisonSource::clean)
                        .anyMatch(c -> c.equals(id.label()) || c.equals(id.key())), MAX_HEADER_ROWS);
                if (header == null) {
                    throw new LiaisonFileException(name, "工作表“" + rows.sheetName() + "”的前" + MAX_HEADER_ROWS
                            + "行中找不到表头（“" + id.label() + "”列），请使用下发的" + kind.label + "模板");
                }
                return new Xlsx(name, rows, header);
            } catch (XlsxRows.Refused e) {
                close(rows);
                throw new LiaisonFileException(name, e.getMessage(), e.getCause());
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
        List<String> header() {
            return header;
        }

        @Override
        SourceRow next() {
            try {
                XlsxRows.Line line = rows.next();
                return line == null ? null : new SourceRow(line.rowNo(), line.cells());
            } catch (XlsxRows.Refused e) {
                throw new LiaisonFileException(fileName, e.getMessage(), e.getCause());
            }
        }

        @Override
        public void close() {
            rows.close();
        }
    }
}
