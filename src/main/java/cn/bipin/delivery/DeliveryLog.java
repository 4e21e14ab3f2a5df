package cn.bipin.delivery;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.support.TransactionOperations;

import cn.bipin.delivery.DeliveryRecord.Channel;
import cn.bipin.delivery.DeliveryRecord.Status;
import cn.bipin.run.ProcessIdentity;

/**
 * The {@code delivery} table, the only lasting trace of who was sent which bulletin. A row is written before the
 * first try and updated with the outcome, so a retry updates the same row and a message is never sent twice.
 *
 * <p>Every write commits on its own, before the message is handed to the server and again right after: a run step
 * calls this inside its own transaction, and a JVM killed there must not take the record of a sent message with it.
 */
final class DeliveryLog {

    /** A row with what is needed to send it again. */
    record Stored(DeliveryRecord record, String body, List<Path> attachments, String owner, LocalDateTime updatedAt) {
    }

    /** A row left SENDING by a process on another host counts as interrupted after this long without news. */
    static final java.time.Duration STUCK = java.time.Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final TransactionOperations own;

    /** @param own runs each write in a transaction of its own (REQUIRES_NEW), committed before it returns */
    DeliveryLog(JdbcClient jdbc, TransactionOperations own) {
        this.jdbc = jdbc;
        this.own = own;
    }

    /** Inserts the attempt (with body and attachments, for retries) and returns it with its id. */
    DeliveryRecord insert(DeliveryRecord r, OutgoingMail mail) {
        return own.execute(tx -> doInsert(r, mail));
    }

    private DeliveryRecord doInsert(DeliveryRecord r, OutgoingMail mail) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into delivery (run_id, recipient_name, recipient_email, subject, channel, status,
                                              error, eml_path, created_at, body, attachments, attempts, owner, updated_at)
                        values (:runId, :recipientName, :recipientEmail, :subject, :channel, :status,
                                :error, :emlPath, :createdAt, :body, :attachments, 0, :owner, :createdAt)
                        """)
                .param("runId", r.runId())
                .param("recipientName", r.recipientName())
                .param("recipientEmail", r.recipientEmail())
                .param("subject", r.subject())
                .param("channel", r.channel().name())
                .param("status", r.status().name())
                .param("error", r.error())
                .param("emlPath", r.emlPath())
                .param("createdAt", r.createdAt())
                .param("owner", ProcessIdentity.SELF)
                .param("body", mail.body())
                .param("attachments", mail.attachments().stream().map(p -> p.toAbsolutePath().toString())
                        .collect(Collectors.joining("\n")))
                .update(key, "id");
        return new DeliveryRecord(key.getKey().longValue(), r.runId(), r.recipientName(), r.recipientEmail(),
                r.subject(), r.channel(), r.status(), r.error(), r.emlPath(), r.createdAt());
    }

    /**
     * Takes a PENDING, HELD or interrupted SENDING row for sending, as this process; false if another process took
     * it first (or, for SENDING, if it is no longer the owner given).
     */
    boolean claim(long id, Status from, String fromOwner) {
        return own.execute(tx -> (from == Status.SENDING
                ? jdbc.sql("update delivery set status = 'SENDING', owner = ?, updated_at = ? where id = ? and status = ? and "
                        + (fromOwner == null ? "owner is null" : "owner = ?"))
                        .params(fromOwner == null
                                ? List.of(ProcessIdentity.SELF, Timestamp.valueOf(now()), id, from.name())
                                : List.of(ProcessIdentity.SELF, Timestamp.valueOf(now()), id, from.name(), fromOwner))
                : jdbc.sql("update delivery set status = 'SENDING', owner = ?, updated_at = ? where id = ? and status = ?")
                        .params(ProcessIdentity.SELF, Timestamp.valueOf(now()), id, from.name()))
                .update() == 1);
    }

    /** Records the outcome of a claimed row. */
    DeliveryRecord finish(long id, Channel channel, Status status, String error, String emlPath, int attempts) {
        return own.execute(tx -> {
            jdbc.sql("""
                    update delivery set channel = ?, status = ?, error = ?, eml_path = ?, attempts = attempts + ?,
                      updated_at = ? where id = ?""")
                    .params(channel.name(), status.name(), error, emlPath, attempts, Timestamp.valueOf(now()), id).update();
            return jdbc.sql("select * from delivery where id = ?").param(id).query((rs, i) -> map(rs)).single();
        });
    }

    /**
     * Rows left SENDING by a process that cannot be sending them any more: gone from this host, or silent for
     * {@link #STUCK} on another. The message may or may not have reached the recipient.
     */
    List<Stored> interrupted(Long runId) {
        LocalDateTime silentSince = now().minus(STUCK);
        return withStatus(Status.SENDING, runId).stream().filter(s -> {
            String owner = s.owner();
            if (owner != null && owner.equals(ProcessIdentity.SELF)) {
                return false;
            }
            if (ProcessIdentity.deadOnThisHost(owner)) {
                return true;
            }
            return s.updatedAt() == null || s.updatedAt().isBefore(silentSince);
        }).toList();
    }

    /** The .eml files the log knows, as recorded. */
    List<String> emlPaths() {
        return jdbc.sql("select eml_path from delivery where eml_path is not null").query(String.class).list();
    }

    /** Rows whose message went (or may have gone) to the SMTP server: SENT, or SENDING when the process died. */
    List<DeliveryRecord> smtpAttempts() {
        return jdbc.sql("select * from delivery where status in ('SENT', 'SENDING') order by id")
                .query((rs, i) -> map(rs)).list();
    }

    /** A run's rows, oldest first. */
    List<DeliveryRecord> forRun(long runId) {
        return jdbc.sql("select * from delivery where run_id = ? order by id").param(runId)
                .query((rs, i) -> map(rs)).list();
    }

    /** Rows in a status, oldest first; of one run, or of all runs when {@code runId} is null. */
    List<Stored> withStatus(Status status, Long runId) {
        var statement = runId == null
                ? jdbc.sql("select * from delivery where status = ? order by id").param(status.name())
                : jdbc.sql("select * from delivery where status = ? and run_id = ? order by id").params(status.name(), runId);
        return statement.query((rs, i) -> new Stored(map(rs), rs.getString("body"),
                        rs.getString("attachments") == null || rs.getString("attachments").isEmpty() ? List.of()
                                : Arrays.stream(rs.getString("attachments").split("\n")).map(Path::of).toList(),
                        rs.getString("owner"), rs.getTimestamp("updated_at") == null ? null
                                : rs.getTimestamp("updated_at").toLocalDateTime()))
                .list();
    }

    private static DeliveryRecord map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new DeliveryRecord(rs.getLong("id"), rs.getObject("run_id", Long.class), rs.getString("recipient_name"),
                rs.getString("recipient_email"), rs.getString("subject"), Channel.valueOf(rs.getString("channel")),
                Status.valueOf(rs.getString("status")), rs.getString("error"), rs.getString("eml_path"),
                rs.getTimestamp("created_at").toLocalDateTime());
    }

    private static LocalDateTime now() {
        return LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
