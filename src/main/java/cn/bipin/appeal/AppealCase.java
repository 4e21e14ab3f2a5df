package cn.bipin.appeal;

import java.time.LocalDateTime;

import cn.bipin.appeal.AppealRules.Level;
import cn.bipin.appeal.AppealRules.Role;
import cn.bipin.appeal.AppealRules.Size;

/**
 * One version of an enterprise appeal as the ledger holds it (DOMAIN §6.1). Times are the office's wall-clock times
 * as the clerk typed them. {@code registeredAt}, {@code studiedAt}, {@code resolvedAt} are null until they happen;
 * {@code level} and {@code feedbackBy} come with {@code resolvedAt}; {@code satisfaction} is the grade as typed.
 */
public record AppealCase(String caseId, int version, String unitCode, String enterprise, String creditCode, Size size,
                         String summary, LocalDateTime receivedAt, LocalDateTime registeredAt, LocalDateTime studiedAt,
                         LocalDateTime resolvedAt, Level level, Role feedbackBy, String satisfaction) {

    /** Whether the case was resolved before {@code end}. */
    public boolean resolvedBefore(LocalDateTime end) {
        return resolvedAt != null && resolvedAt.isBefore(end);
    }
}
