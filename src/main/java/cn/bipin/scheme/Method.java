package cn.bipin.scheme;

/** Dimension scoring methods of R-SCORE-1; the formulas live in {@code cn.bipin.scoring}. */
public enum Method {
    TARGET_RATIO("目标比"),
    PROGRESS_RATIO("序时进度比"),
    BEST_RATIO("最优值比"),
    EFFICACY("功效系数法"),
    RANK_POINTS("名次赋分");

    private final String label;

    Method(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String key() {
        return name().toLowerCase();
    }
}
