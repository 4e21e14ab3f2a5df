package cn.bipin.bulletin;

/**
 * Column header of one dimension.
 *
 * @param measure     %, 万元, 个
 * @param methodLabel the scoring method in words, so a reader knows how the score was reached
 */
public record DimensionHeader(String code, String name, String measure, String methodLabel) {
}
