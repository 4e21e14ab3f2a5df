package cn.bipin.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Hostile workbooks made in the test from a real filled template: parts of the zip rewritten (streamed, so a gigabyte
 * of text costs no memory and no disk beyond its compressed size), or bytes damaged after writing.
 */
final class HostileXlsx {

    static final String SHEET = "xl/worksheets/sheet1.xml";
    static final String SHARED_STRINGS = "xl/sharedStrings.xml";

    /** Writes a part's new content, given its original text. */
    interface Part {
        void write(String original, OutputStream out) throws IOException;
    }

    private HostileXlsx() {
    }

    /** Copies {@code in} to {@code out}, every entry deflated fast, the named parts rewritten. */
    static Path rewrite(Path in, Path out, Map<String, Part> parts) {
        try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(in));
                ZipOutputStream zout = new ZipOutputStream(Files.newOutputStream(out))) {
            zout.setLevel(Deflater.BEST_SPEED);
            ZipEntry e;
            while ((e = zin.getNextEntry()) != null) {
                byte[] bytes = zin.readAllBytes();
                zout.putNextEntry(new ZipEntry(e.getName()));
                Part part = parts.get(e.getName());
                if (part == null) {
                    zout.write(bytes);
                } else {
                    part.write(new String(bytes, StandardCharsets.UTF_8), zout);
                }
                zout.closeEntry();
            }
            return out;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Copies {@code in} to {@code out} with every entry stored uncompressed, so that its bytes can be found and damaged. */
    static Path stored(Path in, Path out) {
        try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(in));
                ZipOutputStream zout = new ZipOutputStream(Files.newOutputStream(out))) {
            ZipEntry e;
            while ((e = zin.getNextEntry()) != null) {
                byte[] bytes = zin.readAllBytes();
                ZipEntry s = new ZipEntry(e.getName());
                s.setMethod(ZipEntry.STORED);
                s.setSize(bytes.length);
                s.setCompressedSize(bytes.length);
                CRC32 crc = new CRC32();
                crc.update(bytes);
                s.setCrc(crc.getValue());
                zout.putNextEntry(s);
                zout.write(bytes);
                zout.closeEntry();
            }
            return out;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Replaces the only occurrence of {@code from} in the file's bytes with {@code to} (same length). */
    static void patch(Path file, String from, String to) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            byte[] f = from.getBytes(StandardCharsets.UTF_8);
            byte[] t = to.getBytes(StandardCharsets.UTF_8);
            if (f.length != t.length) {
                throw new IllegalArgumentException("same length only");
            }
            int at = -1;
            for (int i = 0; i + f.length <= bytes.length && at < 0; i++) {
                boolean match = true;
                for (int j = 0; j < f.length && match; j++) {
                    match = bytes[i + j] == f[j];
                }
                if (match) {
                    at = i;
                }
            }
            if (at < 0) {
                throw new IllegalArgumentException(from + " not in " + file);
            }
            System.arraycopy(t, 0, bytes, at, t.length);
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sheet with {@code extraRows} (XML of whole rows) added after its last row. */
    static Part appendRows(String extraRows) {
        return (original, out) -> {
            int end = original.indexOf("</sheetData>");
            out.write(original.substring(0, end).getBytes(StandardCharsets.UTF_8));
            out.write(extraRows.getBytes(StandardCharsets.UTF_8));
            out.write(original.substring(end).getBytes(StandardCharsets.UTF_8));
        };
    }

    /** The sheet with one more row whose one inline-string cell holds {@code chars} letters, streamed. */
    static Part hugeInlineCell(long chars) {
        return (original, out) -> {
            int end = original.indexOf("</sheetData>");
            out.write(original.substring(0, end).getBytes(StandardCharsets.UTF_8));
            out.write("<row r=\"900\"><c r=\"G900\" t=\"inlineStr\"><is><t>".getBytes(StandardCharsets.UTF_8));
            repeat(out, (byte) 'a', chars);
            out.write("</t></is></c></row>".getBytes(StandardCharsets.UTF_8));
            out.write(original.substring(end).getBytes(StandardCharsets.UTF_8));
        };
    }

    /** The shared strings with one more string of {@code chars} letters, streamed. */
    static Part hugeSharedString(long chars) {
        return (original, out) -> {
            int end = original.indexOf("</sst>");
            out.write(original.substring(0, end).getBytes(StandardCharsets.UTF_8));
            out.write("<si><t>".getBytes(StandardCharsets.UTF_8));
            repeat(out, (byte) 'b', chars);
            out.write("</t></si>".getBytes(StandardCharsets.UTF_8));
            out.write(original.substring(end).getBytes(StandardCharsets.UTF_8));
        };
    }

    /** The shared strings followed by {@code count} more one-letter strings. */
    static Part manySharedStrings(int count) {
        return (original, out) -> {
            int end = original.indexOf("</sst>");
            out.write(original.substring(0, end).getBytes(StandardCharsets.UTF_8));
            byte[] one = "<si><t>x</t></si>".getBytes(StandardCharsets.UTF_8);
            byte[] block = new byte[one.length * 4096];
            for (int i = 0; i < 4096; i++) {
                System.arraycopy(one, 0, block, i * one.length, one.length);
            }
            for (int i = 0; i < count / 4096; i++) {
                out.write(block);
            }
            out.write(original.substring(end).getBytes(StandardCharsets.UTF_8));
        };
    }

    private static void repeat(OutputStream out, byte b, long n) throws IOException {
        byte[] block = new byte[1 << 20];
        java.util.Arrays.fill(block, b);
        for (long left = n; left > 0; left -= block.length) {
            out.write(block, 0, (int) Math.min(block.length, left));
        }
    }

    static byte[] read(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
