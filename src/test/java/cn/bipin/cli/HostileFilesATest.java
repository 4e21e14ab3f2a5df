package cn.bipin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;


import cn.bipin.testsupport.JobEnvironment;

/**
 * Issue 12 group A: files that used to stop the whole month (OutOfMemoryError, a failed chunk, a failed archive copy)
 * are refused one by one, with the reason, while the good file beside them is scored.
 */
class HostileFilesATest extends HostileRunTestBase {

    @RegisterExtension
    static final JobEnvironment ENV = new JobEnvironment("hostile-a");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ENV.register(registry);
    }

    @Override
    Path work() {
        return ENV.work();
    }


    @Test
    void workbooksThatWouldExhaustMemoryAreRefusedBeforeTheyAreRead() {
        String june = "2024-06";
        good(june);
        // one inline-string cell of 1 GiB of text (about 1 MB compressed)
        deliver(HostileXlsx.rewrite(filledTemplate("t2", june, t2Values()), work().resolve("inline.xlsx"),
                Map.of(HostileXlsx.SHEET, HostileXlsx.hugeInlineCell(1L << 30))), june, "巨型单元格.xlsx");
        // one shared string of 256 MiB (the guard reads no further than the first 32,768 characters either way)
        deliver(HostileXlsx.rewrite(filledTemplate("t2", june, t2Values()), work().resolve("shared.xlsx"),
                Map.of(HostileXlsx.SHARED_STRINGS, HostileXlsx.hugeSharedString(1L << 28))), june, "巨型共享字符串.xlsx");
        // 20 million one-letter shared strings (20 × 2^20 = 20,971,520; 340 MB of XML)
        deliver(HostileXlsx.rewrite(filledTemplate("t2", june, t2Values()), work().resolve("many.xlsx"),
                Map.of(HostileXlsx.SHARED_STRINGS, HostileXlsx.manySharedStrings(20 << 20))), june, "千万共享字符串.xlsx");
        // a 2 KB-sized change: one cell at column ZZZZZZ
        deliver(HostileXlsx.rewrite(filledTemplate("t2", june, t2Values()), work().resolve("far.xlsx"),
                Map.of(HostileXlsx.SHEET, HostileXlsx.appendRows("<row r=\"10\"><c r=\"ZZZZZZ10\"><v>1</v></c></row>"))),
                june, "超远单元格.xlsx");

        Result r = run(june);

        assertRefused(june, "巨型单元格.xlsx", "单元格 G900", "超过Excel单元格上限32767个字符");
        assertRefused(june, "巨型共享字符串.xlsx", "共享字符串超过Excel单元格上限32767个字符");
        assertRefused(june, "千万共享字符串.xlsx", "共享字符串超过1000000个");
        assertRefused(june, "超远单元格.xlsx", "'ZZZZZZ10'", "超出Excel工作表的范围");
        for (String name : new String[] {"巨型单元格.xlsx", "巨型共享字符串.xlsx", "千万共享字符串.xlsx", "超远单元格.xlsx"}) {
            assertThat(rows(june, name)).as(name).isEmpty(); // refused before any row was read
        }
        assertThat(r.out()).contains("本次新接收 5 个（其中整份退回 4 个）", "整份退回：超远单元格.xlsx —— ");
        assertGoodScoredAndEveryRowAccounted(june, r);
    }

    @Test
    void numbersThatDoNotFitTheColumnAreRejectedWithAReason() {
        String july = "2024-07";
        good(july);
        String nines = "9".repeat(5000);
        csv(july, "丰登镇-大数.csv", onTime(july),
                "unit_code,period,dimension_code,value",
                "t2,2024-07,c4_revenue,1E+308",
                "t2,2024-07,c4_revenue,12345678901234567890123456",
                "t2,2024-07,c4_revenue," + nines,
                "t2,2024-07,c4_new_firms,99999999999999999999.5",
                "t2,2024-07,c4_growth,0.123456789012345");
        // a numeric cell holding 1E+308 (Excel's largest double is 1.8E+308)
        Map<String, Object> values = new java.util.HashMap<>(t2Values());
        values.put("c4_revenue", new BigDecimal("1E+308"));
        deliver(filledTemplate("t2", july, values), july, "丰登镇-模板.xlsx");

        Result r = run(july);

        var big = rows(july, "丰登镇-大数.csv");
        assertThat(big).hasSize(5);
        assertThat(big.get(0).error()).contains("'1E+308' 不是数字");
        assertThat(big.get(1).error()).contains("'12345678901234567890123456' 超出可存储的范围（整数部分最多20位）");
        // a 5,000-digit value is quoted by its first 20 characters and its length
        assertThat(big.get(2).error()).contains("'99999999999999999999…（共5000个字符）' 超出可存储的范围");
        // 99999999999999999999.5 has 20 integer digits: it fits DECIMAL(30, 10)... but 10^20 − 0.5 is below 10^20
        assertThat(big.get(3).status()).isEqualTo("ACCEPTED");
        assertThat(big.get(3).inputValue()).isEqualByComparingTo("99999999999999999999.5");
        // 15 decimal places are kept to the column's 10: 0.123456789012345 → 0.1234567890 (next digit 1 rounds down)
        assertThat(big.get(4).inputValue()).isEqualByComparingTo("0.1234567890");
        var template = rows(july, "丰登镇-模板.xlsx");
        assertThat(template).hasSize(6);
        assertThat(template).filteredOn(row -> "REJECTED".equals(row.status())).singleElement()
                .satisfies(row -> assertThat(row.error()).contains("已上限入规企业营业收入", "'1E+308' 超出可存储的范围"));
        assertGoodScoredAndEveryRowAccounted(july, r);
    }

    @Test
    void anyNameTheInboxCanHoldIsArchived() {
        String august = "2024-08";
        good(august);
        // 246 letters + ".csv" = 250 characters; 83 Chinese characters (249 bytes) + ".csv" = 253 bytes
        String latin = "a".repeat(246) + ".csv";
        String chinese = "丰".repeat(83) + ".csv";
        csv(august, latin, onTime(august), "unit_code,period,dimension_code,value", "t2,2024-08,c2_start_rate,40%");
        csv(august, chinese, onTime(august), "unit_code,period,dimension_code,value", "t3,2024-08,c2_start_rate,30%");

        Result r = run(august);

        for (String name : new String[] {latin, chinese}) {
            FileRow f = file(august, name);
            assertThat(f.status()).isEqualTo("ACCEPTED");
            assertThat(f.rowsAccepted()).isEqualTo(1);
            assertThat(Path.of(f.storedPath())).exists();
        }
        assertGoodScoredAndEveryRowAccounted(august, r);
    }

    @Test
    void whateverElseGoesWrongInOneFileRefusesThatFileOnly() throws IOException {
        String september = "2024-09";
        good(september);
        // a sheet cut off in the middle of a row (the zip itself is sound)
        deliver(HostileXlsx.rewrite(filledTemplate("t2", september, t2Values()), work().resolve("cut.xlsx"),
                Map.of(HostileXlsx.SHEET, (original, out) -> out.write(original.substring(0, original.length() / 2)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)))), september, "半截.xlsx");
        // an XML entity bomb in the shared strings
        deliver(HostileXlsx.rewrite(filledTemplate("t2", september, t2Values()), work().resolve("bomb.xlsx"),
                Map.of(HostileXlsx.SHARED_STRINGS, (original, out) -> out.write(("<?xml version=\"1.0\"?>"
                        + "<!DOCTYPE sst [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                        + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&b;</t></si></sst>")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)))), september, "实体炸弹.xlsx");
        // a CSV line of two million commas: one row, answered, not held in memory
        csv(september, "逗号.csv", onTime(september), "unit_code,period,dimension_code,value",
                "t3,2024-09,c2_start_rate," + ",".repeat(2_000_000), "t3,2024-09,c2_invest_completion,20%");

        Result r = run(september);

        assertRefused(september, "半截.xlsx", "文件已损坏或不是Excel文件", "无法解析");
        assertRefused(september, "实体炸弹.xlsx", "DTD");
        var commas = rows(september, "逗号.csv");
        assertThat(commas).extracting(RowState::status).containsExactly("REJECTED", "ACCEPTED");
        assertThat(commas.get(0).error()).contains("第2行", "该行内容超长");
        assertGoodScoredAndEveryRowAccounted(september, r);
        Files.deleteIfExists(work().resolve("unused"));
    }
}
