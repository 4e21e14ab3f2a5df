package cn.bipin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFSheet;
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
 * Issue 12 group B: files whose wrong data was used or whose rows were lost. A refused file contributes nothing; an
 * ambiguous workbook is refused; a CSV row is never merged into another number; every physical line is answered;
 * an identical copy is read once.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileFilesBTest extends HostileRunTestBase {

    @RegisterExtension
    static final JobEnvironment ENV = new JobEnvironment("hostile-b");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ENV.register(registry);
    }

    @Override
    Path work() {
        return ENV.work();
    }


    @Test
    void aCorruptWorkbookIsRefusedAndNoneOfItsRowsIsUsed() throws IOException {
        String june = "2024-06";
        good(june);
        // a checksum mismatch: the sheet stored uncompressed, its 0.6 changed to 0.9 after the CRC was written
        Path crc = HostileXlsx.stored(filledTemplate("t2", june, t2Values()), work().resolve("crc.xlsx"));
        HostileXlsx.patch(crc, "<v>0.6</v>", "<v>0.9</v>");
        deliver(crc, june, "校验和不符.xlsx");
        // damaged mid-stream: the last 40% of the bytes lost
        Path cut = filledTemplate("t2", june, t2Values());
        byte[] bytes = Files.readAllBytes(cut);
        Files.write(cut, Arrays.copyOf(bytes, bytes.length * 6 / 10));
        deliver(cut, june, "截断.xlsx");
        // a row number that is not a number, after rows that are fine
        deliver(HostileXlsx.rewrite(filledTemplate("t2", june, t2Values()), work().resolve("rowno.xlsx"),
                Map.of(HostileXlsx.SHEET, HostileXlsx.appendRows("<row r=\"x1\"><c r=\"F40\"><v>1</v></c></row>"))),
                june, "坏行号.xlsx");

        Result r = run(june);

        assertRefused(june, "校验和不符.xlsx", "压缩包校验失败");
        assertRefused(june, "截断.xlsx", "文件已损坏或不是Excel文件");
        assertRefused(june, "坏行号.xlsx", "行号 'x1' 不合法");
        for (String name : new String[] {"校验和不符.xlsx", "截断.xlsx", "坏行号.xlsx"}) {
            assertThat(rows(june, name)).as(name).isEmpty();
        }
        // 丰登镇 sent nothing usable: none of its values is a scoring input
        assertThat(scores.dimensions(r.runId())).filteredOn(d -> d.unitCode().equals("t2"))
                .allSatisfy(d -> assertThat(d.value()).isNull());
        assertGoodScoredAndEveryRowAccounted(june, r);
    }

    @Test
    void aHiddenOrCopiedTemplateSheetIsRefusedAsAmbiguous() throws IOException {
        String july = "2024-07";
        good(july);
        // the template sheet hidden; a visible sheet holds other figures
        Path hidden = filledTemplate("t2", july, t2Values());
        edit(hidden, wb -> {
            XSSFSheet other = wb.createSheet("我的草稿");
            other.createRow(0).createCell(0).setCellValue("项目开工率");
            other.getRow(0).createCell(1).setCellValue(0.99);
            wb.setActiveSheet(1);
            wb.setSheetVisibility(0, SheetVisibility.HIDDEN);
        });
        deliver(hidden, july, "隐藏模板.xlsx");
        // two copies of the template sheet, as Excel's "move or copy" makes them
        Path copied = filledTemplate("t2", july, t2Values());
        edit(copied, wb -> wb.cloneSheet(0));
        deliver(copied, july, "两个报送表.xlsx");

        Result r = run(july);

        assertRefused(july, "隐藏模板.xlsx", "报送表“报送表”被隐藏了", "“我的草稿”");
        assertRefused(july, "两个报送表.xlsx", "有2个工作表都是报送表", "“报送表”", "“报送表 (2)”");
        assertThat(rows(july, "隐藏模板.xlsx")).isEmpty();
        assertThat(rows(july, "两个报送表.xlsx")).isEmpty();
        assertGoodScoredAndEveryRowAccounted(july, r);
    }

    @Test
    void aCommaInAnUnquotedNumberIsRefusedNeverMergedAndTrailingCommasAreIgnored() {
        String august = "2024-08";
        good(august);
        csv(august, "丰登镇-带备注.csv", onTime(august),
                "unit_code,period,dimension_code,value,note",
                "t2,2024-08,c4_revenue,12,300",
                "t2,2024-08,c4_new_firms,5,100",
                "t2,2024-08,c4_growth,1,234.5,已核对",
                "t2,2024-08,c2_start_rate,50%,,");
        csv(august, "满城北街-无备注.csv", onTime(august),
                "unit_code,period,dimension_code,value",
                "t3,2024-08,c2_start_rate,50%,,",
                "t3,2024-08,c4_revenue,12,300");

        Result r = run(august);

        var noted = rows(august, "丰登镇-带备注.csv");
        assertThat(noted).extracting(RowState::status).containsExactly("REJECTED", "REJECTED", "REJECTED", "ACCEPTED");
        assertThat(noted.subList(0, 3)).allSatisfy(row -> assertThat(row.error()).contains("数值中的逗号请加引号"));
        assertThat(noted.get(0).error()).contains("第2行", "'12'", "'300'");
        assertThat(noted.get(2).error()).contains("第4行", "该行有6个字段，多于表头的5列");
        // "50%,," is 50% with two empty trailing fields: 0.5
        assertThat(noted.get(3).inputValue()).isEqualByComparingTo("0.5");
        var plain = rows(august, "满城北街-无备注.csv");
        assertThat(plain).extracting(RowState::status).containsExactly("ACCEPTED", "REJECTED");
        assertThat(plain.get(1).error()).contains("该行有5个字段，多于表头的4列", "\"12,300\"");
        // no value of 12300 or 5100 anywhere
        assertThat(scores.dimensions(r.runId())).noneMatch(d -> d.value() != null
                && (d.value().compareTo(new BigDecimal("12300")) == 0 || d.value().compareTo(new BigDecimal("5100")) == 0));
        assertGoodScoredAndEveryRowAccounted(august, r);
    }

    @Test
    void everyLineAnUnclosedQuoteSwallowedIsAnswered() {
        String september = "2024-09";
        good(september);
        csv(september, "丰登镇-引号.csv", onTime(september),
                "unit_code,period,dimension_code,value,note",
                "t2,2024-09,c2_start_rate,50%,",
                "t2,2024-09,c2_invest_completion,30%,\"按月统计",
                "t2,2024-09,c2_registration_rate,90%,",
                "t2,2024-09,c4_revenue,100,");

        Result r = run(september);

        var rows = rows(september, "丰登镇-引号.csv");
        // 4 data lines (2–5): line 2 taken; the quote opened on line 3 swallowed lines 3–5, each answered
        assertThat(rows).extracting(RowState::rowNo).containsExactly(2, 3, 4, 5);
        assertThat(rows).extracting(RowState::status).containsExactly("ACCEPTED", "REJECTED", "REJECTED", "REJECTED");
        assertThat(rows.subList(1, 4)).allSatisfy(row -> {
            assertThat(row.error()).contains("第3行的引号没有配对", "第3行到第5行");
            assertThat(row.unitCode()).isEqualTo("t2"); // so that 丰登镇's feedback carries them
        });
        assertGoodScoredAndEveryRowAccounted(september, r);
    }

    @Test
    void anIdenticalCopyIsRegisteredOnceAndSaidToBeADuplicate(CapturedOutput output) throws IOException {
        String october = "2024-10";
        good(october);
        Path first = csv(october, "丰登镇.csv", onTime(october),
                "unit_code,period,dimension_code,value",
                "t2,2024-10,c2_start_rate,50%",
                "t2,2024-10,c2_invest_completion,30%");
        Files.copy(first, inbox(october).resolve("丰登镇 - 副本.csv"));
        stamp(inbox(october).resolve("丰登镇 - 副本.csv"), onTime(october).plusMinutes(5));

        Result r = run(october);

        assertThat(files(october)).extracting(FileRow::fileName).containsExactlyInAnyOrder(GOOD, "丰登镇.csv");
        assertThat(rows(october, "丰登镇.csv")).extracting(RowState::status).containsExactly("ACCEPTED", "ACCEPTED");
        assertThat(output.getAll()).contains("跳过 丰登镇 - 副本.csv：与已接收的文件 丰登镇.csv");
        assertThat(output.getAll()).contains("是重复文件，未再读取");
        assertGoodScoredAndEveryRowAccounted(october, r);
    }

    private interface WorkbookEdit {
        void apply(XSSFWorkbook wb) throws IOException;
    }

    private static void edit(Path file, WorkbookEdit edit) throws IOException {
        byte[] changed;
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            edit.apply(wb);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (OutputStream out = bytes) {
                wb.write(out);
            }
            changed = bytes.toByteArray();
        }
        Files.write(file, changed);
    }
}
