package cn.bipin.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;

import cn.bipin.testsupport.FaultChild;
import cn.bipin.testsupport.FaultFixture;
import cn.bipin.testsupport.FaultyProxy;
import cn.bipin.testsupport.JobTestSupport;
import cn.bipin.testsupport.MariaDb;

/**
 * The database under faults, in child JVMs as an office runs them: killed the instant after "完成" on the default H2
 * file, a second command while a run holds that file, a wrong database URL, and MariaDB going away in the middle of a
 * run (a relay the test cuts). Each ends with the statistician told in one Chinese line, and nothing lost.
 */
class DatabaseFaultsTest {

    static Map<String, String> unfaulted;

    @BeforeAll
    static void unfaultedRun() {
        Path machine = FaultFixture.machine("bipin-db-clean");
        int code = FaultChild.run(machine, FaultFixture.properties(machine, null), machine.resolve("run.log"), "run",
                "monthly", "--scheme", FaultFixture.SCHEME, "--period", FaultFixture.PERIOD);
        assertThat(code).as(FaultChild.read(machine.resolve("run.log"))).isZero();
        unfaulted = FaultFixture.csvs(machine);
    }

    /** Item 2: what the run committed before printing 完成 is on disk, however the JVM ends. */
    @Test
    void aJvmKilledRightAfterCompletionKeepsTheRunAndItsMail() throws Exception {
        Path machine = FaultFixture.machine("bipin-db-halt");
        Process run = FaultChild.startMain(HaltAfterCommand.class.getName(), machine, FaultFixture.properties(machine, null),
                machine.resolve("run.log"), "run", "monthly", "--scheme", FaultFixture.SCHEME, "--period", FaultFixture.PERIOD);
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = FaultChild.read(machine.resolve("run.log"));
        assertThat(run.exitValue()).as(out).isEqualTo(99); // halted right after the report, the database never closed
        assertThat(out).contains("第1版  完成");

        assertThat(h2(machine, "select status from run where id = 1")).containsExactly("COMPLETED");
        assertThat(h2(machine, "select status from delivery where run_id = 1 order by id"))
                .containsExactly("WRITTEN", "WRITTEN", "WRITTEN");
        assertThat(emlCount(machine)).isEqualTo(3);

        // nothing to restart, nothing to send again: the three leaders keep their one message each
        assertThat(FaultChild.run(machine, FaultFixture.properties(machine, null), machine.resolve("restart.log"),
                "restart", "1")).isEqualTo(2);
        assertThat(FaultChild.read(machine.resolve("restart.log"))).contains("运行 #1 已完成");
        assertThat(FaultChild.run(machine, FaultFixture.properties(machine, null), machine.resolve("deliver.log"),
                "deliver")).isZero();
        assertThat(FaultChild.read(machine.resolve("deliver.log"))).contains("没有待发的邮件");
        assertThat(emlCount(machine)).isEqualTo(3);
        assertThat(FaultFixture.csvs(machine)).isEqualTo(unfaulted);
    }

    /** Item 7: while a run holds the H2 file, status works and a second run of the period is refused in one line. */
    @Test
    void whileARunHoldsTheH2FileStatusWorksAndASecondRunIsRefused() throws Exception {
        Path machine = FaultFixture.machine("bipin-db-busy");
        GreenMail greenMail = JobTestSupport.startGreenMail();
        try (FaultyProxy smtp = new FaultyProxy(greenMail.getSmtp().getPort())) {
            smtp.holdAfter(0); // the run hangs on its first message: it is under way as long as the test needs
            Map<String, String> props = FaultFixture.properties(machine, smtp.port());
            Process first = FaultChild.start(machine, props, machine.resolve("first.log"), "run", "monthly", "--scheme",
                    FaultFixture.SCHEME, "--period", FaultFixture.PERIOD);
            long deadline = System.currentTimeMillis() + 120_000;
            while (smtp.held() < 1 && first.isAlive() && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertThat(smtp.held()).as(FaultChild.read(machine.resolve("first.log"))).isEqualTo(1);

            int second = FaultChild.run(machine, props, machine.resolve("second.log"), "run", "monthly", "--scheme",
                    FaultFixture.SCHEME, "--period", FaultFixture.PERIOD);
            String refused = FaultChild.read(machine.resolve("second.log"));
            assertThat(second).as(refused).isEqualTo(2);
            assertThat(refused).contains("正在运行（运行 #1）", "本次未运行").doesNotContain("already in use", "\tat ");

            int status = FaultChild.run(machine, props, machine.resolve("status.log"), "status");
            String table = FaultChild.read(machine.resolve("status.log"));
            assertThat(status).as(table).isZero();
            assertThat(table).contains("#1", "运行中");
            FaultChild.kill(first);
        } finally {
            greenMail.stop();
        }
    }

    /** Item 7: a wrong database URL is one line, not Flyway's stack trace. */
    @Test
    void aWrongDatabaseUrlIsOneLine() {
        Path machine = FaultFixture.machine("bipin-db-url");
        Map<String, String> props = FaultFixture.properties(machine, null);
        props.put("spring.datasource.url", "jdbc:mariadb://127.0.0.1:1/bipin");
        int code = FaultChild.run(machine, props, machine.resolve("status.log"), "status");
        String out = FaultChild.read(machine.resolve("status.log")).strip();
        assertThat(code).as(out).isEqualTo(1);
        assertThat(out.lines()).as(out).hasSize(1);
        assertThat(out).startsWith("错误：无法连接数据库");

        props.put("spring.datasource.url", "jdbc:nosuchdb://somewhere/bipin");
        code = FaultChild.run(machine, props, machine.resolve("status2.log"), "status");
        out = FaultChild.read(machine.resolve("status2.log")).strip();
        assertThat(code).as(out).isEqualTo(1);
        assertThat(out.lines()).as(out).hasSize(1);
        assertThat(out).startsWith("错误：数据库地址或账号有误");
    }

    /**
     * Item 7: MariaDB goes away in the middle of reading a big file. The run stops within 30 s with one Chinese line;
     * the next start marks it failed and restart finishes it with the scores of an unfaulted run.
     */
    @Test
    void mariaDbGoneMidRunFailsWithinThirtySecondsInOneLine() throws Exception {
        MariaDb.assumeOrFail();
        String url = MariaDb.createDatabase("bipin_dbfault_");
        try (FaultyProxy db = new FaultyProxy(3306)) {
            Path machine = FaultFixture.machine("bipin-db-maria");
            List<String> big = new ArrayList<>(List.of("unit_code,period,dimension_code,value"));
            for (int i = 0; i < 60_000; i++) {
                big.add("x9," + FaultFixture.PERIOD + ",c2_start_rate,0.45"); // an unknown unit: rejected, no score
            }
            JobTestSupport.csv(machine.resolve("data/inbox").resolve(FaultFixture.SCHEME).resolve(FaultFixture.PERIOD)
                    .resolve("big.csv"), LocalDateTime.of(2024, 7, 10, 9, 0), big.toArray(String[]::new));
            Map<String, String> viaRelay = FaultFixture.properties(machine, null);
            String dbName = url.substring(url.lastIndexOf('/') + 1);
            viaRelay.put("spring.datasource.url", "jdbc:mariadb://127.0.0.1:" + db.port() + "/" + dbName);
            viaRelay.put("spring.datasource.username", MariaDb.USER);
            viaRelay.put("spring.datasource.password", MariaDb.PASSWORD);

            Process run = FaultChild.start(machine, viaRelay, machine.resolve("run.log"), "run", "monthly", "--scheme",
                    FaultFixture.SCHEME, "--period", FaultFixture.PERIOD);
            long deadline = System.currentTimeMillis() + 120_000;
            while (rows(url) < 2000 && run.isAlive() && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertThat(run.isAlive()).as(FaultChild.read(machine.resolve("run.log"))).isTrue();
            db.cut(); // the server is gone for this process: open connections closed, new ones refused
            long cutAt = System.nanoTime();
            boolean stopped = run.waitFor(30, TimeUnit.SECONDS);
            if (!stopped) {
                Process jstack = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstack").toString(),
                        Long.toString(run.pid())).redirectErrorStream(true).start();
                String threads = new String(jstack.getInputStream().readAllBytes());
                FaultChild.kill(run);
                assertThat(stopped).as("stopped within 30 s of the database going away; its threads:\n" + threads).isTrue();
            }
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - cutAt);
            String out = FaultChild.read(machine.resolve("run.log"));
            System.out.println("MariaDB cut: the run stopped after " + seconds + " s; its output:\n" + out);
            assertThat(run.exitValue()).as(out).isEqualTo(1);
            assertThat(out).doesNotContain("\tat ", "Exception");
            List<String> errors = out.lines().filter(l -> l.startsWith("错误：")).toList();
            assertThat(errors).as(out).hasSize(1);
            assertThat(errors.get(0)).contains("运行 #1 中断", "数据库", "restart 1");

            // the database is back (no relay): the next start marks the run failed, restart finishes it
            Map<String, String> direct = FaultFixture.properties(machine, null);
            direct.put("spring.datasource.url", url);
            direct.put("spring.datasource.username", MariaDb.USER);
            direct.put("spring.datasource.password", MariaDb.PASSWORD);
            assertThat(FaultChild.run(machine, direct, machine.resolve("status.log"), "status")).isZero();
            assertThat(FaultChild.read(machine.resolve("status.log"))).contains("#1", "失败", "restart 1");
            int restart = FaultChild.run(machine, direct, machine.resolve("restart.log"), "restart", "1");
            assertThat(restart).as(FaultChild.read(machine.resolve("restart.log"))).isZero();
            assertThat(FaultFixture.csvs(machine)).isEqualTo(unfaulted);
        } finally {
            MariaDb.drop(url);
        }
    }

    /**
     * Item 6: a database truncated to nothing (or to half) after a backup. The next run is refused in Chinese before it
     * numbers itself run #1 again, overwrites r1/ or mails anyone; restored from the backup as README says, the history is
     * back and the next run is revision 2.
     */
    @Test
    void aDamagedDatabaseIsRefusedAndTheBackupRestoresIt() throws Exception {
        Path machine = FaultFixture.machine("bipin-db-damaged");
        Map<String, String> props = FaultFixture.properties(machine, null);
        assertThat(FaultChild.run(machine, props, machine.resolve("run.log"), "run", "monthly", "--scheme",
                FaultFixture.SCHEME, "--period", FaultFixture.PERIOD)).isZero();
        assertThat(FaultChild.run(machine, props, machine.resolve("backup.log"), "backup")).isZero();
        Path zip;
        try (Stream<Path> files = Files.list(machine.resolve("data/backup"))) {
            zip = files.filter(f -> f.getFileName().toString().matches("bipin-\\d{8}-\\d{6}\\.zip")).findFirst().orElseThrow();
        }
        Path db = machine.resolve("data/db/bipin.mv.db");
        Path r1 = machine.resolve("data/out").resolve(FaultFixture.SCHEME).resolve(FaultFixture.PERIOD).resolve("r1");
        Map<String, String> published = FaultFixture.csvs(machine);
        byte[] whole = Files.readAllBytes(db);

        // truncated to half: H2 either refuses the file or opens an older state; either way nothing runs
        Files.write(db, java.util.Arrays.copyOf(whole, whole.length / 2));
        int half = FaultChild.run(machine, props, machine.resolve("half.log"), "run", "monthly", "--scheme",
                FaultFixture.SCHEME, "--period", FaultFixture.PERIOD);
        String halfOut = FaultChild.read(machine.resolve("half.log"));
        assertThat(halfOut).doesNotContain("\tat ");
        if (half == 0) {
            // H2 found the whole history in the first half of the file (where it lies depends on the page layout):
            // the run is then simply revision 2, unchanged, mailing nobody and leaving r1/ alone; its folder is moved
            // out as README says before the restore below
            assertThat(halfOut).contains("运行 #2", "第2版  完成", "结果与上一版相同，未发送");
            assertThat(emlCount(machine)).isEqualTo(3);
            org.springframework.util.FileSystemUtils.deleteRecursively(r1.resolveSibling("r2"));
        } else {
            assertThat(half).as(halfOut).isIn(1, 2);
            assertThat(halfOut).containsAnyOf("数据库文件已损坏", "数据库与磁盘上的记录不一致");
        }

        // truncated to nothing: an empty history would make this run #1 again
        Files.write(db, new byte[0]);
        int empty = FaultChild.run(machine, props, machine.resolve("empty.log"), "run", "monthly", "--scheme",
                FaultFixture.SCHEME, "--period", FaultFixture.PERIOD);
        String emptyOut = FaultChild.read(machine.resolve("empty.log"));
        assertThat(empty).as(emptyOut).isEqualTo(2);
        assertThat(emptyOut).contains("数据库与磁盘上的记录不一致，本次未运行", r1.toAbsolutePath().toString(),
                "发件箱中有 3 封邮件数据库中没有发送记录", "README「备份与恢复」");
        assertThat(FaultFixture.csvs(machine)).isEqualTo(published);
        assertThat(emlCount(machine)).isEqualTo(3);

        // restore as README says: the damaged file aside, the newest copy unzipped into data/db
        Files.move(machine.resolve("data/db"), machine.resolve("data/db.damaged"));
        Files.createDirectories(machine.resolve("data/db"));
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Files.copy(in, machine.resolve("data/db").resolve(Path.of(e.getName()).getFileName()));
            }
        }
        assertThat(FaultChild.run(machine, props, machine.resolve("deliver.log"), "deliver")).isZero();
        assertThat(FaultChild.read(machine.resolve("deliver.log"))).contains("没有待发的邮件");
        assertThat(FaultChild.run(machine, props, machine.resolve("again.log"), "run", "monthly", "--scheme",
                FaultFixture.SCHEME, "--period", FaultFixture.PERIOD, "--force")).as(FaultChild.read(machine.resolve("again.log")))
                .isZero();
        assertThat(FaultChild.read(machine.resolve("again.log"))).contains("运行 #2", "第2版  完成");
        assertThat(emlCount(machine)).isEqualTo(6); // three for r1, three for r2: nobody got r1 twice
        assertThat(FaultFixture.csvs(machine)).containsAllEntriesOf(published);
    }

    private static long rows(String url) {
        try (Connection c = DriverManager.getConnection(url, MariaDb.USER, MariaDb.PASSWORD);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM submission_row")) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            return 0; // not migrated yet
        }
    }

    private static List<String> h2(Path machine, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + machine.resolve("data/db/bipin").toAbsolutePath()
                + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE;AUTO_SERVER=TRUE", "root", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static long emlCount(Path machine) throws Exception {
        try (Stream<Path> files = Files.list(machine.resolve("data/outbox"))) {
            return files.filter(f -> f.toString().endsWith(".eml")).count();
        }
    }
}
