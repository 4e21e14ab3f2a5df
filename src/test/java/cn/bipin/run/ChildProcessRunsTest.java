package cn.bipin.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.bipin.testsupport.ChildJvm;
import cn.bipin.testsupport.JobTestSupport;
import cn.bipin.testsupport.MariaDb;
import cn.bipin.testsupport.NeedsMariaDb;

/**
 * Runs in separate JVMs on one MariaDB, as statisticians and cron would start them: two launches of the same
 * period at the same moment run once; a JVM killed in the middle of a run leaves a run that the next start marks
 * failed and {@code restart} finishes with no row lost or doubled.
 */
@NeedsMariaDb
class ChildProcessRunsTest {

    static final String SCHEME = "testville-2024";
    static final int ROWS = 60_000;
    static String url;
    static Path work;

    @BeforeAll
    static void setUp() {
        url = MariaDb.createDatabase("bipin_child_");
        work = JobTestSupport.tempDir("bipin-child");
    }

    @AfterAll
    static void drop() {
        if (url != null) {
            MariaDb.drop(url);
        }
    }

    static Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spring.datasource.url", url);
        p.put("spring.datasource.username", MariaDb.USER);
        p.put("spring.datasource.password", MariaDb.PASSWORD);
        p.put("bipin.jobs-dir", "src/test/resources/jobs");
        p.put("bipin.inbox.dir", work.resolve("inbox").toString());
        p.put("bipin.inbox.archive", work.resolve("archive").toString());
        p.put("bipin.output.dir", work.resolve("out").toString());
        p.put("bipin.mail.outbox", work.resolve("outbox").toString());
        return p;
    }

    /** A period whose inbox holds one big file, so a run lasts long enough to be raced and killed. */
    static void bigInbox(String period) {
        List<String> lines = new ArrayList<>(List.of("unit_code,period,dimension_code,value"));
        for (int i = 0; i < ROWS; i++) {
            lines.add((i == 0 ? "d1" : "x9") + "," + period + ",c2_start_rate,0.45");
        }
        JobTestSupport.csv(work.resolve("inbox").resolve(SCHEME).resolve(period).resolve("big.csv"),
                LocalDateTime.of(2024, 8, 1, 9, 0), lines.toArray(String[]::new));
    }

    @Test
    void twoLaunchesOfOnePeriodAtTheSameMomentRunOnce() throws Exception {
        bigInbox("2024-07");
        Path logA = work.resolve("a.log");
        Path logB = work.resolve("b.log");
        Process a = ChildJvm.start(properties(), logA, "run", "monthly", "--scheme", SCHEME, "--period", "2024-07", "--no-mail");
        Process b = ChildJvm.start(properties(), logB, "run", "monthly", "--scheme", SCHEME, "--period", "2024-07", "--no-mail");
        assertThat(a.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(b.waitFor(120, TimeUnit.SECONDS)).isTrue();
        List<Integer> codes = List.of(a.exitValue(), b.exitValue());
        String refused = Files.readString(a.exitValue() == 2 ? logA : logB, StandardCharsets.UTF_8);
        assertThat(codes).as(Files.readString(logA) + Files.readString(logB)).containsExactlyInAnyOrder(0, 2);
        assertThat(refused).contains("正在运行", "本次未运行");
        assertThat(query("SELECT COUNT(*) FROM run WHERE period = '2024-07'")).isEqualTo(1);
        assertThat(query("SELECT COUNT(*) FROM submission_row r JOIN received_file f ON f.id = r.file_id WHERE f.period = '2024-07'"))
                .isEqualTo(ROWS);
    }

    @Test
    void aRunWhoseJvmWasKilledIsFoundAtTheNextStartAndRestartFinishesIt() throws Exception {
        bigInbox("2024-08");
        Process victim = ChildJvm.start(properties(), work.resolve("victim.log"), "run", "monthly", "--scheme", SCHEME,
                "--period", "2024-08", "--no-mail");
        // kill it once it has committed some rows, in the middle of reading the file
        long deadline = System.currentTimeMillis() + 90_000;
        while (rowsOf("2024-08") < 3000 && System.currentTimeMillis() < deadline && victim.isAlive()) {
            Thread.sleep(100);
        }
        assertThat(victim.isAlive()).as("still running when killed").isTrue();
        victim.destroyForcibly().waitFor();
        int committed = rowsOf("2024-08");
        assertThat(committed).isBetween(1, ROWS - 1);
        assertThat(query("SELECT COUNT(*) FROM run WHERE period = '2024-08' AND status = 'STARTED'")).isEqualTo(1);
        long runId = query("SELECT id FROM run WHERE period = '2024-08'");

        // the next start of any command finds it; restart finishes it as the same revision
        Process status = ChildJvm.start(properties(), work.resolve("status.log"), "status");
        assertThat(status.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(query("SELECT COUNT(*) FROM run WHERE id = " + runId + " AND status = 'FAILED'")).isEqualTo(1);
        Process restart = ChildJvm.start(properties(), work.resolve("restart.log"), "restart", Long.toString(runId));
        assertThat(restart.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(restart.exitValue()).as(Files.readString(work.resolve("restart.log"))).isZero();
        assertThat(query("SELECT COUNT(*) FROM run WHERE id = " + runId + " AND status = 'COMPLETED' AND revision = 1")).isEqualTo(1);
        assertThat(rowsOf("2024-08")).as("every row once, none lost").isEqualTo(ROWS);
        assertThat(query("SELECT COUNT(*) FROM (SELECT file_id, row_no FROM submission_row GROUP BY file_id, row_no "
                + "HAVING COUNT(*) > 1) d")).isZero();
    }

    private static int rowsOf(String period) throws SQLException {
        return (int) query("SELECT COUNT(*) FROM submission_row r JOIN received_file f ON f.id = r.file_id WHERE f.period = '"
                + period + "'");
    }

    private static long query(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, MariaDb.USER, MariaDb.PASSWORD);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            if (e.getMessage().contains("doesn't exist")) {
                return 0; // the schema is not migrated yet
            }
            throw e;
        }
    }
}
