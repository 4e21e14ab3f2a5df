package cn.bipin.evaluation;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import cn.bipin.scheme.Scheme;

/**
 * Blank ballot forms, one per rater group: an .xlsx for one rater (token cell and score cells unlocked, everything
 * else locked, scores checked by data validation) and a CSV with the same columns for many raters, e.g. collected
 * by an online survey. Both list the scheme's targets, so a rater only fills in scores.
 */
@Component
public class BallotForms {

    private static final int HEADER_ROW = 6;

    /** Writes {@code 评议表_<group>.xlsx} and {@code 评议表_<group>.csv} for each group; returns the files written. */
    public List<Path> write(Scheme scheme, EvaluationRules rules, String period, Path dir) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (EvaluationRules.RaterGroup g : rules.groups()) {
            Path xlsx = dir.resolve("评议表_" + period + "_" + g.code() + "_" + g.name() + ".xlsx");
            Path csv = dir.resolve("评议表_" + period + "_" + g.code() + "_" + g.name() + ".csv");
            writeXlsx(scheme, rules, g, period, xlsx);
            writeCsv(scheme, rules, g, csv);
            written.add(xlsx);
            written.add(csv);
        }
        return written;
    }

    void writeXlsx(Scheme scheme, EvaluationRules rules, EvaluationRules.RaterGroup group, String period, Path out) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet sheet = wb.createSheet(BallotReader.SHEET);
            CellStyle locked = wb.createCellStyle();
            CellStyle input = wb.createCellStyle();
            input.setLocked(false);
            input.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            input.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            for (CellStyle s : List.of(locked, input)) {
                s.setBorderBottom(BorderStyle.THIN);
                s.setBorderTop(BorderStyle.THIN);
                s.setBorderLeft(BorderStyle.THIN);
                s.setBorderRight(BorderStyle.THIN);
            }
            CellStyle wrapped = wb.createCellStyle();
            wrapped.setWrapText(true);
            int columns = 2 + rules.items().size();
            sheet.setColumnWidth(0, 14 * 256);
            sheet.setColumnWidth(1, 26 * 256);
            for (int i = 2; i < columns; i++) {
                sheet.setColumnWidth(i, 14 * 256);
            }
            cell(sheet.createRow(0), 0, scheme.title() + period + "年度背靠背评议表（" + group.name() + "）", locked);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
            Row g = sheet.createRow(1);
            cell(g, 0, "评议组", locked);
            cell(g, 1, group.name(), locked);
            cell(g, 2, BallotReader.LABEL_GROUP, locked);
            cell(g, 3, group.code(), locked);
            Row t = sheet.createRow(2);
            cell(t, 0, BallotReader.LABEL_TOKEN, locked);
            cell(t, 1, "", input);
            Row help = sheet.createRow(3);
            help.setHeightInPoints(64);
            cell(help, 0, "填写说明", locked);
            cell(help, 1, "1. 在“评议令牌”格填写发给您的令牌（10位字母数字），不要填姓名或单位。\n"
                    + "2. 每项填 0–100 的分数，或填等次：" + grades(rules) + "。不评议的单位整行留空。\n"
                    + (group.peer() ? "3. 部门互评不能评议本单位，本单位一行请留空（填写的将被退回）。" : "3. 同一令牌再次提交的评议，以最后收到的为准。"),
                    wrapped);
            sheet.addMergedRegion(new CellRangeAddress(3, 3, 1, columns - 1));
            Row header = sheet.createRow(HEADER_ROW);
            cell(header, 0, BallotReader.HEADER_TARGET, locked);
            cell(header, 1, BallotReader.HEADER_TARGET_NAME, locked);
            for (int i = 0; i < rules.items().size(); i++) {
                cell(header, 2 + i, rules.items().get(i).name(), locked);
            }
            int r = HEADER_ROW + 1;
            for (String code : rules.targets()) {
                Row row = sheet.createRow(r++);
                cell(row, 0, code, locked);
                cell(row, 1, scheme.unit(code).orElseThrow().name(), locked);
                for (int i = 0; i < rules.items().size(); i++) {
                    cell(row, 2 + i, "", input);
                }
            }
            if (!rules.targets().isEmpty()) {
                sheet.addValidationData(validation(sheet, rules, HEADER_ROW + 1, r - 1, 2, columns - 1));
            }
            sheet.enableLocking();
            try (OutputStream os = Files.newOutputStream(out)) {
                wb.write(os);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write ballot form " + out, e);
        }
    }

    private static DataValidation validation(XSSFSheet sheet, EvaluationRules rules, int firstRow, int lastRow,
            int firstCol, int lastCol) {
        DataValidationHelper dvh = sheet.getDataValidationHelper();
        String ref = new CellReference(firstRow, firstCol, false, false).formatAsString();
        StringBuilder formula = new StringBuilder("OR(AND(ISNUMBER(" + ref + ")," + ref + ">=0," + ref + "<=100)");
        rules.grades().keySet().forEach(grade -> formula.append(",").append(ref).append("=\"").append(grade).append("\""));
        formula.append(")");
        DataValidation v = dvh.createValidation(dvh.createCustomConstraint(formula.toString()),
                new CellRangeAddressList(firstRow, lastRow, firstCol, lastCol));
        v.setShowErrorBox(true);
        v.createErrorBox("分数不对", "请填 0–100 的分数，或等次：" + grades(rules));
        return v;
    }

    void writeCsv(Scheme scheme, EvaluationRules rules, EvaluationRules.RaterGroup group, Path out) {
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            w.write("group,token,target_unit,target_name");
            for (EvaluationRules.Item i : rules.items()) {
                w.write("," + i.code());
            }
            w.write("\r\n");
            for (String code : rules.targets()) {
                w.write(group.code() + ",," + code + "," + scheme.unit(code).orElseThrow().name()
                        + ",".repeat(rules.items().size()) + "\r\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write ballot form " + out, e);
        }
    }

    private static String grades(EvaluationRules rules) {
        return String.join("、", rules.grades().entrySet().stream()
                .sorted(java.util.Map.Entry.<String, java.math.BigDecimal>comparingByValue().reversed())
                .map(e -> e.getKey() + "(" + e.getValue().stripTrailingZeros().toPlainString() + ")").toList());
    }

    private static void cell(Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(value);
        c.setCellStyle(style);
    }
}
