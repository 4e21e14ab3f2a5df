package cn.bipin.submission;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import cn.bipin.inbox.InboxFiles;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.submission.SubmissionRows.NearMiss;
import cn.bipin.submission.SubmissionRows.Unrecognised;

/**
 * The statistician's sheet of rows no unit's feedback can carry: their unit code names no unit of the scheme (with
 * the unit it most likely meant), and the rows taken although their code was written slightly wrong.
 */
final class UnrecognisedSheet {

    static final String UNRECOGNISED = "未识别单位";
    static final String NEAR_MISSES = "近似匹配";

    private UnrecognisedSheet() {
    }

    static String fileName(Period period) {
        return "未识别单位_" + period.code() + ".xlsx";
    }

    static void write(Scheme scheme, List<Unrecognised> rows, List<NearMiss> nearMisses, Path out) {
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet sheet = wb.createSheet(UNRECOGNISED);
            FeedbackWriter.header(sheet, bold, "文件", "行", "单位代码（原文）", "指标代码", "填报值", "可能是", "原因");
            int r = 1;
            for (Unrecognised u : rows) {
                UnitMatch match = UnitMatch.of(scheme, u.unitCode());
                Row row = sheet.createRow(r++);
                text(row, 0, InboxFiles.printable(u.fileName()));
                row.createCell(1).setCellValue(u.rowNo());
                text(row, 2, InboxFiles.printable(u.unitCode()));
                text(row, 3, u.dimensionCode());
                text(row, 4, u.rawValue());
                text(row, 5, match.suggestion() == null ? "" : match.suggestion().code() + " " + match.suggestion().name());
                text(row, 6, u.error());
            }
            Sheet near = wb.createSheet(NEAR_MISSES);
            FeedbackWriter.header(near, bold, "文件", "行", "按单位读取", "指标代码", "填报值", "说明");
            r = 1;
            for (NearMiss m : nearMisses) {
                Row row = near.createRow(r++);
                text(row, 0, InboxFiles.printable(m.fileName()));
                row.createCell(1).setCellValue(m.rowNo());
                text(row, 2, m.unitCode());
                text(row, 3, m.dimensionCode());
                text(row, 4, m.rawValue());
                text(row, 5, m.remark());
            }
            FeedbackWriter.widths(sheet, 34, 8, 18, 24, 16, 20, 80);
            FeedbackWriter.widths(near, 34, 8, 18, 24, 16, 20, 80);
            try (OutputStream os = Files.newOutputStream(out)) {
                wb.write(os);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        } finally {
            wb.dispose();
        }
    }

    private static void text(Row row, int col, String value) {
        FeedbackWriter.text(row, col, value, null);
    }
}
