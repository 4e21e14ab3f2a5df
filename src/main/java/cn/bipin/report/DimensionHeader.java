package cn.bipin.report;

/**
 * Column header of one dimension.
 *
 * @param measure     %, 万元, 个
 * @param methodLabel the scoring method in words, so a reader knows how the score was reached
 */
public record DimensionHeader(String code, String name, String measure, String methodLabel) {

    /** The name with its measure, 年度投资完成率（%）, or the name alone when it has none. */
    public String label() {
        return measure == null || measure.isBlank() ? name : name + "（" + measure + "）";
    }
}
