package cn.bipin.monthly;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;

import cn.bipin.testsupport.JobTestSupport;

import cn.bipin.testsupport.MariaDb;

/** The same monthly job on a real MariaDB server, in a database of its own. Mandatory on CI. */
class MonthlyJobMariaDbTest extends MonthlyJobTestBase {

    static final Path WORK = JobTestSupport.tempDir("bipin-monthly-mariadb");
    static final GreenMail MAIL = JobTestSupport.startGreenMail();
    static String url;

    @BeforeAll
    static void database() {
        MariaDb.assumeOrFail();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        url = JobTestSupport.mariaDb(registry, "bipin_monthly_");
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
