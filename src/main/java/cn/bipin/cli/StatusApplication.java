package cn.bipin.cli;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.ResourceBundle;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Import;

import picocli.CommandLine;

import cn.bipin.delivery.DeliveryService;
import cn.bipin.evaluation.EvaluationResults;
import cn.bipin.incentive.IncentiveStore;
import cn.bipin.mailbox.CollectedMailRepository;
import cn.bipin.run.RunRepository;

/**
 * {@code status} without the batch context: it reads a few tables, so it starts the data source and the five readers
 * {@link StatusCommand} needs — no Spring Batch, Quartz, mail, schemes, reports, nor Flyway (its scan and validation
 * cost half a second). The whole application starts instead, and answers, when the database is not at the latest
 * migration (a fresh database, or a new version of Bipin: Flyway migrates it first) or when a run is STARTED
 * (running, or left by a killed process: {@code StaleRunRecovery} marks a dead run failed before it is listed). Not a {@code @Configuration}:
 * the whole application's component scan must not pick it up (it would import the readers a second time).
 */
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
        DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class})
@ConfigurationPropertiesScan(basePackageClasses = DeliveryService.class)
@Import({RunRepository.class, EvaluationResults.class, IncentiveStore.class, DeliveryService.class,
        CollectedMailRepository.class})
public class StatusApplication {

    /** Whether the arguments ask for {@code status}, which this light context can answer. */
    public static boolean handles(String[] args) {
        return args.length > 0 && args[0].equals("status");
    }

    /**
     * Prints the status table and returns the exit code, or empty when a run is STARTED and the whole application
     * must start (to recover a dead run first).
     */
    public static OptionalInt run(String[] args) {
        return run(args, new String[0]);
    }

    /** As {@link #run(String[])}, with Spring properties given as {@code --name=value} (tests: the database). */
    static OptionalInt run(String[] args, String... springArgs) {
        SpringApplication app = new SpringApplication(StatusApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setLazyInitialization(true);
        try (ConfigurableApplicationContext context = app.run(springArgs)) {
            if (!schemaCurrent(context) || !context.getBean(RunRepository.class).started().isEmpty()) {
                return OptionalInt.empty();
            }
            CommandLine status = new CommandLine(StatusCommand.class, context.getAutowireCapableBeanFactory()::createBean)
                    .setCommandName("bipin status")
                    .setResourceBundle(ResourceBundle.getBundle("bipin-cli"))
                    .setExecutionExceptionHandler(new ErrorHandler())
                    .setParameterExceptionHandler(new ErrorHandler());
            return OptionalInt.of(status.execute(Arrays.copyOfRange(args, 1, args.length)));
        }
    }

    /** Whether Flyway has applied the latest migration shipped for this database (common and vendor folders). */
    static boolean schemaCurrent(ConfigurableApplicationContext context) {
        String url = context.getEnvironment().getProperty("spring.datasource.url", "");
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
            List<Integer> applied = context.getBean(JdbcClient.class)
                    .sql("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")
                    .query((rs, i) -> rs.getBoolean("success") ? Integer.parseInt(rs.getString("version")) : 0).list();
            return latest > 0 && applied.stream().mapToInt(Integer::intValue).max().orElse(0) >= latest;
        } catch (IOException | NumberFormatException | DataAccessException e) {
            return false; // no history table yet, or a version this check does not read: Flyway decides
        }
    }
}
