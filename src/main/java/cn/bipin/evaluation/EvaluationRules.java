package cn.bipin.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code evaluation:} section of a scheme file: every number of D8 lives there, so a scheme that weighs its
 * rater groups differently changes the file, not the code.
 *
 * @param title          the bulletin's heading after the scheme title and year, e.g. 背靠背评议结果
 * @param targets        codes of the units rated, in scheme order
 * @param groups         rater groups, in the order the bulletin prints them
 * @param items          rated items, in the order the bulletin prints them
 * @param grades         grade word → score, e.g. 优秀 → 95
 * @param minBallots     a group with fewer valid ballots for a target is dropped for that target
 * @param trimFrom       from this many ballots on, one highest and one lowest are dropped before averaging
 * @param excellentCases how many excellent cases the bulletin lists
 */
public record EvaluationRules(String title, List<String> targets, List<RaterGroup> groups, List<Item> items,
        Map<String, BigDecimal> grades, int minBallots, int trimFrom, int excellentCases) {

    /** A rater group; a {@code peer} group's tokens carry the rating unit so that self-rating can be refused. */
    public record RaterGroup(String code, String name, BigDecimal weight, boolean peer) {
    }

    /** A rated item, e.g. 服务企业. */
    public record Item(String code, String name, BigDecimal weight) {
    }

    public Optional<RaterGroup> group(String code) {
        return groups.stream().filter(g -> g.code().equals(code)).findFirst();
    }
}
