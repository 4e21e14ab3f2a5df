package cn.bipin.report;

import java.math.BigDecimal;

/**
 * One unit's figure for one dimension, formatted by the caller.
 *
 * @param value       e.g. 45.00% or 1,234.50, empty when not reported
 * @param monthAmount the month's own amount shown beside a cumulative value (本期), empty when not applicable
 * @param score       the dimension score; null prints blank
 * @param target      the target a {@code target_ratio} score was computed against, formatted like the value, so a
 *                    reader can recompute the score from the page (D24); empty for other methods
 */
public record DimensionCell(String value, String monthAmount, BigDecimal score, String target) {

    public DimensionCell {
        target = target == null ? "" : target;
    }

    /** A figure scored without a target. */
    public DimensionCell(String value, String monthAmount, BigDecimal score) {
        this(value, monthAmount, score, "");
    }
}
