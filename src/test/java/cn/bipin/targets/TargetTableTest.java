package cn.bipin.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeLoader;

/**
 * The 任务分解表 round trip on a copy of jobs/jinfeng-2024.yaml: written with the targets in force, edited as the
 * office would, imported into jobs/targets/jinfeng-2024.yaml, and read back by the scheme loader.
 */
class TargetTableTest {

    @TempDir
    Path dir;

    private Path schemeFile;
    private Scheme scheme;
    private Path table;

    @BeforeEach
    void copyTheScheme() throws IOException {
        Path jobs = Files.createDirectories(dir.resolve("jobs"));
        schemeFile = jobs.resolve("jinfeng-2024.yaml");
        Files.copy(Path.of("jobs/jinfeng-2024.yaml"), schemeFile);
        scheme = SchemeLoader.load(schemeFile);
        table = dir.resolve("任务分解表.xlsx");
        TargetTable.write(scheme, table);
    }

    @Test
    void theTableHoldsThePerUnitIndicatorsAndTheirTargetsInForce() {
        // jinfeng-2024.yaml: c1_total, c1_increment and c3_funds are target_ratio with per-unit targets;
        // c2_registration_rate is target_ratio too but with one target for all (100%), so it is not in the table.
        assertThat(TargetTable.indicators(scheme)).extracting(d -> d.code())
                .containsExactly("c1_total", "c1_increment", "c3_funds");
        var read = TargetTable.read(scheme, table);
        assertThat(read).isEqualTo(scheme.targets());
    }

    @Test
    void anImportedTableReplacesTheSchemeFilesTargetsAndKeepsTheFileItReplaces() throws IOException {
        // 发展和改革局 (fgj): 总量 520000 in the scheme file, 530000 in the table.
        edit(row -> {
            if (code(row).equals("fgj")) {
                row.getCell(2).setCellValue(530000);
            }
        });
        TargetFile.Written first = TargetFile.importTable(scheme, table, LocalDateTime.of(2026, 12, 2, 9, 0));
        assertThat(first.file()).isEqualTo(dir.resolve("jobs/targets/jinfeng-2024.yaml"));
        assertThat(first.kept()).isNull();
        assertThat(first.changes()).containsExactly("发展和改革局 · 总量：520,000 → 530,000");
        Scheme after = SchemeLoader.load(schemeFile);
        assertThat(after.targets().get("c1_total").get("fgj")).isEqualByComparingTo("530000");
        // every other target unchanged, e.g. 良田镇 c3_funds 120000 as in the scheme file
        assertThat(after.targets().get("c3_funds").get("liangtian")).isEqualByComparingTo("120000");

        // a second import keeps the first file under history/
        edit(row -> {
            if (code(row).equals("fgj")) {
                row.getCell(2).setCellValue(540000);
            }
        });
        TargetFile.Written second = TargetFile.importTable(after, table, LocalDateTime.of(2026, 12, 3, 9, 0));
        assertThat(second.kept()).isEqualTo(dir.resolve("jobs/targets/history/jinfeng-2024-20261203-090000.yaml"));
        assertThat(Files.readString(second.kept(), StandardCharsets.UTF_8)).contains("fgj: 530000");
        assertThat(second.changes()).containsExactly("发展和改革局 · 总量：530,000 → 540,000");
        assertThat(SchemeLoader.load(schemeFile).targets().get("c1_total").get("fgj")).isEqualByComparingTo("540000");
    }

    @Test
    void everyProblemIsNamedWithRowColumnAndValueAndNothingIsWritten() throws IOException {
        edit(row -> {
            switch (code(row)) {
                case "fgj" -> row.getCell(2).setCellValue("52万");          // not a number
                case "gxj" -> row.getCell(3).setBlank();                   // a participant left blank
                case "wlj" -> row.getCell(2).setCellValue(1000);          // 文化旅游体育广电局 is not in c1 (grey cell)
                case "stj" -> row.getCell(4).setCellValue("85%");         // a % in a 万元 column
                case "czj" -> row.getCell(0).setCellValue("caizheng");     // no such unit
                default -> { }
            }
        });
        assertThatThrownBy(() -> TargetFile.importTable(scheme, table, LocalDateTime.now()))
                .isInstanceOfSatisfying(TargetImportException.class, e -> assertThat(e.problems()).containsExactly(
                        // the header is Excel row 3; fgj is the first unit (row 4), gxj row 5, stj row 6, czj row 7
                        "第4行 C列（发展和改革局 · 总量）：'52万' 不是数字",
                        "第5行 D列（工业信息化和科学技术局 · 增量）：未填写目标值",
                        "第6行 E列（商务和投资促进局 · 完成招商资金）：'85%' 带百分号，但该指标单位是万元，请直接填写数值",
                        "第7行 A列：'caizheng' 不是本方案的单位（单位代码或名称应与方案文件一致）",
                        "第10行 C列（文化旅游体育广电局 · 总量）：'1000'，但该单位不参加主要指标比拼，此格应留空",
                        // 财政局's row was unrecognised, so its c1 targets are missing too
                        "缺少单位 财政局（czj）的行：它参加主要指标比拼，需要 总量 的目标",
                        "缺少单位 财政局（czj）的行：它参加主要指标比拼，需要 增量 的目标"));
        assertThat(dir.resolve("jobs/targets/jinfeng-2024.yaml")).doesNotExist();
    }

    @Test
    void anUnknownIndicatorColumnOrAFileThatIsNotAWorkbookIsRefused() throws IOException {
        try (InputStream in = Files.newInputStream(table); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            wb.getSheetAt(0).getRow(TargetTable.HEADER_ROW).getCell(4).setCellValue("招商金额");
            try (OutputStream out = Files.newOutputStream(table)) {
                wb.write(out);
            }
        }
        assertThatThrownBy(() -> TargetTable.read(scheme, table))
                .isInstanceOfSatisfying(TargetImportException.class, e -> assertThat(e.problems().get(0))
                        .startsWith("第3行 E列：表头 '招商金额' 不是需要分单位目标的指标；可用的指标：总量（c1_total，万元）"));

        Path text = dir.resolve("任务分解表2.xlsx");
        Files.writeString(text, "单位代码,总量\nfgj,1\n");
        assertThatThrownBy(() -> TargetTable.read(scheme, text))
                .isInstanceOfSatisfying(TargetImportException.class, e -> assertThat(e.problems())
                        .containsExactly("文件已损坏或不是Excel文件，请重新保存为.xlsx后再报送"));
    }

    @Test
    void unitsMayBeNamedInsteadOfCoded() throws IOException {
        // blank the code column: rows are matched by 单位名称
        edit(row -> row.getCell(0).setBlank());
        assertThat(TargetTable.read(scheme, table)).isEqualTo(scheme.targets());
    }

    private void edit(Consumer<Row> change) throws IOException {
        try (InputStream in = Files.newInputStream(table); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet sheet = wb.getSheetAt(0);
            for (int r = TargetTable.HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
                change.accept(sheet.getRow(r));
            }
            try (OutputStream out = Files.newOutputStream(table)) {
                wb.write(out);
            }
        }
    }

    private static String code(Row row) {
        return row.getCell(0) == null ? "" : row.getCell(0).getStringCellValue();
    }
}
