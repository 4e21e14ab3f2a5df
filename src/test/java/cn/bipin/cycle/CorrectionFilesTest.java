package cn.bipin.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.bipin.results.RevisionDiff;
import cn.bipin.run.Run;
import cn.bipin.run.RunKind;
import cn.bipin.run.RunLauncher;
import cn.bipin.run.RunStatus;
import cn.bipin.scheme.Period;
import cn.bipin.submission.ReceivedFiles;
import cn.bipin.submission.SubmissionRows;
import cn.bipin.testsupport.JobEnvironment;
import cn.bipin.testsupport.JobTest;
import cn.bipin.testsupport.JobTestSupport;

/**
 * D21 as a unit's clerk meets it: a month sent in time, then a correction file after the deadline that carries only
 * the changed value (the other cell left empty), and a file of another month put into this month's inbox.
 */
@JobTest
class CorrectionFilesTest {

    @RegisterExtension
    static final JobEnvironment ENV = new JobEnvironment("corrections");
    static final String SCHEME = "yeartest-2024";
    static final Period NOV = Period.parse("2024-11");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ENV.register(registry);
    }

    @Autowired
    RunLauncher launcher;
    @Autowired
    ReceivedFiles files;
    @Autowired
    SubmissionRows rows;
    @Autowired
    RevisionDiff diffs;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCorrectionAfterTheDeadlineIsNotLateItsBlankCellsChangeNothingAndAnotherMonthsFileIsRefusedWhole()
            throws Exception {
        Path inbox = ENV.work().resolve("inbox").resolve(SCHEME).resolve("2024-11");
        // deadline: the 20th of the following month (deadline_day 20) → 2024-12-20; a, b, c in time, d late
        JobTestSupport.csv(inbox.resolve("abc.csv"), LocalDateTime.of(2024, 12, 10, 9, 0),
                "unit_code,period,dimension_code,value",
                "a,2024-11,m1_count,10", "a,2024-11,m1_funds,1100", "b,2024-11,m1_count,8", "b,2024-11,m1_funds,550",
                "c,2024-11,m1_count,5", "c,2024-11,m1_funds,2200");
        JobTestSupport.csv(inbox.resolve("d.csv"), LocalDateTime.of(2024, 12, 22, 9, 0),
                "unit_code,period,dimension_code,value", "d,2024-11,m1_count,10", "d,2024-11,m1_funds,275");
        Run first = launcher.launch(RunKind.SCORE, SCHEME, NOV, false, false);
        assertThat(first.status()).isEqualTo(RunStatus.COMPLETED);

        // after the deadline a corrects its count only, leaving 完成投资 empty, and also sends its October file
        JobTestSupport.csv(inbox.resolve("a-更正.csv"), LocalDateTime.of(2024, 12, 25, 16, 5),
                "unit_code,period,dimension_code,value", "a,2024-11,m1_count,12", "a,2024-11,m1_funds,");
        JobTestSupport.csv(inbox.resolve("a-10月.csv"), LocalDateTime.of(2024, 12, 26, 8, 0),
                "unit_code,period,dimension_code,value", "a,2024-10,m1_count,9", "a,2024-10,m1_funds,900");
        Run second = launcher.launch(RunKind.SCORE, SCHEME, NOV, false, false);

        assertThat(second.status()).isEqualTo(RunStatus.COMPLETED);
        // two new files: the correction (1 row accepted, the blank cell neither accepted nor rejected) and the October
        // file, refused as a whole without a row
        assertThat(List.of(second.filesAccepted(), second.filesRejected(), second.rowsAccepted(), second.rowsRejected()))
                .containsExactly(1, 1, 1, 0);
        assertThat(jdbc.sql("SELECT r.status FROM submission_row r JOIN received_file f ON f.id = r.file_id "
                + "WHERE f.file_name = 'a-更正.csv' ORDER BY r.row_no").query(String.class).list())
                .containsExactly("ACCEPTED", "UNCHANGED");
        // the only change the scores see is a's count 10 → 12; 完成投资 stays 1100
        RevisionDiff.Diff diff = diffs.againstPrevious(second).orElseThrow();
        assertThat(diff.inputs()).extracting(c -> c.unitCode() + " " + c.dimensionCode() + " "
                + c.oldValue().stripTrailingZeros().toPlainString() + "→" + c.newValue().stripTrailingZeros().toPlainString())
                .containsExactly("a m1_count 10→12");
        // D21: lateness is judged on a unit's first values: d is late, a's correction is not
        assertThat(rows.lateFiles(SCHEME, NOV.code())).extracting(ReceivedFiles.ReceivedFile::unitCode)
                .containsExactly("d");
        assertThat(files.forPeriod(SCHEME, NOV.code())).filteredOn(f -> f.fileName().equals("a-10月.csv"))
                .singleElement().satisfies(f -> {
                    assertThat(f.status()).isEqualTo("REJECTED");
                    assertThat(f.error()).startsWith("此文件报送的是2024年10月（2024-10），不是本期2024年11月（2024-11）");
                });

        try (XSSFWorkbook wb = new XSSFWorkbook(feedback(second, "a").toFile())) {
            XSSFSheet summary = wb.getSheet("汇总");
            assertThat(lines(summary)).contains(
                    "已采用 2 条（另有 1 条已被后来报送的值更正，见“已采用”表的状态列）",
                    "退回 0 条",
                    "逾期：否",
                    "空白未更改 1 条：更正文件中留空的指标沿用此前报送的值");
            assertThat(lines(summary)).anyMatch(l -> l.startsWith("整份退回：a-10月.csv —— 此文件报送的是2024年10月"));
            XSSFSheet accepted = wb.getSheet("已采用");
            // received order: abc.csv (count 10, funds 1100), then a-更正.csv (count 12, funds blank)
            assertThat(column(accepted, 5)).containsExactly("状态", "已被更正", "采用", "采用", "空白，沿用已报送的值");
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(feedback(second, "d").toFile())) {
            assertThat(lines(wb.getSheet("汇总"))).contains("逾期：是（截止日期 2024-12-20，数据已采用但记为逾期）");
        }
    }

    private static Path feedback(Run run, String unit) throws IOException {
        try (var list = Files.list(Path.of(run.outputDir()).resolve("反馈"))) {
            return list.filter(p -> p.getFileName().toString().contains("_" + unit + "_")).findFirst().orElseThrow();
        }
    }

    private static List<String> lines(XSSFSheet sheet) {
        return column(sheet, 0);
    }

    private static List<String> column(XSSFSheet sheet, int col) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            var row = sheet.getRow(r);
            if (row != null && row.getCell(col) != null) {
                out.add(row.getCell(col).getStringCellValue());
            }
        }
        return out;
    }
}
