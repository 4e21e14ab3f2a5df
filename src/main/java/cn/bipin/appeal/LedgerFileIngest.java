package cn.bipin.appeal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.bipin.inbox.InboxFiles;

/**
 * The ingest every record ledger shares (the appeal ledger, the project lists): the new files of its inbox folder,
 * oldest first, each distinct file once (an identical copy is a duplicate, skipped), archived by checksum, every row
 * stored as received, accepted as the next version of its record id or rejected with its reason. One bad file never
 * stops the others. A file's received time is its modification time in the office's zone.
 *
 * @param <C> a row as checked: the record it holds, or the reason it was refused
 */
public final class LedgerFileIngest<C> {

    private static final Logger log = LoggerFactory.getLogger(LedgerFileIngest.class);
    static final int CHUNK = 1000;

    /** What one ingest read. */
    public record Counts(int files, int filesRejected, int duplicates, int rowsAccepted, int rowsRejected) {

        public static final Counts NONE = new Counts(0, 0, 0, 0, 0);
    }

    /** Where a ledger's files are stored: files by checksum, rows by chunk, the highest version per record id. */
    public interface Store<C> {

        /** The name of an earlier file with this checksum, if one was read. */
        Optional<String> knownFile(String scheme, int year, String checksum);

        /** Record id → its highest stored version. */
        Map<String, Integer> versions(String scheme, int year);

        long registerFile(String scheme, int year, String fileName, String storedPath, String checksum, long size,
                LocalDateTime receivedAt, long runId);

        void insert(long fileId, List<C> rows, List<Integer> versions);

        void completeFile(long fileId, int accepted, int rejected);

        void rejectFile(long fileId, String error);
    }

    /** Checks one row of a ledger file. */
    public interface Checker<C> {

        C check(LedgerTable table, LedgerTable.LedgerRow row);

        /** The record id of an accepted row; null when the row was refused. */
        String acceptedId(C checked);
    }

    /**
     * What a ledger is, for its files and messages.
     *
     * @param title    the ledger's name in log lines, e.g. 企业诉求台账
     * @param fileKind what its files are called in messages, e.g. 台账文件
     * @param columns  the columns a file must have
     * @param sheet    the sheet an .xlsx file holds them in
     */
    public record Ledger(String title, String fileKind, List<LedgerColumn> columns, String sheet) {
    }

    private final Ledger ledger;
    private final Store<C> store;
    private final ZoneId zone;

    public LedgerFileIngest(Ledger ledger, Store<C> store, ZoneId zone) {
        this.ledger = ledger;
        this.store = store;
        this.zone = zone;
    }

    /** Reads the new files of {@code inbox}, archiving each under {@code archive}. */
    public Counts ingest(String scheme, int year, Path inbox, Path archive, Checker<C> checker, long runId) {
        Map<String, Integer> versions = store.versions(scheme, year);
        int files = 0;
        int refused = 0;
        int duplicates = 0;
        int accepted = 0;
        int rejected = 0;
        for (Path path : InboxFiles.list(inbox)) {
            String name = path.getFileName().toString();
            String checksum = InboxFiles.sha256(path);
            Optional<String> known = store.knownFile(scheme, year, checksum);
            if (known.isPresent()) {
                duplicates++;
                log.debug("跳过 {}：与已接收的{} {} 内容完全相同", InboxFiles.printable(name), ledger.fileKind(),
                        InboxFiles.printable(known.get()));
                continue;
            }
            long fileId;
            try {
                LocalDateTime receivedAt = LocalDateTime.ofInstant(Files.getLastModifiedTime(path).toInstant(), zone);
                Path stored = archive.resolve(InboxFiles.archiveName(checksum, name));
                Files.createDirectories(stored.getParent());
                Files.copy(path, stored, StandardCopyOption.REPLACE_EXISTING);
                fileId = store.registerFile(scheme, year, name, stored.toString(), checksum, Files.size(path), receivedAt,
                        runId);
            } catch (IOException e) {
                throw new UncheckedIOException("无法读取" + ledger.fileKind() + " " + path, e);
            }
            files++;
            Map<String, Integer> fileVersions = new HashMap<>();
            int[] counts = new int[2];
            try (LedgerTable table = LedgerTable.open(path, ledger.columns(), ledger.sheet())) {
                List<C> chunk = new ArrayList<>(CHUNK);
                List<Integer> chunkVersions = new ArrayList<>(CHUNK);
                LedgerTable.LedgerRow row;
                while ((row = table.next()) != null) {
                    C checked = checker.check(table, row);
                    String id = checker.acceptedId(checked);
                    int version = 0;
                    if (id != null) {
                        version = fileVersions.getOrDefault(id, versions.getOrDefault(id, 0)) + 1;
                        fileVersions.put(id, version);
                        counts[0]++;
                    } else {
                        counts[1]++;
                    }
                    chunk.add(checked);
                    chunkVersions.add(version);
                    if (chunk.size() == CHUNK) {
                        store.insert(fileId, chunk, chunkVersions);
                        chunk.clear();
                        chunkVersions.clear();
                    }
                }
                if (!chunk.isEmpty()) {
                    store.insert(fileId, chunk, chunkVersions);
                }
                if (counts[0] + counts[1] == 0) {
                    throw new LedgerFileRejectedException("文件中没有任何数据行");
                }
            } catch (LedgerFileRejectedException e) {
                refuse(fileId, name, e.reason());
                refused++;
                continue;
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                // whatever one file does to its reader, the other files are still read (DOMAIN §8)
                log.warn("{} {} could not be read", ledger.fileKind(), InboxFiles.printable(name), e);
                refuse(fileId, name, "文件无法继续读取（" + (e instanceof OutOfMemoryError ? "文件内容过大，超出可用内存"
                        : e.getClass().getSimpleName()) + "），请重新保存后再报送");
                refused++;
                continue;
            }
            versions.putAll(fileVersions);
            store.completeFile(fileId, counts[0], counts[1]);
            accepted += counts[0];
            rejected += counts[1];
        }
        if (files > 0) {
            log.info("{}：新文件 {} 个（整份退回 {} 个），采用 {} 行，退回 {} 行；已读过的文件 {} 个未再读取", ledger.title(), files,
                    refused, accepted, rejected, duplicates);
        } else if (duplicates > 0) {
            log.info("{}：没有新文件（{} 个文件此前已读取）", ledger.title(), duplicates);
        }
        return new Counts(files, refused, duplicates, accepted, rejected);
    }

    private void refuse(long fileId, String name, String reason) {
        log.info("退回整个{} {}：{}", ledger.fileKind(), InboxFiles.printable(name), reason);
        store.rejectFile(fileId, "文件 " + InboxFiles.printable(name) + "：" + reason);
    }
}
