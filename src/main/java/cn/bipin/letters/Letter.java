package cn.bipin.letters;

import java.nio.file.Path;
import java.util.List;

/**
 * One document of 三函一单 for one unit and month, as printed: its lines (label, value) appear in the PDF and the
 * workbook alike.
 *
 * @param number the yearly number (兰新考〔2023〕橙3号); null for a 结果反馈单
 * @param pdf    where the PDF was written; the workbook sits beside it with {@code .xlsx}
 */
public record Letter(String unitCode, String unitName, LetterKind kind, String number, String title, String body,
                     List<Line> lines, Path pdf) {

    public record Line(String label, String value) {
    }

    public Path workbook() {
        return pdf.resolveSibling(pdf.getFileName().toString().replaceFirst("\\.pdf$", ".xlsx"));
    }
}
