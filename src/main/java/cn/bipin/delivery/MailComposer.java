package cn.bipin.delivery;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Date;
import java.util.TimeZone;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;

import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.javamail.MimeMessageHelper;

import cn.bipin.scheme.Recipient;

/**
 * Fills one MIME message for one recipient, the same way for SMTP and for the outbox, so an .eml file is
 * exactly what the recipient would have received.
 */
final class MailComposer {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final DeliveryProperties props;

    MailComposer(DeliveryProperties props) {
        this.props = props;
    }

    /**
     * Chinese subject, sender name and recipient name go out as RFC 2047 encoded words, attachment names as
     * RFC 2231 parameters, the body as UTF-8: all readable by the mail clients offices use, none relying on
     * the SMTP server accepting 8-bit headers.
     */
    void compose(MimeMessage message, OutgoingMail mail, Recipient to, Date sentAt)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED, UTF_8);
        helper.setValidateAddresses(true);
        helper.setFrom(props.from(), props.fromName());
        helper.setTo(new InternetAddress(to.email(), to.name(), UTF_8));
        helper.setSubject(mail.subject());
        helper.setSentDate(sentAt);
        // the Date header in the office's zone: "Mon, 21 Jul 2024 02:00:13 +0800", not the server's UTC
        MailDateFormat date = new MailDateFormat();
        date.setTimeZone(TimeZone.getTimeZone(props.zone()));
        message.setHeader("Date", date.format(sentAt));
        helper.setText(mail.body(), false);
        for (Path attachment : mail.attachments()) {
            String name = attachment.getFileName().toString();
            helper.addAttachment(name, new FileSystemResource(attachment), contentType(name));
        }
    }

    /** Each attachment's own type, so a mail client opens a workbook as a workbook (not application/octet-stream). */
    static String contentType(String fileName) {
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (lower.endsWith(".xlsx")) {
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }
        if (lower.endsWith(".csv")) {
            return "text/csv";
        }
        return "application/octet-stream";
    }
}
