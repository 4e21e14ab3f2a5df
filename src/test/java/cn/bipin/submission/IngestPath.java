package cn.bipin.submission;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;

/**
 * The ingest step's per-row path for {@code make bench} ({@code cn.bipin.bench.IngestBench}): each row through
 * {@link SubmissionValidator}, each chunk stored by {@link SubmissionRows#insert} in one transaction, as the chunk step
 * does (without the file readers and Spring Batch's bookkeeping).
 */
public final class IngestPath {

    /** One row as a unit's file gives it. */
    public record Row(long fileId, int rowNo, String unit, String dimension, String value) {
    }

    private IngestPath() {
    }

    /** Validates and stores the rows in chunks; returns the records as stored (accepted and rejected). */
    public static int[] validateAndInsert(javax.sql.DataSource ds, Scheme scheme, Period period, List<Row> rows,
            int chunk) {
        SubmissionValidator validator = new SubmissionValidator(scheme, period, Map.of());
        SubmissionRows store = new SubmissionRows(JdbcClient.create(ds), new JdbcTemplate(ds));
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        int[] counts = new int[2];
        for (int from = 0; from < rows.size(); from += chunk) {
            List<SubmissionRecord> records = new ArrayList<>(chunk);
            for (Row r : rows.subList(from, Math.min(rows.size(), from + chunk))) {
                SubmissionRecord rec = validator.process(item(period, r));
                counts[rec.status() == SubmissionRecord.Status.ACCEPTED ? 0 : 1]++;
                records.add(rec);
            }
            tx.executeWithoutResult(s -> store.insert(records));
        }
        return counts;
    }

    /** The records the validator makes of the rows (not timed: the baseline inserts exactly these). */
    public static List<Object[]> records(Scheme scheme, Period period, List<Row> rows) {
        SubmissionValidator validator = new SubmissionValidator(scheme, period, Map.of());
        List<Object[]> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            SubmissionRecord s = validator.process(item(period, r));
            out.add(new Object[] {s.fileId(), s.rowNo(), s.sheet(), s.col(), s.unitCode(), s.period(), s.dimensionCode(),
                    s.rawValue(), s.note(), s.value(), s.status().name(), s.error(), s.remark()});
        }
        return out;
    }

    private static InboxItem item(Period period, Row r) {
        return new InboxItem(r.fileId(), "bench.csv", new RawRow("bench.csv", null, r.rowNo(), null, r.unit(),
                period.code(), r.dimension(), r.value(), new BigDecimal(r.value()), false, null));
    }
}
