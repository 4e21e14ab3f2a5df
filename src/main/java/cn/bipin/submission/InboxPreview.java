package cn.bipin.submission;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.bipin.inbox.InboxFiles;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;

/**
 * A period's inbox read the way the run's ingest reads it (same order, same duplicate rule, same validator, same
 * whole-file refusals), but in memory and without registering anything: what each unit's feedback sheet would say
 * if the run started now. For the feedback mailed right after {@code collect} (issue 18), before any run.
 */
final class InboxPreview {

    private static final Logger log = LoggerFactory.getLogger(InboxPreview.class);

    private InboxPreview() {
    }

    /** One unit's rows, refused files and the checksums of the files they came from. */
    record UnitRows(List<SubmissionRows.FeedbackRow> rows, List<ReceivedFiles.ReceivedFile> refused,
                    Set<String> checksums) {
    }

    /** Unit code (as the rows name it) → what the unit sent for the period, read from {@code inbox}. */
    static Map<String, UnitRows> read(Scheme scheme, Period period, Path inbox) {
        LocalDateTime deadlineEnd = period.deadline(scheme.deadlineDay()).plusDays(1).atStartOfDay();
        SubmissionValidator validator = new SubmissionValidator(scheme, period, Map.of());
        Map<String, UnitRows> units = new HashMap<>();
        Set<String> seen = new HashSet<>();
        long fileId = 0;
        for (Path path : InboxFiles.list(inbox)) {
            String checksum = InboxFiles.sha256(path);
            if (!seen.add(checksum)) {
                continue; // identical content received before: the run skips it too
            }
            fileId++;
            String name = path.getFileName().toString();
            LocalDateTime receivedAt;
            long size;
            try {
                receivedAt = LocalDateTime.ofInstant(Files.getLastModifiedTime(path).toInstant(), ZoneId.systemDefault());
                size = Files.size(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            boolean late = !receivedAt.isBefore(deadlineEnd);
            List<SubmissionRecord> records = new ArrayList<>();
            String fileUnit = null;
            String refusal = null;
            try (SubmissionFileReader reader = SubmissionFileReader.open(path)) {
                Optional<RawRow> row;
                int read = 0;
                while ((row = reader.next()).isPresent()) {
                    if (++read == 1) {
                        fileUnit = row.get().unitCode();
                        refusal = InboxRowReader.otherPeriodReason(row.get(), period);
                        if (refusal != null) {
                            break;
                        }
                    }
                    records.add(validator.process(new InboxItem(fileId, name, row.get())));
                }
            } catch (FileRejectedException e) {
                refusal = e.reason();
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                log.warn("file {} could not be read for feedback", InboxFiles.printable(name), e);
                refusal = "文件无法继续读取，请重新保存后再报送";
            }
            for (SubmissionRecord r : records) {
                if (r.unitCode() == null) {
                    continue;
                }
                UnitRows u = units.computeIfAbsent(r.unitCode(), k -> new UnitRows(new ArrayList<>(), new ArrayList<>(),
                        new TreeSet<>()));
                u.rows().add(new SubmissionRows.FeedbackRow(name, receivedAt, late, refusal == null ? "ACCEPTED" : "REJECTED",
                        refusal, r.rowNo(), r.col(), r.dimensionCode(), r.rawValue(), r.value(), r.status().name(),
                        r.error(), r.remark()));
                u.checksums().add(checksum);
            }
            if (refusal != null && fileUnit != null) {
                UnitRows u = units.computeIfAbsent(fileUnit.trim(), k -> new UnitRows(new ArrayList<>(),
                        new ArrayList<>(), new TreeSet<>()));
                u.refused().add(new ReceivedFiles.ReceivedFile(fileId, name, path.toString(), checksum, size, receivedAt,
                        0, fileUnit.trim(), late, "REJECTED", refusal, 0, 0));
                u.checksums().add(checksum);
            }
        }
        return units;
    }
}
