package cn.bipin.award;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The only reader and writer of {@code prize_line}: an annual run's prize document, line by line. */
@Repository
public class PrizeLedger {

    /** The kinds of line, as stored. */
    public static final String PRIZE = "prize";
    public static final String EXCLUDED = "excluded";
    public static final String STATEMENT = "statement";

    /**
     * One line of the document.
     *
     * @param kind            {@link #PRIZE}, {@link #EXCLUDED} or {@link #STATEMENT}
     * @param competitionCode the competition a 单项奖 line ranks, null for a prize of the total and other kinds
     * @param won             a winner; false for a unit that would have won but may not, and for other kinds
     * @param note            why: 递补…, 不得评奖：…, the reasons of a disqualification, the targets missed
     */
    public record PrizeLine(int lineNo, String kind, String prizeCode, String prizeName, String poolCode,
            String competitionCode, String unitCode, Integer unitRank, BigDecimal score, boolean won, BigDecimal amount,
            String note) {
    }

    private final JdbcClient jdbc;

    PrizeLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void replace(long runId, List<PrizeLine> lines) {
        jdbc.sql("DELETE FROM prize_line WHERE run_id = ?").param(runId).update();
        for (PrizeLine l : lines) {
            jdbc.sql("""
                    INSERT INTO prize_line (run_id, line_no, kind, prize_code, prize_name, pool_code, competition_code,
                      unit_code, unit_rank, score, won, amount, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(runId, l.lineNo(), l.kind(), l.prizeCode(), l.prizeName(), l.poolCode(), l.competitionCode(),
                            l.unitCode(), l.unitRank(), l.score(), l.won(), l.amount(), l.note())
                    .update();
        }
    }

    public List<PrizeLine> forRun(long runId) {
        return jdbc.sql("""
                SELECT line_no, kind, prize_code, prize_name, pool_code, competition_code, unit_code, unit_rank, score,
                  won, amount, note FROM prize_line WHERE run_id = :run ORDER BY line_no""")
                .param("run", runId)
                .query((rs, n) -> new PrizeLine(rs.getInt("line_no"), rs.getString("kind"), rs.getString("prize_code"),
                        rs.getString("prize_name"), rs.getString("pool_code"), rs.getString("competition_code"),
                        rs.getString("unit_code"), (Integer) rs.getObject("unit_rank", Integer.class),
                        rs.getBigDecimal("score"), rs.getBoolean("won"), rs.getBigDecimal("amount"), rs.getString("note")))
                .list();
    }
}
