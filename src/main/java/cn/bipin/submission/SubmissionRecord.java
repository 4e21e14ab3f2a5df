package cn.bipin.submission;

import java.math.BigDecimal;

/**
 * A received row after validation, as stored in {@code submission_row}: accepted with its value (and a remark when it
 * was read with a correction, e.g. a unit code in the wrong case), or rejected with why.
 */
public record SubmissionRecord(long fileId, int rowNo, String sheet, String col, String unitCode, String period,
        String dimensionCode, String rawValue, String note, BigDecimal value, boolean accepted, String error,
        String remark) {
}
