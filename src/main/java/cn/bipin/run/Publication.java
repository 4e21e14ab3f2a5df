package cn.bipin.run;

/** What became of a completed run's result, as {@code status} shows it (D23). */
public enum Publication {
    /** Run without mail: a preview, which {@code deliver --release} can still mail as this revision. */
    PREVIEW("预览（未发送）"),
    /** Equal to the revision before: not mailed again unless forced. */
    UNCHANGED("与上一版相同，未发送"),
    /** Held back (too many units reported nothing) until a statistician releases it. */
    HELD("暂缓发送"),
    /** Mailed (or written to the outbox) to its recipients. */
    MAILED("已发送");

    private final String label;

    Publication(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
