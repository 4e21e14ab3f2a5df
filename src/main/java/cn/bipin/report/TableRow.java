package cn.bipin.report;

import java.util.List;

/**
 * One line of a {@link TableSection}, every cell already formatted by the caller. Each colour means one thing in
 * every document: red a ranking's bottom three, amber a line that needs attention (a late or missing report, an award
 * withheld, data not received); the section's note says which.
 *
 * @param cells     one text per column of its section; null prints blank
 * @param highlight printed amber: the line needs attention, e.g. a unit with late reports
 * @param bottom    printed red like a ranking's bottom three (ties at the boundary included, D6)
 */
public record TableRow(List<String> cells, boolean highlight, boolean bottom) {

    public TableRow {
        cells = cells == null ? List.of() : cells.stream().map(c -> c == null ? "" : c).toList();
    }

    public TableRow(List<String> cells, boolean highlight) {
        this(cells, highlight, false);
    }

    /** A line among the bottom three of a ranking. */
    public static TableRow bottom(List<String> cells, boolean bottom) {
        return new TableRow(cells, false, bottom);
    }
}
