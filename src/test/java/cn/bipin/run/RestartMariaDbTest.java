package cn.bipin.run;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;

import cn.bipin.testsupport.JobTestSupport;
import cn.bipin.testsupport.MariaDb;

/** Restart after a failure inside a chunk, on a real MariaDB server. Mandatory on CI. */
@Import(RestartTestBase.FailOnce.class)
class RestartMariaDbTest extends RestartTestBase {

    static final Path WORK = JobTestSupport.tempDir("bipin-restart-mariadb");
    static final GreenMail MAIL = JobTestSupport.startGreenMail();
    static String url;

    @BeforeAll
    static void database() {
        MariaDb.assumeOrFail();
        FailOnce.ARMED.set(true);
        FailOnce.WRITES.set(0);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        url = JobTestSupport.mariaDb(registry, "bipin_restart_");
        JobTestSupport.register(registry, WORK, MAIL);
    }

    @AfterAll
    static void cleanUp() {
        MAIL.stop();
        FailOnce.ARMED.set(true);
        FailOnce.WRITES.set(0);
        if (url != null) {
            MariaDb.drop(url);
        }
    }

    @Override
    Path work() {
        return WORK;
    }
}
