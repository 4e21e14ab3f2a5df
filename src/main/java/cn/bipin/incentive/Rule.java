package cn.bipin.incentive;

import java.util.List;

/**
 * A reward rule of DOMAIN §4. Java holds what kind of test a rule makes (which inputs, ≥ or >); its numbers
 * come from the {@code incentives} section of the scheme file.
 */
interface Rule {

    /** INC-1 … INC-15. */
    String id();

    /** The rule's Chinese name, e.g. 服务业扩增提速. */
    String name();

    /** Condition and award in words, with the scheme's numbers, printed under the rule's table. */
    String summary();

    Entity entity();

    /** Adds the awards the row earns (before the once-only ledger is consulted). */
    void evaluate(DataRow row, RuleContext context, List<Award> out);

    /** For rules that compare subjects (INC-11's rank): adds their awards once every row has been seen. */
    default void finish(RuleContext context, List<Award> out) {
    }

    /** The rule for one run: itself, or a fresh copy for a rule that gathers state while it runs (INC-11). */
    default Rule forRun() {
        return this;
    }
}
