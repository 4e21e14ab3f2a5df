package cn.bipin.delivery;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import cn.bipin.scheme.Recipient;

/**
 * One bulletin to be mailed: the same subject, body and attachments go to every recipient, each in a
 * message of their own.
 *
 * @param runId the run that produced the bulletin, kept in the delivery log; may be null for ad-hoc mail
 */
public record OutgoingMail(Long runId, String subject, String body, List<Path> attachments, List<Recipient> to) {

    public OutgoingMail {
        Objects.requireNonNull(subject, "subject");
        body = body == null ? "" : body;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        to = List.copyOf(Objects.requireNonNull(to, "to"));
    }
}
