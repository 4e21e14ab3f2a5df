package cn.bipin.incentive;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;

import cn.bipin.testsupport.JobTestSupport;
import cn.bipin.testsupport.MariaDb;

/** The incentive job on a real MariaDB server. Mandatory on CI. */
class IncentiveJobMariaDbTest extends IncentiveJobTestBase {

    static final Path WORK = JobTestSupport.tempDir("bipin-incentive-mariadb");
    static final GreenMail MAIL = JobTestSupport.startGreenMail();
    static String url;

    @BeforeAll
    static void database() {
        MariaDb.assumeOrFail();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        url = JobTestSupport.mariaDb(registry, "bipin_incentive_");
        JobTestSupport.register(registry, WORK, MAIL);
    }

    @AfterAll
    static void cleanUp() {
        MAIL.stop();
        if (url != null) {
            MariaDb.drop(url);
        }
    }

    @Override
    Path work() {
        return WORK;
    }

    @Override
    GreenMail greenMail() {
        return MAIL;
    }
}
