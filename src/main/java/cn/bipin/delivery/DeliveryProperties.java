package cn.bipin.delivery;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sender identity and outbox for bulletins ({@code bipin.mail.*}). The SMTP server itself is Boot's
 * {@code spring.mail.*}; without {@code spring.mail.host} mail goes to {@link #outbox()} as .eml files.
 *
 * @param from     envelope and header sender address
 * @param outbox   folder for .eml files when no SMTP server is configured
 * @param fromName display name shown to recipients
 * @param attempts how often a message is tried before it is left PENDING for a later retry
 * @param backoff  the wait after the first failed try; doubled after each further one
 */
@ConfigurationProperties("bipin.mail")
record DeliveryProperties(
        @DefaultValue("bipin@localhost") String from,
        @DefaultValue("data/outbox") Path outbox,
        @DefaultValue("比拼专班办公室") String fromName,
        @DefaultValue("3") int attempts,
        @DefaultValue("2s") Duration backoff) {
}
