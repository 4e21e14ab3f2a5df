package cn.bipin.evaluation;

/** What an evaluation run scored: the valid ballots counted, and the earlier ballots a later one replaced. */
public record EvaluationCounts(int ballots, int replaced) {
}
