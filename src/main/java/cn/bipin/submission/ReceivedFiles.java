package cn.bipin.submission;

import cn.bipin.jdbc.RecordRows;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import cn.bipin.run.IngestCounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code received_file} ledger: one row per distinct file content received for a scheme and period. */
@Repository
public class ReceivedFiles {

    private final JdbcClient jdbc;

    ReceivedFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A file as registered. */
    public record ReceivedFile(long id, String fileName, String storedPath, String checksum, long sizeBytes,
            LocalDateTime receivedAt, long runId, String unitCode, boolean late, String status, String error,
            int rowsAccepted, int rowsRejected) {
    }

    Optional<ReceivedFile> findByChecksum(String scheme, String period, String checksum) {
        return jdbc.sql("SELECT * FROM received_file WHERE scheme = :scheme AND period = :period AND checksum = :checksum")
                .param("scheme", scheme).param("period", period).param("checksum", checksum)
                .query(RecordRows.of(ReceivedFile.class)).optional();
    }

    long register(String scheme, String period, String fileName, String storedPath, String checksum, long size,
            LocalDateTime receivedAt, long runId, boolean late) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO received_file (scheme, period, file_name, stored_path, checksum, size_bytes, received_at,
                  registered_at, run_id, late, status)
                VALUES (:scheme, :period, :name, :stored, :checksum, :size, :receivedAt, :registeredAt, :run, :late,
                  'READING')""")
                .param("scheme", scheme).param("period", period).param("name", fileName).param("stored", storedPath)
                .param("checksum", checksum).param("size", size).param("receivedAt", Timestamp.valueOf(receivedAt))
                .param("registeredAt", Timestamp.valueOf(LocalDateTime.now())).param("run", runId).param("late", late)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void setUnit(long fileId, String unitCode) {
        jdbc.sql("UPDATE received_file SET unit_code = :unit WHERE id = :id AND unit_code IS NULL")
                .param("unit", unitCode).param("id", fileId).update();
    }

    void reject(long fileId, String error) {
        jdbc.sql("UPDATE received_file SET status = 'REJECTED', error = :error WHERE id = :id")
                .param("error", error).param("id", fileId).update();
    }

    /** Closes the run's files that were read to the end, and counts their rows. */
    void completeRun(long runId) {
        jdbc.sql("UPDATE received_file SET status = 'ACCEPTED' WHERE run_id = :run AND status = 'READING'")
                .param("run", runId).update();
        jdbc.sql("""
                UPDATE received_file SET
                  rows_accepted = (SELECT COUNT(*) FROM submission_row r WHERE r.file_id = received_file.id AND r.status = 'ACCEPTED'),
                  rows_rejected = (SELECT COUNT(*) FROM submission_row r WHERE r.file_id = received_file.id AND r.status = 'REJECTED')
                WHERE run_id = :run""").param("run", runId).update();
    }

    /** What a run's ingest received: files taken and refused whole, rows accepted and rejected. */
    IngestCounts counts(long runId) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(CASE WHEN status = 'ACCEPTED' THEN 1 ELSE 0 END), 0) AS files_accepted,
                       COALESCE(SUM(CASE WHEN status = 'REJECTED' THEN 1 ELSE 0 END), 0) AS files_rejected,
                       COALESCE(SUM(rows_accepted), 0) AS rows_accepted,
                       COALESCE(SUM(rows_rejected), 0) AS rows_rejected
                FROM received_file WHERE run_id = :run""").param("run", runId).query(RecordRows.of(IngestCounts.class)).single();
    }

    /** The period's files refused as a whole, oldest first. */
    List<ReceivedFile> refused(String scheme, String period) {
        return jdbc.sql("""
                SELECT * FROM received_file WHERE scheme = :scheme AND period = :period AND status = 'REJECTED'
                ORDER BY received_at, id""")
                .param("scheme", scheme).param("period", period).query(RecordRows.of(ReceivedFile.class)).list();
    }

    /** Every file received for a period, oldest first. */
    public List<ReceivedFile> forPeriod(String scheme, String period) {
        return jdbc.sql("SELECT * FROM received_file WHERE scheme = :scheme AND period = :period ORDER BY received_at, id")
                .param("scheme", scheme).param("period", period).query(RecordRows.of(ReceivedFile.class)).list();
    }

}
