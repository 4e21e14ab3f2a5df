package cn.bipin.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.bipin.delivery.DeliveryRecord;
import cn.bipin.delivery.DeliveryService;

/** Retries mail left PENDING by an outage of the mail server. */
@DisallowConcurrentExecution
public class MailRetryJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(MailRetryJob.class);

    private final DeliveryService delivery;

    public MailRetryJob(DeliveryService delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(JobExecutionContext context) {
        var outcomes = delivery.retryPending();
        long sent = outcomes.stream().filter(r -> r.status() == DeliveryRecord.Status.SENT).count();
        if (!outcomes.isEmpty()) {
            log.info("重试待发邮件 {} 封，发出 {} 封", outcomes.size(), sent);
        }
    }
}
