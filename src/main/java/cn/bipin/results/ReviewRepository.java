package cn.bipin.results;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.bipin.scoring.Review;

/** Reads and writes a monthly run's review of each unit (table {@code review_score}, D16–D18). */
@Repository
public class ReviewRepository {

    private final JdbcClient jdbc;

    ReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void clear(long runId) {
        jdbc.sql("DELETE FROM review_score WHERE run_id = ?").param(runId).update();
    }

    void insert(long runId, String unitCode, Review.Month m) {
        jdbc.sql("""
                INSERT INTO review_score (run_id, unit_code, raw_score, coefficient, scaled_score, completion,
                  time_progress, lagging, deducted, previous_deducted, previous_fate, restored, published_score, lag_streak)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(runId, unitCode, m.raw(), m.coefficient(), m.scaled(), m.completion(), m.timeProgress(),
                        m.lagging(), m.deducted(), m.previousDeducted(),
                        m.previousFate() == null ? null : m.previousFate().name(), m.restored(), m.published(), m.streak())
                .update();
    }

    /** Unit code → its review in the run, in unit code order; empty for a run without one. */
    public Map<String, Review.Month> months(long runId) {
        Map<String, Review.Month> result = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM review_score WHERE run_id = ? ORDER BY unit_code").param(runId).query((rs, n) -> {
            String fate = rs.getString("previous_fate");
            result.put(rs.getString("unit_code"), new Review.Month(rs.getBigDecimal("raw_score"),
                    rs.getBigDecimal("coefficient"), rs.getBigDecimal("scaled_score"), rs.getBigDecimal("completion"),
                    rs.getBigDecimal("time_progress"), rs.getBoolean("lagging"), rs.getBigDecimal("deducted"),
                    rs.getBigDecimal("previous_deducted"), fate == null ? null : Review.Fate.valueOf(fate),
                    rs.getBigDecimal("restored"), rs.getBigDecimal("published_score"), rs.getInt("lag_streak")));
            return null;
        }).list();
        return result;
    }
}
