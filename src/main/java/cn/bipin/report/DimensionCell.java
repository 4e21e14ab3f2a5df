package cn.bipin.report;

import java.math.BigDecimal;

/**
 * One unit's figure for one dimension, formatted by the caller.
 *
 * @param value       e.g. 45.00% or 1,234.50, empty when not reported
 * @param monthAmount the month's own amount shown beside a cumulative value (本期), empty when not applicable
 * @param score       the dimension score; null prints blank
 */
public record DimensionCell(String value, String monthAmount, BigDecimal score) {
}
