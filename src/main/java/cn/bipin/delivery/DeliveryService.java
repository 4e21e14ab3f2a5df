package cn.bipin.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

import cn.bipin.delivery.DeliveryRecord.Channel;
import cn.bipin.delivery.DeliveryRecord.Status;
import cn.bipin.scheme.Recipient;
import cn.bipin.run.Commands;

/**
 * Mails a bulletin to each recipient separately and logs every attempt, so one leader's bad address or a
 * server hiccup costs only that leader's copy, and the caller can see and retry exactly the FAILED ones.
 *
 * <p>Boot creates a {@link JavaMailSender} only when {@code spring.mail.host} is set; without one, messages
 * go to the outbox as .eml files, so a machine with no mail server still produces deliverable mail.
 */
@Service
public class DeliveryService {

    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);

    /** Keeps a row's error readable and well within any column size. */
    private static final int MAX_ERROR = 2000;

    private final ObjectProvider<JavaMailSender> mailSender;
    private final MailComposer composer;
    private final Outbox outbox;
    private final SentJournal journal;
    private final DeliveryLog deliveryLog;
    private final Clock clock;
    private final DeliveryProperties props;

    @Autowired
    public DeliveryService(ObjectProvider<JavaMailSender> mailSender, DeliveryProperties props, JdbcClient jdbc,
            PlatformTransactionManager transactions) {
        this(mailSender, props, jdbc, ownTransactions(transactions), Clock.systemDefaultZone());
    }

    /** Outside any transaction (each statement commits on its own): for callers without a transaction manager. */
    DeliveryService(ObjectProvider<JavaMailSender> mailSender, DeliveryProperties props, JdbcClient jdbc, Clock clock) {
        this(mailSender, props, jdbc, TransactionOperations.withoutTransaction(), clock);
    }

    DeliveryService(ObjectProvider<JavaMailSender> mailSender, DeliveryProperties props, JdbcClient jdbc,
            TransactionOperations own, Clock clock) {
        this.mailSender = mailSender;
        this.composer = new MailComposer(props);
        this.outbox = new Outbox(props.outbox());
        this.journal = new SentJournal(props.outbox());
        this.deliveryLog = new DeliveryLog(jdbc, own);
        this.clock = clock;
        this.props = props;
    }

    /** A transaction of its own for every write to the log, whatever transaction the caller (a run step) is in. */
    private static TransactionOperations ownTransactions(PlatformTransactionManager transactions) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return template;
    }

    /**
     * Sends (or writes) one message per recipient and logs each in the {@code delivery} table. A transient failure
     * (server down, timeout, refused login) is retried with backoff; still unsent, the message is left PENDING for
     * {@link #retryPending()}. A message that cannot be sent as it is (malformed address) is FAILED. Never throws
     * for a send failure.
     *
     * @return one record per recipient, in the order of {@link OutgoingMail#to()}
     * @throws IllegalArgumentException if an attachment is not a readable file: nothing is sent then,
     *                                  rather than a bulletin without its PDF
     */
    public List<DeliveryRecord> deliver(OutgoingMail mail) {
        checkAttachments(mail);
        // each row is committed SENDING before its message leaves and with its outcome right after (DeliveryLog):
        // a process killed in between leaves the others untouched (never attempted: sent by a restart) and this one
        // SENDING (perhaps sent: reported, sent again only on request)
        List<DeliveryRecord> records = new ArrayList<>(mail.to().size());
        for (Recipient to : mail.to()) {
            DeliveryRecord row = deliveryLog.insert(record(mail, to, channel(), Status.SENDING, null, null, now()), mail);
            records.add(attempt(row, mail, to, props.attempts()));
        }
        return records;
    }

    /**
     * As {@link #deliver}, but only to the recipients who have no live row for the mail's run yet: a restarted or
     * released run never mails anyone twice.
     *
     * @return the records of the recipients mailed now; empty when everyone already has it
     */
    public List<DeliveryRecord> deliverOnce(OutgoingMail mail) {
        if (mail.runId() == null) {
            return deliver(mail);
        }
        java.util.Set<String> done = new java.util.HashSet<>();
        forRun(mail.runId()).stream().filter(d -> d.status().live()).forEach(d -> done.add(d.recipientEmail()));
        List<Recipient> to = mail.to().stream().filter(r -> !done.contains(r.email())).toList();
        if (to.isEmpty()) {
            return List.of();
        }
        return deliver(new OutgoingMail(mail.runId(), mail.subject(), mail.body(), mail.attachments(), to));
    }

    /** What was attempted for a run's bulletin, one row per recipient and attempt, oldest first. */
    public List<DeliveryRecord> forRun(long runId) {
        return deliveryLog.forRun(runId);
    }

    /** Keeps the mail back, one HELD row per recipient, until {@link #release(long)}; nothing is sent. */
    public List<DeliveryRecord> hold(OutgoingMail mail) {
        checkAttachments(mail);
        return mail.to().stream()
                .map(to -> deliveryLog.insert(record(mail, to, channel(), Status.HELD, null, null, now()), mail))
                .toList();
    }

    /** Sends what was held for a run; returns the outcomes. */
    public List<DeliveryRecord> release(long runId) {
        return resend(deliveryLog.withStatus(Status.HELD, runId));
    }

    /** Tries every PENDING message once more (with the configured retries); returns the outcomes. */
    public List<DeliveryRecord> retryPending() {
        return resend(deliveryLog.withStatus(Status.PENDING, null));
    }

    /**
     * Messages whose sending process died between taking them and recording the outcome: perhaps received, perhaps
     * not. Never sent again by a restart or {@link #retryPending()}; a statistician checks and {@link #resendInterrupted}.
     */
    public List<DeliveryRecord> interrupted() {
        return deliveryLog.interrupted(null).stream().map(DeliveryLog.Stored::record).toList();
    }

    /**
     * Sends the interrupted messages again, after a statistician made sure they did not arrive.
     *
     * @param ids the delivery rows to send again; all interrupted ones when empty
     */
    public List<DeliveryRecord> resendInterrupted(java.util.Collection<Long> ids) {
        return resend(deliveryLog.interrupted(null).stream()
                .filter(s -> ids.isEmpty() || ids.contains(s.record().id())).toList());
    }

    /**
     * The recipients of a run who have not got its mail: for each one, the latest row, when it is PENDING, FAILED
     * or interrupted while SENDING. Empty when every recipient has it (or it is held or was never mailed).
     */
    public List<DeliveryRecord> unsent(long runId) {
        java.util.Set<Long> interrupted = new java.util.HashSet<>();
        deliveryLog.interrupted(runId).forEach(s -> interrupted.add(s.record().id()));
        java.util.Map<String, DeliveryRecord> latest = new java.util.LinkedHashMap<>();
        forRun(runId).forEach(d -> latest.put(d.recipientEmail(), d));
        return latest.values().stream().filter(d -> d.status() == Status.PENDING || d.status() == Status.FAILED
                || interrupted.contains(d.id())).toList();
    }

    private List<DeliveryRecord> resend(List<DeliveryLog.Stored> rows) {
        List<DeliveryRecord> outcomes = new ArrayList<>();
        for (DeliveryLog.Stored stored : rows) {
            // claimed by one process only: a scheduler and a statistician retrying at once send it once
            if (!deliveryLog.claim(stored.record().id(), stored.record().status(), stored.owner())) {
                continue;
            }
            DeliveryRecord r = stored.record();
            OutgoingMail mail = new OutgoingMail(r.runId(), r.subject(), stored.body(), stored.attachments(),
                    List.of(new Recipient(r.recipientName(), r.recipientEmail())));
            if (mail.attachments().stream().anyMatch(a -> !Files.isReadable(a))) {
                outcomes.add(deliveryLog.finish(r.id(), channel(), Status.FAILED, "附件已不存在：" + mail.attachments(), null, 0));
                continue;
            }
            outcomes.add(attempt(r, mail, mail.to().get(0), props.attempts()));
        }
        return outcomes;
    }

    /** Sends or writes one claimed row, retrying transient failures, and records the outcome on the row. */
    private DeliveryRecord attempt(DeliveryRecord row, OutgoingMail mail, Recipient to, int attempts) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return write(row, mail, to);
        }
        Duration wait = props.backoff();
        for (int i = 1; ; i++) {
            try {
                MimeMessage message = sender.createMimeMessage();
                composer.compose(message, mail, to, date(now()));
                sender.send(message);
                journal(row, mail, to);
                log.info("{}已发送《{}》给 {} <{}>", prefix(mail), mail.subject(), to.name(), to.email());
                return deliveryLog.finish(row.id(), Channel.SMTP, Status.SENT, null, null, i);
            } catch (MailParseException | MailPreparationException | MessagingException | IOException e) {
                log.error("{}《{}》无法发给 {} <{}>：{}", prefix(mail), mail.subject(), to.name(), to.email(), describe(e));
                return deliveryLog.finish(row.id(), Channel.SMTP, Status.FAILED, describe(e), null, i);
            } catch (MailException e) {
                if (i >= attempts) {
                    log.error("{}《{}》发给 {} <{}> 失败 {} 次，留待重试（" + Commands.retryMail() + "）：{}", prefix(mail),
                            mail.subject(), to.name(), to.email(), i, describe(e));
                    return deliveryLog.finish(row.id(), Channel.SMTP, Status.PENDING, describe(e), null, i);
                }
                log.warn("{}发给 {} 失败（第{}次），{} 秒后重试：{}", prefix(mail), to.email(), i,
                        wait.toMillis() / 1000.0, describe(e));
                sleep(wait);
                wait = wait.multipliedBy(2);
            }
        }
    }

    /** The sent message on disk before the database hears of it (best effort: the mail has gone either way). */
    private void journal(DeliveryRecord row, OutgoingMail mail, Recipient to) {
        try {
            journal.record(new SentJournal.Entry(now(), row.runId(), to.email(), mail.subject()));
        } catch (IOException e) {
            log.warn("无法写入发送记录 {}：{}", journal.file(), describe(e));
        }
    }

    private DeliveryRecord write(DeliveryRecord row, OutgoingMail mail, Recipient to) {
        LocalDateTime now = now();
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
            composer.compose(message, mail, to, date(now));
            // lets Outlook open the file as a draft ready to send, rather than as a received message
            message.setHeader("X-Unsent", "1");
            message.saveChanges();
            Path file = outbox.write(message, now, mail.runId(), to.email());
            log.info("{}未配置邮件服务器，《{}》（收件人 {} <{}>）已写入 {}",
                    prefix(mail), mail.subject(), to.name(), to.email(), file);
            return deliveryLog.finish(row.id(), Channel.EML, Status.WRITTEN, null, file.toString(), 1);
        } catch (IOException | MessagingException e) {
            if (!(e instanceof IOException) && !(e.getCause() instanceof IOException)) {
                log.error("{}《{}》（收件人 {} <{}>）无法生成：{}", prefix(mail), mail.subject(), to.name(), to.email(), describe(e));
                return deliveryLog.finish(row.id(), Channel.EML, Status.FAILED, describe(e), null, 1);
            }
            // the disk, not the message: full, read-only, gone. Nothing is left in the outbox; retried later
            String why = Outbox.diskFull(e) ? "磁盘空间不足：" + props.outbox().toAbsolutePath() + "（" + describe(e) + "）"
                    : "写入发件箱 " + props.outbox().toAbsolutePath() + " 失败：" + describe(e);
            log.error("{}《{}》（收件人 {} <{}>）{}，留待重试（{}）", prefix(mail), mail.subject(), to.name(), to.email(), why,
                    Commands.retryMail());
            return deliveryLog.finish(row.id(), Channel.EML, Status.PENDING, why, null, 1);
        }
    }

    /** "运行 #12：" for a run's bulletin; nothing for mail of its own (an evaluation or incentive list names itself). */
    private static String prefix(OutgoingMail mail) {
        return mail.runId() == null ? "" : "运行 #" + mail.runId() + "：";
    }

    private Channel channel() {
        return mailSender.getIfAvailable() == null ? Channel.EML : Channel.SMTP;
    }

    private static void checkAttachments(OutgoingMail mail) {
        for (Path attachment : mail.attachments()) {
            if (!Files.isRegularFile(attachment) || !Files.isReadable(attachment)) {
                throw new IllegalArgumentException("附件不存在或无法读取：" + attachment.toAbsolutePath());
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static DeliveryRecord record(OutgoingMail mail, Recipient to, Channel channel, Status status,
                                         String error, String emlPath, LocalDateTime at) {
        return new DeliveryRecord(null, mail.runId(), to.name(), to.email(), mail.subject(), channel, status,
                error, emlPath, at);
    }

    /** Whole seconds: what a TIMESTAMP column keeps on MariaDB, so a returned record equals its row. */
    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    private Date date(LocalDateTime at) {
        return Date.from(at.atZone(clock.getZone()).toInstant());
    }

    /**
     * The exception and its causes in one line: the top message alone often hides the reason (a refused
     * connection, the offending address). Causes already quoted by an outer message are not repeated.
     */
    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < MAX_ERROR; t = t.getCause() == t ? null : t.getCause()) {
            String line = t.toString().replaceAll("\\s+", " ").trim();
            if (text.indexOf(line) < 0) {
                text.append(text.isEmpty() ? "" : " <- ").append(line);
            }
        }
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text.toString();
    }
}
