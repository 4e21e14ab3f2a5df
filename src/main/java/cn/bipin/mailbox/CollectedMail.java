package cn.bipin.mailbox;

import java.time.LocalDateTime;

/**
 * One attachment of one collected message, and what became of it.
 *
 * @param outcome PLACED (in the inbox), QUARANTINED (unit's file from an unlisted address), ANSWERED (could not be
 *                placed; the sender was told why)
 */
public record CollectedMail(Long id, String messageId, String sender, String subject, LocalDateTime receivedAt,
                            String attachment, String scheme, String period, String unitCode, String outcome,
                            String reason, String storedFile) {

    public static final String PLACED = "PLACED";
    public static final String QUARANTINED = "QUARANTINED";
    public static final String ANSWERED = "ANSWERED";
}
