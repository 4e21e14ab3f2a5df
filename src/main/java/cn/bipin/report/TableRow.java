package cn.bipin.report;

import java.util.List;

/**
 * One line of a {@link TableSection}, every cell already formatted by the caller.
 *
 * @param cells     one text per column of its section; null prints blank
 * @param highlight printed in the same light red as a ranking's bottom three, e.g. a unit that lost its award
 */
public record TableRow(List<String> cells, boolean highlight) {

    public TableRow {
        cells = cells == null ? List.of() : cells.stream().map(c -> c == null ? "" : c).toList();
    }
}
