package cn.bipin.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that works only on a real MariaDB server, whatever {@link TestDatabase} is selected (e.g. several
 * JVMs or Quartz instances sharing one database). Skipped with a one-line reason when no server answers (or with
 * {@code -Dbipin.test.mariadb=off}), failed when MariaDB is {@linkplain MariaDb#required() required} — decided
 * before the class's {@code @BeforeAll} runs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(MariaDb.Condition.class)
public @interface NeedsMariaDb {
}
