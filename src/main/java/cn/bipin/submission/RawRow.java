package cn.bipin.submission;

import java.math.BigDecimal;

/**
 * One row exactly as the unit sent it, before any validation, so that nothing is lost (DOMAIN §8) and a
 * rejection can cite where the value came from.
 *
 * @param fileName      the received file's name
 * @param sheet         the sheet name for an .xlsx, {@code null} for a CSV
 * @param rowNumber     1-based, as Excel or a text editor shows it
 * @param column        the value cell's column letter (e.g. {@code F}) or the CSV column name (e.g. {@code value})
 * @param unitCode      from the template header (xlsx) or the row itself (CSV); empty if missing
 * @param period        period code as written, e.g. {@code 2024-06}; empty if missing
 * @param dimensionCode dimension code as written; empty if missing
 * @param rawValue      the value as the unit typed it, or a formula's cached value as text; a percent-formatted
 *                      number as Excel shows it ({@code 45%}); a date-formatted number as the date; empty if blank
 * @param numericValue  non-null when the cell held a number (including a formula's cached number)
 * @param percentFormatted whether the cell's number format shows a percentage
 * @param note          the unit's remark, or {@code null}
 * @param problem       why the reader already knows the row cannot be taken (a value split by an unquoted comma,
 *                      a line swallowed by an unclosed quote, a formula without a result), or {@code null}
 */
record RawRow(
        String fileName,
        String sheet,
        int rowNumber,
        String column,
        String unitCode,
        String period,
        String dimensionCode,
        String rawValue,
        BigDecimal numericValue,
        boolean percentFormatted,
        String note,
        String problem) {

    public RawRow(String fileName, String sheet, int rowNumber, String column, String unitCode, String period,
            String dimensionCode, String rawValue, BigDecimal numericValue, boolean percentFormatted, String note) {
        this(fileName, sheet, rowNumber, column, unitCode, period, dimensionCode, rawValue, numericValue,
                percentFormatted, note, null);
    }
}
