package cn.bipin.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.bipin.report.Csv;

/**
 * The raw ballots with their token hashes, for the campaign office to check a dispute. Only the explicit
 * {@code evaluation ballots --confirm} command calls this; the export is logged (without content) as an audit trail.
 */
@Component
public class RawBallots {

    private static final Logger log = LoggerFactory.getLogger(RawBallots.class);

    private final JdbcClient jdbc;

    RawBallots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int export(String scheme, String period, Path out) {
        int[] rows = {0};
        try {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                w.write("\uFEFFfile,received_at,row,token_hash,group,target_unit,raw_values,status,error\r\n");
                jdbc.sql("SELECT f.file_name, f.received_at, b.row_no, b.token_hash, b.rater_group, b.target_unit, "
                        + "b.raw_values, b.status, b.error FROM eval_ballot b JOIN eval_file f ON f.id = b.file_id "
                        + "WHERE f.scheme = ? AND f.period = ? ORDER BY f.received_at, f.id, b.row_no")
                        .params(scheme, period).query(rs -> {
                            try {
                                w.write(String.join(",", Csv.field(rs.getString(1)), rs.getTimestamp(2).toString(),
                                        Integer.toString(rs.getInt(3)), Csv.field(rs.getString(4)), Csv.field(rs.getString(5)),
                                        Csv.field(rs.getString(6)), Csv.field(rs.getString(7)), rs.getString(8), Csv.field(rs.getString(9))));
                                w.write("\r\n");
                                rows[0]++;
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.warn("审计：已按要求导出 {} {} 的原始评议票 {} 行到 {}", scheme, period, rows[0], out.toAbsolutePath());
        return rows[0];
    }
}
