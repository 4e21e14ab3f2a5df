package cn.bipin.evaluation;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellAddress;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import cn.bipin.inbox.ExcelCells;
import cn.bipin.inbox.XlsxGuard;

/**
 * Streams the ballots of a filled ballot form (.xlsx, one rater a form) or a ballot CSV (many raters a file), so
 * 100,000 ballots need no more memory than ten. A line without any item value is a target the rater left out, not
 * a ballot.
 */
final class BallotReader {

    static final String LABEL_GROUP = "评议组代码";
    static final String LABEL_TOKEN = "评议令牌";
    static final String HEADER_TARGET = "单位代码";
    static final String HEADER_TARGET_NAME = "被评议单位";
    static final String SHEET = "评议表";
    static final String CSV_LAYOUT = "group,token,target_unit[,target_name],<各评议项目代码或名称>";
    private static final Map<String, String> CSV_ALIASES = Map.of("评议组", "group", "评议组代码", "group",
            "令牌", "token", "评议令牌", "token", "单位代码", "target_unit", "被评议单位代码", "target_unit",
            "被评议单位", "target_name");
    private static final int MAX_HEADER_ROWS = 30;

    private BallotReader() {
    }

    static void read(Path file, EvaluationRules rules, Consumer<RawBallot> sink) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            readCsv(file, name, rules, sink);
        } else if (lower.endsWith(".xlsx")) {
            readXlsx(file, name, rules, sink);
        } else {
            throw new BallotFileRejectedException(name, "不支持的文件类型，请使用评议表(.xlsx)或CSV");
        }
    }

    private static void readCsv(Path file, String name, EvaluationRules rules, Consumer<RawBallot> sink) {
        List<String> itemColumns = rules.items().stream().map(EvaluationRules.Item::code).toList();
        int[][] holder = new int[1][];
        CsvRecords.read(file, line -> {
            if (line.blank()) {
                return;
            }
            if (holder[0] == null) {
                holder[0] = csvHeader(name, line, rules);
                return;
            }
            int[] at = holder[0];
            List<String> values = new ArrayList<>(rules.items().size());
            for (int i = 0; i < rules.items().size(); i++) {
                values.add(line.field(at[3 + i]));
            }
            if (values.stream().allMatch(String::isEmpty)) {
                return;
            }
            sink.accept(new RawBallot(name, line.number(), line.field(at[0]), line.field(at[1]), line.field(at[2]),
                    values, itemColumns));
        });
        if (holder[0] == null) {
            throw new BallotFileRejectedException(name, "文件中没有任何数据行");
        }
    }

    /** Column indexes: group, token, target, then one per item. */
    private static int[] csvHeader(String name, CsvRecords.Line header, EvaluationRules rules) {
        int[] at = new int[3 + rules.items().size()];
        java.util.Arrays.fill(at, -1);
        List<String> unknown = new ArrayList<>();
        for (int c = 0; c < header.fields().size(); c++) {
            String raw = header.field(c);
            String key = CSV_ALIASES.getOrDefault(raw, raw.toLowerCase(Locale.ROOT));
            int slot = switch (key) {
                case "group" -> 0;
                case "token" -> 1;
                case "target_unit" -> 2;
                case "target_name", "" -> -2;
                default -> {
                    for (int i = 0; i < rules.items().size(); i++) {
                        EvaluationRules.Item item = rules.items().get(i);
                        if (item.code().equals(key) || item.name().equals(raw)) {
                            yield 3 + i;
                        }
                    }
                    yield -1;
                }
            };
            if (slot == -1) {
                unknown.add("'" + raw + "'");
            } else if (slot >= 0) {
                at[slot] = c;
            }
        }
        List<String> missing = new ArrayList<>();
        String[] labels = {"group", "token", "target_unit"};
        for (int i = 0; i < at.length; i++) {
            if (at[i] < 0) {
                missing.add(i < 3 ? labels[i] : rules.items().get(i - 3).code());
            }
        }
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new BallotFileRejectedException(name, "CSV第" + header.number() + "行列名不对："
                    + (missing.isEmpty() ? "" : "缺少列 " + String.join("、", missing) + "；")
                    + (unknown.isEmpty() ? "" : "无法识别的列 " + String.join("、", unknown) + "；")
                    + "应为 " + CSV_LAYOUT);
        }
        return at;
    }

    private static void readXlsx(Path file, String name, EvaluationRules rules, Consumer<RawBallot> sink) {
        String problem = ExcelCells.signatureProblem(file);
        if (problem == null) {
            problem = XlsxGuard.problem(file); // bounded before fastexcel spends memory on it
        } // an .xls, a password or 0 bytes: say which
        if (problem != null) {
            throw new BallotFileRejectedException(name, problem);
        }
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile());
             Stream<Row> stream = wb.findSheet(SHEET).orElse(wb.getFirstSheet()).openStream()) {
            Iterator<Row> rows = stream.iterator();
            String group = null;
            String token = null;
            Row header = null;
            while (header == null && rows.hasNext()) {
                Row row = rows.next();
                if (row.getRowNum() > MAX_HEADER_ROWS) {
                    break;
                }
                if (indexOf(row, HEADER_TARGET) >= 0) {
                    header = row;
                } else {
                    group = group != null ? group : rightOf(row, LABEL_GROUP);
                    token = token != null ? token : rightOf(row, LABEL_TOKEN);
                }
            }
            if (header == null || group == null) {
                throw new BallotFileRejectedException(name, "找不到评议表的表头（“" + HEADER_TARGET + "”列和“"
                        + LABEL_GROUP + "”），请使用下发的评议表");
            }
            int targetCol = indexOf(header, HEADER_TARGET);
            int[] itemCols = new int[rules.items().size()];
            List<String> letters = new ArrayList<>();
            for (int i = 0; i < itemCols.length; i++) {
                itemCols[i] = indexOf(header, rules.items().get(i).name());
                if (itemCols[i] < 0) {
                    throw new BallotFileRejectedException(name, "评议表缺少“" + rules.items().get(i).name()
                            + "”列，请使用下发的评议表");
                }
                letters.add(CellAddress.convertNumToColString(itemCols[i]) + "列");
            }
            while (rows.hasNext()) {
                Row row = rows.next();
                List<String> values = new ArrayList<>(itemCols.length);
                for (int col : itemCols) {
                    values.add(text(row, col));
                }
                if (values.stream().allMatch(String::isEmpty)) {
                    continue;
                }
                sink.accept(new RawBallot(name, row.getRowNum(), group, token == null ? "" : token,
                        text(row, targetCol), values, letters));
            }
        } catch (IOException | org.dhatim.fastexcel.reader.ExcelReaderException | java.io.UncheckedIOException e) {
            throw new BallotFileRejectedException(name, ExcelCells.CORRUPT, e);
        }
    }

    static String text(Row row, int col) {
        if (col < 0 || col >= row.getCellCount()) {
            return "";
        }
        Cell c = row.getCell(col);
        if (c == null || c.getType() == CellType.EMPTY || c.getValue() == null) {
            return "";
        }
        if (c.getValue() instanceof BigDecimal n) {
            return n.stripTrailingZeros().toPlainString();
        }
        return c.getValue().toString().strip();
    }

    static int indexOf(Row row, String label) {
        for (int i = 0; i < row.getCellCount(); i++) {
            if (label.equals(text(row, i))) {
                return i;
            }
        }
        return -1;
    }

    static String rightOf(Row row, String label) {
        int at = indexOf(row, label);
        if (at < 0) {
            return null;
        }
        for (int i = at + 1; i < row.getCellCount(); i++) {
            String t = text(row, i);
            if (!t.isEmpty()) {
                return t;
            }
        }
        return "";
    }
}
