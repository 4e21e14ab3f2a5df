package cn.bipin.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A job-level test: the whole application (one Spring context per class) on the database selected by
 * {@link TestDatabase} ({@code -Dbipin.test.db=h2|mariadb}). Pair it with a {@link JobEnvironment} registered in the
 * class. On MariaDB the class is skipped with a one-line reason when no server answers (or with
 * {@code -Dbipin.test.mariadb=off}), and fails when MariaDB is required (CI) — decided before the context is built.
 * Tagged {@value #TAG}, the tag the MariaDB surefire execution selects.
 *
 * <p>Instances are per class: the fixture runs the job once in {@code @BeforeAll}, and each test reads its results.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(JobTest.TAG)
@ExtendWith(TestDatabase.Condition.class)
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public @interface JobTest {

    String TAG = "job";
}
