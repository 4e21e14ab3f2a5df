package cn.bipin.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;

import cn.bipin.mailbox.Reminders;
import cn.bipin.scheme.SchemeRepository;
import cn.bipin.testsupport.JobTestSupport;

/**
 * 催报 for quarterly periods (issue 18): the daily reminder job reminds what {@code jobs/schedule.yaml} runs, so a
 * quarterly entry brings reminders before the quarter's deadline, on it, and the statistician's list the day after.
 * Real scheduler (H2), real SMTP (GreenMail); the scheme is testville-2024 with an address for one unit.
 */
@SpringBootTest
class QuarterlyRemindersTest {

    static final Path WORK = JobTestSupport.tempDir("bipin-qremind");
    static final GreenMail MAIL = JobTestSupport.startGreenMail();
    static final Path JOBS = WORK.resolve("jobs");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Files.createDirectories(JOBS);
        String testville = Files.readString(Path.of("src/test/resources/jobs/testville-2024.yaml"), StandardCharsets.UTF_8);
        String withAddress = testville.replace("- { code: d1, name: 发展和改革局,     group: department }",
                "- { code: d1, name: 发展和改革局,     group: department, emails: [d1@qremind.example] }");
        assertThat(withAddress).isNotEqualTo(testville);
        Files.writeString(JOBS.resolve("testville-2024.yaml"), withAddress, StandardCharsets.UTF_8);
        // only the quarterly run is scheduled: the monthly periods are not reminded
        Files.writeString(JOBS.resolve("schedule.yaml"), """
                timezone: Asia/Shanghai
                schedules:
                  - { name: 季度, scheme: testville-2024, cycle: quarterly, cron: "0 30 2 21 1,4,7,10 ?", period: previous_quarter }
                """, StandardCharsets.UTF_8);
        JobTestSupport.h2(registry, WORK);
        JobTestSupport.register(registry, WORK, MAIL);
        registry.add("bipin.jobs-dir", () -> JOBS.toString());
        registry.add("bipin.alerts.to", () -> "tongji@qremind.example");
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
    SchemeRepository schemes;
    @Autowired
    Reminders reminders;

    @Test
    void theQuarterTheScheduleRunsIsRemindedBeforeItsDeadlineAndListedAfterIt() throws Exception {
        sync.sync(JOBS.resolve("schedule.yaml"));
        String targets = scheduler.getJobDetail(JobKey.jobKey("催报", ScheduleSync.MAINTENANCE)).getJobDataMap()
                .getString(RemindJob.TARGETS);
        assertThat(targets).isEqualTo("testville-2024|PREVIOUS_QUARTER");
        RemindJob job = new RemindJob(schemes, reminders);

        // Q2 2024's deadline: the month after June, deadline_day 20 → 2024-07-20; reminder_days 3 (default) → 07-17.
        // June's monthly deadline is the same day, but no monthly entry is scheduled: only the quarter is reminded.
        assertThat(job.remind(targets, LocalDate.of(2024, 7, 16))).isEmpty();
        assertThat(job.remind(targets, LocalDate.of(2024, 7, 17))).containsExactly("testville-2024 2024-Q2");
        List<MimeMessage> toD1 = received().stream().filter(m -> to(m).equals("d1@qremind.example")).toList();
        assertThat(toD1).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).isEqualTo("【催报】测试区\"双拼双促\"2024年第二季度报送提醒（发展和改革局）");
            // the quarterly competition c1 has one dimension, 总量, and the inbox holds nothing for the quarter
            assertThat(body(m)).contains("2024年7月20日 截止", "以下 1 项指标尚未报送", "总量");
        });

        // the deadline day: the last reminder
        assertThat(job.remind(targets, LocalDate.of(2024, 7, 20))).containsExactly("testville-2024 2024-Q2");
        assertThat(received().stream().filter(m -> subject(m).startsWith("【今日截止】")).toList()).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).contains("2024年第二季度"));

        // the day after: the statistician gets the five units still missing 总量 (none sent anything)
        assertThat(job.remind(targets, LocalDate.of(2024, 7, 21))).containsExactly("testville-2024 2024-Q2");
        assertThat(received().stream().filter(m -> subject(m).contains("逾期未报单位")).toList()).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).isEqualTo("【比拼告警】测试区\"双拼双促\"2024年第二季度逾期未报单位（5个）"));
        // Q3's reminder day (deadline 2024-10-20, so 10-17) is reached from the same entry
        assertThat(job.remind(targets, LocalDate.of(2024, 10, 17))).containsExactly("testville-2024 2024-Q3");
    }

    private static List<MimeMessage> received() {
        return List.of(MAIL.getReceivedMessages());
    }

    private static String to(MimeMessage m) {
        try {
            return ((InternetAddress) m.getAllRecipients()[0]).getAddress();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage m) {
        try {
            Object content = m.getContent();
            if (content instanceof String s) {
                return s;
            }
            var multi = (jakarta.mail.internet.MimeMultipart) content;
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multi.getCount(); i++) {
                all.append(multi.getBodyPart(i).getContent() instanceof String s ? s : "");
            }
            return all.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
