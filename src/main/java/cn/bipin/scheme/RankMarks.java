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

    /** How many places at the bottom (or top) of a ranking of n are marked. */
    public int marked(int n) {
        return this == THIRDS ? (n + 2) / 3 : 3;
    }
}
