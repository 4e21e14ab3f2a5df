package cn.bipin.evaluation;

import java.math.BigDecimal;
import java.util.List;

/**
 * One accepted ballot as scoring sees it: who rated is reduced to the token's keyed hash, which only ties a later
 * ballot of the same rater to its earlier one (replacement) and never leaves the database.
 *
 * @param tokenHash HMAC of the rater token
 * @param group     rater group code
 * @param target    code of the unit rated
 * @param scores    one score 0–100 per item, in the scheme's item order (grades already mapped)
 */
record Ballot(String tokenHash, String group, String target, List<BigDecimal> scores) {

    Ballot {
        scores = List.copyOf(scores);
    }

    /** The key under which a later ballot replaces an earlier one. */
    String replacementKey() {
        return tokenHash + "|" + target;
    }
}
