package cn.bipin.cli;

import java.io.IOException;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.ResourceBundle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.AutowiredAnnotationBeanPostProcessor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import picocli.CommandLine;

import cn.bipin.delivery.DeliveryProperties;
import cn.bipin.run.RunRepository;

/**
 * {@code status} without an application context: it reads a few tables, so it loads the configuration as Spring Boot
 * does ({@code application.yml}, the environment, {@code --name=value}), opens one connection and builds the five readers
 * {@link StatusCommand} needs in a bare bean factory — no auto-configuration, component scan, connection pool, Spring
 * Batch, Quartz, mail, schemes, reports, nor Flyway. (A light application context with six auto-configurations took
 * about half of status's second.) The whole application starts instead, and answers, when the database is not at the
 * latest migration (a fresh database, or a new version of Bipin: Flyway migrates it first), cannot be reached (the
 * whole application tells why in one line), or when a run is STARTED (running, or left by a killed process:
 * {@code StaleRunRecovery} marks a dead run failed before it is listed).
 */
public final class StatusApplication {

    private StatusApplication() {
    }

    /** Whether the arguments ask for {@code status}, which this light path can answer. */
    public static boolean handles(String[] args) {
        return args.length > 0 && args[0].equals("status");
    }

    /**
     * Prints the status table and returns the exit code, or empty when the whole application must answer (see the
     * class comment).
     */
    public static OptionalInt run(String[] args) {
        return run(args, new String[0]);
    }

    /** As {@link #run(String[])}, with Spring properties given as {@code --name=value} (tests: the database). */
    static OptionalInt run(String[] args, String... springArgs) {
        quietLogging();
        StandardEnvironment env = new StandardEnvironment();
        if (springArgs.length > 0) {
            env.getPropertySources().addFirst(new SimpleCommandLinePropertySource(springArgs));
        }
        ConfigDataEnvironmentPostProcessor.applyTo(env);
        String url = env.getProperty("spring.datasource.url", "");
        // a database that went away is reported as soon as the whole application's pool would (its connection-timeout)
        long timeoutMillis = env.getProperty("spring.datasource.hikari.connection-timeout", Long.class, 30_000L);
        DriverManager.setLoginTimeout((int) Math.max(1, (timeoutMillis + 999) / 1000));
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url,
                env.getProperty("spring.datasource.username"), env.getProperty("spring.datasource.password"), true);
        try {
            DefaultListableBeanFactory beans = readers(dataSource, Binder.get(env).bindOrCreate(
                    MergedAnnotations.from(DeliveryProperties.class).get(ConfigurationProperties.class).getString("prefix"),
                    DeliveryProperties.class));
            if (!schemaCurrent(url, beans.getBean(JdbcClient.class))
                    || !beans.getBean(RunRepository.class).started().isEmpty()) {
                return OptionalInt.empty();
            }
            CommandLine status = new CommandLine(StatusCommand.class, beans::createBean)
                    .setCommandName("bipin status")
                    .setResourceBundle(ResourceBundle.getBundle("bipin-cli"))
                    .setExecutionExceptionHandler(new ErrorHandler())
                    .setParameterExceptionHandler(new ErrorHandler());
            return OptionalInt.of(status.execute(Arrays.copyOfRange(args, 1, args.length)));
        } catch (DataAccessException e) {
            return OptionalInt.empty(); // unreachable, or a table this version does not know: the whole application tells
        } finally {
            dataSource.destroy();
        }
    }

    /**
     * The readers {@link StatusCommand}'s constructor takes, over one connection, constructed as the application
     * context would (constructor injection).
     */
    private static DefaultListableBeanFactory readers(SingleConnectionDataSource dataSource, DeliveryProperties mail) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        AutowiredAnnotationBeanPostProcessor autowiring = new AutowiredAnnotationBeanPostProcessor();
        autowiring.setBeanFactory(beans);
        beans.addBeanPostProcessor(autowiring);
        JdbcTemplate template = new JdbcTemplate(dataSource);
        beans.registerSingleton("dataSource", dataSource);
        beans.registerSingleton("jdbcTemplate", template);
        beans.registerSingleton("jdbcClient", JdbcClient.create(template));
        beans.registerSingleton("transactionManager", new DataSourceTransactionManager(dataSource));
        beans.registerSingleton("deliveryProperties", mail);
        for (Class<?> reader : StatusCommand.class.getDeclaredConstructors()[0].getParameterTypes()) {
            beans.registerBeanDefinition(reader.getName(), new RootBeanDefinition(reader));
        }
        return beans;
    }

    /**
     * Errors only (Boot's logging system is not started here): whatever goes wrong on this path is answered by the
     * whole application, which tells it; a driver's warning on the way (MariaDB logs "Table … doesn't exist" for a new
     * database's history table) would only alarm the statistician.
     */
    private static void quietLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.ERROR);
        }
    }

    /** Whether Flyway has applied the latest migration shipped for this database (common and vendor folders). */
    static boolean schemaCurrent(String url, JdbcClient jdbc) {
        String vendor = DatabaseDriver.fromJdbcUrl(url).getId();
        int latest = 0;
        try {
            var resolver = new PathMatchingResourcePatternResolver();
            for (String folder : new String[] {"common", vendor}) {
                for (Resource r : resolver.getResources("classpath*:db/migration/" + folder + "/V*__*.sql")) {
                    String name = r.getFilename();
                    latest = Math.max(latest, Integer.parseInt(name.substring(1, name.indexOf("__"))));
                }
            }
            List<Integer> applied = jdbc.sql("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")
                    .query((rs, i) -> rs.getBoolean("success") ? Integer.parseInt(rs.getString("version")) : 0).list();
            return latest > 0 && applied.stream().mapToInt(Integer::intValue).max().orElse(0) >= latest;
        } catch (IOException | NumberFormatException | DataAccessException e) {
            return false; // no history table yet, or a version this check does not read: Flyway decides
        }
    }
}
