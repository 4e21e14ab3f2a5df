package cn.bipin.scheme;

/** The two kinds of unit; a scheme may rank them separately. */
public enum UnitGroup {
    DEPARTMENT("部门"),
    TOWN("镇街");

    private final String label;

    UnitGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String key() {
        return name().toLowerCase();
    }
}
