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
