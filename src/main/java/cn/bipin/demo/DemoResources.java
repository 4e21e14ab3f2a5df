package cn.bipin.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import cn.bipin.inbox.CsvLexer;

/**
 * The demo's data files on the classpath under {@code demo/} (see {@code demo/README.md}): who and what the demo is
 * about lives there, the Java that draws the rest from a fixed seed lives here. The files are written for any scheme
 * year: {@code {Y}} stands for the scheme year, {@code {Y-1}} for the year before.
 *
 * <p>A cell becomes the value a clerk would type into the template: 是/否 a flag, {@code yyyy-mm-dd} a date, a plain
 * number a number, anything else text; a leading apostrophe keeps the rest as text, as in Excel ({@code '92} is the
 * text 92, not the number). A broken file is a mistake in the product, reported with the file and line.
 */
final class DemoResources {

    /** A CSV column that explains the row to a developer and is not data. */
    static final String NOTE = "note";

    private static final Pattern YEAR = Pattern.compile("\\{Y([+-]\\d+)?}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private DemoResources() {
    }

    /** A YAML file as maps, lists, strings, numbers and booleans. */
    static Map<String, Object> yaml(String name) {
        try (InputStream in = open(name)) {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSV file's rows as column title → cell as written (empty cells included), in column order. */
    static List<Map<String, String>> csv(String name) {
        List<Map<String, String>> rows = new ArrayList<>();
        try (CsvLexer csv = new CsvLexer(new BufferedReader(new InputStreamReader(open(name), StandardCharsets.UTF_8)),
                CsvLexer.UnclosedQuote.REJECT)) {
            List<String> header = csv.next();
            for (List<String> cells = csv.next(); cells != null; cells = csv.next()) {
                if (cells.size() == 1 && cells.get(0).isBlank()) {
                    continue;
                }
                if (cells.size() != header.size()) {
                    throw new IllegalStateException("演示数据 demo/" + name + " 第" + csv.recordLine() + "行有 " + cells.size()
                            + " 列，表头有 " + header.size() + " 列");
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), cells.get(i));
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** The text with {@code {Y}}, {@code {Y-n}} and {@code {Y+n}} replaced by that year. */
    static String withYear(String text, int year) {
        Matcher m = YEAR.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int offset = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
            m.appendReplacement(sb, String.valueOf(year + offset));
        }
        return m.appendTail(sb).toString();
    }

    /**
     * A cell or YAML value as the template filler takes it: {@link BigDecimal}, {@link LocalDate}, {@link Boolean}
     * or text; null for an empty cell.
     */
    static Object value(Object raw, int year) {
        if (raw == null || raw instanceof Boolean) {
            return raw;
        }
        if (raw instanceof Integer || raw instanceof Long) {
            return BigDecimal.valueOf(((Number) raw).longValue());
        }
        if (raw instanceof Double d) {
            return BigDecimal.valueOf(d);
        }
        if (!(raw instanceof String)) {
            throw new IllegalArgumentException("演示数据中的值 " + raw + " 不是文字、数字或是/否");
        }
        String text = withYear((String) raw, year);
        if (text.isEmpty()) {
            return null;
        }
        if (text.startsWith("'")) {
            return text.substring(1);
        }
        if (text.equals("是") || text.equals("否")) {
            return text.equals("是");
        }
        if (DATE.matcher(text).matches()) {
            return LocalDate.parse(text);
        }
        return NUMBER.matcher(text).matches() ? new BigDecimal(text) : text;
    }

    private static InputStream open(String name) {
        InputStream in = DemoResources.class.getResourceAsStream("/demo/" + name);
        if (in == null) {
            throw new IllegalStateException("找不到演示数据 demo/" + name);
        }
        return in;
    }
}
