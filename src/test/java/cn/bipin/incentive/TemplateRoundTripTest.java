package cn.bipin.incentive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.bipin.scheme.Period;
import cn.bipin.scheme.SchemeLoader;

/** A template filled the way a clerk fills it reads back through the streaming reader. */
class TemplateRoundTripTest {

    @Test
    void filledBuildingTemplateReadsBack(@TempDir Path dir) throws Exception {
        var scheme = SchemeLoader.load(Path.of("jobs/jinfeng-2024.yaml"));
        Path file = dir.resolve(IncentiveTemplates.fileName(Entity.BUILDING, Period.parse("2024")));
        new IncentiveTemplates().write(scheme, Period.parse("2024"), Entity.BUILDING, file);
        assertThat(file.getFileName().toString()).isEqualTo("楼宇_2024.xlsx");
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Row r = wb.getSheet("楼宇").createRow(IncentiveTemplates.HEADER_ROW + 1);
            r.createCell(0).setCellValue("B1");
            r.createCell(1).setCellValue("金凤大厦");
            r.createCell(2).setCellValue(Rows.code(500));
            r.createCell(3).setCellValue("运营公司");
            r.createCell(4).setCellValue("是");
            var pct = wb.createCellStyle();
            pct.setDataFormat(wb.createDataFormat().getFormat("0.00%"));
            r.createCell(5).setCellValue(0.85);          // typed 85% into a percentage cell
            r.getCell(5).setCellStyle(pct);
            r.createCell(8).setCellValue(12_000_000);
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        try (TableSource source = TableSource.open(file, Entity.BUILDING)) {
            HeaderMap header = HeaderMap.of(Entity.BUILDING, source.header(), file.getFileName().toString());
            TableSource.SourceRow row = source.next();
            // Excel rows count from 1: the header is row 3, the first data row 4
            assertThat(row.rowNo()).isEqualTo(IncentiveTemplates.HEADER_ROW + 2);
            DataRow parsed = DataRow.parse(Entity.BUILDING, header.canonical(row.cells()), header.letters()).row();
            assertThat(parsed.subjectId()).isEqualTo("B1");
            assertThat(parsed.flag("lead_industry")).isTrue();
            assertThat(parsed.number("occupancy")).isEqualByComparingTo("0.85");
            assertThat(parsed.number("contribution")).isEqualTo(new BigDecimal("12000000"));
            assertThat(source.next()).isNull();
        }
    }
}
