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

import cn.bipin.delivery.DeliveryRecord.Channel;
import cn.bipin.delivery.DeliveryRecord.Status;

/**
 * The {@code delivery} table, the only lasting trace of who was sent which bulletin. A row is written before the
 * first try and updated with the outcome, so a retry updates the same row and a message is never sent twice.
 */
final class DeliveryLog {

    /** A row with what is needed to send it again. */
    record Stored(DeliveryRecord record, String body, List<Path> attachments) {
    }

    private final JdbcClient jdbc;

    DeliveryLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the attempt (with body and attachments, for retries) and returns it with its id. */
    DeliveryRecord insert(DeliveryRecord r, OutgoingMail mail) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into delivery (run_id, recipient_name, recipient_email, subject, channel, status,
                                              error, eml_path, created_at, body, attachments, attempts)
                        values (:runId, :recipientName, :recipientEmail, :subject, :channel, :status,
                                :error, :emlPath, :createdAt, :body, :attachments, 0)
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
                .param("body", mail.body())
                .param("attachments", mail.attachments().stream().map(p -> p.toAbsolutePath().toString())
                        .collect(Collectors.joining("\n")))
                .update(key, "id");
        return new DeliveryRecord(key.getKey().longValue(), r.runId(), r.recipientName(), r.recipientEmail(),
                r.subject(), r.channel(), r.status(), r.error(), r.emlPath(), r.createdAt());
    }

    /** Takes a PENDING or HELD row for sending; false if another process took it first. */
    boolean claim(long id, Status from) {
        return jdbc.sql("update delivery set status = 'SENDING', updated_at = ? where id = ? and status = ?")
                .params(Timestamp.valueOf(now()), id, from.name()).update() == 1;
    }

    /** Records the outcome of a claimed row. */
    DeliveryRecord finish(long id, Channel channel, Status status, String error, String emlPath, int attempts) {
        jdbc.sql("""
                update delivery set channel = ?, status = ?, error = ?, eml_path = ?, attempts = attempts + ?,
                  updated_at = ? where id = ?""")
                .params(channel.name(), status.name(), error, emlPath, attempts, Timestamp.valueOf(now()), id).update();
        return jdbc.sql("select * from delivery where id = ?").param(id).query((rs, i) -> map(rs)).single();
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
                                : Arrays.stream(rs.getString("attachments").split("\n")).map(Path::of).toList()))
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
