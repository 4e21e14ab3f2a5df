package cn.bipin.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    private final SubmissionRows rows;
    private final FeedbackWriter writer;

    FeedbackService(SubmissionRows rows, FeedbackWriter writer) {
        this.rows = rows;
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
        writeUnrecognised(scheme, period, dir);
        return sheets;
    }

    /** The name of the office's sheet of unrecognised units, in the feedback folder. */
    public static String unrecognisedFileName(Period period) {
        return UnrecognisedSheet.fileName(period);
    }

    /**
     * The office's sheet of rows naming no unit of the scheme (and of near misses taken with a note), written only
     * when there are any: such rows reach no unit's feedback.
     */
    public Path writeUnrecognised(Scheme scheme, Period period, Path dir) {
        List<SubmissionRows.Unrecognised> unknown = rows.unrecognised(scheme.id(), period.code(),
                scheme.units().stream().map(Unit::code).toList());
        List<SubmissionRows.NearMiss> near = rows.nearMisses(scheme.id(), period.code());
        Path sheet = dir.resolve(UnrecognisedSheet.fileName(period));
        if (unknown.isEmpty() && near.isEmpty()) {
            return null;
        }
        UnrecognisedSheet.write(scheme, unknown, near, sheet);
        return sheet;
    }

    /** Every row the unit sent for the period, in the order received; rows naming no known unit go to no sheet. */
    private List<FeedbackLine> lines(Scheme scheme, Period period, Unit unit) {
        List<FeedbackLine> lines = new ArrayList<>();
        for (SubmissionRows.FeedbackRow r : rows.forUnit(scheme.id(), period.code(), unit.code())) {
            String code = r.dimensionCode();
            String name = scheme.dimension(code == null ? "" : code).map(Dimension::name).orElse(code);
            lines.add(new FeedbackLine(r.fileName(), r.rowNo(), r.col(), code, name, r.rawValue(), r.inputValue(),
                    "ACCEPTED".equals(r.status()), r.late(), r.error()));
        }
        return lines;
    }
}
