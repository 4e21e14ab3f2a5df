package cn.bipin.warning;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import cn.bipin.inbox.CsvLexer;
import cn.bipin.inbox.ValueParser;
import cn.bipin.inbox.XlsxRows;
import cn.bipin.scheme.Dimension;
import cn.bipin.scheme.Scheme;

/**
 * A month's city figures (全市指标对比) as the city's statistics bureau publishes them: per indicator the zone's growth
 * rate, the city average growth rate and the zone's rank among the city's districts (D19). A CSV form
 * ({@code indicator,zone_growth,city_growth,city_rank}) or the .xlsx template (指标代码, 指标名称, 本区增速, 全市平均增速,
 * 全市位次). Growth rates are percentages: {@code 6.5} and {@code 6.5%} both mean 6.5%. Bounded before memory is spent
 * (CsvLexer, XlsxGuard, at most {@link #MAX_ROWS} rows); a bad row is refused with file, row, column and value and the
 * others are kept; a file that cannot be read at all is refused whole. Pure: no Spring, no SQL.
 */
final class CityFigures {

    static final int MAX_ROWS = 500;
    static final BigDecimal MIN_GROWTH = new BigDecimal("-1");
    static final BigDecimal MAX_GROWTH = BigDecimal.TEN;
    static final List<String> CSV_HEADER = List.of("indicator", "zone_growth", "city_growth", "city_rank");
    static final List<String> XLSX_HEADER = List.of("指标代码", "指标名称", "本区增速", "全市平均增速", "全市位次");

    /** One indicator's city figures; growth as a fraction (6.5% → 0.065). */
    record Row(String dimension, BigDecimal zoneGrowth, BigDecimal cityGrowth, int cityRank) {
    }

    /** What a file gave: accepted rows by dimension code, refused rows' reasons, or the reason the whole file was refused. */
    record Result(String fileName, Map<String, Row> rows, List<String> rejected, String refused) {
    }

    private CityFigures() {
    }

    static Result read(Path file, Scheme scheme, WorkingGroups groups) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        try {
            if (lower.endsWith(".csv")) {
                return csv(file, name, scheme, groups);
            }
            if (lower.endsWith(".xlsx")) {
                return xlsx(file, name, scheme, groups);
            }
            return refused(name, "只接收 .xlsx 模板或 .csv 表单");
        } catch (XlsxRows.Refused e) {
            return refused(name, e.getMessage());
        } catch (CsvLexer.UnclosedQuoteException e) {
            return refused(name, e.getMessage());
        } catch (IOException e) {
            return refused(name, "读取失败：" + e.getMessage());
        }
    }

    private static Result refused(String name, String reason) {
        return new Result(name, Map.of(), List.of(), "文件 " + name + "：" + reason);
    }

    private static Result csv(Path file, String name, Scheme scheme, WorkingGroups groups) throws IOException {
        String problem = CsvLexer.encodingProblem(file);
        if (problem != null) {
            return refused(name, problem);
        }
        try (CsvLexer lexer = CsvLexer.open(file, CsvLexer.UnclosedQuote.REJECT)) {
            List<String> header = lexer.next();
            if (header == null) {
                return refused(name, CsvLexer.EMPTY);
            }
            Map<String, Integer> columns = columns(header);
            if (columns == null) {
                return refused(name, "第1行应为表头 " + String.join(",", CSV_HEADER) + "（或模板的 "
                        + String.join("、", XLSX_HEADER) + "）");
            }
            Parser parser = new Parser(name, scheme, groups, columns);
            List<String> cells;
            while ((cells = lexer.next()) != null) {
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (!parser.row(lexer.recordLine(), cells)) {
                    return refused(name, "超过 " + MAX_ROWS + " 行，不像全市指标对比表");
                }
            }
            return parser.result();
        }
    }

    private static Result xlsx(Path file, String name, Scheme scheme, WorkingGroups groups) {
        try (XlsxRows rows = XlsxRows.open(file, "全市指标对比")) {
            List<String> header = rows.header(cells -> columns(cells) != null, 10);
            if (header == null) {
                return refused(name, "前10行中找不到表头（应含 " + String.join("、", XLSX_HEADER) + "）");
            }
            Parser parser = new Parser(name, scheme, groups, columns(header));
            XlsxRows.Line line;
            while ((line = rows.next()) != null) {
                if (!parser.row(line.rowNo(), line.cells())) {
                    return refused(name, "超过 " + MAX_ROWS + " 行，不像全市指标对比表");
                }
            }
            return parser.result();
        }
    }

    /** Column index by field (indicator, zone_growth, city_growth, city_rank); null when one is missing. */
    static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = ValueParser.normalise(header.get(i)).replace("\uFEFF", "").toLowerCase(Locale.ROOT);
            String field = switch (h) {
                case "indicator", "指标代码" -> "indicator";
                case "zone_growth", "本区增速" -> "zone_growth";
                case "city_growth", "全市平均增速" -> "city_growth";
                case "city_rank", "全市位次" -> "city_rank";
                default -> null;
            };
            if (field != null) {
                columns.putIfAbsent(field, i);
            }
        }
        return columns.size() == 4 ? columns : null;
    }

    private static final class Parser {
        private final String name;
        private final Scheme scheme;
        private final WorkingGroups groups;
        private final Map<String, Integer> columns;
        private final Map<String, Row> rows = new LinkedHashMap<>();
        private final List<String> rejected = new ArrayList<>();
        private int count;

        Parser(String name, Scheme scheme, WorkingGroups groups, Map<String, Integer> columns) {
            this.name = name;
            this.scheme = scheme;
            this.groups = groups;
            this.columns = columns;
        }

        /** Reads one row; false when the file has too many rows. */
        boolean row(int rowNo, List<String> cells) {
            if (++count > MAX_ROWS) {
                return false;
            }
            Function<String, String> cell = f -> {
                int i = columns.get(f);
                return i < cells.size() ? ValueParser.normalise(cells.get(i)) : "";
            };
            String where = "文件 " + name + " 第" + rowNo + "行 ";
            String typed = cell.apply("indicator");
            Dimension d = groups.groups().stream().flatMap(g -> g.indicators().stream()).map(WorkingGroups.Indicator::dimension)
                    .filter(x -> x.code().equalsIgnoreCase(typed) || x.name().equals(typed)).findFirst().orElse(null);
            if (d == null) {
                rejected.add(where + column("indicator") + "：'" + typed + "' 不是本方案工作组的指标（填指标代码或指标名称）");
                return true;
            }
            if (rows.containsKey(d.code())) {
                rejected.add(where + column("indicator") + "：指标 " + d.name() + " 在本文件中重复，以先出现的一行为准");
                return true;
            }
            BigDecimal zone = growth(cell.apply("zone_growth"), where + column("zone_growth"));
            BigDecimal city = growth(cell.apply("city_growth"), where + column("city_growth"));
            Integer rank = rank(cell.apply("city_rank"), where + column("city_rank"));
            if (zone != null && city != null && rank != null) {
                rows.put(d.code(), new Row(d.code(), zone, city, rank));
            }
            return true;
        }

        private String column(String field) {
            int i = columns.get(field);
            String label = switch (field) {
                case "indicator" -> "指标代码";
                case "zone_growth" -> "本区增速";
                case "city_growth" -> "全市平均增速";
                default -> "全市位次";
            };
            return (char) ('A' + Math.min(i, 25)) + "列（" + label + "）";
        }

        private BigDecimal growth(String typed, String where) {
            String s = typed.endsWith("%") ? typed.substring(0, typed.length() - 1).trim() : typed;
            BigDecimal v;
            try {
                v = ValueParser.plainNumber(s);
            } catch (RuntimeException e) {
                v = null;
            }
            if (v == null) {
                rejected.add(where + "：'" + typed + "' 不是增速（应写成 6.5 或 6.5%）");
                return null;
            }
            v = v.movePointLeft(2);
            if (v.compareTo(MIN_GROWTH) < 0 || v.compareTo(MAX_GROWTH) > 0) {
                rejected.add(where + "：'" + typed + "' 超出合理范围（-100% 到 1000%）");
                return null;
            }
            return v;
        }

        private Integer rank(String typed, String where) {
            try {
                int r = Integer.parseInt(typed);
                if (r >= 1 && r <= groups.cityDistricts()) {
                    return r;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            rejected.add(where + "：'" + typed + "' 不是位次（应为 1 到 " + groups.cityDistricts() + " 的整数）");
            return null;
        }

        Result result() {
            return new Result(name, Map.copyOf(rows), List.copyOf(rejected), null);
        }
    }
}
