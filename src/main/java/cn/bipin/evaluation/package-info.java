/** The year-end back-to-back evaluation (背靠背评议, R-EVAL): anonymous ballots in, trimmed scores and the evaluation bulletin out. */
package cn.bipin.evaluation;
