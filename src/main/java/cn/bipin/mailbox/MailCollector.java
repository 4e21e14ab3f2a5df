package cn.bipin.mailbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import jakarta.mail.Address;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.SharedByteArrayInputStream;

import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.MessageSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.bipin.delivery.DeliveryService;
import cn.bipin.delivery.OutgoingMail;
import cn.bipin.inbox.InboxProperties;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Recipient;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeException;
import cn.bipin.scheme.SchemeRepository;
import cn.bipin.scheme.Unit;
import cn.bipin.submission.SubmissionHeader;

/**
 * Collects units' submissions from the office's IMAP mailbox (issue 18): every .xlsx/.csv attachment (also inside a
 * .zip) of a message not collected before goes into its scheme/period inbox, the period and unit read from the file's
 * content, with the message's received time as the file's time (the inbox takes the file time as the received time).
 * A file from an address not listed for its unit is quarantined; a file that cannot be placed is answered by mail with
 * the reason. Nothing in a message body is read, executed or rendered.
 */
@Service
public class MailCollector {

    private static final Logger log = LoggerFactory.getLogger(MailCollector.class);
    private static final ZoneId OFFICE = ZoneId.of("Asia/Shanghai");
    /** New messages fetched by one FETCH command: at most this many… */
    private static final int FETCH_BATCH_MESSAGES = 200;
    /** …and this many bytes; a larger message is read on its own, its attachments streamed within their limit. */
    private static final int FETCH_BATCH_BYTES = 32 << 20;

    private final MailboxProperties props;
    private final InboxProperties inbox;
    private final SchemeRepository schemes;
    private final CollectedMailRepository collected;
    private final DeliveryService delivery;
    private final UnitFeedbackMail feedback;

    MailCollector(MailboxProperties props, InboxProperties inbox, SchemeRepository schemes,
                  CollectedMailRepository collected, DeliveryService delivery, UnitFeedbackMail feedback) {
        this.props = props;
        this.inbox = inbox;
        this.schemes = schemes;
        this.collected = collected;
        this.delivery = delivery;
        this.feedback = feedback;
    }

    /**
     * What one collection did.
     *
     * @param feedback the units mailed their feedback right after this pass, as "scheme/period/unit"
     */
    public record Summary(int messages, int skipped, List<CollectedMail> files, List<String> feedback) {

        public long count(String outcome) {
            return files.stream().filter(f -> outcome.equals(f.outcome())).count();
        }
    }

    public boolean configured() {
        return props.configured();
    }

    /** Reads every message in the configured folder; those collected before are skipped. */
    public Summary collect() {
        if (!props.configured()) {
            throw new IllegalStateException("no mailbox configured");
        }
        Properties p = new Properties();
        String protocol = props.tls() ? "imaps" : "imap";
        p.put("mail.store.protocol", protocol);
        p.put("mail." + protocol + ".connectiontimeout", "10000");
        p.put("mail." + protocol + ".timeout", "60000");
        Session session = Session.getInstance(p);
        String password = System.getenv(MailboxProperties.PASSWORD_VARIABLE);
        List<Scheme> loaded = loadSchemes();
        int messages = 0;
        int skipped = 0;
        List<CollectedMail> files = new ArrayList<>();
        try (Store store = session.getStore(protocol)) {
            store.connect(props.host(), props.port(), props.user(), password == null ? "" : password);
            Folder folder = store.getFolder(props.folder());
            folder.open(Folder.READ_ONLY);
            try {
                Message[] all = folder.getMessages();
                // one round trip for every message's envelope, size, Message-ID and structure, not several per message
                FetchProfile profile = new FetchProfile();
                profile.add(FetchProfile.Item.ENVELOPE);
                profile.add(FetchProfile.Item.CONTENT_INFO);
                profile.add(FetchProfile.Item.SIZE);
                profile.add("Message-ID");
                folder.fetch(all, profile);
                List<String> ids = new ArrayList<>(all.length);
                for (Message m : all) {
                    ids.add(messageId(m));
                }
                // one query for which were collected before, not one per message
                Set<String> known = new HashSet<>(collected.collectedAmong(ids));
                List<Message> fresh = new ArrayList<>();
                List<String> freshIds = new ArrayList<>();
                for (int i = 0; i < all.length; i++) {
                    messages++;
                    if (!known.add(ids.get(i))) {
                        skipped++;
                        continue;
                    }
                    fresh.add(all[i]);
                    freshIds.add(ids.get(i));
                }
                // the new messages' content in a few FETCH commands (a batch at a time, bounded in bytes), not one
                // command per message: a server may spend time on every command in proportion to the folder's size
                for (int from = 0; from < fresh.size(); ) {
                    int to = from;
                    long bytes = 0;
                    while (to < fresh.size() && to - from < FETCH_BATCH_MESSAGES) {
                        int size = fresh.get(to).getSize();
                        if (size < 0 || size > FETCH_BATCH_BYTES || bytes + size > FETCH_BATCH_BYTES) {
                            break;
                        }
                        bytes += size;
                        to++;
                    }
                    if (to == from) {
                        // too large (or of unknown size) to hold in memory: its attachments are streamed, bounded
                        files.addAll(collectOne(fresh.get(from), fresh.get(from), freshIds.get(from), loaded));
                        from++;
                        continue;
                    }
                    List<Message> batch = fresh.subList(from, to);
                    Map<Integer, MimeMessage> content = fetchContent(folder, session, batch);
                    for (int i = from; i < to; i++) {
                        Message m = fresh.get(i);
                        Part part = content.get(m.getMessageNumber());
                        files.addAll(collectOne(m, part == null ? m : part, freshIds.get(i), loaded));
                    }
                    from = to;
                }
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            // the message names host and user at most: the password is never part of it
            throw new IllegalStateException("无法读取邮箱 " + props.user() + "@" + props.host() + ":" + props.port()
                    + "（" + e.getMessage() + "）", e);
        }
        log.info("collected {} messages ({} already collected), {} files", messages, skipped, files.size());
        List<String> mailed = List.of();
        try {
            mailed = feedback.afterCollect(files, loaded);
        } catch (RuntimeException e) {
            // the files are in their inboxes and recorded: the run's feedback still reaches the units
            log.warn("feedback after collection not sent", e);
        }
        return new Summary(messages, skipped, files, mailed);
    }

    private List<Scheme> loadSchemes() {
        List<Scheme> result = new ArrayList<>();
        for (String id : schemes.ids()) {
            try {
                result.add(schemes.load(id));
            } catch (SchemeException e) {
                log.warn("scheme {} skipped while collecting: {}", id, e.getMessage());
            }
        }
        return result;
    }

    /**
     * The whole content of {@code batch} in one FETCH command, parsed here: message number → message. Empty when the
     * store is not IMAP (each message is then read on its own).
     */
    private static Map<Integer, MimeMessage> fetchContent(Folder folder, Session session, List<Message> batch)
            throws MessagingException {
        if (!(folder instanceof IMAPFolder imap)) {
            return Map.of();
        }
        int[] numbers = batch.stream().mapToInt(Message::getMessageNumber).toArray();
        Response[] responses = (Response[]) imap.doCommand(protocol -> {
            Response[] r = protocol.fetch(MessageSet.createMessageSets(numbers), "BODY.PEEK[]");
            protocol.handleResult(r[r.length - 1]);
            return r;
        });
        Map<Integer, MimeMessage> content = new HashMap<>();
        for (Response r : responses) {
            if (r instanceof FetchResponse f && f.getItem(BODY.class) != null) {
                ByteArray raw = f.getItem(BODY.class).getByteArray();
                if (raw != null) {
                    content.put(f.getNumber(), new MimeMessage(session,
                            new SharedByteArrayInputStream(raw.getBytes(), raw.getStart(), raw.getCount())));
                }
            }
        }
        return content;
    }

    /**
     * One new message: {@code m} as the server describes it (sender, subject, received time), {@code content} its
     * parts (the same message, or its content fetched with others).
     */
    private List<CollectedMail> collectOne(Message m, Part content, String id, List<Scheme> loaded)
            throws MessagingException {
        String sender = sender(m);
        String subject = m.getSubject() == null ? "" : m.getSubject();
        Date date = m.getReceivedDate() != null ? m.getReceivedDate()
                : m.getSentDate() != null ? m.getSentDate() : new Date();
        LocalDateTime received = LocalDateTime.ofInstant(date.toInstant(), OFFICE);
        Mail mail = new Mail(id, sender, subject, received, date);
        List<Attachment> attachments = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            attachments(content, attachments, problems);
        } catch (IOException e) {
            problems.add("邮件无法读取（" + e.getMessage() + "）");
        }
        List<CollectedMail> rows = new ArrayList<>();
        for (String problem : problems) {
            rows.add(answered(mail, null, problem));
        }
        for (Attachment a : attachments) {
            rows.add(place(mail, a, loaded));
        }
        if (rows.isEmpty()) {
            rows.add(answered(mail, null, "邮件中没有报送文件（请以附件发送报送模板 .xlsx 或 CSV 文件，也可以压缩为 .zip）"));
        }
        List<CollectedMail> answered = rows.stream().filter(r -> CollectedMail.ANSWERED.equals(r.outcome())).toList();
        if (!answered.isEmpty() && sender != null) {
            answer(mail, answered);
        }
        rows.forEach(collected::record);
        return rows;
    }

    private record Mail(String id, String sender, String subject, LocalDateTime received, Date date) {
    }

    private record Attachment(String name, byte[] bytes) {
    }

    /** Collects the attachments of a part, recursively; what cannot be taken is described in {@code problems}. */
    private void attachments(Part part, List<Attachment> out, List<String> problems)
            throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multi = (Multipart) part.getContent();
            for (int i = 0; i < multi.getCount(); i++) {
                attachments(multi.getBodyPart(i), out, problems);
            }
            return;
        }
        String raw = part.getFileName();
        if (raw == null) {
            return; // a body text: never read further
        }
        String name = safeName(MimeUtility.decodeText(raw));
        String ext = extension(name);
        if (!ext.equals(".xlsx") && !ext.equals(".csv") && !ext.equals(".zip")) {
            problems.add("附件 " + name + "：不支持的文件类型，请使用报送模板(.xlsx)或CSV（可压缩为 .zip）");
            return;
        }
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, props.maxAttachmentBytes() + 1));
        }
        if (bytes.length > props.maxAttachmentBytes()) {
            problems.add("附件 " + name + "：文件超过 " + megabytes(props.maxAttachmentBytes()) + "，未接收");
            return;
        }
        if (ext.equals(".zip")) {
            unzip(name, bytes, out, problems);
        } else {
            out.add(new Attachment(name, bytes));
        }
    }

    private void unzip(String zipName, byte[] bytes, List<Attachment> out, List<String> problems) throws IOException {
        List<Attachment> found = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            int entries = 0;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > props.maxZipEntries()) {
                    problems.add("附件 " + zipName + "：压缩包内文件超过 " + props.maxZipEntries() + " 个，未接收");
                    return;
                }
                if (entry.isDirectory()) {
                    continue;
                }
                String name = safeName(entry.getName());
                String ext = extension(name);
                if (!ext.equals(".xlsx") && !ext.equals(".csv")) {
                    problems.add("附件 " + zipName + " 中的 " + name + "：不支持的文件类型，请使用报送模板(.xlsx)或CSV");
                    continue;
                }
                byte[] content = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, props.maxAttachmentBytes() + 1));
                if (content.length > props.maxAttachmentBytes()) {
                    problems.add("附件 " + zipName + " 中的 " + name + "：文件超过 " + megabytes(props.maxAttachmentBytes())
                            + "，未接收");
                    continue;
                }
                found.add(new Attachment(name, content));
            }
        } catch (ZipException | IllegalArgumentException e) {
            problems.add("附件 " + zipName + "：压缩包已损坏或已加密，无法解压");
            return;
        }
        out.addAll(found);
    }

    /** Puts one file into its inbox (or quarantine), or says why it cannot be placed. */
    private CollectedMail place(Mail mail, Attachment a, List<Scheme> loaded) {
        Path staging = null;
        try {
            staging = Files.createTempFile("bipin-mail-", extension(a.name()));
            Files.write(staging, a.bytes());
            // the readers name the file by its path: read it under its own name in a folder of its own
            Path named = Files.createTempDirectory("bipin-mail-").resolve(a.name());
            Files.move(staging, named);
            staging = named;
            SubmissionHeader header = SubmissionHeader.read(named);
            if (header.problem() != null) {
                return answered(mail, a.name(), "附件 " + a.name() + "：" + header.problem());
            }
            Period period;
            try {
                period = Period.parse(header.period());
            } catch (RuntimeException e) {
                return answered(mail, a.name(), "附件 " + a.name() + "：期间 '" + header.period()
                        + "' 无法识别（应如 2024-06 或 2024-Q3）");
            }
            Optional<Scheme> scheme = loaded.stream().filter(s -> s.year() == period.year()
                    && s.unit(header.unitCode()).isPresent()).findFirst();
            if (scheme.isEmpty()) {
                return answered(mail, a.name(), "附件 " + a.name() + "：单位代码 '" + header.unitCode() + "' 不在"
                        + period.year() + "年的任何比拼方案中");
            }
            Unit unit = scheme.get().unit(header.unitCode()).orElseThrow();
            boolean allowed = unit.maySubmitFrom(mail.sender());
            Path dir = allowed ? inbox.periodDir(scheme.get().id(), period.code())
                    : props.quarantine().resolve(scheme.get().id()).resolve(period.code());
            Path target = freeName(dir, a.name());
            Files.createDirectories(dir);
            Files.write(target, a.bytes());
            Files.setLastModifiedTime(target, FileTime.from(mail.date().toInstant()));
            String outcome = allowed ? CollectedMail.PLACED : CollectedMail.QUARANTINED;
            String reason = allowed ? null : "发件地址 " + mail.sender() + " 不在方案文件中" + unit.name()
                    + "的 emails / senders 之列，文件暂存待统计员核实";
            log.info("{} {} from {} as {}", outcome.toLowerCase(Locale.ROOT), a.name(), mail.sender(), target);
            return new CollectedMail(null, mail.id(), mail.sender(), mail.subject(), mail.received(), a.name(),
                    scheme.get().id(), period.code(), unit.code(), outcome, reason, target.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (staging != null) {
                try {
                    Files.deleteIfExists(staging);
                    Files.deleteIfExists(staging.getParent());
                } catch (IOException ignored) {
                    // a temporary file left behind costs nothing
                }
            }
        }
    }

    private CollectedMail answered(Mail mail, String attachment, String reason) {
        return new CollectedMail(null, mail.id(), mail.sender(), mail.subject(), mail.received(), attachment, null,
                null, null, CollectedMail.ANSWERED, reason, null);
    }

    private void answer(Mail mail, List<CollectedMail> rows) {
        StringBuilder body = new StringBuilder("您好：\n\n您于 ")
                .append(mail.received().toString().replace('T', ' ')).append(" 发来的邮件（主题：")
                .append(mail.subject().isBlank() ? "无" : mail.subject()).append("）中有以下问题，相关文件未被接收：\n\n");
        rows.forEach(r -> body.append("· ").append(r.reason()).append('\n'));
        body.append("\n请修改后重新发送。此邮件由系统自动发出。\n比拼专班办公室");
        delivery.deliver(new OutgoingMail(null, "报送文件未被接收：" + mail.subject(), body.toString(), List.of(),
                List.of(new Recipient(mail.sender(), mail.sender()))));
    }

    private static String sender(Message m) throws MessagingException {
        Address[] from = m.getFrom();
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress a) || a.getAddress() == null) {
            return null;
        }
        return a.getAddress().trim().toLowerCase(Locale.ROOT);
    }

    /** The Message-ID header; a message without one is known by a digest of its sender, date and subject. */
    private static String messageId(Message m) throws MessagingException {
        String id = m instanceof MimeMessage mime ? mime.getMessageID() : null;
        if (id != null && !id.isBlank()) {
            return id.trim();
        }
        String basis = sender(m) + "|" + m.getSentDate() + "|" + m.getSubject();
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(basis.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file name without any folder part or characters a file system refuses. */
    private static String safeName(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}:*?\"<>|]", "_").trim();
        return base.isEmpty() || base.startsWith(".") ? "附件" + base : base;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
    }

    /** {@code name}, or {@code name(2)}, {@code name(3)}… when a file of that name is already there. */
    private static Path freeName(Path dir, String name) {
        Path target = dir.resolve(name);
        int dot = name.lastIndexOf('.');
        for (int i = 2; Files.exists(target); i++) {
            target = dir.resolve(name.substring(0, dot) + "(" + i + ")" + name.substring(dot));
        }
        return target;
    }

    /** The limit as a clerk reads it: 20 MB, or 100 KB for a limit under a megabyte (not "0 MB"). */
    private static String megabytes(long bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MB" : (bytes >> 10) + " KB";
    }
}
