package cn.bipin.delivery;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The folder where mail waits as standard .eml files when no SMTP server is configured: any mail client
 * opens them, and a clerk can forward them by hand. Names sort by time and say which run and recipient.
 */
final class Outbox {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path dir;

    Outbox(Path dir) {
        this.dir = dir;
    }

    /**
     * Writes the message as {@code <yyyyMMdd-HHmmss>-<runId>-<email>.eml}, never overwriting an earlier file. The
     * message is written to a hidden temporary file first and renamed when complete, so a full disk or a killed JVM
     * never leaves a truncated .eml that a clerk could forward.
     */
    Path write(MimeMessage message, LocalDateTime at, Long runId, String email) throws IOException, MessagingException {
        Files.createDirectories(dir);
        String base = STAMP.format(at) + (runId == null ? "" : "-" + runId) + "-" + safe(email);
        Path temp = dir.resolve("." + base + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                message.writeTo(out);
            }
            try (var channel = java.nio.channels.FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            for (int n = 1; ; n++) {
                Path file = dir.resolve(base + (n == 1 ? "" : "-" + n) + ".eml");
                try {
                    // without REPLACE_EXISTING: same recipient twice within one second (a quick re-run) keeps both
                    return Files.move(temp, file);
                } catch (FileAlreadyExistsException e) {
                    // try the next name
                }
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Whether an I/O failure (or a cause of it) is the disk being full. */
    static boolean diskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("No space left on device") || m.contains("Disk quota exceeded")
                    || m.contains("There is not enough space on the disk"))) {
                return true;
            }
        }
        return false;
    }

    /** Keeps an address usable as a file name on every file system. */
    static String safe(String email) {
        return email.replaceAll("[^A-Za-z0-9@._+-]", "_");
    }
}
