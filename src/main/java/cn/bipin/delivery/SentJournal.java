package cn.bipin.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A line on disk for every message handed to the SMTP server, written (and forced to disk) before the database
 * records it: the outbox's .eml files say what was written, this file says what was sent. Before a run, a line the
 * database does not know means the database is older than the mail it sent (a damaged or restored database), and
 * mailing again would reach the same leaders twice.
 */
final class SentJournal {

    static final String FILE = "smtp-sent.log";

    /** One message handed to the SMTP server. */
    record Entry(LocalDateTime at, Long runId, String recipientEmail, String subject) {

        String key() {
            return (runId == null ? "" : runId) + "\t" + clean(recipientEmail) + "\t" + clean(subject);
        }
    }

    private final Path file;

    SentJournal(Path outbox) {
        this.file = outbox.resolve(FILE);
    }

    Path file() {
        return file;
    }

    void record(Entry e) throws IOException {
        Files.createDirectories(file.getParent());
        String line = e.at() + "\t" + (e.runId() == null ? "" : e.runId()) + "\t" + clean(e.recipientEmail()) + "\t" + clean(e.subject()) + "\n";
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE, StandardOpenOption.DSYNC);
    }

    List<Entry> entries() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", 4);
                if (f.length == 4) {
                    try {
                        entries.add(new Entry(LocalDateTime.parse(f[0]), f[1].isEmpty() ? null : Long.valueOf(f[1]), f[2], f[3]));
                    } catch (RuntimeException ignored) {
                        // a line cut short by a crash: the row it belongs to is reported as interrupted anyway
                    }
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return entries;
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
