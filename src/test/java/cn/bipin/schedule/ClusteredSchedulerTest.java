package cn.bipin.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

import cn.bipin.testsupport.MariaDb;
import cn.bipin.testsupport.NeedsMariaDb;

/**
 * Quartz's JDBC job store as the schedule uses it, on the tables Flyway creates in {@code sql/mariadb}: two
 * clustered scheduler instances on one MariaDB fire each trigger exactly once, and a trigger missed while every
 * instance was down fires once when one comes back.
 */
@NeedsMariaDb
class ClusteredSchedulerTest {

    static String url;

    /** Records each firing with the time it was due; the primary key makes a second firing of the same due time fail. */
    @DisallowConcurrentExecution
    public static class RecordingJob implements Job {
        @Override
        public void execute(JobExecutionContext context) throws JobExecutionException {
            try (Connection c = DriverManager.getConnection(url, MariaDb.USER, MariaDb.PASSWORD);
                 PreparedStatement ps = c.prepareStatement("INSERT INTO fired (trigger_name, due, instance) VALUES (?, ?, ?)")) {
                ps.setString(1, context.getTrigger().getKey().getName());
                ps.setLong(2, context.getScheduledFireTime().getTime());
                ps.setString(3, context.getScheduler().getSchedulerInstanceId());
                ps.executeUpdate();
            } catch (SQLException | org.quartz.SchedulerException e) {
                throw new JobExecutionException(e);
            }
        }
    }

    @BeforeAll
    static void database() throws SQLException {
        url = MariaDb.createDatabase("bipin_quartz_");
        Flyway.configure().dataSource(url, MariaDb.USER, MariaDb.PASSWORD)
                .locations("filesystem:sql/common", "filesystem:sql/mariadb").load().migrate();
        try (Connection c = DriverManager.getConnection(url, MariaDb.USER, MariaDb.PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE fired (trigger_name VARCHAR(100), due BIGINT, instance VARCHAR(100), PRIMARY KEY (trigger_name, due))");
        }
    }

    @AfterAll
    static void drop() {
        if (url != null) {
            MariaDb.drop(url);
        }
    }

    static Scheduler scheduler(String instanceId) throws Exception {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "bipin-test");
        p.setProperty("org.quartz.scheduler.instanceId", instanceId);
        p.setProperty("org.quartz.threadPool.threadCount", "2");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", "db");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "1000");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "1000");
        p.setProperty("org.quartz.dataSource.db.provider", "hikaricp");
        p.setProperty("org.quartz.dataSource.db.driver", "org.mariadb.jdbc.Driver");
        p.setProperty("org.quartz.dataSource.db.URL", url);
        p.setProperty("org.quartz.dataSource.db.user", MariaDb.USER);
        p.setProperty("org.quartz.dataSource.db.password", MariaDb.PASSWORD);
        p.setProperty("org.quartz.dataSource.db.maxConnections", "4");
        return new StdSchedulerFactory(p).getScheduler();
    }

    @Test
    void twoInstancesFireEachTriggerExactlyOnceAndAMissedTriggerFiresOnceWhenBack() throws Exception {
        Scheduler a = scheduler("instance-a");
        Scheduler b = scheduler("instance-b");
        try {
            // every second for 6 s, scheduled through one instance; both instances compete for every firing
            JobDetail job = JobBuilder.newJob(RecordingJob.class).withIdentity("every-second").storeDurably().build();
            Trigger everySecond = TriggerBuilder.newTrigger().withIdentity("every-second").forJob(job)
                    .startAt(Date.from(Instant.now().plusSeconds(2)))
                    .withSchedule(SimpleScheduleBuilder.repeatSecondlyForTotalCount(6)).build();
            a.scheduleJob(job, everySecond);
            // a cron trigger whose last due time (the start of this minute or earlier) passed while no instance ran
            JobDetail missed = JobBuilder.newJob(RecordingJob.class).withIdentity("missed").storeDurably().build();
            Trigger cron = TriggerBuilder.newTrigger().withIdentity("missed").forJob(missed)
                    .startAt(Date.from(Instant.now().minusSeconds(600)))
                    .withSchedule(CronScheduleBuilder.cronSchedule("0 * * * * ?").withMisfireHandlingInstructionFireAndProceed())
                    .build();
            a.scheduleJob(missed, cron);
            a.start();
            b.start();
            Thread.sleep(11_000);
        } finally {
            a.shutdown(true);
            b.shutdown(true);
        }
        try (Connection c = DriverManager.getConnection(url, MariaDb.USER, MariaDb.PASSWORD); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT due) FROM fired WHERE trigger_name = 'every-second'");
            rs.next();
            assertThat(rs.getInt(1)).as("six firings, each by one instance").isEqualTo(6);
            assertThat(rs.getInt(2)).isEqualTo(6);
            rs = s.executeQuery("SELECT COUNT(*) FROM fired WHERE trigger_name = 'missed'");
            rs.next();
            // ten missed minutes are made up by one firing (plus the next regular minute if the test crossed one)
            assertThat(rs.getInt(1)).isBetween(1, 2);
        }
    }
}
