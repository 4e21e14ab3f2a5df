package cn.bipin.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What every inbox (unit submissions, incentive data, evaluation ballots, cases and votes) needs: the files waiting in
 * a folder, in the order they are read, and a checksum that tells a file already received by its content.
 */
public final class InboxFiles {

    private InboxFiles() {
    }

    /**
     * Regular files, oldest first (modification time to the millisecond, the time received), then by name. Hidden
     * files and Office lock files ({@code ~$…}, left while a workbook is open) are not submissions. A missing folder
     * has no files.
     */
    public static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().startsWith("~$"))
                    .sorted(Comparator.comparingLong(InboxFiles::modifiedMillis).thenComparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** The file's SHA-256, lower-case hex. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) >= 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The name a received file's bytes are archived under: its checksum and its extension, so that any name the inbox
     * can hold (255 bytes, 83 Chinese characters) can be archived; the name as received is kept in the ledger.
     */
    public static String archiveName(String checksum, String fileName) {
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot).toLowerCase(java.util.Locale.ROOT);
        return checksum + (ext.matches("\\.[a-z0-9]{1,8}") ? ext : "");
    }

    /**
     * A file name or cell as it may be printed to a terminal or a log: control characters (a line break that would
     * forge a log line, an ANSI escape that would recolour the screen) and invisible spaces written as escapes, e.g.
     * {@code \n}, {@code \u001B}, {@code \u00A0}. Everything else, Chinese included, is left as it is.
     */
    public static String printable(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean hidden = Character.isISOControl(c) || c == '\u00A0' || c == '\u2028' || c == '\u2029'
                    || c == '\u200B' || c == '\uFEFF' || Character.getType(c) == Character.FORMAT;
            if (hidden && sb == null) {
                sb = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (sb != null) {
                if (!hidden) {
                    sb.append(c);
                } else if (c == '\n') {
                    sb.append("\\n");
                } else if (c == '\r') {
                    sb.append("\\r");
                } else if (c == '\t') {
                    sb.append("\\t");
                } else {
                    sb.append(String.format("\\u%04X", (int) c));
                }
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static long modifiedMillis(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }
}
