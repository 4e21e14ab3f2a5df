package cn.bipin.scheme;

import java.util.List;

/**
 * Units ranked together (D14): every rank, bottom mark and award of a scheme is computed within a pool. A scheme
 * without {@code rank_pools} has one pool of all its units (Jinfeng); Haizhou ranks towns and departments apart.
 *
 * @param code  as written in the scheme file: {@code town}, {@code department}, {@code all} or the pool's own code
 * @param name  Chinese label shown above the pool's tables, e.g. 镇街
 * @param units the pool's unit codes, in scheme order
 */
public record RankPool(String code, String name, List<String> units) {

    /** The code of the single pool of a scheme that declares none. */
    public static final String ALL = "all";

    public RankPool {
        units = CodeIndex.ofCodes(units); // contains(unit) in constant time: Scheme.poolOf asks it per unit per table
    }
}
