package cn.bipin.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;

import cn.bipin.delivery.DeliveryService;
import cn.bipin.schedule.ScheduleEntry.PeriodRule;
import cn.bipin.scheme.Period;
import cn.bipin.testsupport.JobTestSupport;

/**
 * The scheduler as {@code serve} runs it, on the embedded database with a real SMTP server: a fired trigger runs
 * the period that was due; a bulletin for which most units sent nothing is held back and the statisticians are
 * alerted instead of the leaders; a trigger whose scheme file is broken alerts the statisticians.
 */
@SpringBootTest
class ScheduledRunsTest {

    static final Path WORK = JobTestSupport.tempDir("bipin-schedule");
    static final GreenMail MAIL = JobTestSupport.startGreenMail();
    /** The period a trigger due today runs, and a scheme for its year written by the test (so the test never ages). */
    static final Period DUE = PeriodRule.PREVIOUS_MONTH.at(LocalDate.now(ZoneId.of("Asia/Shanghai")));
    static final String SCHEME = "sched-" + DUE.year();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path jobs = Files.createDirectories(WORK.resolve("jobs"));
        String testville = Files.readString(Path.of("src/test/resources/jobs/testville-2024.yaml"), StandardCharsets.UTF_8);
        Files.writeString(jobs.resolve(SCHEME + ".yaml"), testville.replace("scheme: testville-2024", "scheme: " + SCHEME)
                .replace("year: 2024", "year: " + DUE.year()).replace("campaign_start: 2024-06", "campaign_start: " + DUE.year() + "-01"),
                StandardCharsets.UTF_8);
        Files.writeString(jobs.resolve("broken-2024.yaml"), "scheme: broken-2024\nyear: [\n", StandardCharsets.UTF_8);
        Files.writeString(jobs.resolve("schedule.yaml"), """
                timezone: Asia/Shanghai
                schedules:
                  - { name: 月度, scheme: %s, cycle: monthly, cron: "0 0 2 21 * ?", period: previous_month }
                  - { name: 坏方案, scheme: broken-2024, cycle: monthly, cron: "0 0 2 21 * ?", period: previous_month }
                """.formatted(SCHEME), StandardCharsets.UTF_8);
        JobTestSupport.h2(registry, WORK);
        JobTestSupport.register(registry, WORK, MAIL);
        registry.add("bipin.jobs-dir", () -> jobs.toString());
        registry.add("bipin.alerts.to", () -> "tongji@test.example");
    }

    @AfterAll
    static void stop() {
        MAIL.stop();
    }

    @Autowired
    ScheduleSync sync;
    @Autowired
    Scheduler scheduler;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DeliveryService delivery;

    @Test
    void aTriggerRunsTheDuePeriodAndHoldsABulletinMostUnitsDidNotReportFor() throws Exception {
        // only 发展和改革局 reports: 4 of 5 participants sent nothing (80% > 50%)
        JobTestSupport.csv(WORK.resolve("inbox").resolve(SCHEME).resolve(DUE.code()).resolve("d1.csv"), LocalDateTime.now(),
                "unit_code,period,dimension_code,value", "d1," + DUE.code() + ",c2_start_rate,0.5");
        var triggers = sync.sync(WORK.resolve("jobs").resolve("schedule.yaml"));
        assertThat(triggers).extracting(t -> t.getKey().getName()).contains("月度", "坏方案", "邮件重试", "催报", "收取报送邮件");
        scheduler.start();
        try {
            scheduler.triggerJob(JobKey.jobKey("月度", ScheduleSync.RUNS));
            scheduler.triggerJob(JobKey.jobKey("坏方案", ScheduleSync.RUNS));
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline && (MAIL.getReceivedMessages().length < 2 || completed() == 0)) {
                Thread.sleep(200);
            }
        } finally {
            scheduler.standby();
        }
        assertThat(completed()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT period FROM run").query(String.class).single()).isEqualTo(DUE.code());
        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).hasSize(2).allSatisfy(m -> assertThat(((jakarta.mail.internet.InternetAddress) m.getAllRecipients()[0]).getAddress())
                .isEqualTo("tongji@test.example"));
        assertThat(List.of(received[0].getSubject(), received[1].getSubject())).anySatisfy(s -> assertThat(s)
                .startsWith("【比拼告警】榜单暂缓发送")).anySatisfy(s -> assertThat(s).contains("定时运行未启动", "坏方案"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery WHERE status = 'HELD'").query(Integer.class).single())
                .as("both leaders' copies held").isEqualTo(2);

        long runId = jdbc.sql("SELECT id FROM run").query(Long.class).single();
        // the run's deliveries are its bulletin's, held; the alert about it is not one of them, so a statistician
        // on both lists would still get the bulletin
        assertThat(delivery.forRun(runId)).extracting(d -> d.status().name() + " " + d.describe())
                .containsOnly("HELD 暂缓发送，核实后 bipin deliver --release " + runId).hasSize(2);
        assertThat(delivery.release(runId)).hasSize(2);
        assertThat(MAIL.getReceivedMessages()).hasSize(4);
        assertThat(delivery.release(runId)).isEmpty();
    }

    private int completed() {
        return jdbc.sql("SELECT COUNT(*) FROM run WHERE status = 'COMPLETED'").query(Integer.class).single();
    }
}
