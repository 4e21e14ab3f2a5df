package cn.bipin.schedule;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.bipin.mailbox.Reminders;
import cn.bipin.schedule.ScheduleEntry.PeriodRule;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeException;
import cn.bipin.scheme.SchemeRepository;
import cn.bipin.run.RunKind;

/**
 * Daily (催报, {@code remind_cron}): every scheme and cycle the schedule file runs (monthly, quarterly, annual) is
 * reminded on its reminder days: N days before the period's deadline, the deadline, the day after (the statistician's
 * list). The period looked at is the one the entry's {@code period} rule names for today, or the one before it (a
 * deadline at the end of a month is followed by a day in the next).
 */
@DisallowConcurrentExecution
public class RemindJob implements Job {

    static final String ZONE = "zone";
    /** The schedule's entries as "scheme|RULE" joined by ";" (job data must be strings). */
    static final String TARGETS = "targets";
    private static final Logger log = LoggerFactory.getLogger(RemindJob.class);

    private final SchemeRepository schemes;
    private final Reminders reminders;

    public RemindJob(SchemeRepository schemes, Reminders reminders) {
        this.schemes = schemes;
        this.reminders = reminders;
    }

    /** The job data naming what the schedule file runs: each entry's scheme and period rule, once. */
    static String targets(List<ScheduleEntry> entries) {
        // reminders are about the units' submissions: a liaison entry asks for none
        return entries.stream().filter(e -> e.kind() == RunKind.SCORE).map(e -> e.scheme() + "|" + e.period().name()).distinct()
                .collect(Collectors.joining(";"));
    }

    @Override
    public void execute(JobExecutionContext context) {
        LocalDate today = LocalDate.now(ZoneId.of(context.getMergedJobDataMap().getString(ZONE)));
        remind(context.getMergedJobDataMap().getString(TARGETS), today);
    }

    /** What a reminder pass on {@code today} did: scheme id and period code of each period reminded. */
    List<String> remind(String targets, LocalDate today) {
        Set<String> done = new LinkedHashSet<>();
        for (String target : targets == null || targets.isBlank() ? new String[0] : targets.split(";")) {
            String[] parts = target.split("\\|", 2);
            String id = parts[0];
            PeriodRule rule = PeriodRule.valueOf(parts[1]);
            try {
                Scheme scheme = schemes.load(id);
                Period latest = rule.at(today);
                for (Period period : List.of(latest, latest.previous())) {
                    if (period.year() != scheme.year() || period.lastMonth().isBefore(scheme.campaignStart())
                            || !Reminders.due(scheme, period, today) || !done.add(id + " " + period.code())) {
                        continue;
                    }
                    reminders.remind(scheme, period, today);
                }
            } catch (SchemeException e) {
                log.warn("scheme {} not reminded: {}", id, e.getMessage());
            }
        }
        return new ArrayList<>(done);
    }
}
