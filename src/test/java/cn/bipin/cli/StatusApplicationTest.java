package cn.bipin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code status}'s light context on a real H2 file database: it answers from a migrated database, and leaves the
 * answer to the whole application (returns empty) when the schema is not at the latest migration or a run is
 * STARTED (a dead one must be recovered first).
 */
class StatusApplicationTest {

    @TempDir
    Path dir;

    @Test
    void freshDatabaseIsLeftToTheWholeApplication() {
        assertThat(StatusApplication.run(new String[] {"status"}, "--spring.datasource.url=" + url())).isEmpty();
        assertThat(Files.exists(dir.resolve("db.mv.db"))).as("the light context only opened the database").isTrue();
    }

    @Test
    void migratedDatabaseIsAnsweredByTheLightContext() throws Exception {
        JdbcClient jdbc = migrate();
        jdbc.sql("""
                INSERT INTO run (kind, scheme, cycle, period, revision, status, started_at, finished_at,
                                 files_accepted, files_rejected, rows_accepted, rows_rejected)
                VALUES ('score', 'testville-2024', 'monthly', '2024-06', 1, 'COMPLETED',
                        TIMESTAMP '2024-07-01 09:00:00', TIMESTAMP '2024-07-01 09:00:12', 14, 2, 72, 5)""").update();

        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        OptionalInt code;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = StatusApplication.run(new String[] {"status"}, "--spring.datasource.url=" + url());
        } finally {
            System.setOut(original);
        }
        assertThat(code).hasValue(ExitCodes.OK);
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("编号", "数据行 采用/退回");
        // the row: id 1, monthly 2024-06 revision 1, done; 09:00:00 → 09:00:12 is 12.0 s; 14/2 files, 72/5 rows
        assertThat(out).containsPattern("#1 +testville-2024 +月度 +2024-06 +第1版 +完成 .*07-01 09:00:00 +12\\.0 +14/2 +72/5");
    }

    @Test
    void filesFromTheMailboxWaitingForTheStatisticianAreListedWithUnitSenderFileAndReason() throws Exception {
        JdbcClient jdbc = migrate();
        jdbc.sql("""
                INSERT INTO collected_mail (message_id, sender, subject, received_at, attachment, scheme, period,
                                            unit_code, outcome, reason, stored_file)
                VALUES ('<q1@x>', 'stranger@other.example', '财政局6月报送', TIMESTAMP '2024-07-08 09:15:00', '财政局.csv',
                        'testville-2024', '2024-06', 'd2', 'QUARANTINED', '发件地址 stranger@other.example 不在方案文件中',
                        'data/quarantine/testville-2024/2024-06/财政局.csv'),
                       ('<a1@x>', 'clerk@qq.example', '补报', TIMESTAMP '2024-07-09 10:00:00', '坏文件.xlsx',
                        NULL, NULL, NULL, 'ANSWERED', '附件 坏文件.xlsx：文件已损坏', NULL),
                       ('<p1@x>', 'fgj@qq.example', '报送', TIMESTAMP '2024-07-09 11:00:00', '好文件.csv',
                        'testville-2024', '2024-06', 'd1', 'PLACED', NULL, 'data/inbox/testville-2024/2024-06/好文件.csv')""")
                .update();
        // the light context must not leak the mailbox password: it is set, and must appear nowhere
        String out = status("--bipin.mailbox.host=imap.example", "--bipin.mailbox.user=office");

        assertThat(out).contains("报送邮箱中待统计员处理的文件（共 2 项");
        assertThat(out).containsPattern("07-08 09:15:00 暂存待核实 testville-2024 2024-06 单位 d2 发件人 stranger@other\\.example "
                + "文件 财政局\\.csv → data/quarantine/testville-2024/2024-06/财政局\\.csv");
        assertThat(out).contains("└ 发件地址 stranger@other.example 不在方案文件中");
        assertThat(out).contains("07-09 10:00:00 未能接收，已回信 单位 未知 发件人 clerk@qq.example 文件 坏文件.xlsx",
                "└ 附件 坏文件.xlsx：文件已损坏");
        // a placed file is in its inbox: nothing to look at
        assertThat(out).doesNotContain("好文件.csv");
    }

    private String status(String... springArgs) {
        String[] args = new String[springArgs.length + 1];
        args[0] = "--spring.datasource.url=" + url();
        System.arraycopy(springArgs, 0, args, 1, springArgs.length);
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            assertThat(StatusApplication.run(new String[] {"status"}, args)).hasValue(ExitCodes.OK);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aStartedRunIsLeftToTheWholeApplication() {
        JdbcClient jdbc = migrate();
        jdbc.sql("""
                INSERT INTO run (kind, scheme, cycle, period, revision, status, started_at, owner)
                VALUES ('score', 'testville-2024', 'monthly', '2024-06', 1, 'STARTED', CURRENT_TIMESTAMP, '1@gone')""")
                .update();
        assertThat(StatusApplication.run(new String[] {"status"}, "--spring.datasource.url=" + url())).isEmpty();
    }

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("db") + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE";
    }

    private JdbcClient migrate() {
        SimpleDriverDataSource ds = new SimpleDriverDataSource(new org.h2.Driver(), url(), "root", "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/common", "classpath:db/migration/h2").load()
                .migrate();
        return JdbcClient.create(ds);
    }
}
