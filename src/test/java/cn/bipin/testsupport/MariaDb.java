package cn.bipin.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real MariaDB server for tests that must also pass outside the embedded database.
 *
 * <p>A developer's machine may have no server running, so such tests are skipped there; on CI
 * ({@code CI=true}) or with {@code -Dbipin.test.mariadb=required} a missing server is a failure, so
 * a green build never silently means "MariaDB not tested". {@code -Dbipin.test.mariadb=off} skips
 * without probing. Each test works in its own throw-away database so runs never see each other's rows.
 *
 * <p>Server, user and password default to {@code 127.0.0.1:3306}, {@code root}, empty; override with
 * {@code bipin.test.mariadb.url}, {@code .user}, {@code .password} system properties.
 */
public final class MariaDb {

    public static final String SERVER_URL = System.getProperty("bipin.test.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/");
    public static final String USER = System.getProperty("bipin.test.mariadb.user", "root");
    public static final String PASSWORD = System.getProperty("bipin.test.mariadb.password", "");

    private static final Pattern SAFE_NAME = Pattern.compile("[a-z0-9_]{1,64}");

    /** Result of the first probe; the server's state does not change during one test JVM in practice. */
    private static volatile Probe probe;

    private MariaDb() {
    }

    /** Whether the server answers a login right now (probed once per JVM). */
    public static boolean available() {
        return probe().error() == null;
    }

    /** Whether a missing server must fail the build rather than skip the test. */
    public static boolean required() {
        return "required".equalsIgnoreCase(mode())
                || ("true".equalsIgnoreCase(System.getenv("CI")) && !"off".equalsIgnoreCase(mode()));
    }

    /**
     * Skips the calling test when MariaDB is off or unreachable, or fails it when MariaDB is required.
     * Call at the start of a MariaDB-backed test method; a class that needs MariaDB throughout is annotated
     * {@link NeedsMariaDb} (or is a {@link JobTest}) instead, which decides before its {@code @BeforeAll} and context.
     */
    public static void assumeOrFail() {
        skipReason().ifPresent(Assumptions::abort);
    }

    /**
     * Why MariaDB-backed tests cannot run now (off, or no server answers), in one line; empty when they can.
     *
     * @throws org.opentest4j.AssertionFailedError when the server does not answer but MariaDB is {@link #required()}
     */
    public static Optional<String> skipReason() {
        if ("off".equalsIgnoreCase(mode())) {
            return Optional.of("MariaDB tests are off (-Dbipin.test.mariadb=off)");
        }
        Probe p = probe();
        if (p.error() == null) {
            return Optional.empty();
        }
        if (required()) {
            fail("MariaDB is required (CI=true or -Dbipin.test.mariadb=required) but " + SERVER_URL
                    + " does not answer as user '" + USER + "': " + p.error()
                    + ". Start the server (e.g. start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd)"
                    + " or run with -Dbipin.test.mariadb=off.");
        }
        return Optional.of("MariaDB not reachable at " + SERVER_URL + " (" + p.error() + "); skipped");
    }

    /**
     * Creates a fresh, empty utf8mb4 database named {@code <prefix><random>} and returns its JDBC URL.
     * Skips or fails like {@link #assumeOrFail()} when the server is missing. Pair with {@link #drop(String)}.
     */
    public static String createDatabase(String prefix) {
        assumeOrFail();
        String name = checkedName(prefix.toLowerCase(Locale.ROOT) + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return SERVER_URL + name;
    }

    /** The database name in a URL made by {@link #createDatabase(String)}. */
    public static String databaseName(String url) {
        String rest = url.substring(SERVER_URL.length());
        int query = rest.indexOf('?');
        return query < 0 ? rest : rest.substring(0, query);
    }

    /** Drops a database made by {@link #createDatabase(String)}; accepts its name or its URL. */
    public static void drop(String nameOrUrl) {
        String name = nameOrUrl.startsWith("jdbc:") ? databaseName(nameOrUrl) : nameOrUrl;
        execute("DROP DATABASE IF EXISTS " + checkedName(name));
    }

    private static String mode() {
        return System.getProperty("bipin.test.mariadb", "auto");
    }

    private static Probe probe() {
        Probe p = probe;
        if (p == null) {
            try (Connection ignored = connect()) {
                p = new Probe(null);
            } catch (SQLException e) {
                p = new Probe(String.valueOf(e.getMessage()).replaceAll("\\s+", " ").trim());
            }
            probe = p;
        }
        return p;
    }

    private static Connection connect() throws SQLException {
        String separator = SERVER_URL.contains("?") ? "&" : "?";
        return DriverManager.getConnection(SERVER_URL + separator + "connectTimeout=3000", USER, PASSWORD);
    }

    private static void execute(String ddl) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(ddl);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB: " + ddl + " failed: " + e.getMessage(), e);
        }
    }

    private static String checkedName(String name) {
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a safe database name (expected [a-z0-9_], at most 64): " + name);
        }
        return name;
    }

    private record Probe(String error) {
    }

    /**
     * Runs a test class only when the server answers: otherwise skips it with a one-line reason (also printed, as
     * surefire's console does not show it), or fails it when MariaDB is {@linkplain #required() required}. Decided
     * once for the class, before its instance, its {@code @BeforeAll} or its Spring context.
     */
    public static final class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (context.getTestMethod().isPresent()) {
                return ConditionEvaluationResult.enabled("on MariaDB"); // decided for the whole class
            }
            String test = context.getRequiredTestClass().getSimpleName();
            return skipReason().map(reason -> {
                System.out.println("[SKIPPED] " + test + ": " + reason);
                return ConditionEvaluationResult.disabled(reason);
            }).orElseGet(() -> ConditionEvaluationResult.enabled("on MariaDB at " + SERVER_URL));
        }
    }
}
