package cn.bipin.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Which values a period's inbox holds before any run has read it: unit code → the dimension codes with a value, from
 * rows naming that period. For reminders (催报), which must know what is missing before the run; whether a value is
 * valid is the run's business, a file that cannot be read counts for nothing.
 */
public final class InboxValues {

    private InboxValues() {
    }

    public static Map<String, Set<String>> sent(Path periodDir, String period) {
        Map<String, Set<String>> sent = new TreeMap<>();
        if (!Files.isDirectory(periodDir)) {
            return sent;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(periodDir)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            try (SubmissionFileReader reader = SubmissionFileReader.open(file)) {
                Optional<RawRow> row;
                while ((row = reader.next()).isPresent()) {
                    RawRow r = row.get();
                    if (r.unitCode() == null || r.dimensionCode() == null || r.rawValue() == null
                            || r.rawValue().isBlank() || r.period() == null || !period.equals(r.period().trim())) {
                        continue;
                    }
                    sent.computeIfAbsent(r.unitCode().trim(), k -> new HashSet<>()).add(r.dimensionCode().trim());
                }
            } catch (FileRejectedException e) {
                // an unreadable file holds nothing the unit can be spared a reminder for
            }
        }
        return sent;
    }
}
