package cn.bipin.incentive;

import cn.bipin.scheme.Period;

/** What a rule needs besides the row: the period being evaluated (a year or, for trade awards, a quarter). */
record RuleContext(Period period) {

    int year() {
        return period.year();
    }
}
