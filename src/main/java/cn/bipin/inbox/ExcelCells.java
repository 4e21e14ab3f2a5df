package cn.bipin.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * What every streaming .xlsx reader here (unit submissions, incentive data) needs to read a cell as the clerk saw it
 * and to turn a file that is not a workbook away with a reason the clerk can act on.
 */
public final class ExcelCells {

    /** Excel keeps 15 significant digits; a cached 0.30000000000000004 is what the clerk sees as 0.3. */
    private static final MathContext EXCEL_DIGITS = new MathContext(15);
    private static final int PLAIN_DIGITS = 40;
    /** Built-in number formats that show a percentage (9 = 0%, 10 = 0.00%); they have no format string. */
    private static final Set<String> BUILTIN_PERCENT = Set.of("9", "10");
    /**
     * Built-in date and time formats, which Excel applies on its own when "1-2" is typed: 14–22 and 45–47, and the
     * Chinese-locale dates 57 and 58 (2024年6月, 6月15日).
     */
    private static final Set<String> BUILTIN_DATE = Set.of("14", "15", "16", "17", "18", "19", "20", "21", "22",
            "45", "46", "47", "57", "58");

    /** The reason for a file the parser could not read. */
    public static final String CORRUPT = "文件已损坏或不是Excel文件，请重新保存为.xlsx后再报送";

    private ExcelCells() {
    }

    /** Null when the file starts like an .xlsx; else why it cannot be read, in Chinese, for the whole file. */
    public static String signatureProblem(Path file) {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (n == 0) {
            return "文件为空（0字节），请重新报送";
        }
        if (n == head.length && ReadableWorkbook.isOLE2Header(head)) {
            return "文件是旧版Excel(.xls)格式或设置了密码，请取消密码并另存为.xlsx后再报送";
        }
        if (n < 4 || !ReadableWorkbook.isOOXMLZipHeader(head)) {
            return CORRUPT;
        }
        return null;
    }

    /** A cached number as Excel shows it: 15 significant digits, no trailing zeros, never in E notation. */
    public static BigDecimal excelRounded(BigDecimal n) {
        BigDecimal r = n.round(EXCEL_DIGITS).stripTrailingZeros();
        // 1E+308 as a cell's number would take 309 digits to write out: such a value is refused later, as it is
        return r.scale() < 0 && r.scale() > -PLAIN_DIGITS ? r.setScale(0) : r;
    }

    /** A number as text: plain notation, unless writing it out would take more than 40 digits (1E+308). */
    public static String plain(BigDecimal n) {
        return Math.abs((long) n.precision() - n.scale()) > PLAIN_DIGITS || n.scale() > PLAIN_DIGITS
                ? n.toString() : n.toPlainString();
    }

    /** A fraction as the percentage a percent-formatted cell shows: 0.855 → 85.5%. */
    public static String percentText(BigDecimal fraction) {
        BigDecimal p = fraction.movePointRight(2).stripTrailingZeros();
        return plain(p.scale() < 0 && p.scale() > -PLAIN_DIGITS ? p.setScale(0) : p) + "%";
    }

    public static boolean isPercent(Cell c) {
        String format = c.getDataFormatString();
        String id = c.getDataFormatId() == null ? "" : c.getDataFormatId().toString();
        return BUILTIN_PERCENT.contains(id) || (format != null && format.contains("%"));
    }

    public static boolean isDate(Cell c) {
        String id = c.getDataFormatId() == null ? "" : c.getDataFormatId().toString();
        if (BUILTIN_DATE.contains(id)) {
            return true;
        }
        String format = c.getDataFormatString();
        if (format == null) {
            return false;
        }
        // Ignore quoted literals and [colour]/[locale] sections before looking for year or day codes.
        String codes = format.replaceAll("\"[^\"]*\"|\\[[^]]*]", "").toLowerCase();
        return codes.contains("y") || codes.contains("d");
    }

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Every cell of a row as {@link #text(Cell, boolean)}, in column order. */
    public static List<String> texts(Row row, boolean keepTime) {
        List<String> cells = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            cells.add(text(row.getCell(i), keepTime));
        }
        return cells;
    }

    /**
     * A cell as the text a clerk sees in it, for the readers of table-shaped files (ledgers, enterprise data): empty
     * for an empty cell; a date as 2024-07-01 (with {@code keepTime}, a date-time not at midnight as
     * 2024-07-01 09:30); a number as Excel shows it, a percentage-formatted one as 85.5%; TRUE/FALSE as 是/否; text
     * stripped.
     */
    public static String text(Cell c, boolean keepTime) {
        if (c == null || c.getType() == CellType.EMPTY || c.getValue() == null) {
            return "";
        }
        Object v = c.getValue();
        if (v instanceof BigDecimal n) {
            if (isDate(c)) {
                LocalDateTime t = c.asDate();
                return keepTime && !t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.format(MINUTES) : t.toLocalDate().toString();
            }
            BigDecimal r = excelRounded(n);
            return isPercent(c) ? percentText(r) : r.toPlainString();
        }
        if (v instanceof Boolean b) {
            return b ? "是" : "否";
        }
        return v.toString().strip();
    }

    /** Closes a workbook opened for reading; failing to close it loses nothing. */
    public static void closeQuietly(ReadableWorkbook wb) {
        if (wb != null) {
            try {
                wb.close();
            } catch (IOException e) {
                // read-only
            }
        }
    }
}
