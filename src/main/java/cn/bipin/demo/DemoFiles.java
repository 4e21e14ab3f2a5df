package cn.bipin.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** File chores of the demo writers: received times, scratch folders, the "is this inbox folder empty" test. */
final class DemoFiles {

    private DemoFiles() {
    }

    /** Sets the file's modification time, which the pipeline reads as the time the file was received. */
    static void stamp(Path file, LocalDateTime time) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(time.atZone(ZoneId.systemDefault()).toInstant()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a UTF-8 CSV with a byte-order mark (as Excel saves it), CRLF line ends, received at {@code time}. */
    static void csv(Path file, List<String> lines, LocalDateTime time) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, "\uFEFF" + String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stamp(file, time);
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("bipin-demo-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the folder or any folder below it holds a file. */
    static boolean hasFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return false;
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.anyMatch(Files::isRegularFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
