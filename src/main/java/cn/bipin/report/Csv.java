package cn.bipin.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The CSV files Bipin writes (scores, evaluation and incentive exports, raw ballots): UTF-8 with a byte-order mark
 * so Excel opens the Chinese correctly, CRLF line ends, and a field quoted only when it must be.
 */
public final class Csv {

    private Csv() {
    }

    /** A field, quoted when it holds a comma, a quote or a line break; null is empty. */
    public static String field(String s) {
        if (s == null) {
            return "";
        }
        boolean quote = s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r");
        return quote ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** One line of fields. */
    public static String line(String... cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            sb.append(i > 0 ? "," : "").append(field(cells[i]));
        }
        return sb.toString();
    }

    /** Writes the header and the lines, creating the folder if needed. */
    public static void write(Path out, String header, List<String> lines) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                w.write('\uFEFF');
                w.write(header);
                w.write("\r\n");
                for (String line : lines) {
                    w.write(line);
                    w.write("\r\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
