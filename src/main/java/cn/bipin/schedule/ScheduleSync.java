package cn.bipin.schedule;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.stereotype.Component;

import cn.bipin.run.RunKind;

/**
 * Makes Quartz's triggers what the schedule file says: one cron trigger per entry (misfires fire once when the
 * scheduler is back), the mail retry, the daily database backup, and no trigger the file no longer names. Idempotent, so every instance of a
 * cluster may sync at start.
 */
@Component
public class ScheduleSync {

    static final String RUNS = "bipin-runs";
    static final String MAIL = "bipin-mail";
    static final String MAINTENANCE = "bipin-maintenance";

    private final Scheduler scheduler;

    ScheduleSync(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    public List<Trigger> sync(Path file) throws SchedulerException {
        ScheduleFile schedule = ScheduleFile.load(file);
        Map<JobDetail, Set<? extends Trigger>> jobs = new LinkedHashMap<>();
        Set<JobKey> wanted = new HashSet<>();
        for (ScheduleEntry e : schedule.entries()) {
            JobDetail job = JobBuilder.newJob(ScheduledRunJob.class).withIdentity(e.name(), RUNS)
                    .withDescription(e.scheme() + " " + (e.kind() == RunKind.SCORE ? "" : e.kind().label() + " ")
                            + e.cycle().label() + " " + e.cron())
                    .usingJobData(ScheduledRunJob.SCHEME, e.scheme())
                    .usingJobData(ScheduledRunJob.PERIOD_RULE, e.period().name())
                    .usingJobData(ScheduledRunJob.ZONE, schedule.zone().getId())
                    .usingJobData(ScheduledRunJob.KIND, e.kind().key())
                    .storeDurably().requestRecovery().build();
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(e.name(), RUNS).forJob(job)
                    .withSchedule(CronScheduleBuilder.cronSchedule(e.cron()).inTimeZone(TimeZone.getTimeZone(schedule.zone()))
                            .withMisfireHandlingInstructionFireAndProceed())
                    .build();
            jobs.put(job, Set.of(trigger));
            wanted.add(job.getKey());
        }
        JobDetail retry = JobBuilder.newJob(MailRetryJob.class).withIdentity("邮件重试", MAIL).storeDurably().build();
        jobs.put(retry, Set.of(TriggerBuilder.newTrigger().withIdentity("邮件重试", MAIL).forJob(retry)
                .withSchedule(SimpleScheduleBuilder.repeatMinutelyForever(schedule.retryMailMinutes())
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build()));
        JobDetail backup = JobBuilder.newJob(BackupJob.class).withIdentity("数据库备份", MAINTENANCE).storeDurably().build();
        jobs.put(backup, Set.of(TriggerBuilder.newTrigger().withIdentity("数据库备份", MAINTENANCE).forJob(backup)
                .withSchedule(CronScheduleBuilder.cronSchedule(schedule.backupCron())
                        .inTimeZone(TimeZone.getTimeZone(schedule.zone())).withMisfireHandlingInstructionFireAndProceed())
                .build()));
        JobDetail remind = JobBuilder.newJob(RemindJob.class).withIdentity("催报", MAINTENANCE)
                .usingJobData(RemindJob.ZONE, schedule.zone().getId())
                .usingJobData(RemindJob.TARGETS, RemindJob.targets(schedule.entries())).storeDurably().build();
        jobs.put(remind, Set.of(TriggerBuilder.newTrigger().withIdentity("催报", MAINTENANCE).forJob(remind)
                .withSchedule(CronScheduleBuilder.cronSchedule(schedule.remindCron())
                        .inTimeZone(TimeZone.getTimeZone(schedule.zone())).withMisfireHandlingInstructionFireAndProceed())
                .build()));
        JobDetail collect = JobBuilder.newJob(CollectMailJob.class).withIdentity("收取报送邮件", MAIL).storeDurably().build();
        jobs.put(collect, Set.of(TriggerBuilder.newTrigger().withIdentity("收取报送邮件", MAIL).forJob(collect)
                .withSchedule(SimpleScheduleBuilder.repeatMinutelyForever(schedule.collectMailMinutes())
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build()));
        for (JobKey existing : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(RUNS))) {
            if (!wanted.contains(existing)) {
                scheduler.deleteJob(existing);
            }
        }
        scheduler.scheduleJobs(jobs, true);
        return jobs.values().stream().flatMap(Set::stream).map(t -> {
            try {
                return scheduler.getTrigger(t.getKey());
            } catch (SchedulerException ex) {
                throw new IllegalStateException(ex);
            }
        }).map(Trigger.class::cast).toList();
    }
}
