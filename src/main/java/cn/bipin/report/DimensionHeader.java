package cn.bipin.report;

/**
 * Column header of one dimension.
 *
 * @param measure     %, 万元, 个
 * @param methodLabel the scoring method in words, so a reader knows how the score was reached
 * @param valueLabel  what the dimension's value cells hold: 完成值（本期）, 完成值 / 目标, or 名次 for a month's rank
 */
public record DimensionHeader(String code, String name, String measure, String methodLabel, String valueLabel) {

    public static final String DEFAULT_VALUE_LABEL = "完成值（本期）";

    public DimensionHeader {
        valueLabel = valueLabel == null || valueLabel.isBlank() ? DEFAULT_VALUE_LABEL : valueLabel;
    }

    public DimensionHeader(String code, String name, String measure, String methodLabel) {
        this(code, name, measure, methodLabel, DEFAULT_VALUE_LABEL);
    }

    /** The name with its measure, 年度投资完成率（%）, or the name alone when it has none. */
    public String label() {
        return measure == null || measure.isBlank() ? name : name + "（" + measure + "）";
    }
}
