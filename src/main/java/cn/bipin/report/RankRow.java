package cn.bipin.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * One unit's line in a competition ranking.
 *
 * @param change ↑2, ↓1, –, 新
 * @param bottom among the bottom three, printed highlighted
 */
public record RankRow(int rank,
                      String change,
                      String unitCode,
                      String unitName,
                      String groupLabel,
                      List<DimensionCell> cells,
                      BigDecimal score,
                      boolean bottom) {

    public RankRow {
        cells = cells == null ? List.of() : List.copyOf(cells);
    }
}
