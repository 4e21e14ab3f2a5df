package cn.bipin.schedule;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.YearMonth;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.bipin.mailbox.Reminders;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeException;
import cn.bipin.scheme.SchemeRepository;

/**
 * Daily (催报, {@code remind_cron}): for every scheme, the month whose deadline falls this month is reminded on the
 * scheme's reminder days (N days before the deadline, the deadline, the day after for the statistician).
 */
@DisallowConcurrentExecution
public class RemindJob implements Job {

    static final String ZONE = "zone";
    private static final Logger log = LoggerFactory.getLogger(RemindJob.class);

    private final SchemeRepository schemes;
    private final Reminders reminders;

    public RemindJob(SchemeRepository schemes, Reminders reminders) {
        this.schemes = schemes;
        this.reminders = reminders;
    }

    @Override
    public void execute(JobExecutionContext context) {
        LocalDate today = LocalDate.now(ZoneId.of(context.getMergedJobDataMap().getString(ZONE)));
        // deadlines fall in the month after the period (reminder_days < deadline_day): the period is last month
        YearMonth month = YearMonth.from(today).minusMonths(1);
        for (String id : schemes.ids()) {
            try {
                Scheme scheme = schemes.load(id);
                Period period = Period.month(month.getYear(), month.getMonthValue());
                if (month.getYear() != scheme.year() || month.isBefore(scheme.campaignStart())
                        || !Reminders.due(scheme, period, today)) {
                    continue;
                }
                reminders.remind(scheme, period, today);
            } catch (SchemeException e) {
                log.warn("scheme {} not reminded: {}", id, e.getMessage());
            }
        }
    }
}
