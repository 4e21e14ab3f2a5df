package cn.bipin.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the bulletin records into the maps the JRXML reads: records have no bean getters, and the
 * template's cells want display strings, not the model's structure.
 */
final class BulletinReportData {

    static final String NONE = "无";

    /** Detail band kinds, in the order the bulletin prints them; see the template's detail bands. */
    static final String SECTION = "section";
    static final String COMPETITION = "competition";
    static final String TOTALS = "totals";
    /** A record that prints nothing but starts a new page: the rankings after the 更正说明 page. */
    static final String PAGE_BREAK = "pageBreak";

    /** Text width of a value cell in the template: 130 pt less 6 pt padding, at 8 pt. */
    private static final double VALUE_COLUMN_EMS = 15.5;
    /** Competition columns the total table has beside unit and total (one per competition of the scheme). */
    static final int MAX_TOTAL_PARTS = 10;

    private BulletinReportData() {
    }

    /** Rejects what the one template cannot print, before anything is filled or written. */
    static void validate(Bulletin bulletin) {
        for (CompetitionTable competition : bulletin.competitions()) {
            int dimensions = competition.dimensions().size();
            if (dimensions > BulletinRenderer.MAX_DIMENSIONS) {
                throw new IllegalArgumentException("比拼「%s」(%s) 有 %d 个维度，榜单最多支持 %d 个维度"
                        .formatted(competition.name(), competition.code(), dimensions, BulletinRenderer.MAX_DIMENSIONS));
            }
            for (RankRow row : competition.rows()) {
                if (row.cells().size() != dimensions) {
                    throw new IllegalArgumentException("比拼「%s」(%s) 单位「%s」有 %d 个维度值，应为 %d 个"
                            .formatted(competition.name(), competition.code(), row.unitName(), row.cells().size(), dimensions));
                }
            }
        }
        for (TotalRow row : bulletin.totals()) {
            if (row.parts().size() > MAX_TOTAL_PARTS) {
                throw new IllegalArgumentException("合计排名「%s」有 %d 项比拼，榜单最多列出 %d 项"
                        .formatted(row.unitName(), row.parts().size(), MAX_TOTAL_PARTS));
            }
        }
    }

    static Map<String, Object> parameters(Bulletin bulletin) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("title", bulletin.title());
        parameters.put("subtitle", bulletin.subtitle());
        parameters.put("footer", bulletin.footer());
        parameters.put("missingText", lines(bulletin.missing()));
        parameters.put("lateText", lines(bulletin.late()));
        parameters.put("reportingLists", bulletin.reportingLists());
        parameters.put("listsInSummary", bulletin.reportingLists() && bulletin.totals().isEmpty());
        return parameters;
    }

    /**
     * The report's records, one per detail band printed: the 更正 sections and a page break after them,
     * the competitions, the total ranking when there is one, then the closing sections.
     */
    static List<Map<String, ?>> blocks(Bulletin bulletin) {
        List<Map<String, ?>> blocks = new ArrayList<>();
        List<TableSection> before = bulletin.before();
        before.forEach(section -> blocks.add(section(section)));
        if (!before.isEmpty()) {
            blocks.add(Map.of("kind", PAGE_BREAK));
        }
        blocks.addAll(competitions(bulletin));
        if (!bulletin.totals().isEmpty()) {
            blocks.add(totals(bulletin));
        }
        for (TableSection section : bulletin.after()) {
            blocks.add(section(section));
        }
        return blocks;
    }

    /**
     * The total ranking as one table: unit, each competition's score, total and rank (the competition columns come
     * from the rows' parts), the 变化 column only when some row has a change to show; the 未报送 / 逾期 lists print
     * under it, in the same block, so they share its page when they fit.
     */
    static Map<String, ?> totals(Bulletin bulletin) {
        Map<String, Object> totals = new HashMap<>();
        totals.put("kind", TOTALS);
        List<TotalRow> rows = bulletin.totals();
        List<TotalRow.Part> parts = rows.get(0).parts();
        totals.put("columnCount", parts.size());
        for (int i = 0; i < parts.size(); i++) {
            totals.put("h" + (i + 1), parts.get(i).competition());
        }
        totals.put("wideLast", rows.stream().anyMatch(r -> !isBlank(r.change())));
        totals.put("note", "注：" + bulletin.totalsBasis() + "；红色底纹及 ▼ 为" + bulletin.marks().bottomLegend(rows.size())
                + "；空白表示不参加该项比拼。");
        totals.put("rows", rows.stream().map(BulletinReportData::totalRow).toList());
        return totals;
    }

    /**
     * A section as the template's one section table reads it: column k's header {@code hk} and cells {@code ck};
     * columns past {@code columnCount} are hidden and their width goes to the others by column weight.
     */
    static Map<String, ?> section(TableSection section) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("kind", SECTION);
        fields.put("heading", section.title());
        fields.put("note", isBlank(section.note()) ? null : section.note());
        int n = section.headers().size();
        // a wide last column moves to the template's last slot, whose weight gives it the unused columns' width
        boolean wide = section.wideLast() && n > 1 && n < TableSection.MAX_COLUMNS;
        fields.put("columnCount", wide ? n - 1 : n);
        fields.put("wideLast", wide);
        for (int i = 0; i < n; i++) {
            fields.put("h" + slot(i, n, wide), section.headers().get(i));
        }
        List<Map<String, ?>> rows = new ArrayList<>();
        for (TableRow row : section.rows()) {
            Map<String, Object> cells = new HashMap<>();
            for (int i = 0; i < row.cells().size(); i++) {
                cells.put("c" + slot(i, n, wide), row.cells().get(i));
            }
            cells.put("bottom", row.bottom());
            cells.put("attention", row.highlight());
            cells.put("wide", wide);
            rows.add(cells);
        }
        if (rows.isEmpty()) {
            rows.add(Map.of("c1", NONE, "bottom", false, "attention", false, "wide", false));
        }
        fields.put("rows", rows);
        return fields;
    }

    /** The template slot (1 to 10) of a section's column {@code i} (from 0) of {@code n}. */
    private static int slot(int i, int n, boolean wideLast) {
        return wideLast && i == n - 1 ? TableSection.MAX_COLUMNS : i + 1;
    }

    static List<Map<String, ?>> competitions(Bulletin bulletin) {
        List<Map<String, ?>> competitions = new ArrayList<>();
        for (CompetitionTable competition : bulletin.competitions()) {
            Map<String, Object> fields = new HashMap<>();
            fields.put("kind", COMPETITION);
            fields.put("heading", heading(competition));
            List<DimensionHeader> dimensions = competition.dimensions();
            fields.put("dimCount", dimensions.size());
            for (int i = 0; i < dimensions.size(); i++) {
                fields.put("dim" + (i + 1) + "Header", dimensionHeader(dimensions.get(i)));
                fields.put("val" + (i + 1) + "Header", dimensions.get(i).valueLabel());
            }
            fields.put("note", "注：红色底纹及 ▼ 为" + bulletin.marks().bottomLegend(competition.rows().size())
                    + "；变化为较上期排名升（↑）降（↓）位次，“–”为持平，“新”为本期首次参评。");
            String marked = bulletin.marks().bottomLabel();
            fields.put("rows", competition.rows().stream().map(r -> {
                Map<String, Object> row = new HashMap<String, Object>(rankRow(r));
                row.put("marksLabel", marked);
                return row;
            }).toList());
            competitions.add(fields);
        }
        return competitions;
    }

    static String heading(CompetitionTable competition) {
        return isBlank(competition.weightLabel())
                ? competition.name()
                : competition.name() + "（" + competition.weightLabel() + "）";
    }

    /** Name and measure on the first line, the scoring method on the second. */
    static String dimensionHeader(DimensionHeader dimension) {
        StringBuilder text = new StringBuilder(dimension.label());
        if (!isBlank(dimension.methodLabel())) {
            text.append('\n').append(dimension.methodLabel());
        }
        return text.toString();
    }

    /**
     * "value（本期 x）", the month amount only where there is one, and the target on a line of its own where the
     * score is a ratio to it ("目标 130,000"). A pair too wide for the value column breaks before the bracket, so a
     * cell never splits a number.
     */
    static String cellText(DimensionCell cell) {
        String value = cell.value() == null ? "" : cell.value();
        String text = value;
        if (!isBlank(cell.monthAmount())) {
            String month = "（本期 " + cell.monthAmount() + "）";
            text = emWidth(value + month) <= VALUE_COLUMN_EMS ? value + month : value + "\n" + month;
        }
        return isBlank(cell.target()) ? text : text + "\n目标 " + cell.target();
    }

    /** Approximate printed width in em of the template's font: digits and Latin half, punctuation a quarter, CJK one. */
    static double emWidth(String text) {
        return text.codePoints()
                .mapToDouble(c -> c >= 0x1100 ? 1.0 : (c == ',' || c == '.' || c == ' ' ? 0.28 : 0.56))
                .sum();
    }

    static String lines(List<String> lines) {
        if (lines.isEmpty()) {
            return NONE;
        }
        return String.join("\n", lines.stream().map(line -> "· " + line).toList());
    }

    private static Map<String, ?> rankRow(RankRow row) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("rank", row.rank());
        fields.put("change", row.change());
        fields.put("unitName", row.unitName());
        fields.put("groupLabel", row.groupLabel());
        for (int i = 0; i < row.cells().size(); i++) {
            DimensionCell cell = row.cells().get(i);
            fields.put("v" + (i + 1), cellText(cell));
            fields.put("s" + (i + 1), cell.score());
        }
        fields.put("score", row.score());
        fields.put("bottom", row.bottom());
        // the chart colours the bottom three by putting their score in a second series
        BigDecimal score = row.score() == null ? BigDecimal.ZERO : row.score();
        fields.put("normalScore", row.bottom() ? null : score);
        fields.put("bottomScore", row.bottom() ? score : null);
        fields.put("scoreLabel", score.setScale(2, RoundingMode.HALF_UP).toPlainString());
        return fields;
    }

    private static Map<String, ?> totalRow(TotalRow row) {
        Map<String, Object> fields = new HashMap<>();
        for (int i = 0; i < row.parts().size(); i++) {
            fields.put("p" + (i + 1), row.parts().get(i).score());
        }
        fields.put("rank", row.rank());
        fields.put("change", row.change());
        fields.put("unitName", row.unitName());
        fields.put("groupLabel", row.groupLabel());
        fields.put("score", row.score());
        fields.put("bottom", row.bottom());
        return fields;
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
