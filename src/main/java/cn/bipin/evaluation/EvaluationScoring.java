package cn.bipin.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Scores every accepted ballot of the year received so far (in all runs) and stores what it computed, so the
 * bulletin step — and anyone later — reads the run's figures from the database rather than recomputing them.
 */
@Component
class EvaluationScoring {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    EvaluationScoring(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    EvaluationResult score(EvaluationRules rules, String scheme, String period, long runId) {
        Map<String, Integer> itemIndex = new HashMap<>();
        for (int i = 0; i < rules.items().size(); i++) {
            itemIndex.put(rules.items().get(i).code(), i);
        }
        List<Ballot> ballots = new ArrayList<>();
        long[] current = {-1, -1};
        Object[] head = new Object[3];
        BigDecimal[][] scores = {null};
        Runnable emit = () -> {
            if (scores[0] != null && Arrays.stream(scores[0]).noneMatch(java.util.Objects::isNull)) {
                ballots.add(new Ballot((String) head[0], (String) head[1], (String) head[2], Arrays.asList(scores[0])));
            }
        };
        jdbc.sql("SELECT b.file_id, b.row_no, b.token_hash, b.rater_group, b.target_unit, i.item_code, i.score "
                + "FROM eval_ballot b JOIN eval_file f ON f.id = b.file_id "
                + "JOIN eval_ballot_item i ON i.file_id = b.file_id AND i.row_no = b.row_no "
                + "WHERE f.scheme = ? AND f.period = ? AND f.kind = 'ballots' AND b.status = 'ACCEPTED' "
                + "ORDER BY f.received_at, f.id, b.row_no").params(scheme, period)
                .query(rs -> {
                    long file = rs.getLong(1);
                    long row = rs.getLong(2);
                    if (file != current[0] || row != current[1]) {
                        emit.run();
                        current[0] = file;
                        current[1] = row;
                        head[0] = rs.getString(3);
                        head[1] = rs.getString(4);
                        head[2] = rs.getString(5);
                        scores[0] = new BigDecimal[rules.items().size()];
                    }
                    Integer at = itemIndex.get(rs.getString(6));
                    if (at != null) {
                        scores[0][at] = rs.getBigDecimal(7);
                    }
                });
        emit.run();
        EvaluationResult result = EvaluationScorer.score(rules, ballots);
        store(rules, runId, result);
        return result;
    }

    private void store(EvaluationRules rules, long runId, EvaluationResult result) {
        List<Object[]> groups = new ArrayList<>();
        List<Object[]> items = new ArrayList<>();
        List<Object[]> totals = new ArrayList<>();
        for (EvaluationResult.TargetResult t : result.targets()) {
            totals.add(new Object[] {runId, t.target(), t.total(), t.rank()});
            for (EvaluationResult.GroupResult g : t.groups()) {
                groups.add(new Object[] {runId, t.target(), g.group(), g.ballots(), g.score(), g.dropped()});
                for (int i = 0; i < g.itemScores().size(); i++) {
                    items.add(new Object[] {runId, t.target(), g.group(), rules.items().get(i).code(), g.itemScores().get(i)});
                }
            }
        }
        template.batchUpdate("INSERT INTO eval_total (run_id, target_unit, score, rank_no) VALUES (?, ?, ?, ?)", totals);
        template.batchUpdate("INSERT INTO eval_group_score (run_id, target_unit, rater_group, ballots, score, dropped) "
                + "VALUES (?, ?, ?, ?, ?, ?)", groups);
        template.batchUpdate("INSERT INTO eval_item_score (run_id, target_unit, rater_group, item_code, score) "
                + "VALUES (?, ?, ?, ?, ?)", items);
        jdbc.sql("DELETE FROM eval_run_total WHERE run_id = ?").param(runId).update();
        jdbc.sql("INSERT INTO eval_run_total (run_id, ballots_scored, ballots_replaced) VALUES (?, ?, ?)")
                .params(runId, result.ballots(), result.replaced()).update();
    }

    /** The result a run stored, as {@link #score} returned it. */
    EvaluationResult load(EvaluationRules rules, long runId) {
        Map<String, Map<String, List<BigDecimal>>> itemScores = new HashMap<>();
        Map<String, Integer> itemIndex = new HashMap<>();
        for (int i = 0; i < rules.items().size(); i++) {
            itemIndex.put(rules.items().get(i).code(), i);
        }
        jdbc.sql("SELECT target_unit, rater_group, item_code, score FROM eval_item_score WHERE run_id = ?").param(runId)
                .query(rs -> {
                    List<BigDecimal> list = itemScores.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new ArrayList<>(java.util.Collections.nCopies(
                                    rules.items().size(), (BigDecimal) null)));
                    list.set(itemIndex.get(rs.getString(3)), rs.getBigDecimal(4));
                });
        Map<String, List<EvaluationResult.GroupResult>> groups = new LinkedHashMap<>();
        jdbc.sql("SELECT target_unit, rater_group, ballots, score, dropped FROM eval_group_score WHERE run_id = ?")
                .param(runId).query(rs -> {
                    String target = rs.getString(1);
                    String group = rs.getString(2);
                    List<BigDecimal> scores = itemScores.getOrDefault(target, Map.of()).getOrDefault(group, List.of());
                    groups.computeIfAbsent(target, k -> new ArrayList<>()).add(new EvaluationResult.GroupResult(group,
                            rs.getInt(3), scores, rs.getBigDecimal(4), rs.getBoolean(5)));
                });
        List<String> groupOrder = rules.groups().stream().map(EvaluationRules.RaterGroup::code).toList();
        List<EvaluationResult.TargetResult> targets = new ArrayList<>();
        jdbc.sql("SELECT target_unit, score, rank_no FROM eval_total WHERE run_id = ? "
                + "ORDER BY CASE WHEN rank_no IS NULL THEN 1 ELSE 0 END, rank_no").param(runId).query(rs -> {
                    String target = rs.getString(1);
                    List<EvaluationResult.GroupResult> g = new ArrayList<>(groups.getOrDefault(target, List.of()));
                    g.sort(java.util.Comparator.comparingInt(x -> groupOrder.indexOf(x.group())));
                    Integer rank = rs.getObject(3) == null ? null : rs.getInt(3);
                    targets.add(new EvaluationResult.TargetResult(target, List.copyOf(g), EvaluationScorer.itemColumns(rules, g),
                            rs.getBigDecimal(2), rank));
                });
        // rows of equal rank: keep the scheme's target order
        targets.sort(java.util.Comparator.comparing((EvaluationResult.TargetResult t) -> t.rank() == null
                ? Integer.MAX_VALUE : t.rank()).thenComparingInt(t -> rules.targets().indexOf(t.target())));
        EvaluationCounts counts = counts(runId);
        return new EvaluationResult(List.copyOf(targets), counts.ballots(), counts.replaced());
    }

    /** What a run scored; none for a run that did not get as far as scoring. */
    EvaluationCounts counts(long runId) {
        return jdbc.sql("SELECT ballots_scored AS ballots, ballots_replaced AS replaced FROM eval_run_total WHERE run_id = ?")
                .param(runId).query(EvaluationCounts.class).optional().orElse(new EvaluationCounts(0, 0));
    }
}
