package cn.bipin.appeal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import cn.bipin.BipinApplication;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeRepository;

/**
 * The appeals budget (issue 17: ingesting 100,000 appeal cases and computing all derived figures, heap under 256 MB).
 * Writes a ledger CSV of N cases (seeded) into a fresh appeals inbox of jinfeng-2024, starts the application on a
 * fresh H2 file database, ingests it ({@link AppealIngest}) and computes every derived figure and list of the four
 * quarters ({@link AppealService#report}), timing each. Not a test: run it when asked.
 *
 * <pre>
 * make build &amp;&amp; mvn -o -q test-compile
 * java -Xmx256m -cp "target/test-classes:target/classes:target/app/lib/*" cn.bipin.appeal.AppealBenchmark 100000
 * </pre>
 * Add {@code mariadb} as a second argument to run on the MariaDB at 127.0.0.1:3306 (a fresh database bipin_bench_appeals).
 * It prints wall time and the process's CPU time (all threads: GC and JIT too, comparable across loads of a shared
 * machine) of both phases, the load average, and the live heap after a full GC at the end of ingest and of the
 * figures; {@code -Dbench.histogram=true} prints the heap's largest classes before the ingest commits.
 */
public final class AppealBenchmark {

    private static final Logger log = LoggerFactory.getLogger(AppealBenchmark.class);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private AppealBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        boolean mariadb = args.length > 1 && args[1].equals("mariadb");
        Path work = Path.of("target", "bench-appeals");
        deleteTree(work);
        Path inbox = work.resolve("inbox").resolve("jinfeng-2024").resolve("2024-appeals");
        Files.createDirectories(inbox);
        long t0 = System.nanoTime();
        Path file = inbox.resolve("台账_2024.csv");
        write(file, cases);
        log.info("生成 {} 件诉求：{} ms，{} MB", cases, ms(t0), Files.size(file) / 1_000_000);
        String url = mariadb ? mariaDb() : "jdbc:h2:file:./" + work.resolve("db")
                + "/bipin;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE";
        try (ConfigurableApplicationContext ctx = new SpringApplication(BipinApplication.class).run(
                "--bipin.cli.enabled=false", "--bipin.jobs-dir=" + Path.of("jobs").toAbsolutePath(),
                "--bipin.inbox.dir=" + work.resolve("inbox"), "--bipin.inbox.archive=" + work.resolve("archive"),
                "--bipin.output.dir=" + work.resolve("out"), "--bipin.mail.outbox=" + work.resolve("outbox"),
                "--spring.datasource.url=" + url)) {
            Scheme scheme = ctx.getBean(SchemeRepository.class).load("jinfeng-2024");
            AppealIngest ingest = ctx.getBean(AppealIngest.class);
            AppealService service = ctx.getBean(AppealService.class);
            var tx = new org.springframework.transaction.support.TransactionTemplate(
                    ctx.getBean(org.springframework.transaction.PlatformTransactionManager.class));
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            long cpuA = processCpuMs();
            long a = System.nanoTime();
            cn.bipin.appeal.LedgerFileIngest.Counts counts = tx.execute(s -> {
                cn.bipin.appeal.LedgerFileIngest.Counts c = ingest.ingest(scheme, 0L);
                if (Boolean.getBoolean("bench.histogram")) {
                    histogram("读入后、提交前");
                }
                return c;
            }); // one transaction, as the job step
            long ingested = System.nanoTime();
            long cpuIngested = processCpuMs();
            log.info("读入结束（已提交）后 Full GC 的存活堆：{} MB", liveHeapMb());
            log.info("读入：{}，{} ms（{} 行/秒）", counts, (ingested - a) / 1_000_000,
                    Math.round(cases / ((ingested - a) / 1e9)));
            long b = System.nanoTime();
            int listed = 0;
            for (int q = 1; q <= 4; q++) {
                AppealFigures.Result r = service.report(scheme, Period.parse("2024-Q" + q));
                listed += r.overdue().size() + r.wrongLevel().size() + r.open().size();
            }
            long computed = System.nanoTime();
            long cpuComputed = processCpuMs();
            log.info("四个季度的派生数与清单：{} ms（清单共 {} 条）", (computed - b) / 1_000_000, listed);
            log.info("读入 + 计算合计 {} ms（进程 CPU：读入 {} ms，计算 {} ms；开始时 1 分钟平均负载 {}）", (computed - a) / 1_000_000,
                    cpuIngested - cpuA, cpuComputed - cpuIngested, load);
            log.info("计算结束后 Full GC 的存活堆：{} MB", liveHeapMb());
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        log.info("堆：上限 {} MB，各堆区峰值之和 {} MB（高估真实峰值）", Runtime.getRuntime().maxMemory() / 1_048_576, peak / 1_048_576);
    }

    /** CPU time of the whole process (every thread: main, GC, JIT), to compare runs on busy shared cores. */
    private static long processCpuMs() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime()
                / 1_000_000;
    }

    /** Heap in use after a full collection (System.gc() is a full GC with G1 unless explicitly disabled). */
    private static long liveHeapMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1_048_576;
    }

    /** The biggest classes on the heap, to see what a phase keeps alive (-Dbench.histogram=true). */
    private static void histogram(String when) {
        try {
            Process p = new ProcessBuilder("jcmd", String.valueOf(ProcessHandle.current().pid()), "GC.class_histogram")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            log.info("{} 的堆（前 25 类）：\n{}", when, out.lines().limit(28).collect(java.util.stream.Collectors.joining("\n")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String mariaDb() throws Exception {
        try (var c = java.sql.DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "")) {
            c.createStatement().execute("DROP DATABASE IF EXISTS bipin_bench_appeals");
            c.createStatement().execute("CREATE DATABASE bipin_bench_appeals CHARACTER SET utf8mb4");
        }
        return "jdbc:mariadb://127.0.0.1:3306/bipin_bench_appeals";
    }

    /** N cases spread over the year's working hours, the units of jinfeng-2024 in turn, some late, some open. */
    static void write(Path file, int cases) throws IOException {
        String[] units = {"fgj", "gxj", "stj", "czj", "rsj", "nsj", "zjj", "wlj", "scj", "liangtian", "fengdeng", "mancheng",
            "huanghe", "changcheng", "beijing", "shanghai", "ningan"};
        String[] sizes = {"重点企业", "千万元以上企业", "千万元以下企业"};
        String[] levels = {"单位", "专班", "区政府专题会议"};
        String[] roles = {"主要领导（经分管区领导同意）", "主要领导", "分管领导"};
        String[] grades = {"满意", "基本满意", "不满意", ""};
        SplittableRandom r = new SplittableRandom(17);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("\uFEFFcase_id,unit_code,enterprise,credit_code,size_class,summary,received_at,registered_at,studied_at,"
                    + "resolved_at,resolution_level,feedback_by,satisfaction,note\n");
            for (int i = 0; i < cases; i++) {
                LocalDateTime received = LocalDate.of(2024, 1, 2).plusDays(r.nextInt(360)).atTime(8 + r.nextInt(9), r.nextInt(60));
                LocalDateTime registered = received.plusMinutes(r.nextInt(20) == 0 ? 1500 + r.nextInt(2000) : 10 + r.nextInt(300));
                LocalDateTime studied = r.nextInt(2) == 0 ? registered.plusHours(4 + r.nextInt(120)) : null;
                LocalDateTime resolved = r.nextInt(4) > 0 ? registered.plusHours(5 + r.nextInt(900)) : null;
                if (studied != null && resolved != null && resolved.isBefore(studied)) {
                    resolved = studied.plusHours(2);
                }
                int size = r.nextInt(3);
                boolean late = resolved != null && resolved.getYear() > 2024;
                if (late) {
                    resolved = null;
                }
                if (studied != null && studied.getYear() > 2024) {
                    studied = null;
                }
                w.write("C" + i + "," + units[i % units.length] + ",企业" + (i % 5000) + ",," + sizes[size] + ",诉求" + i + ","
                        + received.format(MINUTES) + "," + registered.format(MINUTES) + ","
                        + (studied == null ? "" : studied.format(MINUTES)) + ","
                        + (resolved == null ? "" : resolved.format(MINUTES) + "," + levels[r.nextInt(3)] + ","
                                + roles[r.nextInt(10) == 0 ? r.nextInt(3) : size] + "," + grades[r.nextInt(4)])
                        + (resolved == null ? ",,," : "") + ",\n");
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
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
