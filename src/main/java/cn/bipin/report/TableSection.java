package cn.bipin.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A generic table the bulletin prints besides the rankings: 更正说明 before them, 年度得分, 考核结果运用 or
 * 报送纪律 after the total ranking. The job formats every cell; the renderers only lay the table out, so
 * one template serves any section a scheme needs.
 *
 * @param title   the section heading and the workbook sheet name, e.g. 考核结果运用
 * @param note    small print under the heading; null or empty prints nothing
 * @param headers 1 to {@value #MAX_COLUMNS} column headers; the first column is the wide one (unit names, labels)
 * @param rows    each with one cell per header; none prints a single row 无
 * @param wideLast whether the last column holds running text (a reason, an explanation): the PDF gives it the width
 *                 the table's unused columns leave and aligns it left, rather than an equal share
 */
public record TableSection(String title, String note, List<String> headers, List<TableRow> rows, boolean wideLast) {

    /** Columns the bulletin's landscape page can hold legibly, and the section table in the template has. */
    public static final int MAX_COLUMNS = 10;

    /**
     * @throws IllegalArgumentException if there are no headers or more than {@value #MAX_COLUMNS}, or a row's
     *                                  cell count differs from the headers'
     */
    public TableSection {
        headers = headers == null ? List.of() : headers.stream().map(h -> h == null ? "" : h).toList();
        rows = rows == null ? List.of() : List.copyOf(rows);
        if (headers.isEmpty() || headers.size() > MAX_COLUMNS) {
            throw new IllegalArgumentException("表格「%s」有 %d 列，榜单表格应有 1 至 %d 列"
                    .formatted(title, headers.size(), MAX_COLUMNS));
        }
        for (int i = 0; i < rows.size(); i++) {
            int cells = rows.get(i).cells().size();
            if (cells != headers.size()) {
                throw new IllegalArgumentException("表格「%s」第 %d 行有 %d 个单元格，应与表头一致为 %d 个"
                        .formatted(title, i + 1, cells, headers.size()));
            }
        }
    }

    public TableSection(String title, String note, List<String> headers, List<TableRow> rows) {
        this(title, note, headers, rows, false);
    }

    /** The same table with its last column as running text; see {@link #wideLast()}. */
    public TableSection withWideLast() {
        return new TableSection(title, note, headers, rows, true);
    }

    /**
     * A table of any width as sections of at most {@value #MAX_COLUMNS} columns: each part repeats the first
     * {@code leading} columns (the unit), the other columns follow in order, as evenly shared as they go; parts after
     * the first are titled "（续）" and carry no note. A table that fits is the one section. E.g. unit, 12 months,
     * 年度得分, 名次 (15 columns, leading 1): 14 columns in 2 parts of 7 → 单位 + 1–7月, 单位 + 8–12月 + 年度得分 + 名次.
     */
    public static List<TableSection> split(String title, String note, List<String> headers, List<TableRow> rows,
                                           int leading) {
        if (headers.size() <= MAX_COLUMNS) {
            return List.of(new TableSection(title, note, headers, rows));
        }
        if (leading < 0 || leading >= MAX_COLUMNS) {
            throw new IllegalArgumentException("表格「%s」重复的前导列数 %d 应在 0 至 %d 之间"
                    .formatted(title, leading, MAX_COLUMNS - 1));
        }
        int rest = headers.size() - leading;
        int parts = (rest + MAX_COLUMNS - leading - 1) / (MAX_COLUMNS - leading);
        List<TableSection> sections = new ArrayList<>(parts);
        int from = leading;
        for (int part = 0; part < parts; part++) {
            int to = from + (rest * (part + 1) / parts - rest * part / parts);
            List<String> h = new ArrayList<>(headers.subList(0, leading));
            h.addAll(headers.subList(from, to));
            final int start = from;
            final int end = to;
            List<TableRow> r = rows.stream().map(row -> {
                List<String> cells = new ArrayList<>(row.cells().subList(0, leading));
                cells.addAll(row.cells().subList(start, end));
                return new TableRow(cells, row.highlight(), row.bottom());
            }).toList();
            sections.add(new TableSection(part == 0 ? title : title + "（续）", part == 0 ? note : null, h, r));
            from = to;
        }
        return sections;
    }
}
