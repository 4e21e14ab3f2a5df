package cn.bipin.submission;

import java.math.BigDecimal;

/**
 * A received row after validation, as stored in {@code submission_row}: accepted with its value (and a remark when it
 * was read with a correction, e.g. a unit code in the wrong case), rejected with why, or, in a correction file, an
 * empty cell that leaves the value already received unchanged (D21).
 */
public record SubmissionRecord(long fileId, int rowNo, String sheet, String col, String unitCode, String period,
        String dimensionCode, String rawValue, String note, BigDecimal value, Status status, String error,
        String remark) {

    /** A stored row's status; the names are the {@code submission_row.status} values. */
    public enum Status {
        ACCEPTED, REJECTED, UNCHANGED
    }

    public boolean accepted() {
        return status == Status.ACCEPTED;
    }
}
