package cn.bipin.report;

import java.math.BigDecimal;

/** One unit's line in the total ranking (合计). */
public record TotalRow(int rank, String change, String unitName, String groupLabel, BigDecimal score, boolean bottom) {
}
