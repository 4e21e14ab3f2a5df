package cn.bipin.scoring;

import java.math.BigDecimal;

/**
 * One part of a weighted score: a dimension inside its competition, or a competition inside the total.
 *
 * @param weight the relative weight as written in the scheme file ({@code 30}, {@code 15}, {@code 1}, …)
 * @param score  the part's published (rounded) score
 */
public record WeightedScore(BigDecimal weight, BigDecimal score) {
}
