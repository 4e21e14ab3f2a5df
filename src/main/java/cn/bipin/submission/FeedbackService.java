package cn.bipin.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
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
    private final ReceivedFiles files;
    private final FeedbackWriter writer;

    FeedbackService(SubmissionRows rows, ReceivedFiles files, FeedbackWriter writer) {
        this.rows = rows;
        this.files = files;
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
            List<ReceivedFiles.ReceivedFile> refused = files.refused(scheme.id(), period.code(), unit.code());
            if (scheme.dimensionsFor(unit.code(), period.cycle()).isEmpty() && lines.isEmpty() && refused.isEmpty()) {
                continue; // takes no part this cycle and sent nothing
            }
            Path sheet = dir.resolve(FeedbackWriter.fileName(unit, period));
            writer.write(scheme, unit, period, lines, refused, sheet);
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

    /**
     * Every row the unit sent for the period, in the order received; rows naming no known unit go to no sheet. Of a
     * dimension's accepted values the latest is 采用 and the earlier ones 已被更正; only the first can be late (D21).
     * Rows of a file refused as a whole are sent back with the file's reason.
     */
    private List<FeedbackLine> lines(Scheme scheme, Period period, Unit unit) {
        List<Sent> raw = new ArrayList<>();
        Map<String, Integer> lastAccepted = new HashMap<>();
        Set<String> firstSeen = new HashSet<>();
        for (SubmissionRows.FeedbackRow r : rows.forUnit(scheme.id(), period.code(), unit.code())) {
            String code = r.dimensionCode();
            String name = scheme.dimension(code == null ? "" : code).map(Dimension::name).orElse(code);
            boolean fileRefused = "REJECTED".equals(r.fileStatus());
            String status = fileRefused ? "REJECTED" : r.status();
            String reason = fileRefused && "ACCEPTED".equals(r.status()) ? "所在文件整份退回：" + r.fileError() : r.error();
            boolean late = false;
            if ("ACCEPTED".equals(status)) {
                lastAccepted.put(code, raw.size());
                late = firstSeen.add(code) && r.late();
            }
            raw.add(new Sent(new FeedbackLine(r.fileName(), r.receivedAt(), r.rowNo(), r.col(), code, name, r.rawValue(),
                    r.inputValue(), null, late, reason, r.remark()), status));
        }
        List<FeedbackLine> lines = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            FeedbackLine l = raw.get(i).line();
            FeedbackLine.Outcome outcome = switch (raw.get(i).status()) {
                case "ACCEPTED" -> lastAccepted.get(l.dimensionCode()) == i ? FeedbackLine.Outcome.USED
                        : FeedbackLine.Outcome.SUPERSEDED;
                case "UNCHANGED" -> FeedbackLine.Outcome.UNCHANGED;
                default -> FeedbackLine.Outcome.REJECTED;
            };
            lines.add(new FeedbackLine(l.fileName(), l.receivedAt(), l.rowNumber(), l.column(), l.dimensionCode(),
                    l.dimensionName(), l.rawValue(), outcome == FeedbackLine.Outcome.REJECTED ? null : l.acceptedValue(),
                    outcome, l.late(), l.reason(), l.remark()));
        }
        return lines;
    }

    /** A row as read, before its outcome is known: the outcome of an accepted value depends on the rows after it. */
    private record Sent(FeedbackLine line, String status) {
    }
}
