package cn.bipin.submission;

import cn.bipin.scheme.Dimension;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.Unit;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes the feedback sheet a unit gets back for one period (DOMAIN §8): what was taken, and every row sent
 * back with a reason it can act on, so that nothing it sent disappears without an answer.
 */
@Component
class FeedbackWriter {

    static final String SUMMARY_SHEET = "汇总";
    static final String ACCEPTED_SHEET = "已采用";
    static final String REJECTED_SHEET = "退回";
    private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public FeedbackWriter() {
    }

    /** A file name that says whose feedback it is, e.g. {@code 报送反馈_2024-06_FGJ_发展和改革局.xlsx}. */
    public static String fileName(Unit unit, Period period) {
        return "报送反馈_" + period.code() + "_" + unit.code() + "_" + unit.name() + ".xlsx";
    }

    public void write(Scheme scheme, Unit unit, Period period, List<FeedbackLine> lines,
            List<ReceivedFiles.ReceivedFile> refusedFiles, Path out) {
        List<FeedbackLine> accepted = lines.stream().filter(l -> l.outcome() != FeedbackLine.Outcome.REJECTED).toList();
        List<FeedbackLine> rejected = lines.stream().filter(l -> l.outcome() == FeedbackLine.Outcome.REJECTED).toList();
        long used = count(lines, FeedbackLine.Outcome.USED);
        long superseded = count(lines, FeedbackLine.Outcome.SUPERSEDED);
        long unchanged = count(lines, FeedbackLine.Outcome.UNCHANGED);
        boolean late = lines.stream().anyMatch(FeedbackLine::late);
        // streaming: a unit that sends a 100,000-row file gets all of it back without holding it in memory
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.00%"));

            Sheet summary = wb.createSheet(SUMMARY_SHEET);
            summary.setColumnWidth(0, 60 * 256);
            text(summary.createRow(0), 0, title(scheme, unit, period), bold);
            text(summary.createRow(2), 0, "已采用 " + used + " 条" + (superseded == 0 ? ""
                    : "（另有 " + superseded + " 条已被后来报送的值更正，见“已采用”表的状态列）"), null);
            text(summary.createRow(3), 0, "退回 " + rejected.size() + " 条" + (rejected.isEmpty() ? "" : "，请按“退回”表修改后重新报送"), null);
            text(summary.createRow(4), 0, "逾期：" + (late ? "是（截止日期 " + period.deadline(scheme.deadlineDay()) + "，数据已采用但记为逾期）" : "否"), null);
            int next = 5;
            if (unchanged > 0) {
                text(summary.createRow(next++), 0, "空白未更改 " + unchanged + " 条：更正文件中留空的指标沿用此前报送的值", null);
            }
            for (ReceivedFiles.ReceivedFile f : refusedFiles) {
                text(summary.createRow(next++), 0, "整份退回：" + f.fileName() + " —— " + f.error(), null);
            }
            if (lines.isEmpty() && refusedFiles.isEmpty()) {
                text(summary.createRow(next), 0, "本期未收到你单位的报送（截止日期 " + period.deadline(scheme.deadlineDay())
                        + "），所有指标按未报送计0分。请尽快报送。", bold);
            }

            Sheet acc = wb.createSheet(ACCEPTED_SHEET);
            header(acc, bold, "指标", "采用值", "来源文件", "行号", "逾期", "状态", "收到时间", "说明");
            int r = 1;
            for (FeedbackLine l : accepted) {
                Row row = acc.createRow(r++);
                text(row, 0, l.dimensionName(), null);
                if (l.acceptedValue() != null) {
                    var c = row.createCell(1);
                    c.setCellValue(l.acceptedValue().doubleValue());
                    if (isPercent(scheme, l.dimensionCode())) {
                        c.setCellStyle(percent);
                    }
                }
                text(row, 2, l.fileName(), null);
                row.createCell(3).setCellValue(l.rowNumber());
                text(row, 4, l.late() ? "是" : "否", null);
                text(row, 5, l.outcome().label(), null);
                text(row, 6, l.receivedAt() == null ? "" : l.receivedAt().format(RECEIVED), null);
                text(row, 7, l.remark(), null);
            }

            Sheet rej = wb.createSheet(REJECTED_SHEET);
            header(rej, bold, "文件", "行", "列", "指标", "填报值", "原因");
            if (rejected.isEmpty()) {
                text(rej.createRow(1), 0, "无", null);
            }
            r = 1;
            for (FeedbackLine l : rejected) {
                Row row = rej.createRow(r++);
                text(row, 0, l.fileName(), null);
                row.createCell(1).setCellValue(l.rowNumber());
                text(row, 2, l.column(), null);
                text(row, 3, l.dimensionName(), null);
                text(row, 4, l.rawValue(), null);
                text(row, 5, l.reason(), null);
            }
            widths(acc, 34, 16, 34, 8, 8, 22, 18, 40);
            widths(rej, 34, 8, 10, 34, 16, 60);
            try (OutputStream os = Files.newOutputStream(out)) {
                wb.write(os);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write feedback " + out, e);
        } finally {
            wb.dispose();
        }
    }

    private static long count(List<FeedbackLine> lines, FeedbackLine.Outcome outcome) {
        return lines.stream().filter(l -> l.outcome() == outcome).count();
    }

    static String title(Scheme scheme, Unit unit, Period period) {
        return scheme.title() + " " + period.label() + " 报送反馈 — " + unit.name();
    }

    private static boolean isPercent(Scheme scheme, String dimensionCode) {
        return scheme.dimension(dimensionCode).map(Dimension::isPercent).orElse(false);
    }

    /** A bold, frozen header row; shared with {@link UnrecognisedSheet}. */
    static void header(Sheet sheet, CellStyle bold, String... names) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < names.length; i++) {
            text(row, i, names[i], bold);
        }
        sheet.createFreezePane(0, 1);
    }

    static void widths(Sheet sheet, int... chars) {
        for (int i = 0; i < chars.length; i++) {
            sheet.setColumnWidth(i, chars[i] * 256);
        }
    }

    static void text(Row row, int col, String value, CellStyle style) {
        var c = row.createCell(col);
        c.setCellValue(value == null ? "" : value);
        if (style != null) {
            c.setCellStyle(style);
        }
    }
}
