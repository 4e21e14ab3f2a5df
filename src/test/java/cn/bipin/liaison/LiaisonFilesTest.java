package cn.bipin.liaison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeLoader;

/** The templates read back as written, and hostile files refused whole with a Chinese reason naming the file. */
class LiaisonFilesTest {

    @TempDir
    Path dir;

    final Scheme scheme = SchemeLoader.load(Path.of("src/test/resources/jobs/liaisontest-2024.yaml"));

    @Test
    void aFilledProblemTemplateReadsBackAsCanonicalCells() throws Exception {
        List<Path> written = new LiaisonTemplates().write(scheme, dir);
        assertThat(written).extracting(p -> p.getFileName().toString())
                .containsExactly("包联对象.xlsx", "走访记录.xlsx", "问题台账.xlsx");
        Path file = dir.resolve("问题台账.xlsx");
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet("问题台账");
            // printable: landscape, one page wide, the header row repeated on every page
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo("3:3");
            Row r = sheet.createRow(LiaisonTemplates.HEADER_ROW + 1);
            r.createCell(0).setCellValue("WT-0001");
            r.createCell(1).setCellValue("A1");
            var date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            var raised = r.createCell(2);
            raised.setCellValue(LocalDate.of(2024, 7, 3)); // a real Excel date
            raised.setCellStyle(date);
            r.createCell(3).setCellValue("审批");
            r.createCell(4).setCellValue("施工许可材料反复补正");
            r.createCell(6).setCellValue("２０２４年７月２０日"); // full-width digits typed with a Chinese input method
            r.createCell(7).setCellValue("已办结");
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        try (LiaisonSource source = LiaisonSource.open(file, LiaisonKind.PROBLEM)) {
            LiaisonRows rows = LiaisonRows.of(LiaisonKind.PROBLEM, source.header(), "问题台账.xlsx", scheme);
            LiaisonSource.SourceRow row = source.next();
            assertThat(row.rowNo()).isEqualTo(4);
            LiaisonRows.Checked checked = rows.check(row.rowNo(), row.cells());
            assertThat(checked.errors()).isEmpty();
            assertThat(checked.cells()).containsExactly("WT-0001", "A1", "2024-07-03", "审批", "施工许可材料反复补正", "",
                    "2024-07-20", "已办结", "");
            assertThat(source.next()).isNull();
        }
    }

    @Test
    void aGbkCsvIsRefusedWithInstructions() throws Exception {
        Path file = dir.resolve("走访记录.csv");
        Files.write(file, "visit_id,assignment_id,visit_date,visitor\nV1,A1,2024-07-01,张三\n".getBytes(Charset.forName("GBK")));
        assertThatThrownBy(() -> LiaisonSource.open(file, LiaisonKind.VISIT)).isInstanceOf(LiaisonFileException.class)
                .hasMessageStartingWith("文件 走访记录.csv：").hasMessageContaining("UTF-8");
    }

    @Test
    void aRenamedWorkbookAndAShiftedHeaderAreRefusedWhole() throws Exception {
        Path fake = dir.resolve("包联对象.xlsx");
        Files.writeString(fake, "assignment_id,subject_type\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> LiaisonSource.open(fake, LiaisonKind.ASSIGNMENT)).isInstanceOf(LiaisonFileException.class)
                .hasMessageStartingWith("文件 包联对象.xlsx：");
        assertThatThrownBy(() -> LiaisonRows.of(LiaisonKind.ASSIGNMENT, List.of("包联编号", "企业名称", "责任单位"), "包联.csv", scheme))
                .hasMessage("文件 包联.csv：包联对象的表头不对：缺少必填列 “对象类型”、“企业（项目）名称”、“责任领导”、“服务专员”、“包联起始日期”；"
                        + "无法识别的列 “企业名称”。请使用下发的模板，或按 README 中的列名");
    }

    @Test
    void anOverlongCellIsARejectedRowNotAStoredEssay() {
        LiaisonRows rows = LiaisonRows.of(LiaisonKind.VISIT, List.of("visit_id", "assignment_id", "visit_date", "visitor", "content"),
                "走访.csv", scheme);
        LiaisonRows.Checked checked = rows.check(2, List.of("V1", "A1", "2024-07-01", "张三", "很".repeat(1001)));
        assertThat(checked.errors()).containsExactly("文件 走访.csv 第2行 E列（服务内容）：'" + "很".repeat(40)
                + "…' 共 1001 个字，超过 1000 字的上限");
    }
}
