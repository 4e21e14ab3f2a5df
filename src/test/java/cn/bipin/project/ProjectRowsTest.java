package cn.bipin.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.bipin.appeal.LedgerFileRejectedException;
import cn.bipin.appeal.LedgerTable;
import cn.bipin.scheme.ProjectRules;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeException;
import cn.bipin.scheme.SchemeLoader;

/** Project-list rows and files: every bad row sent back with file, row, column and value; hostile files refused whole. */
class ProjectRowsTest {

    private static final Scheme HAIZHOU = SchemeLoader.load(Path.of("jobs", "haizhou-2019.yaml"));
    private static final String HEADER = "project_id,unit_code,project,investment,start_date,completion_date,note";

    @TempDir
    Path dir;

    @Test
    void goodRowsAreReadInEveryUsualSpelling() throws IOException {
        List<ProjectRowValidator.Checked> rows = check("清单.csv", HEADER,
                "HJD-01,hjd,韩家店物流园,\"12,000\",2019-03-15,,",
                "HJD-02,韩家店镇,韩家店冷链,７０００,2019年6月30日,2019/11/2,续建",
                "HJD-03,hjd,储备项目,15000.5,,,");
        assertThat(rows).allMatch(ProjectRowValidator.Checked::accepted);
        assertThat(rows.get(0).project().investment()).isEqualByComparingTo("12000");
        assertThat(rows.get(1).project().investment()).isEqualByComparingTo("7000");
        assertThat(rows.get(1).project().unitCode()).isEqualTo("hjd");
        assertThat(rows.get(1).project().completion()).hasToString("2019-11-02");
        assertThat(rows.get(2).project().start()).isNull();
    }

    @Test
    void badRowsComeBackWithFileRowColumnAndValue() throws IOException {
        List<ProjectRowValidator.Checked> rows = check("坏行.csv", HEADER,
                "A-1,zzz,项目,1000,2019-03-01,,",
                "A-2,hjd,项目,\"1,2O0\",2019-03-01,,",
                "A-3,hjd,项目,0,2019-03-01,,",
                "A-4,hjd,项目,12000000000,2019-03-01,,",
                "A-5,hjd,项目,1000,2019-02-30,,",
                "A-6,hjd,项目,1000,,2019-05-01,",
                "A-7,hjd,项目,1000,2019-05-10,2019-03-01,",
                "A-8,hjd,项目,1000,2020-01-05,,",
                "A-9,hjd,,1000,2019-03-01,,",
                "A-1,hjd,项目,1000,2019-03-01,,",
                "A-1,hjd,项目,1000,2019-03-01,,");
        List<String> errors = new ArrayList<>();
        rows.forEach(r -> errors.add(r.error()));
        assertThat(errors.get(0)).isEqualTo("文件 坏行.csv 第2行 责任单位（第2列）：'zzz' 不是方案 haizhou-2019 的单位代码或单位全称");
        assertThat(errors.get(1)).isEqualTo("文件 坏行.csv 第3行 总投资（第4列）：'1,2O0' 不是数字（总投资以万元为单位，只填数字，如 12000）");
        assertThat(errors.get(2)).contains("第4行", "总投资应大于0", "'0'");
        assertThat(errors.get(3)).contains("第5行", "'12000000000' 万元不合常理，是否误按元填写");
        assertThat(errors.get(4)).contains("第6行 开工日期（第5列）：'2019-02-30' 不是存在的日期");
        assertThat(errors.get(5)).contains("第7行 竣工日期（第6列）", "却没有开工日期");
        assertThat(errors.get(6)).contains("第8行 竣工日期（第6列）：竣工日期 '2019-03-01' 早于开工日期 2019-05-10");
        assertThat(errors.get(7)).contains("第9行 开工日期（第5列）：'2020-01-05' 晚于2019年");
        assertThat(errors.get(8)).contains("第10行 项目名称（第3列）：必填，不能为空");
        assertThat(rows.get(9).accepted()).as("the first A-1 is good").isTrue();
        assertThat(errors.get(10)).contains("第12行 项目编号（第1列）：项目编号 'A-1' 与第11行相同");
        // a rejected row still reaches its unit's feedback once the unit is recognised
        assertThat(rows.get(1).unitCode()).isEqualTo("hjd");
        assertThat(rows.get(0).unitCode()).isNull();
    }

    @Test
    void hostileOrWrongFilesAreRefusedWholeBeforeAnyRowIsRead() throws IOException {
        Path unclosed = write("引号.csv", HEADER + "\nA-1,hjd,\"项目,1000,2019-03-01,,\n");
        assertThatThrownBy(() -> readAll(unclosed)).isInstanceOf(LedgerFileRejectedException.class);
        Path header = write("表头.csv", "编号,单位\nA-1,hjd\n");
        assertThatThrownBy(() -> readAll(header)).isInstanceOf(LedgerFileRejectedException.class)
                .hasMessageContaining("表头缺少必填列", "项目编号（project_id）", "总投资（investment）");
        Path fake = write("假的.xlsx", "not a workbook");
        assertThatThrownBy(() -> readAll(fake)).isInstanceOf(LedgerFileRejectedException.class)
                .hasMessageContaining("Excel");
        Path other = write("清单.txt", HEADER);
        assertThatThrownBy(() -> readAll(other)).isInstanceOf(LedgerFileRejectedException.class)
                .hasMessageContaining(".xlsx", ".csv");
    }

    @Test
    void theTemplateIsReadBackAsTheCsvIs() throws IOException {
        Path template = dir.resolve("t").resolve(ProjectTemplateWriter.fileName(HAIZHOU));
        new ProjectTemplateWriter().write(HAIZHOU, ProjectRules.of(HAIZHOU), template);
        try (LedgerTable t = LedgerTable.open(template, ProjectColumns.ALL, ProjectColumns.SHEET)) {
            assertThat(t.next()).as("an empty template has no rows").isNull();
            assertThat(t.columnLabel(ProjectColumns.INVESTMENT)).isEqualTo("D列");
        }
    }

    @Test
    void bandsOutOfOrderAreRefusedWhenTheSchemeIsLoaded() throws IOException {
        String yaml = Files.readString(Path.of("src/test/resources/jobs/projecttest-2019.yaml"))
                .replace("{ from: 50000,  weight: 1.5", "{ from: 9000,  weight: 1.5");
        Path file = write("projecttest-2019.yaml", yaml);
        assertThatThrownBy(() -> SchemeLoader.load(file)).isInstanceOf(SchemeException.class)
                .hasMessageContaining("projects.new.bands[2].from", "从小到大");
        Path typo = write("projecttest-2019.yaml", Files.readString(Path.of("src/test/resources/jobs/projecttest-2019.yaml"))
                .replace("dimensions: { xkg_count: projects_new }", "dimensions: { xkg_count: projects_nwe }"));
        assertThatThrownBy(() -> SchemeLoader.load(typo)).isInstanceOf(SchemeException.class)
                .hasMessageContaining("projects.dimensions.xkg_count", "projects_new");
    }

    private List<ProjectRowValidator.Checked> check(String name, String... lines) throws IOException {
        Path file = write(name, String.join("\n", lines) + "\n");
        ProjectRowValidator v = new ProjectRowValidator(HAIZHOU, ProjectRules.of(HAIZHOU));
        List<ProjectRowValidator.Checked> out = new ArrayList<>();
        try (LedgerTable t = LedgerTable.open(file, ProjectColumns.ALL, ProjectColumns.SHEET)) {
            LedgerTable.LedgerRow row;
            while ((row = t.next()) != null) {
                out.add(v.check(t, row));
            }
        }
        return out;
    }

    private static void readAll(Path file) {
        try (LedgerTable t = LedgerTable.open(file, ProjectColumns.ALL, ProjectColumns.SHEET)) {
            while (t.next() != null) {
                // read to the end
            }
        }
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }
}
