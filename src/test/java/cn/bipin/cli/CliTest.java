package cn.bipin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import picocli.CommandLine;

/**
 * The command line as a statistician or cron uses it: help in Chinese, exit code 2 with one Chinese line for bad
 * input (nothing run), 0 for a command that did its work. The commands run inside the application context, created
 * by the same kind of Spring-backed factory as {@link CommandLineRunnerConfig}, with out/err captured.
 */
@SpringBootTest(properties = {
        "bipin.cli.enabled=false",
        "bipin.jobs-dir=src/test/resources/jobs",
        "spring.datasource.url=jdbc:h2:mem:cli;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliTest {

    private static final Path WORK = tempDir();
    private static final String SCHEME = "testville-2024";

    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("bipin.inbox.dir", () -> WORK.resolve("inbox").toString());
        registry.add("bipin.inbox.archive", () -> WORK.resolve("archive").toString());
        registry.add("bipin.output.dir", () -> WORK.resolve("out").toString());
        registry.add("bipin.mail.outbox", () -> WORK.resolve("outbox").toString());
    }

    @AfterAll
    static void removeWork() throws IOException {
        FileSystemUtils.deleteRecursively(WORK);
    }

    // ---------------------------------------------------------------- help

    @Test
    void topLevelHelpIsChineseAndListsTheCommandsAndExitCodes() {
        Result r = execute("--help");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("比拼：考核评比数据处理", "demo", "run", "template", "status",
                "退出码：0 成功；1 运行失败；2 用法或输入有误");
    }

    @ParameterizedTest
    @CsvSource({
            "demo,     演示：收件箱为空时写入演示报送",
            "run,      运行一期计分",
            "template, 生成各单位某一期的报送模板",
            "status,   列出最近的运行",
    })
    void everySubcommandHasChineseHelp(String command, String description) {
        Result r = execute(command, "--help");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("用法：bipin " + command, description).doesNotContain("Usage", "Show this help");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void runHelpExplainsTheOptions() {
        Result r = execute("run", "--help");

        assertThat(r.out()).contains("--scheme", "方案编号", "--period", "季度 2024-Q2", "--no-mail", "不发送邮件", "--force",
                "同一期再次运行会生成新的版本");
    }

    // ---------------------------------------------------------------- bad input: exit 2, nothing run

    @Test
    void collectWithoutAMailboxSaysSoAndDoesNothing() {
        Result r = execute("collect");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("未配置报送邮箱", "未收取任何邮件");
    }

    @Test
    void unknownOptionIsBadUsage() {
        Result r = execute("--bogus");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("错误：无法识别的参数：--bogus", "--help").doesNotContain("Unknown");
    }

    @Test
    void unknownOptionOfASubcommandPointsToItsHelp() {
        Result r = execute("run", "monthly", "--scheme", SCHEME, "--period", "2024-06", "--bogus");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("错误", "--bogus", "用法见：bipin run --help");
    }

    @Test
    void missingRequiredOptionIsBadUsage() {
        Result r = execute("run", "monthly", "--period", "2024-06");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("错误：缺少必填的选项 --scheme").doesNotContain("Missing");
    }

    @Test
    void missingSchemeFileIsNamed() {
        Result r = execute("run", "monthly", "--scheme", "nope", "--period", "2024-06");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("错误：", "找不到方案文件", Path.of("src/test/resources/jobs/nope.yaml").toString(),
                SCHEME);
    }

    @Test
    void quarterPeriodForAMonthlyRunIsBadInput() {
        Result r = execute("run", "monthly", "--scheme", SCHEME, "--period", "2024-Q2");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("错误：", "2024-Q2", "不是月度期间");
    }

    @Test
    void malformedPeriodIsBadInput() {
        Result r = execute("run", "monthly", "--scheme", SCHEME, "--period", "2024-13");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("错误：", "'2024-13' 格式不对");
    }

    @Test
    void periodBeforeTheCampaignStartIsNotScored() {
        // testville-2024.yaml: campaign_start 2024-06; May is the mobilisation phase (§3.4)
        Result r = execute("run", "monthly", "--scheme", SCHEME, "--period", "2024-05");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("错误：", "2024-05", "早于", "2024-06");
    }

    @Test
    void periodOutsideTheSchemeYearIsBadInput() {
        Result r = execute("run", "monthly", "--scheme", SCHEME, "--period", "2025-06");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("错误：", "2025-06", "不在方案");
    }

    @Test
    void unknownCycleIsBadInput() {
        Result r = execute("run", "weekly", "--scheme", SCHEME, "--period", "2024-06");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("错误：", "周期 'weekly' 不对", "monthly、quarterly、annual");
    }

    @Test
    void templateForAUnitNotInTheSchemeIsBadInput() throws IOException {
        Path out = Files.createTempDirectory(WORK, "templates-bad");

        Result r = execute("template", "--scheme", SCHEME, "--period", "2024-06", "--unit", "x9", "--out", out.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("错误：", "'x9'", "不在方案");
        assertThat(xlsxIn(out)).isEmpty();
    }

    // ---------------------------------------------------------------- commands that work

    @Test
    @Order(1)
    void statusOnAnEmptyDatabasePrintsOnlyTheHeader() {
        Result r = execute("status");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("编号", "方案", "类别", "期间", "版本", "状态");
        assertThat(r.out().lines().filter(l -> !l.isBlank())).hasSize(1);
    }

    @Test
    @Order(2)
    void templateWritesOneFilePerParticipant() throws IOException {
        Path out = WORK.resolve("templates");

        Result r = execute("template", "--scheme", SCHEME, "--period", "2024-06", "--out", out.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        // every one of the 5 testville units takes part in C2 (participants: [all]) → 5 monthly templates
        assertThat(xlsxIn(out)).containsExactlyInAnyOrder(
                "报送表_2024-06_d1_发展和改革局.xlsx",
                "报送表_2024-06_d2_商务和投资促进局.xlsx",
                "报送表_2024-06_t1_良田镇.xlsx",
                "报送表_2024-06_t2_丰登镇.xlsx",
                "报送表_2024-06_t3_满城北街街道.xlsx");
        assertThat(r.out()).contains("已生成 5 个报送模板");
    }

    @Test
    @Order(3)
    void monthlyRunWithNothingReceivedCompletesAndListsEveryUnitAsNotReported() throws IOException {
        Result r = execute("run", "monthly", "--scheme", SCHEME, "--period", "2024-06", "--no-mail");

        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("testville-2024", "2024年6月", "第1版", "完成", "本次新接收 0 个", "采用 0 行",
                "邮件：未发送（--no-mail，预览）；核实后按同一版本发出：bipin deliver --release ");

        Path dir = WORK.resolve("out").resolve(SCHEME).resolve("2024-06").resolve("r1");
        // no value anywhere → every dimension scores 0 (R-SCORE-2) → every total 0.00, all tied at rank 1 (D6)
        List<String> totals = Files.readAllLines(dir.resolve("totals-2024-06-r1.csv"), StandardCharsets.UTF_8);
        assertThat(totals.subList(1, totals.size())).containsExactlyInAnyOrder(
                "testville-2024,monthly,2024-06,1,d1,发展和改革局,department,0.00,1",
                "testville-2024,monthly,2024-06,1,d2,商务和投资促进局,department,0.00,1",
                "testville-2024,monthly,2024-06,1,t1,良田镇,town,0.00,1",
                "testville-2024,monthly,2024-06,1,t2,丰登镇,town,0.00,1",
                "testville-2024,monthly,2024-06,1,t3,满城北街街道,town,0.00,1");
        // 未报送: d2 only in C2 (3 dimensions); d1 and the towns in C2 and C4 (3 + 3 = 6 dimensions)
        Path xlsx;
        try (Stream<Path> files = Files.list(dir)) {
            xlsx = files.filter(f -> f.getFileName().toString().endsWith(".xlsx")).findFirst().orElseThrow();
        }
        assertThat(sheetLines(xlsx, "未报送与逾期")).contains(
                "未报送\t发展和改革局：全部 6 项指标未报送",
                "未报送\t商务和投资促进局：全部 3 项指标未报送",
                "未报送\t良田镇：全部 6 项指标未报送",
                "未报送\t丰登镇：全部 6 项指标未报送",
                "未报送\t满城北街街道：全部 6 项指标未报送",
                "逾期\t无");
    }

    @Test
    @Order(4)
    void statusThenShowsTheRun() {
        Result r = execute("status");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("testville-2024", "月度", "2024-06", "第1版", "完成", "0/0          0/0");
    }

    @Test
    @Order(5)
    void aRejectedFileIsListedAndLaterRunsSayWhenItCame() throws IOException {
        Path inbox = Files.createDirectories(WORK.resolve("inbox").resolve(SCHEME).resolve("2024-06"));
        Files.writeString(inbox.resolve("坏文件.xlsx"), "not a workbook");

        Result second = execute("run", "monthly", "--scheme", SCHEME, "--period", "2024-06", "--no-mail");
        Result third = execute("run", "monthly", "--scheme", SCHEME, "--period", "2024-06", "--no-mail");

        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        assertThat(second.out()).contains("第2版", "本次新接收 1 个（其中整份退回 1 个）", "整份退回：坏文件.xlsx —— ")
                .doesNotContain("时收到）");
        assertThat(third.exitCode()).as(third.out() + third.err()).isZero();
        assertThat(third.out()).contains("第3版", "本次新接收 0 个").containsPattern("整份退回：坏文件.xlsx —— .*（运行 #\\d+ 时收到）");

        // the run report names each rejected row, for up to 20 rows
        List<String> rows = new ArrayList<>(List.of("unit_code,period,dimension_code,value"));
        for (int i = 1; i <= 22; i++) {
            rows.add("d1,2024-06,zz" + i + "," + i);
        }
        Files.write(inbox.resolve("错码.csv"), rows, StandardCharsets.UTF_8);
        Result fourth = execute("run", "monthly", "--scheme", SCHEME, "--period", "2024-06", "--no-mail");
        assertThat(fourth.out()).contains("数据行：采用 0 行，退回 22 行",
                "  退回：文件 错码.csv 第2行 value列：指标代码 'zz1' 不在方案中（填报值 '1'）",
                "  退回：文件 错码.csv 第21行 value列：指标代码 'zz20' 不在方案中（填报值 '20'）", "  …及另外 2 行，见反馈表")
                .doesNotContain("zz21");
    }

    @Test
    @Order(6)
    void anAnnualRunWithoutBallotsMakesNoEvaluationAndSaysSo() throws IOException {
        for (String month : List.of("2024-11", "2024-12")) {
            assertThat(execute("run", "monthly", "--scheme", "evaltest-2024", "--period", month, "--no-mail").exitCode())
                    .isZero();
        }

        Result none = execute("run", "annual", "--scheme", "evaltest-2024", "--period", "2024", "--no-mail");

        assertThat(none.exitCode()).as(none.out() + none.err()).isZero();
        assertThat(none.out()).contains("评议结果：尚未收到评议票，本次未生成；收齐后运行 bipin evaluation run "
                + "--scheme evaltest-2024 --period 2024");
        assertThat(evaluationRuns()).isZero();

        // one ballot file, its only line rejected: the evaluation runs (the office wants the rejection list) as 第1版
        Path ballots = Files.createDirectories(WORK.resolve("inbox").resolve("evaltest-2024").resolve("2024-evaluation")
                .resolve("ballots"));
        Files.writeString(ballots.resolve("企业.csv"), "group,token,target_unit,enterprise_service,project_service,"
                + "problem_clearing\nenterprise,NOTATOKEN9,a,90,90,90\n");
        Result some = execute("run", "annual", "--scheme", "evaltest-2024", "--period", "2024", "--no-mail");

        assertThat(some.exitCode()).as(some.out() + some.err()).isZero();
        assertThat(some.out()).containsPattern("评议结果 PDF：.*2024-evaluation/r1/.*-第1版\\.pdf（评议运行 #\\d+ 第1版，有效评议票 0 张）");
        assertThat(evaluationRuns()).isOne();
    }

    @Test
    @Order(7)
    void anAnnualRunWithoutEnterpriseDataMakesNoIncentiveListAndSaysSo() throws IOException {
        for (int month = 1; month <= 12; month++) {
            String period = "2024-%02d".formatted(month);
            assertThat(execute("run", "monthly", "--scheme", "inctest-2024", "--period", period, "--no-mail").exitCode())
                    .isZero();
        }

        Result none = execute("run", "annual", "--scheme", "inctest-2024", "--period", "2024", "--no-mail");

        assertThat(none.exitCode()).as(none.out() + none.err()).isZero();
        assertThat(none.out()).contains("奖励清单：本期尚未收到企业数据，本次未生成；收到后运行 bipin incentives run "
                + "--scheme inctest-2024 --period 2024");
        assertThat(incentiveRuns()).isZero();

        // a data file with a header and no rows: the list runs, as 第1版, and says which data did not arrive
        Path inbox = Files.createDirectories(WORK.resolve("inbox").resolve("inctest-2024").resolve("incentives")
                .resolve("2024"));
        Files.writeString(inbox.resolve("企业_2024.csv"), "credit_code,name\n");
        Result some = execute("run", "annual", "--scheme", "inctest-2024", "--period", "2024", "--no-mail");

        assertThat(some.exitCode()).as(some.out() + some.err()).isZero();
        assertThat(some.out()).containsPattern("奖励清单 PDF：.*incentives/2024/r1/.*-第1版\\.pdf（奖励运行 #\\d+ 第1版，0 项，合计 0 元）");
        assertThat(incentiveRuns()).isOne();
    }

    @Test
    @Order(8)
    void statusListsEveryKindOfRunInOneNumberedTable() {
        Result r = execute("status", "--limit", "100");

        assertThat(r.exitCode()).isZero();
        String out = r.out();
        // the one ballot file was taken (1/0), its one line rejected (0/1), made inside the annual run before it
        assertThat(out).containsPattern("#(\\d+) +evaltest-2024 +评议 +2024 +第1版 +完成 .* 1/0 +0/1 +有效评议票 0 张，属于运行 #\\d+");
        // the header-only file: taken, no rows; no award, 0 元
        assertThat(out).containsPattern("#\\d+ +inctest-2024 +奖励清单 +2024 +第1版 +完成 .* 1/0 +0/0 +0 项 0 元，属于运行 #\\d+");
        assertThat(out).containsPattern("#\\d+ +inctest-2024 +年度 +2024 +第2版 +完成");
        List<Integer> numbers = out.lines().filter(l -> l.startsWith("#")).map(l -> Integer.parseInt(l.substring(1, l.indexOf(' '))))
                .toList();
        assertThat(numbers).as("one series, newest first").isSortedAccordingTo(java.util.Comparator.reverseOrder())
                .doesNotHaveDuplicates();
    }

    private long evaluationRuns() {
        return context.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM run WHERE kind = 'evaluation'").query(Long.class).single();
    }

    private long incentiveRuns() {
        return context.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM run WHERE kind = 'incentive'").query(Long.class).single();
    }

    // ---------------------------------------------------------------- the runner Spring Boot calls

    @Test
    void theApplicationsRunnerKeepsTheExitCode() {
        CommandLineRunnerConfig runner = new CommandLineRunnerConfig(context);

        runner.run("run", "monthly", "--scheme", "nope", "--period", "2024-06");
        assertThat(runner.getExitCode()).isEqualTo(2);
        runner.run("--bogus");
        assertThat(runner.getExitCode()).isEqualTo(2);
        runner.run("--version");
        assertThat(runner.getExitCode()).isZero();
    }

    // ---------------------------------------------------------------- helpers

    @ParameterizedTest
    @CsvSource({"deliver, 重发未发出的邮件", "serve, 按 jobs/schedule.yaml 定时运行", "restart, 重启一次失败的运行"})
    void newCommandsExplainThemselves(String command, String text) {
        Result r = execute(command, "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains(text);
    }

    @Test
    void restartOfAnUnknownRunIsBadInput() {
        Result r = execute("restart", "999999");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("运行 #999999 不存在");
    }

    @Test
    void noCommandIsBadUsageNamingTheCommands() {
        Result r = execute();
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("请指定命令", "用法见：bipin --help");
        // a first-time user sees every command, in Chinese
        assertThat(r.out()).contains("命令：", "demo", "run", "restart", "status", "template", "deliver", "serve",
                "evaluation", "incentives").doesNotContain("Usage", "Commands:");
    }

    private record Result(int exitCode, String out, String err) {
    }

    /** Runs the command line as {@link CommandLineRunnerConfig} builds it, with out and err captured. */
    private Result execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = CommandLineRunnerConfig.commandLine(context)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    private static List<String> xlsxIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".xlsx")).toList();
        }
    }

    /** A sheet's rows as displayed, cells joined by tabs. */
    private static List<String> sheetLines(Path xlsx, String sheetName) throws IOException {
        DataFormatter formatter = new DataFormatter();
        try (Workbook wb = WorkbookFactory.create(xlsx.toFile(), null, true)) {
            Sheet sheet = wb.getSheet(sheetName);
            assertThat(sheet).as(sheetName).isNotNull();
            List<String> lines = new java.util.ArrayList<>();
            for (Row row : sheet) {
                StringBuilder line = new StringBuilder();
                row.forEach(cell -> line.append(line.isEmpty() ? "" : "\t").append(formatter.formatCellValue(cell)));
                lines.add(line.toString());
            }
            return lines;
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("bipin-cli");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
