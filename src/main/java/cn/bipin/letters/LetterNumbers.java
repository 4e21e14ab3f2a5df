package cn.bipin.letters;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The yearly letter numbers (table {@code letter_number}): a letter for a unit, month and kind keeps the number it
 * was first given through every re-run and correction of that month; a new letter takes the next number of its kind.
 */
@Repository
class LetterNumbers {

    /** A number once given. */
    record Issued(int seq, String number) {
    }

    private final JdbcClient jdbc;

    LetterNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Issued> find(String scheme, int year, String unit, String period, LetterKind kind) {
        return jdbc.sql("""
                SELECT seq, number FROM letter_number
                WHERE scheme = ? AND year_no = ? AND unit_code = ? AND period = ? AND kind = ?""")
                .params(scheme, year, unit, period, kind.name())
                .query((rs, n) -> new Issued(rs.getInt("seq"), rs.getString("number"))).optional();
    }

    /** Every number given for the period's letters, by unit code and kind ({@link #key}): one query per run. */
    java.util.Map<String, Issued> forPeriod(String scheme, int year, String period) {
        java.util.Map<String, Issued> result = new java.util.HashMap<>();
        jdbc.sql("SELECT unit_code, kind, seq, number FROM letter_number WHERE scheme = ? AND year_no = ? AND period = ?")
                .params(scheme, year, period)
                .query(rs -> {
                    result.put(key(rs.getString("unit_code"), LetterKind.valueOf(rs.getString("kind"))),
                            new Issued(rs.getInt("seq"), rs.getString("number")));
                });
        return result;
    }

    static String key(String unit, LetterKind kind) {
        return unit + "\n" + kind.name();
    }

    /**
     * The letter's number: the one it was given before, else the next of its kind in the year. Two runs numbering
     * at once collide on the unique sequence; the loser reads again and takes the following number.
     */
    Issued number(String scheme, int year, String unit, String period, LetterKind kind, long runId,
                  java.util.function.IntFunction<String> format) {
        for (int attempt = 0; ; attempt++) {
            Optional<Issued> existing = find(scheme, year, unit, period, kind);
            if (existing.isPresent()) {
                return existing.get();
            }
            int seq = jdbc.sql("SELECT COALESCE(MAX(seq), 0) + 1 FROM letter_number WHERE scheme = ? AND year_no = ? AND kind = ?")
                    .params(scheme, year, kind.name()).query(Integer.class).single();
            String number = format.apply(seq);
            try {
                jdbc.sql("""
                        INSERT INTO letter_number (scheme, year_no, unit_code, period, kind, seq, number, run_id, issued_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(scheme, year, unit, period, kind.name(), seq, number, runId,
                                Timestamp.valueOf(LocalDateTime.now())).update();
                return new Issued(seq, number);
            } catch (DuplicateKeyException e) {
                if (attempt >= 5) {
                    throw e;
                }
            }
        }
    }
}
