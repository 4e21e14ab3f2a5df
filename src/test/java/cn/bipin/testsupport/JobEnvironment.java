package cn.bipin.testsupport;

import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import com.icegreen.greenmail.util.GreenMail;

/**
 * What a {@link JobTest} class runs against: a working folder (inbox, archive, outputs, outbox), a real SMTP server
 * (GreenMail) and a fresh database of the {@linkplain TestDatabase#selected() selected kind}. Register it as a
 * static {@code @RegisterExtension} field and call {@link #register} from the class's {@code @DynamicPropertySource}:
 * <pre>
 * &#64;RegisterExtension
 * static final JobEnvironment ENV = new JobEnvironment("monthly");
 *
 * &#64;DynamicPropertySource
 * static void properties(DynamicPropertyRegistry registry) {
 *     ENV.register(registry);
 * }
 * </pre>
 * Nothing is started before the context asks for it (a skipped class starts nothing); after the class the mail
 * server is stopped and a MariaDB database dropped.
 */
public final class JobEnvironment implements AfterAllCallback {

    private final String name;
    private Path work;
    private GreenMail mail;
    private String mariaDbUrl;

    /** @param name a short lower-case name for folders and database names, e.g. {@code monthly} */
    public JobEnvironment(String name) {
        this.name = name;
    }

    /** Points the application at this environment's folders, mail server and database. */
    public synchronized void register(DynamicPropertyRegistry registry) {
        TestDatabase db = TestDatabase.selected();
        if (work == null) {
            work = JobTestSupport.tempDir("bipin-" + name + "-" + db.name().toLowerCase(Locale.ROOT));
            mail = JobTestSupport.startGreenMail();
        }
        switch (db) {
            case H2 -> JobTestSupport.h2(registry, work);
            case MARIADB -> {
                if (mariaDbUrl == null) {
                    mariaDbUrl = JobTestSupport.mariaDb(registry, "bipin_" + name + "_");
                } else {
                    JobTestSupport.mariaDbUrl(registry, mariaDbUrl);
                }
            }
        }
        JobTestSupport.register(registry, work, mail);
    }

    /** The working folder: {@code inbox/}, {@code archive/}, {@code out/}, {@code outbox/}. */
    public Path work() {
        return started(work);
    }

    /** The SMTP server the application mails to. */
    public GreenMail mail() {
        return started(mail);
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (mail != null) {
            mail.stop();
        }
        if (mariaDbUrl != null) {
            MariaDb.drop(mariaDbUrl);
        }
        if (work != null) {
            org.springframework.util.FileSystemUtils.deleteRecursively(work.toFile());
        }
    }

    private <T> T started(T value) {
        if (value == null) {
            throw new IllegalStateException("JobEnvironment '" + name + "' is not registered: call register(registry)"
                    + " from the test class's @DynamicPropertySource");
        }
        return value;
    }
}
