package cn.bipin.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

import cn.bipin.mailbox.MailCollector;

/** Units' mail collected every few minutes ({@code collect_mail_every_minutes}); nothing without a mailbox. */
@DisallowConcurrentExecution
public class CollectMailJob implements Job {

    private final MailCollector collector;

    public CollectMailJob(MailCollector collector) {
        this.collector = collector;
    }

    @Override
    public void execute(JobExecutionContext context) {
        if (collector.configured()) {
            collector.collect();
        }
    }
}
