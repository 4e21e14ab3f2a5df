package cn.bipin.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.bipin.scheme.Dimension;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.Unit;

/**
 * Writes each unit's feedback sheet for a period: every row it sent this period, accepted or rejected with the
 * reason, so the clerk can correct and resend. Units that sent nothing get a sheet saying so.
 */
@Service
public class FeedbackService {

    private final JdbcClient jdbc;
    private final FeedbackWriter writer;

    FeedbackService(JdbcClient jdbc, FeedbackWriter writer) {
        this.jdbc = jdbc;
        this.writer = writer;
    }

    /** Writes one sheet per unit into {@code dir}; returns unit code → sheet. One unit's rows in memory at a time. */
    public Map<String, Path> write(Scheme scheme, Period period, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Path> sheets = new LinkedHashMap<>();
        for (Unit unit : scheme.units()) {
            List<FeedbackLine> lines = lines(scheme, period, unit);
            if (scheme.dimensionsFor(unit.code(), period.cycle()).isEmpty() && lines.isEmpty()) {
                continue; // takes no part this cycle and sent nothing
            }
            Path sheet = dir.resolve(FeedbackWriter.fileName(unit, period));
            writer.write(scheme, unit, period, lines, sheet);
            sheets.put(unit.code(), sheet);
        }
        return sheets;
    }

    /** Every row the unit sent for the period, in the order received; rows naming no known unit go to no sheet. */
    private List<FeedbackLine> lines(Scheme scheme, Period period, Unit unit) {
        List<FeedbackLine> lines = new ArrayList<>();
        jdbc.sql("""
                SELECT f.file_name, f.late, r.row_no, r.col, r.dimension_code, r.raw_value, r.input_value, r.status, r.error
                FROM submission_row r JOIN received_file f ON f.id = r.file_id
                WHERE f.scheme = ? AND f.period = ? AND r.unit_code = ?
                ORDER BY f.received_at, f.id, r.row_no""")
                .params(scheme.id(), period.code(), unit.code())
                .query(rs -> {
                    String code = rs.getString("dimension_code");
                    String name = scheme.dimension(code == null ? "" : code).map(Dimension::name).orElse(code);
                    lines.add(new FeedbackLine(rs.getString("file_name"), rs.getInt("row_no"), rs.getString("col"), code,
                            name, rs.getString("raw_value"), rs.getBigDecimal("input_value"),
                            "ACCEPTED".equals(rs.getString("status")), rs.getBoolean("late"), rs.getString("error")));
                });
        return lines;
    }
}
