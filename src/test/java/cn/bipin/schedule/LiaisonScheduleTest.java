package cn.bipin.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

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

import cn.bipin.run.RunKind;
import cn.bipin.schedule.ScheduleEntry.PeriodRule;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.SchemeException;
import cn.bipin.testsupport.JobTestSupport;

/**
 * The monthly liaison bulletin in {@code schedule.yaml} ({@code kind: liaison}): a fired trigger starts a liaison run
 * of the month that was due for a scheme with a {@code liaison:} section; for a scheme without one it runs nothing and
 * alerts the statisticians; a liaison entry asks for no submission reminders; a liaison entry that is not monthly is
 * refused at load, naming the entry's key.
 */
@SpringBootTest
class LiaisonScheduleTest {

    static final Path WORK = JobTestSupport.tempDir("bipin-liaison-schedule");
    static final GreenMail MAIL = JobTestSupport.startGreenMail();
    static final Period DUE = PeriodRule.PREVIOUS_MONTH.at(LocalDate.now(ZoneId.of("Asia/Shanghai")));
    static final String LIAISON = "liaisonsched-" + DUE.year();
    static final String PLAIN = "plainsched-" + DUE.year();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path jobs = Files.createDirectories(WORK.resolve("jobs"));
        write(jobs, "liaisontest-2024", LIAISON);
        write(jobs, "testville-2024", PLAIN);
        Files.writeString(jobs.resolve("schedule.yaml"), """
                timezone: Asia/Shanghai
                schedules:
                  - { name: 月度, scheme: %s, cycle: monthly, cron: "0 0 2 21 * ?", period: previous_month }
                  - { name: 包联, scheme: %s, kind: liaison, cycle: monthly, cron: "0 30 3 21 * ?", period: previous_month }
                  - { name: 无包联, scheme: %s, kind: liaison, cycle: monthly, cron: "0 30 3 21 * ?", period: previous_month }
                """.formatted(LIAISON, LIAISON, PLAIN), StandardCharsets.UTF_8);
        JobTestSupport.h2(registry, WORK);
        JobTestSupport.register(registry, WORK, MAIL);
        registry.add("bipin.jobs-dir", () -> jobs.toString());
        registry.add("bipin.alerts.to", () -> "tongji@test.example");
    }

    /** A test scheme moved to the due month's year, so the test never ages. */
    private static void write(Path jobs, String from, String to) throws Exception {
        String text = Files.readString(Path.of("src/test/resources/jobs/" + from + ".yaml"), StandardCharsets.UTF_8);
        Files.writeString(jobs.resolve(to + ".yaml"), text.replace("scheme: " + from, "scheme: " + to)
                .replace("year: 2024", "year: " + DUE.year()).replace("campaign_start: 2024-06", "campaign_start: " + DUE.year() + "-01"),
                StandardCharsets.UTF_8);
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

    @Test
    void aLiaisonTriggerRunsTheMonthsBulletinOnlyForASchemeWithALiaisonLedger() throws Exception {
        Path file = WORK.resolve("jobs").resolve("schedule.yaml");
        ScheduleFile schedule = ScheduleFile.load(file);
        assertThat(schedule.entries()).extracting(ScheduleEntry::kind)
                .containsExactly(RunKind.SCORE, RunKind.LIAISON, RunKind.LIAISON);
        // reminders are for the scoring entry only (the same scheme's liaison entry adds nothing, the other none)
        assertThat(RemindJob.targets(schedule.entries())).isEqualTo(LIAISON + "|PREVIOUS_MONTH");

        var triggers = sync.sync(file);
        assertThat(triggers).extracting(t -> t.getKey().getName()).contains("月度", "包联", "无包联");
        assertThat(scheduler.getJobDetail(JobKey.jobKey("包联", ScheduleSync.RUNS)).getJobDataMap()
                .getString(ScheduledRunJob.KIND)).isEqualTo("liaison");
        scheduler.start();
        try {
            scheduler.triggerJob(JobKey.jobKey("包联", ScheduleSync.RUNS));
            scheduler.triggerJob(JobKey.jobKey("无包联", ScheduleSync.RUNS));
            long deadline = System.currentTimeMillis() + 90_000;
            while (System.currentTimeMillis() < deadline && (alerts() == 0 || finished() == 0)) {
                Thread.sleep(200);
            }
        } finally {
            scheduler.standby();
        }
        // one run, the liaison bulletin of the due month of the scheme with the ledger; none for the other scheme
        Map<String, Object> run = jdbc.sql("SELECT kind, scheme, period FROM run").query().singleRow();
        assertThat(run).containsEntry("kind", "liaison").containsEntry("scheme", LIAISON).containsEntry("period", DUE.code());
        MimeMessage alert = java.util.Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> subject(m).contains("定时运行未启动")).findFirst().orElseThrow();
        assertThat(subject(alert)).contains("无包联", PLAIN, DUE.code());
        assertThat(body(alert)).contains("没有 liaison:（包联走访台账）部分");
    }

    @Test
    void aLiaisonEntryThatIsNotMonthlyIsRefusedNamingItsKey() throws Exception {
        Path file = WORK.resolve("bad-schedule.yaml");
        Files.writeString(file, """
                schedules:
                  - { name: 包联, scheme: x, kind: liaison, cycle: quarterly, cron: "0 30 3 21 1 ?", period: previous_quarter }
                """, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ScheduleFile.load(file)).isInstanceOf(SchemeException.class)
                .hasMessageContaining("schedules[0].kind").hasMessageContaining("cycle 应为 monthly");
        Files.writeString(file, """
                schedules:
                  - { name: 包联, scheme: x, kind: visits, cycle: monthly, cron: "0 30 3 21 * ?", period: previous_month }
                """, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ScheduleFile.load(file)).isInstanceOf(SchemeException.class)
                .hasMessageContaining("schedules[0].kind").hasMessageContaining("未知取值 'visits'");
    }

    private long alerts() {
        return java.util.Arrays.stream(MAIL.getReceivedMessages()).filter(m -> subject(m).contains("定时运行未启动")).count();
    }

    private int finished() {
        return jdbc.sql("SELECT COUNT(*) FROM run WHERE status IN ('COMPLETED', 'FAILED')").query(Integer.class).single();
    }

    private static String body(MimeMessage m) throws Exception {
        Object content = m.getContent();
        if (content instanceof jakarta.mail.Multipart multipart) {
            content = multipart.getBodyPart(0).getContent();
        }
        return String.valueOf(content);
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
