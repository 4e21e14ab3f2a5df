package cn.bipin.appeal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.bipin.report.TableRow;
import cn.bipin.report.TableSection;
import cn.bipin.run.Run;
import cn.bipin.scheme.Scheme;
import cn.bipin.submission.FeedbackService.UnitFeedback;

/**
 * Adds the appeals ledger to each unit's feedback sheet of a quarterly run: a sheet 企业诉求 with the unit's figures
 * and its own lists (late registrations and studies, wrong-level answers, cases open too long), and a sheet 诉求台账退回
 * with every ledger row of this run's files that named the unit, each marked 采用（第N版） or sent back with its
 * reason. Ledger rows and files that name no unit of the scheme go to the office's sheet 企业诉求台账_未采用.
 */
@Component
public class AppealFeedback {

    private static final Logger log = LoggerFactory.getLogger(AppealFeedback.class);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final String SHEET = "企业诉求";
    static final String ROWS_SHEET = "诉求台账反馈";

    private final AppealService appeals;
    private final AppealLedger ledger;

    AppealFeedback(AppealService appeals, AppealLedger ledger) {
        this.appeals = appeals;
        this.ledger = ledger;
    }

    public void append(Scheme scheme, Run run, List<UnitFeedback> sheets) {
        if (!AppealRules.configured(scheme) || run.period().year() != scheme.year()) {
            return;
        }
        AppealRules rules = AppealRules.of(scheme);
        AppealFigures.Result r = appeals.report(scheme, run.period());
        Map<String, List<AppealLedger.StoredRow>> rows = ledger.rowsOfRun(run.id()).stream()
                .filter(s -> s.unitCode() != null).collect(Collectors.groupingBy(AppealLedger.StoredRow::unitCode));
        for (UnitFeedback f : sheets) {
            String unit = f.unitCode();
            List<TableSection> tables = List.of(AppealTables.figures(scheme, rules, r, unit::equals),
                    AppealTables.overdue(rules, scheme, r, unit::equals, false),
                    AppealTables.wrongLevel(scheme, r, unit::equals, false),
                    AppealTables.open(rules, scheme, r, unit::equals, false));
            add(f.sheet(), tables, rowsTable(rules, rows.getOrDefault(unit, List.of())));
        }
        List<AppealLedger.StoredRow> unrouted = ledger.rowsOfRun(run.id()).stream().filter(s -> s.unitCode() == null).toList();
        List<AppealLedger.LedgerFile> refused = ledger.filesOfRun(run.id()).stream()
                .filter(fl -> "REJECTED".equals(fl.status())).toList();
        if (!unrouted.isEmpty() || !refused.isEmpty()) {
            Path office = sheets.isEmpty() ? null : sheets.get(0).sheet().resolveSibling(officeFileName(run));
            if (office != null) {
                List<TableRow> lines = new ArrayList<>();
                refused.forEach(fl -> lines.add(new TableRow(List.of(fl.fileName(), "整份", "", fl.error()), true)));
                unrouted.forEach(s -> lines.add(new TableRow(List.of(s.fileName(), "第" + s.rowNo() + "行", s.rawRow(),
                        s.error()), true)));
                write(office, List.of(new TableSection("未采用的台账文件和行", "这些文件或行未能确定责任单位，未进入任何单位的反馈表，请统计员联系报送单位。",
                        List.of("文件", "行", "原始内容", "原因"), lines)));
                log.info("企业诉求台账：{} 个文件整份退回、{} 行未能确定单位，见 {}", refused.size(), unrouted.size(), office);
            }
        }
    }

    static String officeFileName(Run run) {
        return "企业诉求台账_未采用_" + run.period().code() + ".xlsx";
    }

    private static TableSection rowsTable(AppealRules rules, List<AppealLedger.StoredRow> rows) {
        List<TableRow> lines = new ArrayList<>();
        for (AppealLedger.StoredRow s : rows) {
            boolean ok = "ACCEPTED".equals(s.status());
            lines.add(new TableRow(List.of(s.fileName(), s.fileReceivedAt().format(MINUTES), String.valueOf(s.rowNo()),
                    s.caseId() == null ? "" : s.caseId(), ok ? "采用（第" + s.version() + "版）" : "退回",
                    ok ? "" : s.error()), !ok));
        }
        return new TableSection(rules.title() + "：本次收到的行", "同一诉求编号再次报送为新的版本，以最后收到的版本为准，以前的版本都保留。",
                List.of("文件", "收到时间", "行", "诉求编号", "结果", "原因"), lines);
    }

    /** Appends the tables to an existing workbook: the unit's tables on one sheet, its ledger rows on another. */
    private static void add(Path workbook, List<TableSection> tables, TableSection rows) {
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            CellStyle bold = bold(wb);
            fill(wb.createSheet(SHEET), bold, tables);
            fill(wb.createSheet(ROWS_SHEET), bold, List.of(rows));
            try (OutputStream out = Files.newOutputStream(workbook)) {
                wb.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add the appeals ledger to " + workbook, e);
        }
    }

    private static void write(Path file, List<TableSection> tables) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            fill(wb.createSheet("未采用"), bold(wb), tables);
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CellStyle bold(XSSFWorkbook wb) {
        CellStyle bold = wb.createCellStyle();
        Font font = wb.createFont();
        font.setBold(true);
        bold.setFont(font);
        return bold;
    }

    private static void fill(Sheet sheet, CellStyle bold, List<TableSection> tables) {
        int r = 0;
        int widest = 0;
        for (TableSection t : tables) {
            Row title = sheet.createRow(r++);
            title.createCell(0).setCellValue(t.title());
            title.getCell(0).setCellStyle(bold);
            if (t.note() != null && !t.note().isEmpty()) {
                sheet.createRow(r++).createCell(0).setCellValue(t.note());
            }
            Row header = sheet.createRow(r++);
            for (int c = 0; c < t.headers().size(); c++) {
                header.createCell(c).setCellValue(t.headers().get(c));
                header.getCell(c).setCellStyle(bold);
            }
            if (t.rows().isEmpty()) {
                sheet.createRow(r++).createCell(0).setCellValue("无");
            }
            for (TableRow line : t.rows()) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < line.cells().size(); c++) {
                    row.createCell(c).setCellValue(line.cells().get(c));
                }
            }
            widest = Math.max(widest, t.headers().size());
            r++;
        }
        for (int c = 0; c < widest; c++) {
            sheet.setColumnWidth(c, 16 * 256);
        }
    }
}
