package cn.bipin.inbox;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an .xlsx once, in constant memory, before any parser that builds strings or arrays from it does: a file
 * whose zip checksums fail, that inflates past a limit, holds too many shared strings, a cell longer than Excel
 * allows, or a cell or row reference beyond Excel's sheet, is turned away with the reason. A 2 KB file naming column
 * {@code ZZZZZZ} or one cell inflating to a gigabyte of text would otherwise cost the whole run its memory.
 */
public final class XlsxGuard {

    /** Everything inside the zip, inflated. A 100,000-row template is about 35 MB. */
    static final long MAX_UNCOMPRESSED = 256L << 20;
    /** The shared-string part is held in memory by the reader. */
    static final long MAX_SHARED_STRINGS_BYTES = 32L << 20;
    static final int MAX_SHARED_STRINGS = 1_000_000;
    static final int MAX_ENTRIES = 10_000;
    /** Excel's own limits: 32,767 characters in a cell, 1,048,576 rows, 16,384 columns (XFD). */
    static final int MAX_CELL_CHARS = 32_767;
    static final int MAX_ROW = 1_048_576;
    static final int MAX_COLUMN = 16_384;
    /** No tag of a real workbook comes near this; a longer one would be buffered whole by any XML parser. */
    static final int MAX_TAG_BYTES = 64 * 1024;
    /** Text between two tags, in bytes: a cell's 32,767 characters, escaped, fit easily. */
    static final int MAX_TEXT_BYTES = 1 << 20;

    private XlsxGuard() {
    }

    /** Null when the workbook may be read; else why not, in Chinese, for the whole file. */
    public static String problem(Path file) {
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            Budget budget = new Budget();
            ZipEntry entry;
            int entries = 0;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    return "压缩包内的文件超过" + MAX_ENTRIES + "个，不是正常的Excel文件";
                }
                String name = entry.getName();
                String lower = name.toLowerCase(Locale.ROOT);
                Part part = lower.equals("xl/sharedstrings.xml") ? Part.SHARED_STRINGS
                        : lower.startsWith("xl/worksheets/") && lower.endsWith(".xml") ? Part.SHEET : Part.OTHER;
                String problem = check(name, part, new Bounded(zip, budget, part));
                if (problem != null) {
                    return problem;
                }
            }
            if (entries == 0) {
                return ExcelCells.CORRUPT;
            }
            return null;
        } catch (Refused r) {
            return r.getMessage();
        } catch (ZipException e) {
            return "文件已损坏或不是Excel文件（压缩包校验失败），请重新保存为.xlsx后再报送";
        } catch (IOException e) {
            if (e.getCause() instanceof Refused r) {
                return r.getMessage();
            }
            return "文件已损坏或不是Excel文件（压缩包不完整），请重新保存为.xlsx后再报送";
        }
    }

    private enum Part { SHARED_STRINGS, SHEET, OTHER }

    private static String check(String name, Part part, Bounded in) throws IOException {
        if (part != Part.OTHER) {
            try {
                parser().parse(in, new Scan(name, part));
            } catch (Refused r) {
                return r.getMessage();
            } catch (SAXParseException e) {
                if (e.getCause() instanceof Refused r) {
                    return r.getMessage();
                }
                if (String.valueOf(e.getMessage()).contains("DOCTYPE")) {
                    return "文件内含DTD声明（Excel不会这样保存，可能是构造的恶意文件），不予读取";
                }
                return "文件已损坏或不是Excel文件（" + name + " 第" + e.getLineNumber() + "行无法解析），请重新保存为.xlsx后再报送";
            } catch (SAXException e) {
                if (e.getCause() instanceof Refused r) {
                    return r.getMessage();
                }
                return "文件已损坏或不是Excel文件（" + name + " 无法解析），请重新保存为.xlsx后再报送";
            }
        }
        in.transferTo(java.io.OutputStream.nullOutputStream()); // the rest of the entry: its CRC is checked when it ends
        return null;
    }

    private static SAXParser parser() {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            return f.newSAXParser();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A refusal found while reading; its message is the Chinese reason. */
    private static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Bytes inflated so far, over the whole file. */
    private static final class Budget {
        long total;
        long sharedStrings;
    }

    /**
     * One entry's bytes, counted against the budget, with the longest tag and the longest text between tags
     * bounded before an XML parser gets to buffer them.
     */
    private static final class Bounded extends FilterInputStream {
        private final Budget budget;
        private final Part part;
        private boolean inTag;
        private int run;

        Bounded(InputStream in, Budget budget, Part part) {
            super(in);
            this.budget = budget;
            this.part = part;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n <= 0) {
                return n;
            }
            budget.total += n;
            if (budget.total > MAX_UNCOMPRESSED) {
                throw new Refused("文件解压后超过" + (MAX_UNCOMPRESSED >> 20) + " MB（正常的报送表只有几MB），"
                        + "内容异常或数据过多，请只保留报送表后重新保存");
            }
            if (part == Part.SHARED_STRINGS) {
                budget.sharedStrings += n;
                if (budget.sharedStrings > MAX_SHARED_STRINGS_BYTES) {
                    throw new Refused("文件的共享字符串表解压后超过" + (MAX_SHARED_STRINGS_BYTES >> 20)
                            + " MB，内容异常，请只保留报送表后重新保存");
                }
            }
            if (part != Part.OTHER) {
                for (int i = off; i < off + n; i++) {
                    byte c = b[i];
                    if (c == '<' || c == '>') {
                        inTag = c == '<';
                        run = 0;
                    } else if (++run > (inTag ? MAX_TAG_BYTES : MAX_TEXT_BYTES)) {
                        throw new Refused(inTag ? "文件中有异常长的XML标记，内容异常，不予读取"
                                : "文件中有超长的文字（超过Excel单元格上限" + MAX_CELL_CHARS + "个字符），内容异常，不予读取");
                    }
                }
            }
            return n;
        }

        @Override
        public void close() {
            // the zip stream goes on to the next entry
        }
    }

    /** Counts shared strings, measures each cell's text and checks each row and cell reference. */
    private static final class Scan extends DefaultHandler {
        private final String part;
        private final Part kind;
        private int strings;
        private long text = -1;
        private int depthInText;
        private String cell = "";
        private long row;

        Scan(String part, Part kind) {
            this.part = part;
            this.kind = kind;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) {
            switch (local) {
                case "si" -> {
                    if (kind == Part.SHARED_STRINGS && ++strings > MAX_SHARED_STRINGS) {
                        throw new Refused("文件的共享字符串超过" + MAX_SHARED_STRINGS + "个，内容异常，请只保留报送表后重新保存");
                    }
                    text = 0;
                }
                case "row" -> {
                    String r = atts.getValue("r");
                    row = 0;
                    if (r != null) {
                        long n = number(r);
                        if (n < 1 || n > MAX_ROW) {
                            throw new Refused("文件已损坏或不是Excel文件（" + part + " 中的行号 '" + shorten(r)
                                    + "' 不合法，应为1到" + MAX_ROW + "），请重新保存为.xlsx后再报送");
                        }
                        row = n;
                    }
                }
                case "c" -> {
                    String r = atts.getValue("r");
                    cell = r == null ? "" : r;
                    if (r != null) {
                        checkReference(r);
                    }
                    text = 0;
                }
                case "t", "v" -> depthInText++;
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            switch (local) {
                case "t", "v" -> depthInText--;
                case "si", "c" -> text = -1;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (depthInText > 0 && text >= 0) {
                text += length;
                if (text > MAX_CELL_CHARS) {
                    throw new Refused(kind == Part.SHARED_STRINGS
                            ? "文件中第" + strings + "个共享字符串超过Excel单元格上限" + MAX_CELL_CHARS + "个字符，内容异常，不予读取"
                            : "单元格 " + shorten(cell) + "（" + part + "）的文字超过Excel单元格上限" + MAX_CELL_CHARS
                                    + "个字符，内容异常，不予读取");
                }
            }
        }

        private void checkReference(String r) {
            int i = 0;
            long col = 0;
            while (i < r.length() && Character.isLetter(r.charAt(i)) && col <= MAX_COLUMN) {
                col = col * 26 + (Character.toUpperCase(r.charAt(i)) - 'A' + 1);
                i++;
            }
            long n = i == 0 || i == r.length() ? -1 : number(r.substring(i));
            if (col < 1 || col > MAX_COLUMN || n < 1 || n > MAX_ROW || (row > 0 && n != row)) {
                throw new Refused("单元格引用 '" + shorten(r) + "'（" + part + "）超出Excel工作表的范围（最多XFD列、"
                        + MAX_ROW + "行）或与所在行不符，文件内容异常，不予读取");
            }
        }

        private static long number(String s) {
            if (s.isEmpty() || s.length() > 9) {
                return -1;
            }
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                    return -1;
                }
            }
            return Long.parseLong(s);
        }

        private static String shorten(String s) {
            return s.length() <= 20 ? s : s.substring(0, 20) + "…";
        }
    }
}
