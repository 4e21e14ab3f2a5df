package cn.bipin.delivery;

import java.time.LocalDateTime;

/**
 * One row of the {@code delivery} table: what was attempted for one recipient and how it ended.
 *
 * @param error   why the attempt failed; null unless {@link Status#FAILED}
 * @param emlPath the written file; null unless {@link Channel#EML} and written
 */
public record DeliveryRecord(
        Long id,
        Long runId,
        String recipientName,
        String recipientEmail,
        String subject,
        Channel channel,
        Status status,
        String error,
        String emlPath,
        LocalDateTime createdAt) {

    /** How the message left: through the SMTP server, or as a file in the outbox. */
    public enum Channel { SMTP, EML }

    /**
     * SENT: accepted by the SMTP server; WRITTEN: saved to the outbox; PENDING: not sent yet after retries, tried
     * again by {@code deliver} and the scheduler; HELD: kept back for a statistician to release; SENDING: claimed
     * by one process right now; FAILED: cannot be sent as it is (e.g. a malformed address), see {@code error}.
     */
    public enum Status { SENT, WRITTEN, PENDING, HELD, SENDING, FAILED }
}
