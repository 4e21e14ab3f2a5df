package cn.bipin.report;

import java.util.List;

/**
 * One competition's ranking as published.
 *
 * @param weightLabel e.g. 权重 15
 * @param dimensions  at most {@value BulletinRenderer#MAX_DIMENSIONS}; every row carries one cell per dimension, same order
 */
public record CompetitionTable(String code,
                               String name,
                               String weightLabel,
                               List<DimensionHeader> dimensions,
                               List<RankRow> rows) {

    public CompetitionTable {
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
        rows = rows == null ? List.of() : List.copyOf(rows);
    }
}
