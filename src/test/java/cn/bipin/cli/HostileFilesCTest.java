package cn.bipin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;


import cn.bipin.testsupport.JobEnvironment;

/**
 * Issue 12 group C: rejections nobody saw. Rows naming no unit reach the office (run report and a sheet), near misses
 * are taken with a note; an empty file is refused whatever it holds; names are printed with control characters
 * escaped; a formula without a result, UTF-16 and a renamed workbook are named as what they are.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileFilesCTest extends HostileRunTestBase {

    @RegisterExtension
    static final JobEnvironment ENV = new JobEnvironment("hostile-c");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ENV.register(registry);
    }

    @Override
    Path work() {
        return ENV.work();
    }

    @Test
    void unknownUnitsReachTheOfficeAndNearMissesAreTakenWithANote() throws IOException {
        String june = "2024-06";
        good(june);
        csv(june, "各种单位代码.csv", onTime(june),
                "unit_code,period,dimension_code,value",
                "x9,2024-06,c2_start_rate,50%",
                "T2,2024-06,c2_start_rate,50%",
                "t3\u00A0,2024-06,c2_start_rate,40%",
                "丰登镇,2024-06,c2_invest_completion,30%",
                "unit_code,period,dimension_code,value",
                "良田,2024-06,c4_revenue,100");
        // UTF-16 without a byte-order mark: a NUL beside every letter, valid UTF-8 all the same
        bytes(june, "utf16无BOM.csv", onTime(june),
                "unit_code,period,dimension_code,value\r\nt2,2024-06,c2_start_rate,50%\r\n".getBytes(StandardCharsets.UTF_16LE));

        Result r = run(june);

        var rows = rows(june, "各种单位代码.csv");
        assertThat(rows).extracting(RowState::status)
                .containsExactly("REJECTED", "ACCEPTED", "ACCEPTED", "ACCEPTED", "REJECTED", "REJECTED");
        assertThat(rows).extracting(RowState::unitCode).containsExactly("x9", "t2", "t3", "t2", "unit_code", "良田");
        assertThat(rows.get(1).remark()).isEqualTo("单位代码 'T2' 按 t2（丰登镇）读取，今后请填写 t2");
        assertThat(rows.get(2).remark()).isEqualTo("单位代码 't3\\u00A0' 按 t3（满城北街街道）读取，今后请填写 t3");
        assertThat(rows.get(3).remark()).isEqualTo("单位代码 '丰登镇' 按 t2（丰登镇）读取，今后请填写 t2");
        assertThat(rows.get(5).error()).contains("单位代码 '良田' 不在方案 testville-2024 的单位名单中，是否为 t1（良田镇）？");
        assertRefused(june, "utf16无BOM.csv", "UTF-16");
        // the near misses are scoring inputs: 丰登镇's start rate 50%
        assertThat(scores.dimensions(r.runId())).anySatisfy(d -> {
            assertThat(d.unitCode()).isEqualTo("t2");
            assertThat(d.dimensionCode()).isEqualTo("c2_start_rate");
            assertThat(d.value()).isEqualByComparingTo("0.50");
        });
        // the office hears of the 3 unrecognised rows (x9, a repeated header, 良田) and of the 3 near misses
        assertThat(r.out()).contains("未识别单位：3 行的单位代码不在方案中",
                "各种单位代码.csv 第2行：单位代码 'x9'",
                "各种单位代码.csv 第6行：单位代码 'unit_code'",
                "各种单位代码.csv 第7行：单位代码 '良田'，是否为 t1（良田镇）？",
                "近似匹配：3 行", "未识别单位明细：");
        Path sheet = work().resolve("out").resolve(SCHEME).resolve(june).resolve("r1").resolve("反馈")
                .resolve("未识别单位_2024-06.xlsx");
        assertThat(sheetLines(sheet, "未识别单位")).hasSize(4).element(3).asString()
                .startsWith("各种单位代码.csv\t7\t良田\tc4_revenue\t100\tt1 良田镇\t");
        assertThat(sheetLines(sheet, "近似匹配")).hasSize(4).element(1).asString()
                .startsWith("各种单位代码.csv\t3\tt2\tc2_start_rate\t50%\t单位代码 'T2' 按 t2");
        assertGoodScoredAndEveryRowAccounted(june, r);
    }

    @Test
    void aHeaderOnlyFileIsRefusedLikeAFileOfBlankLines() {
        String july = "2024-07";
        good(july);
        csv(july, "只有表头.csv", onTime(july), "unit_code,period,dimension_code,value");
        csv(july, "空行.csv", onTime(july), "", ",,,", "");

        Result r = run(july);

        assertRefused(july, "只有表头.csv", "文件只有表头，文件中没有任何数据行");
        assertRefused(july, "空行.csv", "文件中没有任何数据行");
        assertThat(r.out()).contains("整份退回：只有表头.csv", "整份退回：空行.csv");
        assertGoodScoredAndEveryRowAccounted(july, r);
    }

    @Test
    void namesArePrintedWithControlCharactersEscaped(CapturedOutput output) {
        String august = "2024-08";
        good(august);
        String forged = "丰登镇\n12:00:00 INFO  运行完成.csv";
        String coloured = "\u001B[31m红色.csv";
        csv(august, forged, onTime(august), "unit_code,period,dimension_code,value", "t2,2024-08,c2_start_rate,50%");
        csv(august, coloured, onTime(august), "unit_code,period,dimension_code,value", "x9,2024-08,c2_start_rate,50%");
        csv(august, "\u001B[2J清屏.csv", onTime(august), "no,header,here");

        Result r = run(august);

        assertThat(file(august, forged).status()).isEqualTo("ACCEPTED");
        assertThat(rows(august, coloured).get(0).error()).startsWith("文件 \\u001B[31m红色.csv 第2行");
        assertRefused(august, "\u001B[2J清屏.csv", "只有3列");
        String printed = r.out() + r.err() + output.getAll();
        assertThat(printed).doesNotContain("\u001B").doesNotContain("丰登镇\n");
        assertThat(r.out()).contains("\\u001B[31m红色.csv 第2行：单位代码 'x9'", "整份退回：\\u001B[2J清屏.csv");
        assertGoodScoredAndEveryRowAccounted(august, r);
    }

    @Test
    void aFormulaWithoutResultUtf16AndARenamedWorkbookAreNamedAsWhatTheyAre() throws IOException {
        String september = "2024-09";
        good(september);
        Path formula = filledTemplate("t2", september, Map.of("c2_start_rate", new BigDecimal("0.5"),
                "c2_invest_completion", new BigDecimal("0.3")));
        withoutCachedResult(formula, "c2_start_rate", "B1*2");
        deliver(formula, september, "丰登镇-公式.xlsx");
        bytes(september, "utf16.csv", onTime(september), ("\uFEFFunit_code,period,dimension_code,value\r\n"
                + "t3,2024-09,c2_start_rate,50%\r\n").getBytes(StandardCharsets.UTF_16LE));
        Path renamed = filledTemplate("t3", september, Map.of("c2_start_rate", new BigDecimal("0.5")));
        deliver(renamed, september, "满城北街.csv");

        Result r = run(september);

        var rows = rows(september, "丰登镇-公式.xlsx");
        assertThat(rows).filteredOn(row -> row.error() != null && row.error().contains("项目开工率")).singleElement()
                .satisfies(row -> assertThat(row.error()).contains("公式 =B1*2 没有计算结果").doesNotContain("未填写数值"));
        assertRefused(september, "utf16.csv", "CSV是UTF-16编码");
        assertRefused(september, "满城北街.csv", "文件实际上是Excel工作簿(.xlsx)，只是扩展名改成了.csv");
        assertThat(file(september, "utf16.csv").error()).doesNotContain("GBK");
        assertGoodScoredAndEveryRowAccounted(september, r);
    }

    /** Makes the value cell of the dimension a formula with no cached result, as some exporters save it. */
    private static void withoutCachedResult(Path file, String dimension, String formula) throws IOException {
        byte[] changed;
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheetAt(0);
            for (Row row : sheet) {
                Cell code = row.getCell(1);
                if (code != null && dimension.equals(new DataFormatter().formatCellValue(code))) {
                    Cell value = row.getCell(5) == null ? row.createCell(5) : row.getCell(5);
                    value.setBlank();
                    value.setCellFormula(formula);
                }
            }
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (OutputStream out = bytes) {
                wb.write(out);
            }
            changed = bytes.toByteArray();
        }
        Files.write(file, changed);
    }

    /** A sheet's rows as displayed, cells joined by tabs. */
    private static List<String> sheetLines(Path xlsx, String sheetName) throws IOException {
        DataFormatter formatter = new DataFormatter();
        try (Workbook wb = WorkbookFactory.create(xlsx.toFile(), null, true)) {
            Sheet sheet = wb.getSheet(sheetName);
            assertThat(sheet).as(sheetName).isNotNull();
            List<String> lines = new ArrayList<>();
            for (Row row : sheet) {
                StringBuilder line = new StringBuilder();
                row.forEach(cell -> line.append(line.isEmpty() ? "" : "\t").append(formatter.formatCellValue(cell)));
                lines.add(line.toString());
            }
            return lines;
        }
    }
}
