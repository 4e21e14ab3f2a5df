package cn.bipin.scheme;

/** How often a competition is scored and published. */
public enum Cycle {
    MONTHLY("月度"),
    QUARTERLY("季度"),
    HALF_YEAR("半年"),
    ANNUAL("年度");

    private final String label;

    Cycle(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String key() {
        return name().toLowerCase();
    }
}
