package cn.bipin.incentive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One evaluation of the rules over a period's data: rows are fed one at a time (200,000 enterprises never sit in
 * memory together), then {@link #finish()} applies the once-only ledger and orders the list. Pure: no SQL, no files.
 */
final class Evaluation {

    /** A once-only award the subject earned again but already received. */
    record Withheld(Award award, String grantedIn) {
    }

    record Result(List<Award> granted, List<Withheld> withheld) {
    }

    private final List<Rule> rules;
    private final RuleContext context;
    private final Map<String, String> alreadyGranted;
    private final List<Award> awards = new ArrayList<>();

    /**
     * @param alreadyGranted once-only keys ({@link Award#onceKey()}) granted by other periods → the period that
     *                       granted them; the period being evaluated must not be in it (a re-run replaces it)
     */
    Evaluation(List<Rule> rules, RuleContext context, Map<String, String> alreadyGranted) {
        this.rules = rules;
        this.context = context;
        this.alreadyGranted = alreadyGranted;
    }

    void accept(DataRow row) {
        for (Rule rule : rules) {
            if (rule.entity() == row.entity()) {
                rule.evaluate(row, context, awards);
            }
        }
    }

    Result finish() {
        for (Rule rule : rules) {
            rule.finish(context, awards);
        }
        List<Award> granted = new ArrayList<>();
        List<Withheld> withheld = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Award a : sorted()) {
            if (a.onceOnly()) {
                String earlier = alreadyGranted.get(a.onceKey());
                if (earlier != null) {
                    withheld.add(new Withheld(a, earlier));
                    continue;
                }
                if (!seen.add(a.onceKey())) {
                    continue;
                }
            }
            granted.add(a);
        }
        return new Result(List.copyOf(granted), List.copyOf(withheld));
    }

    private List<Award> sorted() {
        List<String> order = rules.stream().map(Rule::id).toList();
        List<Award> list = new ArrayList<>(awards);
        // stable: one subject's parts stay in the order the rule made them (INC-9 盘活 before 投用, INC-4 by threshold)
        list.sort(Comparator.comparingInt((Award a) -> order.indexOf(a.ruleId())).thenComparing(Award::subjectId));
        return list;
    }
}
