package cn.bipin.results;

import cn.bipin.jdbc.RecordRows;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes a run's dimension, competition and total scores. */
@Repository
public class ScoreRepository {

    /** One unit's score on one dimension, with everything needed to explain it. */
    public record DimensionScoreRow(String competitionCode, String dimensionCode, String unitCode, BigDecimal value,
            BigDecimal monthAmount, BigDecimal target, BigDecimal timeProgress, String method, BigDecimal score,
            boolean missing, Long sourceRowId) {
    }

    /** A unit's score and rank in a competition, or in the total when {@code competitionCode} is null. */
    public record RankedScore(String competitionCode, String unitCode, BigDecimal score, int rank, Integer previousRank) {
    }

    /** The key under which {@link #ranks} keeps the total's ranks. */
    public static final String TOTAL = "";
    /** The method of a quarter's or year's component rows (ComponentCode): a period's score carried into a mean. */
    static final String PERIOD_MEAN = "period_mean";

    private final JdbcClient jdbc;

    ScoreRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Removes what an earlier, interrupted attempt of this run wrote, so scoring can be repeated on restart. */
    public void clear(long runId) {
        jdbc.sql("DELETE FROM dimension_score WHERE run_id = ?").param(runId).update();
        jdbc.sql("DELETE FROM competition_score WHERE run_id = ?").param(runId).update();
        jdbc.sql("DELETE FROM total_score WHERE run_id = ?").param(runId).update();
    }

    public void insertDimension(long runId, DimensionScoreRow r) {
        jdbc.sql("""
                INSERT INTO dimension_score (run_id, competition_code, dimension_code, unit_code, input_value,
                  month_amount, target, time_progress, method, score, missing, source_row_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(runId, r.competitionCode(), r.dimensionCode(), r.unitCode(), r.value(), r.monthAmount(),
                        r.target(), r.timeProgress(), r.method(), r.score(), r.missing(), r.sourceRowId())
                .update();
    }

    public void insertCompetition(long runId, RankedScore s) {
        jdbc.sql("INSERT INTO competition_score (run_id, competition_code, unit_code, score, rank_no, previous_rank) VALUES (?, ?, ?, ?, ?, ?)")
                .params(runId, s.competitionCode(), s.unitCode(), s.score(), s.rank(), s.previousRank()).update();
    }

    public void insertTotal(long runId, RankedScore s) {
        jdbc.sql("INSERT INTO total_score (run_id, unit_code, score, rank_no, previous_rank) VALUES (?, ?, ?, ?, ?)")
                .params(runId, s.unitCode(), s.score(), s.rank(), s.previousRank()).update();
    }

    /** Units with a dimension missing (未报送) in the run's own submissions, not counting carried period scores. */
    public List<String> unitsMissingAny(long runId) {
        return jdbc.sql("SELECT DISTINCT unit_code FROM dimension_score WHERE run_id = ? AND missing = TRUE AND method <> ?")
                .params(runId, PERIOD_MEAN).query(String.class).list();
    }

    /** Units of the run that reported none of their dimensions, and how many units took part, in that order. */
    public record Silence(List<String> silent, long participants) {
    }

    public Silence silence(long runId) {
        List<String> silent = jdbc.sql("SELECT unit_code FROM dimension_score WHERE run_id = ? AND method <> ? "
                        + "GROUP BY unit_code HAVING MIN(CASE WHEN missing THEN 1 ELSE 0 END) = 1")
                .params(runId, PERIOD_MEAN).query(String.class).list();
        long participants = jdbc.sql("SELECT COUNT(DISTINCT unit_code) FROM dimension_score WHERE run_id = ? AND method <> ?")
                .params(runId, PERIOD_MEAN).query(Long.class).single();
        return new Silence(silent, participants);
    }

    public List<DimensionScoreRow> dimensions(long runId) {
        return jdbc.sql("""
                SELECT competition_code, dimension_code, unit_code, input_value AS value, month_amount, target,
                  time_progress, method, score, missing, source_row_id
                FROM dimension_score WHERE run_id = :run ORDER BY competition_code, dimension_code, unit_code""")
                .param("run", runId).query(RecordRows.of(DimensionScoreRow.class)).list();
    }

    public List<RankedScore> competitions(long runId) {
        return jdbc.sql("SELECT * FROM competition_score WHERE run_id = ? ORDER BY competition_code, rank_no, unit_code")
                .param(runId)
                .query((rs, i) -> new RankedScore(rs.getString("competition_code"), rs.getString("unit_code"),
                        rs.getBigDecimal("score"), rs.getInt("rank_no"), rs.getObject("previous_rank", Integer.class)))
                .list();
    }

    public List<RankedScore> totals(long runId) {
        return jdbc.sql("SELECT * FROM total_score WHERE run_id = ? ORDER BY rank_no, unit_code")
                .param(runId)
                .query((rs, i) -> new RankedScore(null, rs.getString("unit_code"), rs.getBigDecimal("score"),
                        rs.getInt("rank_no"), rs.getObject("previous_rank", Integer.class)))
                .list();
    }

    /** competition code → unit code → rank, of a run; the total under the key {@code ""}. */
    public Map<String, Map<String, Integer>> ranks(long runId) {
        Map<String, Map<String, Integer>> ranks = new HashMap<>();
        competitions(runId).forEach(s -> ranks.computeIfAbsent(s.competitionCode(), k -> new HashMap<>()).put(s.unitCode(), s.rank()));
        totals(runId).forEach(s -> ranks.computeIfAbsent(TOTAL, k -> new HashMap<>()).put(s.unitCode(), s.rank()));
        return ranks;
    }
}
