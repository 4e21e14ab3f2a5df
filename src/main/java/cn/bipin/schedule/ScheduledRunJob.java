package cn.bipin.schedule;

import java.time.LocalDate;
import java.time.ZoneId;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.bipin.delivery.AlertService;
import cn.bipin.run.Run;
import cn.bipin.run.RunLauncher;
import cn.bipin.run.PeriodNotScoredException;
import cn.bipin.run.RunRequestException;
import cn.bipin.run.RunStatus;
import cn.bipin.schedule.ScheduleEntry.PeriodRule;
import cn.bipin.scheme.Period;
import cn.bipin.run.Commands;
import cn.bipin.run.RunKind;
import cn.bipin.scheme.SchemeRepository;

/**
 * A trigger's work, and nothing more: work out the period that was due, launch the batch job, and make any
 * failure loud — an error in the log and a mail to the statisticians.
 */
@DisallowConcurrentExecution
public class ScheduledRunJob implements Job {

    static final String SCHEME = "scheme";
    static final String PERIOD_RULE = "period";
    static final String ZONE = "zone";
    /** The run kind's key ({@link RunKind#key()}); absent in a trigger stored before kinds were scheduled: scoring. */
    static final String KIND = "kind";
    private static final Logger log = LoggerFactory.getLogger(ScheduledRunJob.class);

    private final RunLauncher launcher;
    private final AlertService alerts;
    private final SchemeRepository schemes;

    public ScheduledRunJob(RunLauncher launcher, AlertService alerts, SchemeRepository schemes) {
        this.launcher = launcher;
        this.alerts = alerts;
        this.schemes = schemes;
    }

    @Override
    public void execute(JobExecutionContext context) {
        JobDataMap data = context.getMergedJobDataMap();
        String scheme = data.getString(SCHEME);
        // the time the trigger was due, not now: a misfire made up after an outage still runs the period it missed
        LocalDate due = context.getScheduledFireTime().toInstant().atZone(ZoneId.of(data.getString(ZONE))).toLocalDate();
        Period period = PeriodRule.valueOf(data.getString(PERIOD_RULE)).at(due);
        String what = context.getJobDetail().getKey().getName() + "（" + scheme + " " + period.code() + "）";
        RunKind kind = data.containsKey(KIND) ? RunKind.fromKey(data.getString(KIND)) : RunKind.SCORE;
        try {
            if (kind == RunKind.LIAISON && !schemes.load(scheme).section("liaison").isPresent()) {
                // the schedule names a liaison run for a scheme that keeps no liaison ledger: say so, run nothing
                alerts.alert("定时运行未启动：" + what, "方案 " + scheme + " 的方案文件没有 liaison:（包联走访台账）部分，"
                        + "包联走访通报无从生成。请在方案文件中加上 liaison: 部分，或从 jobs/schedule.yaml 删去这一条。");
                return;
            }
            Run run = launcher.launch(kind, scheme, period, true, false);
            if (run.status() == RunStatus.COMPLETED) {
                log.info("定时运行 {} 完成：运行 #{} 第{}版", what, run.id(), run.revision());
            } else {
                alerts.alert("定时运行失败：" + what, "运行 #" + run.id() + " 状态 " + run.status() + "：" + run.message()
                        + "\n修正后可用 " + Commands.restart(run.id()) + " 继续。");
            }
        } catch (PeriodNotScoredException e) {
            log.info("定时运行 {} 跳过：{}", what, e.getMessage());
        } catch (RunRequestException e) {
            alerts.alert("定时运行未启动：" + what, e.getMessage());
        } catch (RuntimeException e) {
            alerts.alert("定时运行未启动：" + what, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }
}
