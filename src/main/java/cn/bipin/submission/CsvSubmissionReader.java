package cn.bipin.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import cn.bipin.inbox.CsvLexer;

/**
 * Reads the submission CSV of DOMAIN §9: UTF-8 with or without BOM, {@code unit_code,period,dimension_code,value[,note]},
 * header optional. The header may also use the template's Chinese column names. Excel on a Chinese Windows
 * saves CSV as GBK, so the encoding is checked up front and a GBK file is refused with instructions rather
 * than read as mojibake.
 */
final class CsvSubmissionReader implements SubmissionFileReader {

    private static final List<String> COLUMNS = List.of("unit_code", "period", "dimension_code", "value", "note");
    private static final String LAYOUT = "unit_code,period,dimension_code,value[,note]";
    private static final String NO_ROWS = "文件中没有任何数据行，请填写后重新报送";
    private static final Map<String, String> ALIASES = Map.of(
            "单位代码", "unit_code", "期间", "period", "指标代码", "dimension_code",
            "填报值", "value", "数值", "value", "备注", "note");
    /**
     * What is left of "1,234.5" or "12,3O0" written without quotes: a value of 1–3 digits and a "note" made of
     * a digit group (a letter O or l mistyped for 0 or 1 included, so that the joined value fails visibly).
     */
    private static final Pattern LEADING_GROUP = Pattern.compile("[+-]?\\d{1,3}");
    private static final Pattern TRAILING_GROUPS = Pattern.compile("[0-9OoIl]{3}(,[0-9OoIl]{3})*(\\.\\d*)?");

    private final String fileName;
    private final CsvLexer lexer;
    /** Canonical column name → field index. */
    private final Map<String, Integer> index;
    private final String valueColumnName;
    private List<String> pending;
    private int pendingLine;
    /** Rows answered for the lines an unclosed quote swallowed, still to be returned. */
    private final Deque<RawRow> swallowed = new ArrayDeque<>();

    private CsvSubmissionReader(String fileName, CsvLexer lexer) throws IOException {
        this.fileName = fileName;
        this.lexer = lexer;
        List<String> first;
        try {
            first = nextNonBlank();
        } catch (CsvLexer.UnclosedQuoteException e) {
            throw new FileRejectedException(fileName, "表头" + e.getMessage());
        }
        if (first == null) {
            throw new FileRejectedException(fileName, NO_ROWS);
        }
        if (first.stream().map(CsvSubmissionReader::canonical).anyMatch(COLUMNS::contains)) {
            this.index = headerIndex(first);
            this.valueColumnName = first.get(index.get("value")).strip();
            this.pending = null;
            List<String> second;
            try {
                second = nextNonBlank();
            } catch (CsvLexer.UnclosedQuoteException e) {
                second = null;
                swallow(e);
            }
            if (second == null && swallowed.isEmpty()) {
                throw new FileRejectedException(fileName, "文件只有表头，" + NO_ROWS);
            }
            this.pending = second;
            this.pendingLine = lexer.recordLine();
        } else {
            if (first.size() < 4) {
                throw new FileRejectedException(fileName, "CSV第" + lexer.recordLine() + "行只有" + first.size()
                        + "列，应为 " + LAYOUT + "（第一行可以是这些列名）");
            }
            this.index = new LinkedHashMap<>();
            for (int i = 0; i < COLUMNS.size(); i++) {
                index.put(COLUMNS.get(i), i);
            }
            this.valueColumnName = "value";
            this.pending = first;
            this.pendingLine = lexer.recordLine();
        }
    }

    static CsvSubmissionReader open(Path file) {
        String name = file.getFileName().toString();
        String problem = CsvLexer.encodingProblem(file);
        if (problem != null) {
            throw new FileRejectedException(name, problem);
        }
        CsvLexer lexer = null;
        try {
            lexer = CsvLexer.open(file, CsvLexer.UnclosedQuote.REJECT);
            return new CsvSubmissionReader(name, lexer);
        } catch (IOException | RuntimeException e) {
            if (lexer != null) {
                lexer.close();
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot read " + file, io);
            }
            throw (RuntimeException) e;
        }
    }

    private Map<String, Integer> headerIndex(List<String> header) {
        Map<String, Integer> idx = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String c = canonical(header.get(i));
            if (c.isEmpty() && header.subList(i, header.size()).stream().allMatch(String::isBlank)) {
                break; // trailing commas
            }
            if (!COLUMNS.contains(c)) {
                unknown.add("'" + header.get(i).strip() + "'");
            } else if (idx.putIfAbsent(c, i) != null) {
                throw new FileRejectedException(fileName, "CSV列名“" + c + "”出现了两次，应为 " + LAYOUT);
            }
        }
        List<String> missing = COLUMNS.subList(0, 4).stream().filter(c -> !idx.containsKey(c)).toList();
        if (!unknown.isEmpty() || !missing.isEmpty()) {
            StringBuilder sb = new StringBuilder("CSV列名不对：");
            if (!missing.isEmpty()) {
                sb.append("缺少列 ").append(String.join("、", missing));
            }
            if (!unknown.isEmpty()) {
                sb.append(missing.isEmpty() ? "" : "；").append("无法识别的列 ").append(String.join("、", unknown));
            }
            throw new FileRejectedException(fileName, sb.append("。应为 ").append(LAYOUT).toString());
        }
        return idx;
    }

    private static String canonical(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(n, n);
    }

    @Override
    public Optional<RawRow> next() {
        try {
            if (!swallowed.isEmpty()) {
                return Optional.of(swallowed.poll());
            }
            List<String> fields;
            int line;
            if (pending != null) {
                fields = pending;
                line = pendingLine;
                pending = null;
            } else {
                try {
                    fields = nextNonBlank();
                } catch (CsvLexer.UnclosedQuoteException e) {
                    swallow(e);
                    return Optional.ofNullable(swallowed.poll());
                }
                line = lexer.recordLine();
            }
            if (fields == null) {
                return Optional.empty();
            }
            return Optional.of(toRawRow(fields, line, lexer.lastRecordOversized()
                    ? "该行内容超长（单元格超过" + CsvLexer.MAX_FIELD_CHARS + "个字符或超过" + CsvLexer.MAX_FIELDS + "列），未读取"
                    : null));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fileName, e);
        }
    }

    /**
     * An unclosed quote ran to the end of the file: every line from the one that opened it is answered, each with
     * what could be read of it and the reason, rather than one row silently standing for all of them.
     */
    private void swallow(CsvLexer.UnclosedQuoteException e) {
        String reason = "第" + e.line() + "行的引号没有配对，从第" + e.line() + "行到第" + e.lastLine()
                + "行（文件末尾）都被并入了一个单元格，这些行都未被读取：请检查第" + e.line() + "行的引号后重新报送";
        String[] pieces = e.swallowed().split("\r?\n", -1);
        for (int line = e.line(); line <= e.lastLine(); line++) {
            int k = line - e.line();
            String text = k < pieces.length ? pieces[k] : "";
            List<String> fields = new ArrayList<>(k == 0 ? e.fieldsBefore() : List.of());
            fields.addAll(Arrays.asList(text.split(",", -1)));
            if (k > 0 && text.isBlank()) {
                continue;
            }
            swallowed.add(toRawRow(fields, line, reason));
        }
    }

    private RawRow toRawRow(List<String> fields, int line, String problem) {
        int v = index.get("value");
        Integer n = index.get("note");
        int width = index.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        List<String> f = new ArrayList<>(fields);
        while (f.size() > width && f.get(f.size() - 1).isBlank()) {
            f.remove(f.size() - 1); // Excel writes "50%,," for columns that were once used
        }
        String value = field(f, v);
        String note = n == null ? "" : field(f, n);
        if (problem == null && f.size() > width) {
            // "12,300" written without quotes: joining the pieces would guess, dropping them would lose a value
            int extra = f.size() - width;
            value = String.join(",", f.subList(v, v + extra + 1)).strip();
            note = n == null || n + extra >= f.size() ? "" : field(f, n + extra);
            problem = "该行有" + f.size() + "个字段，多于表头的" + width + "列：数值中的逗号请加引号（如 \"" + value
                    + "\"），或去掉多余的逗号";
        } else if (problem == null && n != null && n == v + 1 && LEADING_GROUP.matcher(value).matches()
                && TRAILING_GROUPS.matcher(note).matches()) {
            problem = "填报值 '" + value + "' 与备注 '" + note + "' 像是被逗号分开的一个数（" + value + "," + note
                    + "）：数值中的逗号请加引号（如 \"" + value + "," + note + "\"）；备注请写文字";
        }
        return new RawRow(fileName, null, line, valueColumnName, field(f, index.get("unit_code")),
                field(f, index.get("period")), field(f, index.get("dimension_code")), value, null, false,
                note.isEmpty() ? null : note, problem);
    }

    private static String field(List<String> f, int i) {
        return i < f.size() ? f.get(i).strip() : "";
    }

    /** The next record that has any content; lines of only commas are what Excel writes for a blank row. */
    private List<String> nextNonBlank() throws IOException {
        List<String> rec;
        while ((rec = lexer.next()) != null) {
            if (rec.stream().anyMatch(s -> !s.isBlank())) {
                return rec;
            }
        }
        return null;
    }

    @Override
    public void close() {
        lexer.close();
    }

    @Override
    public String toString() {
        return "CsvSubmissionReader[" + fileName + ", columns " + Arrays.toString(index.keySet().toArray()) + "]";
    }
}
