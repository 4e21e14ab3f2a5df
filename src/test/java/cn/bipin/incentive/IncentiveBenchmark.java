package cn.bipin.incentive;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import cn.bipin.BipinApplication;
import cn.bipin.scheme.Period;
import cn.bipin.run.Run;
import cn.bipin.run.RunKind;
import cn.bipin.run.RunLauncher;
import cn.bipin.scheme.SchemeRepository;

/**
 * The incentive budget (issue: 200,000 enterprise rows against all rules in under 20 s including ingestion, heap
 * under 512 MB). Writes an enterprise CSV of N rows (seeded, so every run sees the same data) into a fresh inbox,
 * starts the application on a fresh H2 file database and runs the 2024 incentive list of jinfeng-2024 without mail,
 * timing ingestion + evaluation and the list separately.
 *
 * <p>Usage (from the project root; the heap cap is the budget):
 * <pre>
 * mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/cp.txt)" cn.bipin.incentive.IncentiveBenchmark 200000
 * </pre>
 */
public final class IncentiveBenchmark {

    private static final Logger log = LoggerFactory.getLogger(IncentiveBenchmark.class);
    private static final String[] INDUSTRIES = {"商务服务", "科学研究和技术服务", "教育", "卫生", "制造业", "批发和零售业",
            "住宿和餐饮业", "建筑业", "房地产业", "信息传输、软件和信息技术服务业"};

    private IncentiveBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Path work = Path.of("target", "bench-incentives");
        deleteTree(work);
        Path inbox = work.resolve("inbox").resolve("jinfeng-2024").resolve("incentives").resolve("2024");
        Files.createDirectories(inbox);
        long t0 = System.nanoTime();
        writeEnterprises(inbox.resolve("企业_2024.csv"), rows);
        log.info("生成 {} 行企业数据：{} ms，{} MB", rows, ms(t0), Files.size(inbox.resolve("企业_2024.csv")) / 1_000_000);

        long start = System.nanoTime();
        try (ConfigurableApplicationContext ctx = new SpringApplication(BipinApplication.class).run(
                "--bipin.cli.enabled=false", "--bipin.jobs-dir=" + Path.of("jobs").toAbsolutePath(),
                "--bipin.inbox.dir=" + work.resolve("inbox"),
                "--bipin.inbox.archive=" + work.resolve("archive"),
                "--bipin.output.dir=" + work.resolve("out"),
                "--bipin.mail.outbox=" + work.resolve("outbox"),
                "--spring.datasource.url=jdbc:h2:file:./" + work.resolve("db") + "/bipin;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE")) {
            long booted = System.nanoTime();
            IncentiveService incentives = ctx.getBean(IncentiveService.class);
            RunLauncher launcher = ctx.getBean(RunLauncher.class);
            // The job as the CLI runs it; step timings come from the log, the totals from here.
            Run run = launcher.launch(RunKind.INCENTIVE, "jinfeng-2024", Period.parse("2024"), false, false);
            long done = System.nanoTime();
            AwardTotals totals = incentives.totals(run);
            log.info("运行 #{} {}：采用 {} 行，退回 {} 行；{} 项奖励，合计 {} 元", run.id(), run.status(), run.rowsAccepted(),
                    run.rowsRejected(), totals.awardLines(), Money.format(totals.awardTotal()));
            log.info("启动 {} ms；作业（读入 + 计算 + 清单 + 邮件步骤）{} ms", (booted - start) / 1_000_000, (done - booted) / 1_000_000);
            log.info("清单：{}", incentives.pdf(run, ctx.getBean(SchemeRepository.class).load(run.scheme())));
            log.info("步骤用时：{}", stepTimes(ctx, run));
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        log.info("堆：上限 {} MB，各堆区峰值之和 {} MB（高估真实峰值）", Runtime.getRuntime().maxMemory() / 1_048_576, peak / 1_048_576);
    }

    private static String stepTimes(ConfigurableApplicationContext ctx, Run run) {
        var jdbc = ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        Long exec = run.jobExecutionId();
        StringBuilder sb = new StringBuilder();
        jdbc.sql("SELECT step_name, start_time, end_time FROM batch_step_execution WHERE job_execution_id = ? ORDER BY step_execution_id")
                .param(exec).query((java.sql.ResultSet rs) -> {
                    long ms = rs.getTimestamp(3).getTime() - rs.getTimestamp(2).getTime();
                    sb.append(rs.getString(1)).append(' ').append(ms).append(" ms；");
                });
        return sb.toString();
    }

    static void writeEnterprises(Path file, int rows) throws IOException {
        Random r = new Random(42);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("\uFEFFcredit_code,name,industry,district_soe,registered_on,above_scale,above_scale_since,revenue,revenue_last,"
                    + "contribution,contribution_last,tax_grade,tax_contribution,tax_growth,retail,retail_last,attracted,"
                    + "above_limit,qualification,construction_main,in_statistics,output\n");
            for (int i = 0; i < rows; i++) {
                String industry = INDUSTRIES[r.nextInt(INDUSTRIES.length)];
                boolean builder = industry.equals("建筑业");
                long revenueLast = 1_000_000 + r.nextInt(99_000_000);
                long contributionLast = 50_000 + r.nextInt(4_950_000);
                long contribution = Math.round(contributionLast * (0.8 + r.nextDouble() * 0.42));
                boolean aboveScale = r.nextInt(10) == 0;
                LocalDate registered = LocalDate.of(2000 + r.nextInt(25), 1 + r.nextInt(12), 1 + r.nextInt(28));
                w.write(Rows.code(i + 1) + ",企业" + (i + 1) + "," + industry + "," + (r.nextInt(20) == 0 ? "是" : "否") + ","
                        + registered + "," + (aboveScale ? "是" : "否") + ","
                        + (aboveScale ? LocalDate.of(2010 + r.nextInt(15), 1 + r.nextInt(12), 1) : "") + ","
                        + Math.round(revenueLast * (0.8 + r.nextDouble() * 0.5)) + "," + revenueLast + ","
                        + contribution + "," + contributionLast + "," + "ABMCD".charAt(r.nextInt(5)) + ","
                        + Math.round(contribution * 0.6) + "," + (r.nextInt(50) - 20) + "%,,,"
                        + (r.nextInt(100) == 0 ? "是" : "否") + "," + (r.nextInt(10) == 0 ? "是" : "否") + ","
                        + (builder ? (r.nextBoolean() ? "总承包" : "专业承包") : "") + "," + (builder ? "是" : "") + ","
                        + (builder ? "是" : "") + "," + (builder ? 10_000_000 + r.nextInt(40_000_000) : "") + "\n");
            }
        }
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
