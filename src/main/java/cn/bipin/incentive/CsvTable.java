package cn.bipin.incentive;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV data file: UTF-8 with or without BOM, RFC 4180 quoting, a header row of column keys or template titles.
 * A GBK file (Excel on a Chinese Windows) is refused up front with instructions instead of read as mojibake.
 */
final class CsvTable implements TableSource {

    private final String fileName;
    private final BufferedReader in;
    private final List<String> header;
    private int line;
    private int recordLine;

    private CsvTable(String fileName, BufferedReader in) {
        this.fileName = fileName;
        this.in = in;
        List<String> first = nextRecord();
        if (first == null) {
            throw new DataFileException(fileName, "文件中没有任何数据（第一行应为列名）");
        }
        if (!first.isEmpty() && first.get(0).startsWith("\uFEFF")) {
            first.set(0, first.get(0).substring(1));
        }
        this.header = first;
    }

    static CsvTable open(Path file) {
        String name = file.getFileName().toString();
        checkEncoding(file, name);
        try {
            return new CsvTable(name, Files.newBufferedReader(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void checkEncoding(Path file, String name) {
        try {
            if (Files.size(file) == 0) {
                throw new DataFileException(name, "文件为空（0字节），请重新报送");
            }
            CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            try (InputStream is = Files.newInputStream(file); Reader r = new InputStreamReader(is, strict)) {
                char[] buf = new char[16384];
                while (r.read(buf) >= 0) {
                    // decoding is the check
                }
            }
        } catch (CharacterCodingException e) {
            throw new DataFileException(name,
                    "CSV不是UTF-8编码（可能是GBK），请在Excel中“另存为”选择“CSV UTF-8(逗号分隔)”后再报送", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public SourceRow next() {
        List<String> rec;
        while ((rec = nextRecord()) != null) {
            if (rec.stream().anyMatch(c -> !c.isBlank())) {
                return new SourceRow(recordLine, rec);
            }
        }
        return null;
    }

    private List<String> nextRecord() {
        try {
            int c = in.read();
            if (c < 0) {
                return null;
            }
            line++;
            recordLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder sb = new StringBuilder();
            boolean quoted = false;
            while (true) {
                if (quoted) {
                    if (c < 0) {
                        throw new DataFileException(fileName, "第" + recordLine + "行的引号没有配对（内容从这一行起到文件末尾都在引号里）");
                    }
                    if (c == '"') {
                        in.mark(1);
                        int d = in.read();
                        if (d == '"') {
                            sb.append('"');
                        } else {
                            quoted = false;
                            in.reset();
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        sb.append((char) c);
                    }
                } else if (c < 0 || c == '\n') {
                    break;
                } else if (c == '\r') {
                    in.mark(1);
                    if (in.read() != '\n') {
                        in.reset();
                    }
                    break;
                } else if (c == ',') {
                    fields.add(sb.toString());
                    sb.setLength(0);
                } else if (c == '"' && sb.isEmpty()) {
                    quoted = true;
                } else {
                    sb.append((char) c);
                }
                c = in.read();
            }
            fields.add(sb.toString());
            return fields;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fileName, e);
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // nothing was written; a failed close of a read-only file loses nothing
        }
    }
}
