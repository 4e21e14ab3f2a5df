package cn.bipin.incentive;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;

/**
 * Writes the data templates of a period: one workbook per kind of data, the header in Chinese, each column
 * formatted for its kind (text for codes so Excel keeps all 18 characters, dates, percentages) and a drop-down for
 * 是/否 and choice columns. The annual run needs all five kinds; the quarterly run enterprises (retail sales) and
 * projects (the quarter's investment).
 */
@Component
public class IncentiveTemplates {

    /** Rows that get the drop-downs and formats; more can be typed, without them. */
    private static final int FORMATTED_ROWS = 20000;
    static final int HEADER_ROW = 2;

    static String fileName(Entity entity, Period period) {
        return entity.label + "_" + period.code() + ".xlsx";
    }

    public List<Path> write(Scheme scheme, Period period, Path dir) {
        List<Path> written = new ArrayList<>();
        // the kinds of data the period's rules read: a quarter's are enterprises (INC-12) and projects (INC-8)
        for (Entity e : IncentiveConfig.load(scheme).entitiesFor(period.cycle() == Cycle.QUARTERLY)) {
            Path file = dir.resolve(fileName(e, period));
            write(scheme, period, e, file);
            written.add(file);
        }
        return written;
    }

    void write(Scheme scheme, Period period, Entity entity, Path file) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet(entity.label);
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle title = wb.createCellStyle();
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title.setFont(big);
            CellStyle header = wb.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            header.setWrapText(true);
            var format = wb.createDataFormat();
            CellStyle text = wb.createCellStyle();
            text.setDataFormat(format.getFormat("@"));
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(format.getFormat("yyyy-mm-dd"));
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(format.getFormat("#,##0.00"));
            CellStyle rate = wb.createCellStyle();
            rate.setDataFormat(format.getFormat("0.00%"));

            sheet.createRow(0).createCell(0).setCellValue(scheme.title() + period.label() + "企业奖励数据 — " + entity.label);
            sheet.getRow(0).getCell(0).setCellStyle(title);
            sheet.createRow(1).createCell(0).setCellValue("从第" + (HEADER_ROW + 2) + "行起每行一个" + entity.columns.get(0).label()
                    + "；标 * 的列必填；金额单位为元；比例填百分数（如 85%）；是/否 列从下拉选择。更正时另交一份新文件，同一对象以最后收到的为准。");
            Row h = sheet.createRow(HEADER_ROW);
            DataValidationHelper dv = sheet.getDataValidationHelper();
            for (int i = 0; i < entity.columns.size(); i++) {
                Column c = entity.columns.get(i);
                var cell = h.createCell(i);
                cell.setCellValue(c.label());
                cell.setCellStyle(header);
                sheet.setColumnWidth(i, Math.max(12, c.label().length() * 2 + 2) * 256);
                CellStyle style = switch (c.kind()) {
                    case TEXT, CREDIT_CODE, PARTY_ID, CHOICE, FLAG -> text;
                    case DATE -> date;
                    case MONEY -> money;
                    case RATE, SIGNED_RATE -> rate;
                };
                sheet.setDefaultColumnStyle(i, style);
                List<String> options = c.kind() == ColumnKind.FLAG ? List.of("是", "否") : c.choices();
                if (!options.isEmpty()) {
                    DataValidation v = dv.createValidation(dv.createExplicitListConstraint(options.toArray(String[]::new)),
                            new CellRangeAddressList(HEADER_ROW + 1, HEADER_ROW + FORMATTED_ROWS, i, i));
                    v.setShowErrorBox(true);
                    v.createErrorBox("请从下拉列表选择", c.label() + " 可选：" + String.join("、", options));
                    sheet.addValidationData(v);
                }
                if (c.required()) {
                    cell.setCellValue(c.label() + " *");
                }
            }
            sheet.createFreezePane(1, HEADER_ROW + 1);
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream os = Files.newOutputStream(file)) {
                wb.write(os);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
