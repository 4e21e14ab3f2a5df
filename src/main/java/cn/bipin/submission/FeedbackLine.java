package cn.bipin.submission;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One received row as the unit will see it in its feedback sheet: taken (and whether it still counts), left
 * unchanged, or sent back with the reason.
 *
 * @param fileName      the file the row came from
 * @param receivedAt    when the file was received
 * @param rowNumber     1-based row (or CSV line)
 * @param column        value column letter or CSV column name
 * @param dimensionCode dimension code as written
 * @param dimensionName dimension name, or the code again when the code is unknown
 * @param rawValue      the value as the unit typed it
 * @param acceptedValue the stored value (fraction for %), null when not taken
 * @param outcome       what became of the row (D21: the latest accepted value of a dimension is 采用, earlier ones
 *                      已被更正)
 * @param late          whether this is the dimension's first value and it arrived after the deadline (D11, D21)
 * @param reason        for a rejection, the full reason with its context, e.g. "第12行 F列 完成招商资金: '12,3O0' 不是数字"
 * @param remark        how a taken row was read when it needed a correction, e.g. a unit code in the wrong case
 */
record FeedbackLine(
        String fileName,
        LocalDateTime receivedAt,
        int rowNumber,
        String column,
        String dimensionCode,
        String dimensionName,
        String rawValue,
        BigDecimal acceptedValue,
        Outcome outcome,
        boolean late,
        String reason,
        String remark) {

    /** What became of a row, in the unit's words. */
    public enum Outcome {
        USED("采用"), SUPERSEDED("已被更正"), UNCHANGED("空白，沿用已报送的值"), REJECTED("退回");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean accepted() {
        return outcome == Outcome.USED || outcome == Outcome.SUPERSEDED;
    }
}
