package cn.bipin.monthly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;

/** The monthly job on the embedded database a fresh machine uses. */
class MonthlyJobH2Test extends MonthlyJobTestBase {

    static final Path WORK = tempDir();
    static final GreenMail MAIL = startGreenMail();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + WORK.resolve("db").toAbsolutePath()
                + "/bipin;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE");
        register(registry, WORK, MAIL);
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

    static Path tempDir() {
        try {
            return Files.createTempDirectory("bipin-monthly-h2");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
