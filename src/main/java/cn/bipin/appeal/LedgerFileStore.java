package cn.bipin.appeal;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The file table every record ledger keeps beside its rows (the appeal ledger's {@code appeal_file}, the project
 * lists' {@code project_file}): one row per distinct file by checksum, READING → ACCEPTED or REJECTED, and the highest
 * accepted version per record id. A ledger names its tables and columns and stores its own rows ({@link #insert}).
 *
 * @param <C> a row as checked
 */
public abstract class LedgerFileStore<C> implements LedgerFileIngest.Store<C> {

    protected final JdbcClient jdbc;
    private final String fileTable;
    private final String yearColumn;
    private final String rowTable;
    private final String idColumn;

    /**
     * @param fileTable  the ledger's file table, e.g. {@code appeal_file}
     * @param yearColumn its year column, e.g. {@code ledger_year}
     * @param rowTable   the ledger's row table (with {@code file_id}, {@code version}, {@code status})
     * @param idColumn   the record id column of the row table, e.g. {@code case_id}
     */
    protected LedgerFileStore(JdbcClient jdbc, String fileTable, String yearColumn, String rowTable, String idColumn) {
        this.jdbc = jdbc;
        this.fileTable = fileTable;
        this.yearColumn = yearColumn;
        this.rowTable = rowTable;
        this.idColumn = idColumn;
    }

    @Override
    public Optional<String> knownFile(String scheme, int year, String checksum) {
        return jdbc.sql("SELECT file_name FROM " + fileTable + " WHERE scheme = ? AND " + yearColumn + " = ? AND checksum = ?")
                .params(scheme, year, checksum).query(String.class).optional();
    }

    @Override
    public long registerFile(String scheme, int year, String fileName, String storedPath, String checksum, long size,
            LocalDateTime receivedAt, long runId) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO " + fileTable + " (scheme, " + yearColumn + """
                , file_name, stored_path, checksum, size_bytes, received_at,
                  registered_at, run_id, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'READING')""")
                .params(scheme, year, fileName, storedPath, checksum, size, Timestamp.valueOf(receivedAt),
                        Timestamp.valueOf(LocalDateTime.now()), runId)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    @Override
    public void rejectFile(long fileId, String error) {
        jdbc.sql("UPDATE " + fileTable + " SET status = 'REJECTED', error = ? WHERE id = ?").params(error, fileId).update();
    }

    @Override
    public void completeFile(long fileId, int accepted, int rejected) {
        jdbc.sql("UPDATE " + fileTable + " SET status = 'ACCEPTED', rows_accepted = ?, rows_rejected = ?"
                + " WHERE id = ? AND status = 'READING'").params(accepted, rejected, fileId).update();
    }

    /** Record id → its highest accepted version, over the scheme's ledger of the year. */
    @Override
    public Map<String, Integer> versions(String scheme, int year) {
        Map<String, Integer> versions = new HashMap<>();
        jdbc.sql("SELECT r." + idColumn + ", MAX(r.version) FROM " + rowTable + " r JOIN " + fileTable
                + " f ON f.id = r.file_id WHERE f.scheme = ? AND f." + yearColumn + " = ? AND r.status = 'ACCEPTED'"
                + " GROUP BY r." + idColumn)
                .params(scheme, year).query((ResultSet rs) -> {
                    versions.put(rs.getString(1), rs.getInt(2));
                });
        return versions;
    }
}
