package cn.bipin.evaluation;

import cn.bipin.jdbc.RecordRows;
import java.math.BigDecimal;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What an evaluation run computed: {@code eval_total}, {@code eval_group_score}, {@code eval_item_score} and
 * {@code eval_run_total}. The only class that reads or writes these tables.
 */
@Repository
public class EvaluationResults {

    /** A target's total and rank (null when it has no score). */
    record Total(String targetUnit, BigDecimal score, Integer rankNo) {
    }

    /** A target's score from one rater group. */
    record GroupScore(String targetUnit, String raterGroup, int ballots, BigDecimal score, boolean dropped) {
    }

    /** A target's score on one item from one rater group. */
    record ItemScore(String targetUnit, String raterGroup, String itemCode, BigDecimal score) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    EvaluationResults(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    void store(long runId, List<Total> totals, List<GroupScore> groups, List<ItemScore> items, EvaluationCounts counts) {
        template.batchUpdate("INSERT INTO eval_total (run_id, target_unit, score, rank_no) VALUES (?, ?, ?, ?)",
                totals.stream().map(t -> new Object[] {runId, t.targetUnit(), t.score(), t.rankNo()}).toList());
        template.batchUpdate("""
                INSERT INTO eval_group_score (run_id, target_unit, rater_group, ballots, score, dropped)
                VALUES (?, ?, ?, ?, ?, ?)""",
                groups.stream().map(g -> new Object[] {runId, g.targetUnit(), g.raterGroup(), g.ballots(), g.score(),
                        g.dropped()}).toList());
        template.batchUpdate("""
                INSERT INTO eval_item_score (run_id, target_unit, rater_group, item_code, score)
                VALUES (?, ?, ?, ?, ?)""",
                items.stream().map(i -> new Object[] {runId, i.targetUnit(), i.raterGroup(), i.itemCode(), i.score()})
                        .toList());
        jdbc.sql("DELETE FROM eval_run_total WHERE run_id = :run").param("run", runId).update();
        jdbc.sql("INSERT INTO eval_run_total (run_id, ballots_scored, ballots_replaced) VALUES (:run, :ballots, :replaced)")
                .param("run", runId).param("ballots", counts.ballots()).param("replaced", counts.replaced()).update();
    }

    /** Totals, ranked first in rank order, unranked last. */
    List<Total> totals(long runId) {
        return jdbc.sql("""
                SELECT target_unit, score, rank_no FROM eval_total WHERE run_id = :run
                ORDER BY CASE WHEN rank_no IS NULL THEN 1 ELSE 0 END, rank_no""")
                .param("run", runId).query(RecordRows.of(Total.class)).list();
    }

    List<GroupScore> groupScores(long runId) {
        return jdbc.sql("SELECT target_unit, rater_group, ballots, score, dropped FROM eval_group_score WHERE run_id = :run")
                .param("run", runId).query(RecordRows.of(GroupScore.class)).list();
    }

    List<ItemScore> itemScores(long runId) {
        return jdbc.sql("SELECT target_unit, rater_group, item_code, score FROM eval_item_score WHERE run_id = :run")
                .param("run", runId).query(RecordRows.of(ItemScore.class)).list();
    }

    /** What a run scored; none for a run that did not get as far as scoring. */
    /** The ballots scored and replaced in an evaluation run (read by {@code status}). */
    public EvaluationCounts counts(long runId) {
        return jdbc.sql("SELECT ballots_scored AS ballots, ballots_replaced AS replaced FROM eval_run_total WHERE run_id = :run")
                .param("run", runId).query(RecordRows.of(EvaluationCounts.class)).optional().orElse(new EvaluationCounts(0, 0));
    }
}
