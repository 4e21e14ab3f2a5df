package cn.bipin.testsupport;

import java.util.Locale;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The database a {@link JobTest} runs on, chosen by the system property {@code bipin.test.db}: {@code h2} (the
 * default, the embedded database a fresh machine uses) or {@code mariadb} (a throw-away database on the server of
 * {@link MariaDb}). The build runs every job test once on each: see the two surefire executions in {@code pom.xml}.
 */
public enum TestDatabase {
    H2, MARIADB;

    public static final String PROPERTY = "bipin.test.db";

    /** The database of this test JVM. */
    public static TestDatabase selected() {
        String value = System.getProperty(PROPERTY, "h2").trim();
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "", "h2" -> H2;
            case "mariadb" -> MARIADB;
            default -> throw new IllegalArgumentException("-D" + PROPERTY + "=" + value + ": expected h2 or mariadb");
        };
    }

    /**
     * Decides, before any Spring context is built, whether a {@link JobTest} class runs: always on H2; on MariaDB as
     * {@link MariaDb.Condition} decides.
     */
    static final class Condition implements ExecutionCondition {

        private final MariaDb.Condition server = new MariaDb.Condition();

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return selected() == H2 ? ConditionEvaluationResult.enabled("on H2") : server.evaluateExecutionCondition(context);
        }
    }
}
