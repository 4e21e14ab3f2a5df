package cn.bipin.targets;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellAddress;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Sheet;

import cn.bipin.inbox.ExcelCells;
import cn.bipin.inbox.ParsedValue;
import cn.bipin.inbox.ValueParser;
import cn.bipin.inbox.XlsxGuard;
import cn.bipin.report.Figures;
import cn.bipin.scheme.Competition;
import cn.bipin.scheme.Dimension;
import cn.bipin.scheme.Method;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.Unit;

/**
 * The 任务分解表 as a workbook: one row per unit (单位代码, 单位名称), one column per indicator whose targets are per
 * unit (target_ratio without a common target), headed "总量（c1_total，万元）". A unit that does not take part in an
 * indicator has a grey, empty cell. Reading matches columns by the code in the header (or the header being exactly
 * the code or the indicator's name) and rows by unit code or name, and refuses the whole table on any problem:
 * targets are all or nothing, a half-imported table would score some units against last year's figures.
 */
public final class TargetTable {

    static final String SHEET = "任务分解表";
    static final String HEADER_UNIT_CODE = "单位代码";
    static final String HEADER_UNIT_NAME = "单位名称";
    /** 0-based: the title, a note, then the header. */
    static final int HEADER_ROW = 2;
    /** A district has tens of units; a table of more rows is not a 任务分解表. */
    static final int MAX_ROWS = 5_000;
    private static final int MAX_PROBLEMS = 50;
    private static final Pattern CODE_IN_HEADER = Pattern.compile("[（(]\\s*([A-Za-z0-9_]+)");

    private TargetTable() {
    }

    /** The indicators a 任务分解表 holds: those scored against a target of each unit's own. */
    public static List<Dimension> indicators(Scheme scheme) {
        return scheme.competitions().stream().flatMap(c -> c.dimensions().stream())
                .filter(d -> d.method() == Method.TARGET_RATIO && d.target() == null).toList();
    }

    static String header(Dimension d) {
        return d.name() + "（" + d.code() + "，" + d.measure() + "）";
    }

    /** Writes the table with the targets in force, for the office to send out or fill in. */
    public static void write(Scheme scheme, Path out) {
        List<Dimension> dims = indicators(scheme);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet sheet = wb.createSheet(SHEET);
            CellStyle title = wb.createCellStyle();
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title.setFont(big);
            CellStyle header = bordered(wb);
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setWrapText(true);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle text = bordered(wb);
            CellStyle amount = bordered(wb);
            amount.setDataFormat(wb.createDataFormat().getFormat("#,##0.##"));
            CellStyle percent = bordered(wb);
            percent.setDataFormat(wb.createDataFormat().getFormat("0.00%"));
            CellStyle absent = bordered(wb);
            absent.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            absent.setFillPattern(FillPatternType.SOLID_FOREGROUND);

            Row t = sheet.createRow(0);
            t.setHeightInPoints(24);
            t.createCell(0).setCellValue(scheme.title() + scheme.year() + "年度目标任务分解表");
            t.getCell(0).setCellStyle(title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, Math.max(1, dims.size() + 1)));
            sheet.createRow(1).createCell(0).setCellValue("填写各单位全年目标；灰色格表示该单位不参加此项比拼，留空。"
                    + "百分数可填 95% 或 0.95。导入：make targets SCHEME=" + scheme.id() + " FILE=本表");
            Row h = sheet.createRow(HEADER_ROW);
            h.setHeightInPoints(32);
            cell(h, 0, HEADER_UNIT_CODE, header);
            cell(h, 1, HEADER_UNIT_NAME, header);
            for (int i = 0; i < dims.size(); i++) {
                cell(h, i + 2, header(dims.get(i)), header);
            }
            int r = HEADER_ROW + 1;
            for (Unit u : scheme.units()) {
                if (dims.stream().noneMatch(d -> takesPart(scheme, d, u.code()))) {
                    continue;
                }
                Row row = sheet.createRow(r++);
                cell(row, 0, u.code(), text);
                cell(row, 1, u.name(), text);
                for (int i = 0; i < dims.size(); i++) {
                    Dimension d = dims.get(i);
                    var c = row.createCell(i + 2);
                    if (!takesPart(scheme, d, u.code())) {
                        c.setCellStyle(absent);
                        continue;
                    }
                    c.setCellStyle(d.isPercent() ? percent : amount);
                    scheme.target(d, u.code()).ifPresent(v -> c.setCellValue(v.doubleValue()));
                }
            }
            sheet.setColumnWidth(0, 14 * 256);
            sheet.setColumnWidth(1, 26 * 256);
            for (int i = 0; i < dims.size(); i++) {
                sheet.setColumnWidth(i + 2, 18 * 256);
            }
            sheet.createFreezePane(2, HEADER_ROW + 1);
            sheet.setFitToPage(true);
            PrintSetup print = sheet.getPrintSetup();
            print.setLandscape(dims.size() > 4);
            print.setPaperSize(PrintSetup.A4_PAPERSIZE);
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            Files.createDirectories(out.toAbsolutePath().getParent());
            try (OutputStream os = Files.newOutputStream(out)) {
                wb.write(os);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
    }

    /**
     * Reads a filled table: the targets of every indicator it has a column for, per unit. Throws
     * {@link TargetImportException} listing every problem (up to 50) when anything is wrong.
     */
    public static Map<String, Map<String, BigDecimal>> read(Scheme scheme, Path file) {
        String name = file.getFileName().toString();
        String whole = ExcelCells.signatureProblem(file);
        if (whole == null) {
            whole = XlsxGuard.problem(file);
        }
        if (whole != null) {
            throw new TargetImportException(name, List.of(whole));
        }
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, BigDecimal>> targets = new LinkedHashMap<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, true))) {
            Sheet sheet = wb.findSheet(SHEET).orElse(wb.getFirstSheet());
            Map<Integer, Dimension> columns = null;
            int codeCol = -1;
            int nameCol = -1;
            Map<String, Integer> seen = new HashMap<>();
            int rowsRead = 0;
            try (var stream = sheet.openStream()) {
            for (org.dhatim.fastexcel.reader.Row row : (Iterable<org.dhatim.fastexcel.reader.Row>) stream::iterator) {
                if (++rowsRead > MAX_ROWS) {
                    throw new TargetImportException(name, List.of("表中超过 " + MAX_ROWS + " 行，不是任务分解表"));
                }
                int excelRow = row.getRowNum();
                if (columns == null) {
                    // the header: the first row with 单位代码 or 单位名称 in it
                    for (int c = 0; c < row.getCellCount(); c++) {
                        String v = text(row.getCell(c));
                        if (v.equals(HEADER_UNIT_CODE)) {
                            codeCol = c;
                        } else if (v.equals(HEADER_UNIT_NAME) || v.equals("单位")) {
                            nameCol = c;
                        }
                    }
                    if (codeCol >= 0 || nameCol >= 0) {
                        columns = columns(scheme, row, codeCol, nameCol, problems);
                        for (Dimension d : columns.values()) {
                            targets.put(d.code(), new LinkedHashMap<>());
                        }
                    }
                    continue;
                }
                String code = codeCol >= 0 ? text(cell(row, codeCol)) : "";
                String unitName = nameCol >= 0 ? text(cell(row, nameCol)) : "";
                if (code.isEmpty() && unitName.isEmpty()) {
                    continue;
                }
                Optional<Unit> unit = unit(scheme, code, unitName);
                if (unit.isEmpty()) {
                    String col = CellAddress.convertNumToColString(code.isEmpty() ? nameCol : codeCol);
                    problems.add("第" + excelRow + "行 " + col + "列：'" + (code.isEmpty() ? unitName : code)
                            + "' 不是本方案的单位（单位代码或名称应与方案文件一致）");
                    continue;
                }
                Unit u = unit.get();
                Integer earlier = seen.putIfAbsent(u.code(), excelRow);
                if (earlier != null) {
                    problems.add("第" + excelRow + "行：单位 " + u.name() + " 在第" + earlier + "行已经出现过，每个单位只能有一行");
                    continue;
                }
                for (Map.Entry<Integer, Dimension> e : columns.entrySet()) {
                    Dimension d = e.getValue();
                    Cell c = cell(row, e.getKey());
                    String at = "第" + excelRow + "行 " + CellAddress.convertNumToColString(e.getKey()) + "列（" + u.name()
                            + " · " + d.name() + "）";
                    String raw = text(c);
                    BigDecimal numeric = null;
                    boolean percentCell = false;
                    if (c != null && c.getValue() instanceof BigDecimal n) {
                        numeric = ExcelCells.excelRounded(n);
                        percentCell = ExcelCells.isPercent(c);
                    }
                    boolean blank = raw.isEmpty() && numeric == null;
                    if (!takesPart(scheme, d, u.code())) {
                        if (!blank) {
                            problems.add(at + "：'" + raw + "'，但该单位不参加" + competition(scheme, d).name() + "，此格应留空");
                        }
                        continue;
                    }
                    if (blank) {
                        problems.add(at + "：未填写目标值");
                        continue;
                    }
                    ParsedValue v = ValueParser.parse(raw, numeric, percentCell, d);
                    if (!v.ok()) {
                        problems.add(at + "：" + v.error());
                    } else if (v.value().signum() <= 0) {
                        problems.add(at + "：'" + raw + "' 目标值应大于 0");
                    } else {
                        targets.get(d.code()).put(u.code(), v.value());
                    }
                }
                if (problems.size() > MAX_PROBLEMS) {
                    break;
                }
            }
            }
            if (columns == null) {
                problems.add("找不到表头：应有一行写着“" + HEADER_UNIT_CODE + "”或“" + HEADER_UNIT_NAME
                        + "”，其后各列为指标" + indicators(scheme).stream().findFirst().map(d -> "（如“" + header(d) + "”）").orElse(""));
            } else {
                for (Dimension d : columns.values()) {
                    for (String participant : competition(scheme, d).participants()) {
                        if (!seen.containsKey(participant)) {
                            problems.add("缺少单位 " + scheme.unit(participant).map(Unit::name).orElse(participant) + "（"
                                    + participant + "）的行：它参加" + competition(scheme, d).name() + "，需要 " + d.name() + " 的目标");
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof TargetImportException t) {
                throw t;
            }
            throw new TargetImportException(name, List.of(ExcelCells.CORRUPT));
        }
        if (!problems.isEmpty()) {
            throw new TargetImportException(name, problems.size() > MAX_PROBLEMS
                    ? List.copyOf(problems.subList(0, MAX_PROBLEMS)) : problems);
        }
        Map<String, Map<String, BigDecimal>> result = new LinkedHashMap<>();
        targets.forEach((d, perUnit) -> result.put(d, Map.copyOf(perUnit)));
        return result;
    }

    private static Map<Integer, Dimension> columns(Scheme scheme, org.dhatim.fastexcel.reader.Row header, int codeCol,
            int nameCol, List<String> problems) {
        List<Dimension> dims = indicators(scheme);
        Map<Integer, Dimension> columns = new LinkedHashMap<>();
        for (int c = 0; c < header.getCellCount(); c++) {
            if (c == codeCol || c == nameCol) {
                continue;
            }
            String h = text(header.getCell(c));
            if (h.isEmpty()) {
                continue;
            }
            Optional<Dimension> d = indicator(scheme, dims, h);
            String col = CellAddress.convertNumToColString(c);
            if (d.isEmpty()) {
                problems.add("第" + header.getRowNum() + "行 " + col + "列：表头 '" + h + "' 不是需要分单位目标的指标；可用的指标："
                        + String.join("、", dims.stream().map(TargetTable::header).toList()));
            } else if (columns.containsValue(d.get())) {
                problems.add("第" + header.getRowNum() + "行 " + col + "列：指标 " + d.get().name() + " 的列出现了两次");
            } else {
                columns.put(c, d.get());
            }
        }
        return columns;
    }

    private static Optional<Dimension> indicator(Scheme scheme, List<Dimension> dims, String header) {
        Matcher m = CODE_IN_HEADER.matcher(header);
        String code = m.find() ? m.group(1) : header;
        Optional<Dimension> byCode = dims.stream().filter(d -> d.code().equals(code)).findFirst();
        if (byCode.isPresent()) {
            return byCode;
        }
        List<Dimension> byName = dims.stream().filter(d -> d.name().equals(header)).toList();
        return byName.size() == 1 ? Optional.of(byName.get(0)) : Optional.empty();
    }

    private static Optional<Unit> unit(Scheme scheme, String code, String name) {
        if (!code.isEmpty()) {
            return scheme.unit(code);
        }
        return scheme.units().stream().filter(u -> u.name().equals(name)).findFirst();
    }

    static boolean takesPart(Scheme scheme, Dimension d, String unitCode) {
        return competition(scheme, d).participants().contains(unitCode);
    }

    private static Competition competition(Scheme scheme, Dimension d) {
        return scheme.competitionOf(d);
    }

    private static Cell cell(org.dhatim.fastexcel.reader.Row row, int col) {
        return col >= 0 && col < row.getCellCount() ? row.getCell(col) : null;
    }

    private static String text(Cell c) {
        if (c == null || c.getValue() == null) {
            return "";
        }
        Object v = c.getValue();
        if (v instanceof BigDecimal n) {
            return ExcelCells.isPercent(c) ? ExcelCells.percentText(ExcelCells.excelRounded(n)) : ExcelCells.plain(ExcelCells.excelRounded(n));
        }
        return v.toString().strip();
    }

    private static CellStyle bordered(XSSFWorkbook wb) {
        CellStyle st = wb.createCellStyle();
        st.setBorderTop(BorderStyle.THIN);
        st.setBorderBottom(BorderStyle.THIN);
        st.setBorderLeft(BorderStyle.THIN);
        st.setBorderRight(BorderStyle.THIN);
        return st;
    }

    private static void cell(Row row, int col, String value, CellStyle style) {
        var c = row.createCell(col);
        c.setCellValue(value);
        c.setCellStyle(style);
    }

    /** A target as the import summary prints it. */
    static String shown(Dimension d, BigDecimal v) {
        return v == null ? "（无）" : Figures.value(d, v);
    }
}
