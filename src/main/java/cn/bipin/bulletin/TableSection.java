package cn.bipin.bulletin;

import java.util.List;

/** A titled table of text cells (1–10 columns), for the 更正说明 and the year-end sections. */
public record TableSection(String title, String note, List<String> headers, List<TableRow> rows) {
}
