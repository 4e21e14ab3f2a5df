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

    /** Writes the message as {@code <yyyyMMdd-HHmmss>-<runId>-<email>.eml}, never overwriting an earlier file. */
    Path write(MimeMessage message, LocalDateTime at, Long runId, String email) throws IOException, MessagingException {
        Files.createDirectories(dir);
        String base = STAMP.format(at) + (runId == null ? "" : "-" + runId) + "-" + safe(email);
        for (int n = 1; ; n++) {
            Path file = dir.resolve(base + (n == 1 ? "" : "-" + n) + ".eml");
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                message.writeTo(out);
                return file;
            } catch (FileAlreadyExistsException e) {
                // same recipient twice within one second (a quick re-run): keep both files
            }
        }
    }

    /** Keeps an address usable as a file name on every file system. */
    private static String safe(String email) {
        return email.replaceAll("[^A-Za-z0-9@._+-]", "_");
    }
}
