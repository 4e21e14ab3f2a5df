package cn.bipin.mailbox;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The office mailbox units send their submissions to ({@code bipin.mailbox.*}). Off unless {@link #host()} is set.
 * The password is not a property: it is read from the environment variable {@value #PASSWORD_VARIABLE} only, so it is
 * in no file, no log and no {@code status}.
 *
 * @param host            IMAP server; blank: no mailbox, {@code collect} says so and does nothing
 * @param port            IMAP port (993 with TLS, 143 without)
 * @param tls             IMAP over TLS (imaps)
 * @param user            the login
 * @param folder          the folder read, {@code INBOX} unless the office files submissions elsewhere
 * @param quarantine      files from addresses not listed for their unit are kept here, not in the inbox
 * @param maxAttachmentBytes an attachment (or a file inside a .zip) larger than this is answered, not stored
 * @param maxZipEntries   a .zip with more entries than this is answered, not unpacked
 */
@ConfigurationProperties("bipin.mailbox")
public record MailboxProperties(
        String host,
        @DefaultValue("993") int port,
        @DefaultValue("true") boolean tls,
        String user,
        @DefaultValue("INBOX") String folder,
        @DefaultValue("data/quarantine") Path quarantine,
        @DefaultValue("20971520") long maxAttachmentBytes,
        @DefaultValue("50") int maxZipEntries) {

    public static final String PASSWORD_VARIABLE = "BIPIN_IMAP_PASSWORD";

    public boolean configured() {
        return host != null && !host.isBlank();
    }
}
