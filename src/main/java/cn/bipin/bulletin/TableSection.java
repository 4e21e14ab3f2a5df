package cn.bipin.bulletin;

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
 */
public record TableSection(String title, String note, List<String> headers, List<TableRow> rows) {

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
}
