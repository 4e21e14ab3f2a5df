package cn.bipin.submission;

import java.math.BigDecimal;

/**
 * One received row as the unit will see it in its feedback sheet: taken, or sent back with the reason.
 *
 * @param fileName      the file the row came from
 * @param rowNumber     1-based row (or CSV line)
 * @param column        value column letter or CSV column name
 * @param dimensionCode dimension code as written
 * @param dimensionName dimension name, or the code again when the code is unknown
 * @param rawValue      the value as the unit typed it
 * @param acceptedValue the stored value (fraction for %), null when rejected
 * @param accepted      whether the value was taken
 * @param late          whether it arrived after the deadline (D11); late values are still taken
 * @param reason        for a rejection, the full reason with its context, e.g. "第12行 F列 完成招商资金: '12,3O0' 不是数字"
 */
public record FeedbackLine(
        String fileName,
        int rowNumber,
        String column,
        String dimensionCode,
        String dimensionName,
        String rawValue,
        BigDecimal acceptedValue,
        boolean accepted,
        boolean late,
        String reason) {
}
