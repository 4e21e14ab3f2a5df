package cn.bipin.incentive;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;

import cn.bipin.testsupport.JobTestSupport;

/** The incentive job on the embedded database. */
class IncentiveJobH2Test extends IncentiveJobTestBase {

    static final Path WORK = JobTestSupport.tempDir("bipin-incentive-h2");
    static final GreenMail MAIL = JobTestSupport.startGreenMail();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        JobTestSupport.h2(registry, WORK);
        JobTestSupport.register(registry, WORK, MAIL);
    }

    @AfterAll
    static void stopMail() {
        MAIL.stop();
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
