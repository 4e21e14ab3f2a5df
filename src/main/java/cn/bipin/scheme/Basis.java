package cn.bipin.scheme;

/**
 * How a value is submitted (D10): year-to-date cumulative (1–N月累计), per period, or a rate as of the
 * end of the period. A month's own amount is derived only for cumulative values.
 */
public enum Basis {
    CUMULATIVE("累计"),
    PERIOD("当期"),
    RATE("期末");

    private final String label;

    Basis(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
