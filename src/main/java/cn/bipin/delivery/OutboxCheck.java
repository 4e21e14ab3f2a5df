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
            return unknown.isEmpty() ? List.of() : List.of("发件箱中有 " + unknown.size() + " 封邮件数据库中没有发送记录，如 "
                    + unknown.get(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
