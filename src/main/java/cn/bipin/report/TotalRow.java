package cn.bipin.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * One unit's line in the total ranking (合计).
 *
 * @param parts the unit's score in each competition the total is made of, in the same order on every row, so the
 *              table reads unit · each competition · total (a blank score: the unit does not take part)
 */
public record TotalRow(int rank, String change, String unitName, String groupLabel, BigDecimal score, boolean bottom,
                       List<Part> parts) {

    /** One competition's share of the total: its name (the column header) and the unit's score, null when absent. */
    public record Part(String competition, BigDecimal score) {
    }

    public TotalRow {
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    public TotalRow(int rank, String change, String unitName, String groupLabel, BigDecimal score, boolean bottom) {
        this(rank, change, unitName, groupLabel, score, bottom, List.of());
    }
}
