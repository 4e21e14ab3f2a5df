package cn.bipin.warning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.bipin.scheme.Period;

/** The city-figures input (D19): the CSV form and the .xlsx template, bounded and validated row by row. */
class CityFiguresTest {

    @Test
    void theTemplateIsReadBack(@TempDir Path dir) {
        Path file = dir.resolve(CityTemplate.fileName(Period.parse("2023-05")));
        CityTemplate.write(WarningRulesTest.ANSHAN, WarningRulesTest.GROUPS, Period.parse("2023-05"),
                Map.of("gdp", WarningRulesTest.row("gdp", "0.052", "0.061", 3)), file);
        CityFigures.Result r = CityFigures.read(file, WarningRulesTest.ANSHAN, WarningRulesTest.GROUPS);
        assertThat(r.refused()).isNull();
        // 5.2 typed in percent is 0.052; the other 16 indicators' rows are blank: refused, each with its row
        assertThat(r.rows().get("gdp").zoneGrowth()).isEqualByComparingTo("0.052");
        assertThat(r.rows().get("gdp").cityRank()).isEqualTo(3);
        assertThat(r.rows()).hasSize(1);
        assertThat(r.rejected()).hasSize(16 * 3);
    }

    @Test
    void badRowsSayFileRowColumnAndValue(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("全市指标对比-2023-05.csv");
        Files.writeString(file, "indicator,zone_growth,city_growth,city_rank\n"
                + "地区生产总值,５.0%,6.2,3\n"      // full-width digit: accepted
                + "gdzc,abc,5,11\n"               // not a growth; rank 11 > 10 districts
                + "ybgg,2000,5,1\n", StandardCharsets.UTF_8);
        CityFigures.Result r = CityFigures.read(file, WarningRulesTest.ANSHAN, WarningRulesTest.GROUPS);
        assertThat(r.rows()).containsOnlyKeys("gdp");
        assertThat(r.rejected()).containsExactly(
                "文件 全市指标对比-2023-05.csv 第3行 B列（本区增速）：'abc' 不是增速（应写成 6.5 或 6.5%）",
                "文件 全市指标对比-2023-05.csv 第3行 D列（全市位次）：'11' 不是位次（应为 1 到 10 的整数）",
                "文件 全市指标对比-2023-05.csv 第4行 B列（本区增速）：'2000' 超出合理范围（-100% 到 1000%）");
    }

    @Test
    void aFileThatIsNotATableIsRefusedWhole(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("全市指标对比-2023-05.csv");
        Files.writeString(file, "hello,world\n1,2\n", StandardCharsets.UTF_8);
        assertThat(CityFigures.read(file, WarningRulesTest.ANSHAN, WarningRulesTest.GROUPS).refused())
                .startsWith("文件 全市指标对比-2023-05.csv：第1行应为表头 indicator,zone_growth,city_growth,city_rank");
        Path xlsx = dir.resolve("全市指标对比-2023-06.xlsx");
        Files.writeString(xlsx, "not a workbook", StandardCharsets.UTF_8);
        assertThat(CityFigures.read(xlsx, WarningRulesTest.ANSHAN, WarningRulesTest.GROUPS).refused())
                .startsWith("文件 全市指标对比-2023-06.xlsx：");
    }
}
