package cn.bipin.incentive;

import java.math.BigDecimal;

/**
 * One line of the incentive list: which rule, for which subject (enterprise, building, project, newcomer), paid to
 * whom, on which inputs, by which formula with its numbers, under which cap, and how much.
 *
 * @param part     distinguishes the awards one rule can grant one subject (INC-4's thresholds, INC-9's halves,
 *                 INC-12's growth and new-sales parts); "-" when a rule has one
 * @param capNote  how the cap applied, e.g. "单次不超过 1,000,000 元，按上限"; empty when it did not
 * @param onceOnly granted at most once per subject and part, ever (DOMAIN §4 "once"/"first")
 */
record Award(String ruleId, String part, String subjectId, String subjectName, String recipientId,
             String recipientName, String inputs, String formula, String capNote, BigDecimal amount,
             boolean onceOnly) {

    /** The key of the once-only ledger. */
    String onceKey() {
        return ruleId + "|" + subjectId + "|" + part;
    }
}
