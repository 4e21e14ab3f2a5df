package cn.bipin.scheme;

/**
 * Which part of a ranking the bulletin marks (scheme-file key {@code rank_marks}): the bottom three (default,
 * Jinfeng), or the top and bottom thirds, ⌈n/3⌉ each with ties at the boundary included (Lanzhou, DOMAIN §7.2),
 * with the spread between the highest and lowest score.
 */
public enum RankMarks {
    BOTTOM3,
    THIRDS;

    public static final String KEY = "rank_marks";

    public static RankMarks of(Scheme scheme) {
        return read(scheme.section(KEY));
    }

    static RankMarks read(YamlNode node) {
        return node.enumValue(RankMarks.class, BOTTOM3);
    }

    /** What the bulletin calls the marked bottom of a ranking: 后三名, 后三分之一 (the chart's second series). */
    public String bottomLabel() {
        return this == THIRDS ? "后三分之一" : "后三名";
    }

    /**
     * The legend's words for the marked bottom of a ranking of n, e.g. 后三名（与第三名并列者一并标注）or
     * 后三分之一（30 个单位中后 10 名，即 ⌈30/3⌉，与边界名次并列者一并标注）.
     */
    public String bottomLegend(int n) {
        if (this == THIRDS) {
            return "后三分之一（" + n + " 个单位中后 " + marked(n) + " 名，即 ⌈" + n + "/3⌉，与边界名次并列者一并标注）";
        }
        return "后三名（与第三名并列者一并标注）";
    }

    /** How many places at the bottom (or top) of a ranking of n are marked. */
    public int marked(int n) {
        return this == THIRDS ? (n + 2) / 3 : 3;
    }
}
