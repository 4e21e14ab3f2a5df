package cn.bipin.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.bipin.testsupport.MariaDb;
import cn.bipin.testsupport.Migrated;

/** The migrations build every framework table and the delivery table, on H2 and on the real MariaDB. */
class MigrationsTest {

    @Test
    void h2InMariaDbModeGetsEveryTable() throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:migrations_test" + Migrated.H2_OPTIONS);
        ds.setUser("sa");

        MigrateResult result = Migrated.migrate(ds, "h2");

        assertMigratedSchema(ds, result);
    }

    @Test
    void mariaDbGetsEveryTable() throws SQLException {
        String url = MariaDb.createDatabase("bipin_mig_");
        try {
            MariaDbDataSource ds = new MariaDbDataSource(url);
            ds.setUser(MariaDb.USER);
            ds.setPassword(MariaDb.PASSWORD);

            MigrateResult result = Migrated.migrate(ds, "mariadb");

            assertMigratedSchema(ds, result);
        } finally {
            MariaDb.drop(url);
        }
    }

    private static void assertMigratedSchema(DataSource ds, MigrateResult result) throws SQLException {
        assertThat(result.success).isTrue();
        // V1 Spring Batch, V2 Quartz, V4 delivery (V3 belongs to the core tables, added elsewhere)
        assertThat(result.migrations).extracting(m -> m.version).contains("1", "2", "4");

        assertThat(tableNames(ds)).contains(
                "batch_job_instance", "batch_job_execution", "batch_step_execution_context",
                "qrtz_triggers", "qrtz_job_details", "qrtz_locks",
                "delivery");

        // the delivery table takes Chinese text and numbers its rows itself
        JdbcClient jdbc = JdbcClient.create(ds);
        jdbc.sql("insert into delivery (run_id, recipient_name, recipient_email, subject, channel, status)"
                        + " values (7, '张三', 'zhangsan@example.com', '金凤区晾晒榜单', 'EML', 'WRITTEN')")
                .update();
        jdbc.sql("insert into delivery (run_id, recipient_name, recipient_email, subject, channel, status, error)"
                        + " values (7, '李四', 'lisi@example.com', '金凤区晾晒榜单', 'SMTP', 'FAILED', '连接失败')")
                .update();
        assertThat(jdbc.sql("select recipient_name from delivery where status = 'FAILED'").query(String.class).single())
                .isEqualTo("李四");
        assertThat(jdbc.sql("select count(distinct id) from delivery where created_at is not null")
                .query(Integer.class).single()).isEqualTo(2);
    }

    private static Set<String> tableNames(DataSource ds) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Connection c = ds.getConnection();
             ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }
}
