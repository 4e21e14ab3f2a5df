package cn.bipin.testsupport;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * Databases migrated by Flyway from the project's {@code sql/} folders, exactly as the application
 * will migrate them, so tests run against the real schema rather than a hand-made copy.
 */
public final class Migrated {

    /** The H2 options that make H2 behave like MariaDB (see PITFALLS.md). */
    public static final String H2_OPTIONS = ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1";

    private Migrated() {
    }

    /** A fresh, private in-memory H2 database with every migration applied. */
    public static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "") + H2_OPTIONS);
        ds.setUser("sa");
        migrate(ds, "h2");
        return ds;
    }

    /** A data source for a database made by {@link MariaDb#createDatabase(String)}, with every migration applied. */
    public static DataSource mariaDb(String url) {
        try {
            MariaDbDataSource ds = new MariaDbDataSource(url);
            ds.setUser(MariaDb.USER);
            ds.setPassword(MariaDb.PASSWORD);
            migrate(ds, "mariadb");
            return ds;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Bad MariaDB URL " + url, e);
        }
    }

    /** Applies {@code sql/common} and {@code sql/<vendor>} (paths relative to the project directory). */
    public static MigrateResult migrate(DataSource dataSource, String vendor) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("filesystem:sql/common", "filesystem:sql/" + vendor)
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }
}
