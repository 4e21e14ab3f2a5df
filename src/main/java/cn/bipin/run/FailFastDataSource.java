package cn.bipin.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Once the database could not be reached, every further request for a connection fails at once for a short while,
 * instead of each waiting out the pool's timeout: a run whose database went away has a dozen statements still to
 * try (Spring Batch's bookkeeping, the run's row, the lock), and the statistician should hear of it in seconds.
 */
final class FailFastDataSource extends DelegatingDataSource {

    /** How long a failed connection attempt stands for the database being down. */
    static final Duration DOWN = Duration.ofSeconds(10);

    private volatile long downUntil;
    private volatile SQLException last;

    FailFastDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return guard(() -> super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return guard(() -> super.getConnection(username, password));
    }

    private Connection guard(Opener opener) throws SQLException {
        SQLException down = last;
        if (down != null && System.nanoTime() - downUntil < 0) {
            throw new SQLTransientConnectionException("Connection is not available: " + down.getMessage(), down);
        }
        try {
            Connection c = opener.open();
            last = null;
            return c;
        } catch (SQLException e) {
            last = e;
            downUntil = System.nanoTime() + DOWN.toNanos();
            throw e;
        }
    }

    @FunctionalInterface
    private interface Opener {
        Connection open() throws SQLException;
    }

    /** Wraps the application's data source. */
    @Component
    static class Wrapper implements BeanPostProcessor {

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            return bean instanceof DataSource ds && !(bean instanceof FailFastDataSource) && beanName.equals("dataSource")
                    ? new FailFastDataSource(ds) : bean;
        }
    }
}
