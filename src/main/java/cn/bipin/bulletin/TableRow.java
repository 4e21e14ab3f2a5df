package cn.bipin.bulletin;

import java.util.List;

/** One row of a {@link TableSection}; highlighted rows are shaded like the bottom three. */
public record TableRow(List<String> cells, boolean highlight) {
}
