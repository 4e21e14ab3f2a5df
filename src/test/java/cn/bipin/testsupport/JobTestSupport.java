package cn.bipin.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** What the job-level tests share: a working folder, a real SMTP server, and the properties pointing at them. */
public final class JobTestSupport {

    private JobTestSupport() {
    }

    /** Points inbox, archive, outputs and outbox into {@code work}, and mail at {@code greenMail}. */
    public static void register(DynamicPropertyRegistry registry, Path work, GreenMail greenMail) {
        registry.add("bipin.cli.enabled", () -> "false");
        registry.add("bipin.jobs-dir", () -> "src/test/resources/jobs");
        registry.add("bipin.inbox.dir", () -> work.resolve("inbox").toString());
        registry.add("bipin.inbox.archive", () -> work.resolve("archive").toString());
        registry.add("bipin.output.dir", () -> work.resolve("out").toString());
        registry.add("bipin.mail.outbox", () -> work.resolve("outbox").toString());
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
    }

    /** An embedded H2 file database in {@code work}, in the MariaDB mode the application uses. */
    public static void h2(DynamicPropertyRegistry registry, Path work) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + work.resolve("db").toAbsolutePath()
                + "/bipin;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE");
    }

    /** A fresh MariaDB database; returns its URL (skips or fails like {@link MariaDb#assumeOrFail()}). */
    public static String mariaDb(DynamicPropertyRegistry registry, String prefix) {
        String url = MariaDb.createDatabase(prefix);
        mariaDbUrl(registry, url);
        return url;
    }

    /** Points the data source at a MariaDB database made by {@link MariaDb#createDatabase(String)}. */
    public static void mariaDbUrl(DynamicPropertyRegistry registry, String url) {
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> MariaDb.USER);
        registry.add("spring.datasource.password", () -> MariaDb.PASSWORD);
    }

    /** A GreenMail SMTP server on a free port of 127.0.0.1, started. */
    public static GreenMail startGreenMail() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    public static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a submission CSV (DOMAIN §9) as received at {@code received}. */
    public static Path csv(Path file, LocalDateTime received, String... lines) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "\uFEFF" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            Files.setLastModifiedTime(file, FileTime.from(received.atZone(ZoneId.systemDefault()).toInstant()));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
