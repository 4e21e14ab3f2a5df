package cn.bipin.delivery;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
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
 * @param zone     the office's time zone, in which a mail's Date header is written (the machine may run on UTC)
 */
@ConfigurationProperties("bipin.mail")
public record DeliveryProperties(
        String from,
        Path outbox,
        String fromName,
        int attempts,
        Duration backoff,
        ZoneId zone) {

    @ConstructorBinding
    public DeliveryProperties(@DefaultValue("bipin@localhost") String from, @DefaultValue("data/outbox") Path outbox,
                       @DefaultValue("比拼专班办公室") String fromName, @DefaultValue("3") int attempts,
                       @DefaultValue("2s") Duration backoff, @DefaultValue("Asia/Shanghai") ZoneId zone) {
        this.from = from;
        this.outbox = outbox;
        this.fromName = fromName;
        this.attempts = attempts;
        this.backoff = backoff;
        this.zone = zone;
    }

    /** The office in China's zone. */
    DeliveryProperties(String from, Path outbox, String fromName, int attempts, Duration backoff) {
        this(from, outbox, fromName, attempts, backoff, ZoneId.of("Asia/Shanghai"));
    }
}
