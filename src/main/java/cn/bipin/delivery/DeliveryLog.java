package cn.bipin.delivery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Writes the {@code delivery} table, the only lasting trace of who was sent which bulletin. */
final class DeliveryLog {

    private final JdbcClient jdbc;

    DeliveryLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the attempt and returns it with the id the database gave it. */
    DeliveryRecord insert(DeliveryRecord r) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into delivery (run_id, recipient_name, recipient_email, subject, channel, status,
                                              error, eml_path, created_at)
                        values (:runId, :recipientName, :recipientEmail, :subject, :channel, :status,
                                :error, :emlPath, :createdAt)
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
                .update(key, "id");
        return new DeliveryRecord(key.getKey().longValue(), r.runId(), r.recipientName(), r.recipientEmail(),
                r.subject(), r.channel(), r.status(), r.error(), r.emlPath(), r.createdAt());
    }
}
