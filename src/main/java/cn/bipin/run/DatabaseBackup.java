package cn.bipin.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A consistent copy of the embedded H2 database while it is in use ({@code BACKUP TO}: a zip of the database file as
 * of one moment), for {@code bipin backup}, {@code make backup} and the scheduler's daily backup. A MariaDB server is
 * backed up with the server's own tools.
 */
@Service
public class DatabaseBackup {

    private static final Logger log = LoggerFactory.getLogger(DatabaseBackup.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final BackupProperties props;

    DatabaseBackup(DataSource dataSource, JdbcClient jdbc, BackupProperties props) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.props = props;
    }

    /**
     * Writes {@code bipin-<yyyyMMdd-HHmmss>.zip} into the backup folder and deletes copies beyond the newest
     * {@link BackupProperties#keep()}.
     *
     * @return the copy
     * @throws RunRequestException (Chinese) when the database is not H2
     */
    public Path backup() {
        String product = product();
        if (!product.contains("H2")) {
            throw new RunRequestException("数据库是 " + product + "：请用服务器自带的工具备份（如 mariadb-dump --single-transaction bipin），"
                    + "bipin backup 只备份内置的 H2 数据库");
        }
        try {
            Files.createDirectories(props.dir());
            Path zip = props.dir().resolve("bipin-" + STAMP.format(LocalDateTime.now()) + ".zip").toAbsolutePath();
            Path part = zip.resolveSibling("." + zip.getFileName() + ".part");
            jdbc.sql("BACKUP TO '" + part.toString().replace("'", "''") + "'").update();
            Files.move(part, zip); // a copy interrupted half-way never looks like a good one
            prune();
            log.info("数据库已备份到 {}（{} 字节）", zip, Files.size(zip));
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the database is the embedded H2 one this class backs up. */
    public boolean embedded() {
        return product().contains("H2");
    }

    /** The copies there are, newest first. */
    public List<Path> copies() {
        if (!Files.isDirectory(props.dir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(props.dir())) {
            return files.filter(f -> f.getFileName().toString().matches("bipin-\\d{8}-\\d{6}\\.zip"))
                    .sorted(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void prune() throws IOException {
        List<Path> copies = copies();
        for (Path old : copies.subList(Math.min(copies.size(), Math.max(1, props.keep())), copies.size())) {
            Files.deleteIfExists(old);
        }
    }

    private String product() {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
