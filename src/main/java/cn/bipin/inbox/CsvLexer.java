package cn.bipin.inbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 4180 records of a UTF-8 CSV, one at a time (unit submissions, incentive data, evaluation ballots, cases and
 * votes): quoted fields may hold commas, doubled quotes and line breaks; a leading BOM is dropped before anything is
 * parsed, so a quoted first cell is still seen as quoted. Blank lines come back as a record of one empty field.
 */
public final class CsvLexer implements AutoCloseable {

    /** What to do with a quote still open at the end of the file. */
    public enum UnclosedQuote {
        /** Return what was read, as the last record. */
        KEEP,
        /** Throw {@link UnclosedQuoteException}: the rest of the file may have been swallowed into one cell. */
        REJECT
    }

    /** A quote opened and never closed, in {@link UnclosedQuote#REJECT} mode; the message is the Chinese reason. */
    public static final class UnclosedQuoteException extends RuntimeException {

        private final int line;
        private final int lastLine;
        private final transient List<String> fieldsBefore;
        private final String swallowed;

        UnclosedQuoteException(int line, int lastLine, List<String> fieldsBefore, String swallowed) {
            super("第" + line + "行的引号没有配对（内容从这一行起到文件末尾都在引号里）");
            this.line = line;
            this.lastLine = lastLine;
            this.fieldsBefore = fieldsBefore;
            this.swallowed = swallowed;
        }

        /** 1-based line on which the record with the open quote starts. */
        public int line() {
            return line;
        }

        /** The last line with any content: lines {@link #line()} to this one were swallowed. */
        public int lastLine() {
            return lastLine;
        }

        /** The fields of the record before the one that opened the quote. */
        public List<String> fieldsBefore() {
            return fieldsBefore;
        }

        /** What followed the opening quote, line breaks included (at most {@value #MAX_FIELD_CHARS} characters). */
        public String swallowed() {
            return swallowed;
        }
    }

    /** Excel's limit for a cell; a longer field is cut here, and the record says so ({@link #lastRecordOversized}). */
    public static final int MAX_FIELD_CHARS = 32_767;
    /** More fields than any table here has by far; a line of a million commas is not held in memory. */
    public static final int MAX_FIELDS = 1_000;

    public static final String EMPTY = "文件为空（0字节），请重新报送";
    public static final String RENAMED_XLSX = "文件实际上是Excel工作簿(.xlsx)，只是扩展名改成了.csv：请把扩展名改回.xlsx，"
            + "或在Excel中“另存为”选择“CSV UTF-8(逗号分隔)”后再报送";
    public static final String RENAMED_XLS = "文件实际上是旧版Excel(.xls)工作簿，只是扩展名改成了.csv：请在Excel中“另存为”"
            + "选择“CSV UTF-8(逗号分隔)”后再报送";
    public static final String UTF16 = "CSV是UTF-16编码（常见于“Unicode文本”格式），请在Excel中“另存为”选择“CSV UTF-8(逗号分隔)”后再报送";
    public static final String NOT_UTF8 = "CSV不是UTF-8编码（可能是GBK），请在Excel中“另存为”选择“CSV UTF-8(逗号分隔)”后再报送";

    private static final Logger log = LoggerFactory.getLogger(CsvLexer.class);
    private static final int BUFFER = 1 << 16;

    private final BufferedReader in;
    private final UnclosedQuote unclosed;
    private int line = 1;
    private int recordLine;
    private boolean started;
    private boolean oversized;

    public CsvLexer(BufferedReader in, UnclosedQuote unclosed) {
        this.in = in;
        this.unclosed = unclosed;
    }

    /** A lexer over a UTF-8 file; check it first with {@link #encodingProblem}, which reads it through once. */
    public static CsvLexer open(Path file, UnclosedQuote unclosed) throws IOException {
        return new CsvLexer(new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8), BUFFER), unclosed);
    }

    /**
     * Null when the file is non-empty UTF-8; else why it cannot be read, in Chinese, for the whole file. Excel on a
     * Chinese Windows saves CSV as GBK: a full decoding pass (cheap, constant memory) turns such a file away before
     * any row is used, rather than reading mojibake.
     */
    public static String encodingProblem(Path file) {
        String kind = kindProblem(file);
        if (kind != null) {
            return kind;
        }
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream is = Files.newInputStream(file); Reader r = new InputStreamReader(is, strict)) {
            char[] buf = new char[16384];
            int n = r.read(buf);
            if (n < 0) {
                return EMPTY;
            }
            while (n >= 0) {
                n = r.read(buf); // decoding is the check
            }
            return null;
        } catch (CharacterCodingException e) {
            return NOT_UTF8;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * What the first bytes and any NUL byte say the file really is: a workbook renamed .csv, or UTF-16 text (with or
     * without a byte-order mark: UTF-16 puts a NUL beside every ASCII character, which is still valid UTF-8).
     */
    private static String kindProblem(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n = in.readNBytes(buf, 0, 8);
            if (n >= 4 && buf[0] == 'P' && buf[1] == 'K' && buf[2] == 3 && buf[3] == 4) {
                return RENAMED_XLSX;
            }
            if (n == 8 && (buf[0] & 0xff) == 0xD0 && (buf[1] & 0xff) == 0xCF && (buf[2] & 0xff) == 0x11
                    && (buf[3] & 0xff) == 0xE0) {
                return RENAMED_XLS;
            }
            if (n >= 2 && ((buf[0] & 0xff) == 0xFF && (buf[1] & 0xff) == 0xFE
                    || (buf[0] & 0xff) == 0xFE && (buf[1] & 0xff) == 0xFF)) {
                return UTF16;
            }
            while (n > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == 0) {
                        return UTF16;
                    }
                }
                n = in.read(buf);
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Whether the last record had a field longer than {@value #MAX_FIELD_CHARS} characters or more than
     * {@value #MAX_FIELDS} fields: what was read of it is returned, cut.
     */
    public boolean lastRecordOversized() {
        return oversized;
    }

    /** 1-based line on which the last returned record started. */
    public int recordLine() {
        return recordLine;
    }

    /** The next record's fields as written (not stripped), or null at the end of the file. */
    public List<String> next() throws IOException {
        int c = in.read();
        if (!started) {
            started = true;
            if (c == '\uFEFF') {
                c = in.read();
            }
        }
        if (c < 0) {
            return null;
        }
        recordLine = line;
        oversized = false;
        List<String> fields = new ArrayList<>(8);
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        int lastContentLine = line;
        while (true) {
            if (sb.length() > MAX_FIELD_CHARS) {
                sb.setLength(MAX_FIELD_CHARS);
                oversized = true;
            }
            if (quoted) {
                if (c < 0) {
                    if (unclosed == UnclosedQuote.REJECT) {
                        throw new UnclosedQuoteException(recordLine, lastContentLine, List.copyOf(fields), sb.toString());
                    }
                    break;
                }
                if (c == '"') {
                    in.mark(1);
                    int d = in.read();
                    if (d == '"') {
                        sb.append('"');
                    } else {
                        quoted = false;
                        in.reset();
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    } else if (c != '\r') {
                        lastContentLine = line;
                    }
                    sb.append((char) c);
                }
            } else if (c < 0 || c == '\n' || c == '\r') {
                if (c == '\r') {
                    in.mark(1);
                    if (in.read() != '\n') {
                        in.reset();
                    }
                }
                if (c >= 0) {
                    line++;
                }
                break;
            } else if (c == ',') {
                if (fields.size() < MAX_FIELDS) {
                    fields.add(sb.toString());
                } else {
                    oversized = true;
                }
                sb.setLength(0);
            } else if (c == '"' && sb.toString().isBlank()) {
                // spaces typed before an opening quote are not part of the cell
                quoted = true;
                sb.setLength(0);
            } else {
                sb.append((char) c);
            }
            c = in.read();
        }
        fields.add(sb.toString());
        return fields;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // read-only: a failed close loses nothing
            log.warn("cannot close CSV", e);
        }
    }
}
