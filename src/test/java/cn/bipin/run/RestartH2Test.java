package cn.bipin.run;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;

import cn.bipin.testsupport.JobTestSupport;

/** Restart after a failure inside a chunk, on the embedded database. */
@Import(RestartTestBase.FailOnce.class)
class RestartH2Test extends RestartTestBase {

    static final Path WORK = JobTestSupport.tempDir("bipin-restart-h2");
    static final GreenMail MAIL = JobTestSupport.startGreenMail();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        JobTestSupport.h2(registry, WORK);
        JobTestSupport.register(registry, WORK, MAIL);
    }

    @AfterAll
    static void stop() {
        MAIL.stop();
        FailOnce.ARMED.set(true);
        FailOnce.WRITES.set(0);
    }

    @Override
    Path work() {
        return WORK;
    }
}
