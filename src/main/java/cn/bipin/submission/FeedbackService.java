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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

    /** Threads writing workbooks: one per core, at most 4. */
    private static final int WRITERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    FeedbackService(SubmissionRows rows, ReceivedFiles files, FeedbackWriter writer) {
        this.rows = rows;
        this.files = files;
        this.writer = writer;
    }

    /** Writes one sheet per unit into {@code dir}; returns unit code → sheet. One unit's rows in memory at a time. */
    public Map<String, Path> write(Scheme scheme, Period period, Path dir) {
        Map<String, Path> sheets = new LinkedHashMap<>();
        writeSheets(scheme, period, dir).forEach(f -> sheets.put(f.unitCode(), f.sheet()));
        return sheets;
    }

    /**
     * One unit's feedback sheet and what it says, for the mail that carries it.
     *
     * @param used     rows whose values are used this period
     * @param rejected rows rejected (and rows of files refused whole)
     * @param refusedFiles files refused whole
     * @param missing  the names of the unit's dimensions this cycle with no value used, in scheme order
     * @param rejections each rejected row in a sentence (file, row, column, value, reason), in the order received
     */
    public record UnitFeedback(String unitCode, Path sheet, int used, int rejected, int refusedFiles,
                               List<String> missing, List<String> rejections) {

        /** Whether the unit sent anything for the period (a row or a file). */
        public boolean sentAnything() {
            return used + rejected + refusedFiles > 0;
        }
    }

    /**
     * As {@link #write}, with each unit's counts; units that take no part this cycle and sent nothing are left out.
     * A unit's rows are read here, in scheme order; the workbooks are written on {@link #WRITERS} threads (POI's cost
     * is per workbook: about 10 ms each, which a province's 1,500 units made the longest step of the run).
     */
    public List<UnitFeedback> writeSheets(Scheme scheme, Period period, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<ReceivedFiles.ReceivedFile>> refusedByUnit = new HashMap<>();
        for (ReceivedFiles.ReceivedFile f : files.refused(scheme.id(), period.code())) {
            refusedByUnit.computeIfAbsent(f.unitCode(), u -> new ArrayList<>()).add(f);
        }
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS, r -> {
            Thread t = new Thread(r, "feedback sheets");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<UnitFeedback>> pending = new ArrayList<>();
            for (Unit unit : scheme.units()) {
                List<FeedbackLine> lines = lines(scheme, period, unit);
                List<ReceivedFiles.ReceivedFile> refused = refusedByUnit.getOrDefault(unit.code(), List.of());
                List<Dimension> dimensions = scheme.reportedDimensionsFor(unit.code(), period.cycle());
                if (dimensions.isEmpty() && lines.isEmpty() && refused.isEmpty()) {
                    continue; // takes no part this cycle and sent nothing
                }
                pending.add(pool.submit(() -> sheet(scheme, period, unit, lines, refused, dimensions, dir)));
                if (pending.size() % (WRITERS * 4) == 0) {
                    pending.get(pending.size() - WRITERS * 2).get(); // keep only a few units' rows in memory
                }
            }
            List<UnitFeedback> result = new ArrayList<>(pending.size());
            for (Future<UnitFeedback> f : pending) {
                result.add(f.get());
            }
            writeUnrecognised(scheme, period, dir);
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("feedback sheets interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** A unit's feedback read from the period's inbox before any run, and a digest of the files it was read from. */
    public record InboxFeedback(UnitFeedback feedback, String filesDigest) {
    }

    /**
     * The feedback sheets of {@code unitCodes} as the period's inbox stands now, before any run: each unit's rows
     * validated exactly as the run would (same order, duplicates, reasons), written into {@code dir}. The digest names
     * the set of the unit's files (their checksums), so a caller can tell feedback on the same files from new.
     * Units that sent nothing readable are left out.
     */
    public Map<String, InboxFeedback> fromInbox(Scheme scheme, Period period, Path inbox,
                                                java.util.Collection<String> unitCodes, Path dir) {
        Map<String, InboxPreview.UnitRows> read = InboxPreview.read(scheme, period, inbox);
        Map<String, InboxFeedback> result = new LinkedHashMap<>();
        for (String code : unitCodes) {
            InboxPreview.UnitRows sent = read.get(code);
            Unit unit = scheme.unit(code).orElse(null);
            if (sent == null || unit == null) {
                continue;
            }
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            UnitFeedback f = sheet(scheme, period, unit, outcomes(scheme, sent.rows()), sent.refused(),
                    scheme.reportedDimensionsFor(code, period.cycle()), dir);
            result.put(code, new InboxFeedback(f, digest(sent.checksums())));
        }
        return result;
    }

    private static String digest(java.util.Collection<String> checksums) {
        try {
            var md = java.security.MessageDigest.getInstance("SHA-256");
            checksums.stream().sorted().forEach(c -> md.update((c + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private UnitFeedback sheet(Scheme scheme, Period period, Unit unit, List<FeedbackLine> lines,
                               List<ReceivedFiles.ReceivedFile> refused, List<Dimension> dimensions, Path dir) {
        Path sheet = dir.resolve(FeedbackWriter.fileName(unit, period));
        writer.write(scheme, unit, period, lines, refused, sheet);
        Set<String> used = new HashSet<>();
        int rejected = 0;
        for (FeedbackLine l : lines) {
            if (l.outcome() == FeedbackLine.Outcome.USED || l.outcome() == FeedbackLine.Outcome.UNCHANGED) {
                used.add(l.dimensionCode());
            } else if (l.outcome() == FeedbackLine.Outcome.REJECTED) {
                rejected++;
            }
        }
        int usedRows = (int) lines.stream().filter(l -> l.outcome() == FeedbackLine.Outcome.USED).count();
        List<String> missing = dimensions.stream().filter(d -> !used.contains(d.code())).map(Dimension::name)
                .toList();
        return new UnitFeedback(unit.code(), sheet, usedRows, rejected, refused.size(), missing, lines.stream()
                .filter(l -> l.outcome() == FeedbackLine.Outcome.REJECTED).map(FeedbackService::rejection).toList());
    }

    /** A rejected row in a sentence: its reason names file, row, column and value; else they are added. */
    private static String rejection(FeedbackLine l) {
        String reason = l.reason() == null ? "" : l.reason();
        return reason.contains(l.fileName()) ? reason
                : "文件 " + l.fileName() + " 第" + l.rowNumber() + "行" + (l.column() == null ? "" : " " + l.column() + "列")
                + "（" + (l.rawValue() == null ? "" : l.rawValue()) + "）：" + reason;
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
        return outcomes(scheme, rows.forUnit(scheme.id(), period.code(), unit.code()));
    }

    /** A unit's rows in the order received, each with what became of it. */
    private static List<FeedbackLine> outcomes(Scheme scheme, List<SubmissionRows.FeedbackRow> sent) {
        List<Sent> raw = new ArrayList<>();
        Map<String, Integer> lastAccepted = new HashMap<>();
        Set<String> firstSeen = new HashSet<>();
        for (SubmissionRows.FeedbackRow r : sent) {
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
