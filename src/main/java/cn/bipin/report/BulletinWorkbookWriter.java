package cn.bipin.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes the bulletin's tables as .xlsx, so that every figure of the PDF can be re-read by machine
 * (DOMAIN §8). Values the job formatted as "45.00%" or "1,234.50" go back to numbers here.
 */
@Component
public class BulletinWorkbookWriter {

    static final String TOTALS_SHEET = "合计";
    static final String LISTS_SHEET = "未报送与逾期";

    private static final Logger log = LoggerFactory.getLogger(BulletinWorkbookWriter.class);
    /** A number as the job formats one: no leading zeros (a code like 007 stays text), commas only between thousands. */
    private static final String DIGITS = "-?(?:0|[1-9]\\d{0,2}(?:,\\d{3})+|[1-9]\\d*)(?:\\.(\\d+))?";
    private static final Pattern PERCENT = Pattern.compile(DIGITS + "%");
    private static final Pattern NUMBER = Pattern.compile(DIGITS);
    private static final int MAX_COLUMN_CHARS = 60;

    public BulletinWorkbookWriter() {
    }

    /**
     * Writes the sheets in the PDF's order: one per {@link Bulletin#before()} section, one per competition,
     * a 合计 sheet when there are totals, one per {@link Bulletin#after()} section, and a 未报送与逾期 sheet;
     * replaces {@code out}.
     *
     * @throws IllegalArgumentException if a row's cells do not match its competition's dimensions
     */
    public void write(Bulletin bulletin, Path out) {
        Objects.requireNonNull(bulletin, "bulletin");
        Objects.requireNonNull(out, "out");
        BulletinReportData.validate(bulletin);
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            Set<String> sheetNames = new HashSet<>();
            String title = bulletin.title();
            for (TableSection section : bulletin.before()) {
                writeSection(workbook.createSheet(uniqueName(section.title(), sheetNames)), title, section, styles);
            }
            for (CompetitionTable competition : bulletin.competitions()) {
                writeCompetition(workbook.createSheet(uniqueName(competition.name(), sheetNames)), title, competition, styles);
            }
            if (!bulletin.totals().isEmpty()) {
                writeTotals(workbook.createSheet(uniqueName(TOTALS_SHEET, sheetNames)), title, bulletin.totals(), styles);
            }
            for (TableSection section : bulletin.after()) {
                writeSection(workbook.createSheet(uniqueName(section.title(), sheetNames)), title, section, styles);
            }
            if (bulletin.reportingLists()) {
                writeLists(workbook.createSheet(uniqueName(LISTS_SHEET, sheetNames)), title, bulletin, styles);
            }
            Path target = out.toAbsolutePath();
            Files.createDirectories(target.getParent());
            try (OutputStream stream = Files.newOutputStream(target)) {
                workbook.write(stream);
            }
            log.debug("榜单 Excel 已写入 {}（{} 个工作表）", target, workbook.getNumberOfSheets());
        } catch (IOException e) {
            throw new BulletinRenderingException("榜单 Excel 生成失败：" + out, e);
        }
    }

    private static void writeCompetition(Sheet sheet, String title, CompetitionTable competition, Styles styles) {
        List<String> headers = new ArrayList<>(List.of("排名", "变化", "单位", "类别"));
        List<Boolean> targets = new ArrayList<>();
        for (int i = 0; i < competition.dimensions().size(); i++) {
            DimensionHeader dimension = competition.dimensions().get(i);
            final int d = i;
            boolean target = competition.rows().stream().anyMatch(r -> !r.cells().get(d).target().isEmpty());
            targets.add(target);
            headers.add(dimension.label() + " 完成值");
            headers.add(dimension.name() + " 本期");
            if (target) {
                headers.add(dimension.name() + " 目标");
            }
            headers.add(dimension.name() + " 得分");
        }
        headers.add("比拼得分");
        Table table = new Table(sheet, styles, title + " · " + BulletinReportData.heading(competition), headers);
        for (RankRow row : competition.rows()) {
            Row line = table.nextRow();
            int column = 0;
            table.number(line, column++, row.rank(), row.bottom());
            table.text(line, column++, row.change(), row.bottom());
            table.text(line, column++, row.unitName(), row.bottom());
            table.text(line, column++, row.groupLabel(), row.bottom());
            for (int i = 0; i < row.cells().size(); i++) {
                DimensionCell cell = row.cells().get(i);
                table.figure(line, column++, cell.value(), row.bottom());
                table.figure(line, column++, cell.monthAmount(), row.bottom());
                if (targets.get(i)) {
                    table.figure(line, column++, cell.target(), row.bottom());
                }
                table.score(line, column++, cell.score(), row.bottom());
            }
            table.score(line, column, row.score(), row.bottom());
        }
        table.finish();
    }

    /** Unit, each competition's score, total: the same one table as the PDF's 合计排名. */
    private static void writeTotals(Sheet sheet, String title, List<TotalRow> totals, Styles styles) {
        List<String> headers = new ArrayList<>(List.of("排名", "变化", "单位", "类别"));
        totals.get(0).parts().forEach(p -> headers.add(p.competition()));
        headers.add("总得分");
        Table table = new Table(sheet, styles, title + " · 合计排名（总得分）", headers);
        for (TotalRow row : totals) {
            Row line = table.nextRow();
            int column = 0;
            table.number(line, column++, row.rank(), row.bottom());
            table.text(line, column++, row.change(), row.bottom());
            table.text(line, column++, row.unitName(), row.bottom());
            table.text(line, column++, row.groupLabel(), row.bottom());
            for (TotalRow.Part part : row.parts()) {
                table.score(line, column++, part.score(), row.bottom());
            }
            table.score(line, column, row.score(), row.bottom());
        }
        table.finish();
    }

    /** The section's own headers and cells; a cell that reads as a number is stored as one, like the figures. */
    private static void writeSection(Sheet sheet, String title, TableSection section, Styles styles) {
        Table table = new Table(sheet, styles, title + " · " + section.title(), section.headers());
        for (TableRow row : section.rows()) {
            Row line = table.nextRow();
            Mark mark = row.bottom() ? Mark.BOTTOM : row.highlight() ? Mark.ATTENTION : Mark.NONE;
            for (int column = 0; column < row.cells().size(); column++) {
                table.figure(line, column, row.cells().get(column), mark);
            }
        }
        if (section.rows().isEmpty()) {
            table.text(table.nextRow(), 0, BulletinReportData.NONE, false);
        }
        table.finish();
    }

    private static void writeLists(Sheet sheet, String title, Bulletin bulletin, Styles styles) {
        Table table = new Table(sheet, styles, title + " · 未报送与逾期", List.of("类型", "说明"));
        writeList(table, "未报送", bulletin.missing());
        writeList(table, "逾期", bulletin.late());
        table.finish();
    }

    private static void writeList(Table table, String kind, List<String> lines) {
        for (String text : lines.isEmpty() ? List.of(BulletinReportData.NONE) : lines) {
            Row line = table.nextRow();
            table.text(line, 0, kind, false);
            table.text(line, 1, text, false);
        }
    }

    /** Excel forbids some characters and more than 31 characters in a sheet name, and duplicates. */
    static String uniqueName(String wanted, Set<String> taken) {
        String base = WorkbookUtil.createSafeSheetName(BulletinReportData.isBlank(wanted) ? "比拼" : wanted);
        String name = base;
        for (int i = 2; !taken.add(name.toLowerCase()); i++) {
            String suffix = "(" + i + ")";
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        return name;
    }

    /** Cell styles shared by all sheets: a workbook holds at most 64k styles, so never one per cell. */
    private static final class Styles {
        final CellStyle header;
        final CellStyle text;
        final CellStyle decimal;
        final CellStyle integer;
        final CellStyle bottomText;
        final CellStyle bottomDecimal;
        final CellStyle bottomInteger;
        final CellStyle attentionText;
        final CellStyle title;
        private final Workbook workbook;
        private final Map<String, CellStyle> numbers = new HashMap<>();

        Styles(Workbook workbook) {
            this.workbook = workbook;
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setWrapText(true);
            header.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            short twoDecimals = workbook.createDataFormat().getFormat("#,##0.00");
            short whole = workbook.createDataFormat().getFormat("#,##0");
            text = workbook.createCellStyle();
            decimal = formatted(workbook, twoDecimals);
            integer = formatted(workbook, whole);
            bottomText = highlighted(workbook, text);
            bottomDecimal = highlighted(workbook, decimal);
            bottomInteger = highlighted(workbook, integer);
            attentionText = attention(workbook, text);
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = workbook.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);
        }

        /** A number style showing as many decimals as the printed text had, shaded for a marked row. */
        CellStyle number(int decimals, boolean percent, Mark mark) {
            String format = (percent ? "0" : "#,##0") + (decimals > 0 ? "." + "0".repeat(decimals) : "") + (percent ? "%" : "");
            CellStyle plain = numbers.computeIfAbsent(format, key -> formatted(workbook, workbook.createDataFormat().getFormat(key)));
            return switch (mark) {
                case NONE -> plain;
                case BOTTOM -> numbers.computeIfAbsent(format + "|bottom", key -> highlighted(workbook, plain));
                case ATTENTION -> numbers.computeIfAbsent(format + "|attention", key -> attention(workbook, plain));
            };
        }

        CellStyle text(Mark mark) {
            return switch (mark) {
                case NONE -> text;
                case BOTTOM -> bottomText;
                case ATTENTION -> attentionText;
            };
        }

        /** Amber, as the PDF marks a line that needs attention; red stays the bottom three's. */
        private static CellStyle attention(Workbook workbook, CellStyle base) {
            CellStyle style = workbook.createCellStyle();
            style.cloneStyleFrom(base);
            style.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            return style;
        }

        private static CellStyle formatted(Workbook workbook, short format) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(format);
            return style;
        }

        private static CellStyle highlighted(Workbook workbook, CellStyle base) {
            CellStyle style = workbook.createCellStyle();
            style.cloneStyleFrom(base);
            style.setFillForegroundColor(IndexedColors.ROSE.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            return style;
        }
    }

    /** How a row is shaded: red for a ranking's bottom three, amber for a line that needs attention. */
    private enum Mark { NONE, BOTTOM, ATTENTION }

    /**
     * One sheet's table as the office prints it: a title row, the bold header row under it, both frozen and repeated
     * on every printed page; landscape A4, fitted to the page width; widths fitted to the longest text.
     */
    private static final class Table {
        private final Sheet sheet;
        private final Styles styles;
        private final int[] widths;
        private int next = 2;

        Table(Sheet sheet, Styles styles, String title, List<String> headers) {
            this.sheet = sheet;
            this.styles = styles;
            this.widths = new int[headers.size()];
            Row titleRow = sheet.createRow(0);
            titleRow.setHeightInPoints(24);
            Cell titleCell = titleRow.createCell(0);
            titleCell.setCellValue(title);
            titleCell.setCellStyle(styles.title);
            if (headers.size() > 1) {
                sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, headers.size() - 1));
            }
            Row row = sheet.createRow(1);
            for (int i = 0; i < headers.size(); i++) {
                Cell cell = row.createCell(i);
                cell.setCellValue(headers.get(i));
                cell.setCellStyle(styles.header);
                widen(i, headers.get(i));
            }
            sheet.createFreezePane(0, 2);
            sheet.setRepeatingRows(CellRangeAddress.valueOf("1:2"));
            PrintSetup print = sheet.getPrintSetup();
            print.setLandscape(true);
            print.setPaperSize(PrintSetup.A4_PAPERSIZE);
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            sheet.setFitToPage(true);
            sheet.setHorizontallyCenter(true);
            sheet.setMargin(Sheet.LeftMargin, 0.4);
            sheet.setMargin(Sheet.RightMargin, 0.4);
            sheet.setMargin(Sheet.TopMargin, 0.5);
            sheet.setMargin(Sheet.BottomMargin, 0.5);
            sheet.getFooter().setCenter("第 &P 页 / 共 &N 页");
        }

        Row nextRow() {
            return sheet.createRow(next++);
        }

        void text(Row row, int column, String value, boolean bottom) {
            text(row, column, value, bottom ? Mark.BOTTOM : Mark.NONE);
        }

        void text(Row row, int column, String value, Mark mark) {
            Cell cell = row.createCell(column);
            cell.setCellStyle(styles.text(mark));
            if (!BulletinReportData.isBlank(value)) {
                cell.setCellValue(value);
                widen(column, value);
            }
        }

        void number(Row row, int column, int value, boolean bottom) {
            Cell cell = row.createCell(column);
            cell.setCellStyle(bottom ? styles.bottomInteger : styles.integer);
            cell.setCellValue(value);
            widen(column, Integer.toString(value));
        }

        void score(Row row, int column, BigDecimal value, boolean bottom) {
            Cell cell = row.createCell(column);
            cell.setCellStyle(bottom ? styles.bottomDecimal : styles.decimal);
            if (value != null) {
                cell.setCellValue(value.doubleValue());
                widen(column, value.toPlainString());
            }
        }

        /**
         * A formatted figure back to a number shown as it was printed: "45.00%" → 0.45 as 0.00%, "1,234.50" →
         * 1234.5 as #,##0.00, "100,000" → 100000 as #,##0; anything else stays text.
         */
        void figure(Row row, int column, String value, boolean bottom) {
            figure(row, column, value, bottom ? Mark.BOTTOM : Mark.NONE);
        }

        void figure(Row row, int column, String value, Mark bottom) {
            if (BulletinReportData.isBlank(value)) {
                text(row, column, null, bottom);
                return;
            }
            String trimmed = value.trim();
            Matcher percent = PERCENT.matcher(trimmed);
            Matcher number = NUMBER.matcher(trimmed);
            Cell cell = row.createCell(column);
            if (percent.matches()) {
                BigDecimal parsed = new BigDecimal(trimmed.substring(0, trimmed.length() - 1).replace(",", ""));
                cell.setCellValue(parsed.movePointLeft(2).doubleValue());
                cell.setCellStyle(styles.number(decimals(percent), true, bottom));
            } else if (number.matches()) {
                cell.setCellValue(new BigDecimal(trimmed.replace(",", "")).doubleValue());
                cell.setCellStyle(styles.number(decimals(number), false, bottom));
            } else {
                cell.setCellValue(trimmed);
                cell.setCellStyle(styles.text(bottom));
            }
            widen(column, trimmed);
        }

        private static int decimals(Matcher matched) {
            return matched.group(1) == null ? 0 : matched.group(1).length();
        }

        void finish() {
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, Math.min(MAX_COLUMN_CHARS, widths[i] + 2) * 256);
            }
        }

        /** Chinese characters take two character widths in Excel's default font. */
        private void widen(int column, String text) {
            int width = text.codePoints().map(c -> c < 0x1100 ? 1 : 2).sum();
            widths[column] = Math.max(widths[column], width);
        }
    }
}
