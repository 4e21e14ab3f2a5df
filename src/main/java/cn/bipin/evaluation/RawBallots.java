package cn.bipin.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.sql.Timestamp;
import org.springframework.stereotype.Component;

import cn.bipin.report.Csv;

/**
 * The raw ballots with their token hashes, for the campaign office to check a dispute. Only the explicit
 * {@code evaluation ballots --confirm} command calls this; the export is logged (without content) as an audit trail.
 */
@Component
public class RawBallots {

    private static final Logger log = LoggerFactory.getLogger(RawBallots.class);

    private final EvaluationInputs inputs;

    RawBallots(EvaluationInputs inputs) {
        this.inputs = inputs;
    }

    public int export(String scheme, String period, Path out) {
        int[] rows = {0};
        try {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                w.write("\uFEFFfile,received_at,row,token_hash,group,target_unit,raw_values,status,error\r\n");
                inputs.ballots(scheme, period, b -> {
                            try {
                                w.write(String.join(",", Csv.field(b.fileName()), Timestamp.valueOf(b.receivedAt()).toString(),
                                        Integer.toString(b.rowNo()), Csv.field(b.tokenHash()), Csv.field(b.raterGroup()),
                                        Csv.field(b.targetUnit()), Csv.field(b.rawValues()), b.status(), Csv.field(b.error())));
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
