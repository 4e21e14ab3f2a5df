package cn.bipin.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import cn.bipin.scheme.Competition;
import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Dimension;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeLoader;
import cn.bipin.submission.IngestPath;

/**
 * Ingest's per-row path (validator + {@code SubmissionRows.insert}) against a plain JDBC batch insert of the same
 * records into the same database, rows/s, min and median over 3 rounds, printed as one {@code TABLE|} line of
 * {@code make bench}'s summary. Run by {@code make bench}; never a test.
 *
 * <p>Usage: {@code IngestBench <scheme file> <period> <rows> <chunk> <jdbc url> [<vendor: h2|mariadb>]}
 */
public final class IngestBench {

    private static final String INSERT = """
            INSERT INTO submission_row (file_id, row_no, sheet, col, unit_code, period, dimension_code,
              raw_value, note, input_value, status, error, remark) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private IngestBench() {
    }

    public static void main(String[] args) throws Exception {
        Scheme scheme = SchemeLoader.load(Path.of(args[0]));
        Period period = Period.parse(args[1]);
        int n = Integer.parseInt(args[2]);
        int chunk = Integer.parseInt(args[3]);
        String url = args[4];
        String vendor = args.length > 5 ? args[5] : "h2";
        SingleConnectionDataSource ds = new SingleConnectionDataSource(url, "root", "", true);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .cleanDisabled(false).load().migrate();
        // every participant × its dimensions of the period's cycle, one file per round of pairs: all rows valid
        List<String[]> pairs = new ArrayList<>();
        for (Competition c : scheme.competitions(period.cycle())) {
            for (String unit : c.participants()) {
                for (Dimension d : c.dimensions()) {
                    pairs.add(new String[] {unit, d.code()});
                }
            }
        }
        int files = (n + pairs.size() - 1) / pairs.size();
        List<IngestPath.Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String[] p = pairs.get(i % pairs.size());
            rows.add(new IngestPath.Row(i / pairs.size() + 1, i % pairs.size() + 1, p[0], p[1], "1" + (i % 97) + ".5"));
        }
        List<Object[]> records = IngestPath.records(scheme, period, rows);
        double[] bipin = new double[3];
        double[] plain = new double[3];
        int[] counts = null;
        for (int round = 0; round < 3; round++) {
            reset(ds, scheme, period, files);
            long t0 = System.nanoTime();
            counts = IngestPath.validateAndInsert(ds, scheme, period, rows, chunk);
            bipin[round] = n / ((System.nanoTime() - t0) / 1e9);
            reset(ds, scheme, period, files);
            t0 = System.nanoTime();
            plainInsert(ds, records, chunk);
            plain[round] = n / ((System.nanoTime() - t0) / 1e9);
        }
        Arrays.sort(bipin);
        Arrays.sort(plain);
        // one line of make bench's summary table (medians; see bench.sh)
        System.out.printf("TABLE|ingest per-row path (validate + insert), %s, %,d rows (%,d accepted, %,d rejected), chunk %d"
                + "|%,.0f rows/s (min %,.0f)|plain JDBC batch insert %,.0f rows/s (min %,.0f)|%.2f%n", vendor, n,
                counts[0], counts[1], chunk, bipin[1], bipin[0], plain[1], plain[0], bipin[1] / plain[1]);
        ds.destroy();
    }

    private static void reset(DataSource ds, Scheme scheme, Period period, int files) {
        JdbcTemplate t = new JdbcTemplate(ds);
        t.update("DELETE FROM submission_row");
        t.update("DELETE FROM received_file");
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        List<Object[]> ledger = new ArrayList<>();
        for (long id = 1; id <= files; id++) {
            ledger.add(new Object[] {id, scheme.id(), period.code(), "bench-" + id + ".csv", "-", String.format("%064d", id), 0L, now,
                    now, 0L, "ACCEPTED"});
        }
        t.batchUpdate("""
                INSERT INTO received_file (id, scheme, period, file_name, stored_path, checksum, size_bytes, received_at,
                  registered_at, run_id, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", ledger);
    }

    /** The yardstick: one prepared statement, addBatch per row, executeBatch and commit per chunk. */
    private static void plainInsert(DataSource ds, List<Object[]> records, int chunk) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            c.setAutoCommit(false);
            int inBatch = 0;
            for (Object[] r : records) {
                for (int i = 0; i < r.length; i++) {
                    if (r[i] == null) {
                        ps.setNull(i + 1, i == 9 ? Types.DECIMAL : Types.VARCHAR);
                    } else {
                        ps.setObject(i + 1, r[i]);
                    }
                }
                ps.addBatch();
                if (++inBatch == chunk) {
                    ps.executeBatch();
                    c.commit();
                    inBatch = 0;
                }
            }
            ps.executeBatch();
            c.commit();
            c.setAutoCommit(true);
        }
    }
}
