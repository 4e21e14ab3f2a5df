package cn.bipin.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams RFC 4180 records of a UTF-8 CSV (BOM optional) with their line numbers. Excel on a Chinese Windows writes
 * GBK, which is refused with instructions rather than read as mojibake.
 */
final class CsvRecords {

    /** One record and the 1-based line it starts on. */
    record Line(int number, List<String> fields) {

        boolean blank() {
            return fields.stream().allMatch(String::isBlank);
        }

        String field(int index) {
            return index >= 0 && index < fields.size() ? fields.get(index).strip() : "";
        }
    }

    interface Handler {
        void accept(Line line);
    }

    private CsvRecords() {
    }

    static void read(Path file, Handler handler) {
        String name = file.getFileName().toString();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16)) {
            int line = 1;
            int c = in.read();
            if (c == '\uFEFF') {
                c = in.read();
            }
            if (c < 0) {
                throw new BallotFileRejectedException(name, "文件为空，请重新报送");
            }
            List<String> fields = new ArrayList<>();
            StringBuilder sb = new StringBuilder();
            boolean quoted = false;
            int start = line;
            while (c >= 0) {
                if (quoted) {
                    if (c == '"') {
                        in.mark(1);
                        int d = in.read();
                        if (d == '"') {
                            sb.append('"');
                        } else {
                            quoted = false;
                            if (d >= 0) {
                                in.reset();
                            }
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        sb.append((char) c);
                    }
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r') {
                        in.mark(1);
                        if (in.read() != '\n') {
                            in.reset();
                        }
                    }
                    fields.add(sb.toString());
                    handler.accept(new Line(start, fields));
                    fields = new ArrayList<>();
                    sb.setLength(0);
                    line++;
                    start = line;
                } else if (c == ',') {
                    fields.add(sb.toString());
                    sb.setLength(0);
                } else if (c == '"' && sb.toString().isBlank()) {
                    quoted = true;
                    sb.setLength(0);
                } else {
                    sb.append((char) c);
                }
                c = in.read();
            }
            if (!fields.isEmpty() || !sb.isEmpty()) {
                fields.add(sb.toString());
                handler.accept(new Line(start, fields));
            }
        } catch (CharacterCodingException e) {
            throw new BallotFileRejectedException(name,
                    "CSV不是UTF-8编码（可能是GBK），请在Excel中“另存为”选择“CSV UTF-8(逗号分隔)”后再报送", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
