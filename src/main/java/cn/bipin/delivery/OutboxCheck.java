package cn.bipin.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

import cn.bipin.run.DiskCheck;

/** Every .eml in the outbox must be a delivery the database knows: otherwise a restart would write (mail) it again. */
@Component
class OutboxCheck implements DiskCheck {

    private final DeliveryProperties props;
    private final DeliveryLog deliveryLog;

    OutboxCheck(DeliveryProperties props, JdbcClient jdbc) {
        this.props = props;
        this.deliveryLog = new DeliveryLog(jdbc, TransactionOperations.withoutTransaction());
    }

    @Override
    public List<String> disagreements() {
        Path outbox = props.outbox().toAbsolutePath().normalize();
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        Set<Path> known = deliveryLog.emlPaths().stream().map(p -> Path.of(p).toAbsolutePath().normalize())
                .collect(Collectors.toSet());
        // a process killed between renaming the file and recording it left the row SENDING: that one is reported there
        Set<String> interrupted = deliveryLog.withStatus(DeliveryRecord.Status.SENDING, null).stream()
                .map(s -> "-" + s.record().runId() + "-" + Outbox.safe(s.record().recipientEmail())).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(outbox)) {
            List<Path> unknown = files.filter(f -> f.getFileName().toString().endsWith(".eml"))
                    .map(f -> f.toAbsolutePath().normalize()).filter(f -> !known.contains(f))
                    .filter(f -> interrupted.stream().noneMatch(i -> f.getFileName().toString().contains(i)))
                    .sorted().toList();
            List<String> found = new java.util.ArrayList<>();
            if (!unknown.isEmpty()) {
                found.add("发件箱中有 " + unknown.size() + " 封邮件数据库中没有发送记录，如 " + unknown.get(0));
            }
            found.addAll(unknownSmtpSends(outbox));
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Messages the SMTP server took (the journal) that the database has no SENT or SENDING row for. */
    private List<String> unknownSmtpSends(Path outbox) {
        SentJournal journal = new SentJournal(outbox);
        List<SentJournal.Entry> entries = journal.entries();
        if (entries.isEmpty()) {
            return List.of();
        }
        Set<String> known = deliveryLog.smtpAttempts().stream()
                .map(r -> new SentJournal.Entry(null, r.runId(), r.recipientEmail(), r.subject()).key())
                .collect(Collectors.toSet());
        List<SentJournal.Entry> unknown = entries.stream().filter(e -> !known.contains(e.key())).toList();
        if (unknown.isEmpty()) {
            return List.of();
        }
        SentJournal.Entry first = unknown.get(0);
        return List.of("发送记录 " + journal.file() + " 中有 " + unknown.size() + " 封已经通过邮件服务器发出的邮件数据库中没有记录，如 "
                + first.at() + (first.runId() == null ? " 提醒邮件" : " 运行 #" + first.runId()) + " 发给 " + first.recipientEmail() + "《" + first.subject() + "》");
    }
}
