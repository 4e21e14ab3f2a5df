package cn.bipin.liaison;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.bipin.inbox.InboxFiles;
import cn.bipin.inbox.InboxProperties;
import cn.bipin.scheme.Scheme;

/**
 * Reads the scheme's liaison inbox ({@code <inbox>/<scheme>/liaison/}) with the submission rules: every new file is
 * archived by checksum and registered, every row kept as received with its status and reasons; an accepted row is
 * the next version of its record id. A file already read (same content) is not read again. Assignment files are read
 * before visit and problem files, whose rows must name a known assignment. One bad file never stops the others.
 */
@Service
class LiaisonIngest {

    private static final Logger log = LoggerFactory.getLogger(LiaisonIngest.class);
    private static final int BATCH = 5000;
    /** The width of {@code liaison_row.raw} and {@code .error}. */
    static final int MAX_RAW = 4000;
    /** Rows one file may hold: a ledger of a district is thousands; more is not a liaison file. */
    static final int MAX_ROWS = 200_000;

    private final LiaisonStore store;
    private final InboxProperties inbox;

    LiaisonIngest(LiaisonStore store, InboxProperties inbox) {
        this.store = store;
        this.inbox = inbox;
    }

    Path inboxDir(String scheme) {
        return inbox.dir().resolve(scheme).resolve("liaison");
    }

    void ingest(Scheme scheme, long runId) {
        Path dir = inboxDir(scheme.id());
        List<Path> files = new ArrayList<>(InboxFiles.list(dir));
        // assignments first, so visits and problems of the same delivery find them; time order kept within a kind
        files.sort(Comparator.comparingInt(f -> LiaisonKind.fromFileName(f.getFileName().toString())
                .map(Enum::ordinal).orElse(LiaisonKind.values().length)));
        log.info("包联台账收件箱 {}：{} 个文件", dir, files.size());
        Set<String> assignments = null;
        for (Path file : files) {
            String checksum = InboxFiles.sha256(file);
            if (store.knownFile(scheme.id(), checksum)) {
                continue;
            }
            String name = file.getFileName().toString();
            long fileId = store.registerFile(scheme.id(), name, archive(file, checksum).toString(), checksum, size(file),
                    modified(file), runId);
            LiaisonKind kind = LiaisonKind.fromFileName(name).orElse(null);
            try {
                if (kind == null) {
                    throw new LiaisonFileException(name, "从文件名看不出是哪类台账：文件名应含“包联”“走访”或“问题”"
                            + "（或 assignments、visits、problems）");
                }
                if (kind != LiaisonKind.ASSIGNMENT && assignments == null) {
                    assignments = new HashSet<>();
                    for (LiaisonStore.Latest a : store.latest(scheme.id(), LiaisonKind.ASSIGNMENT.key)) {
                        assignments.add(a.recordId());
                    }
                }
                int[] counts = read(scheme, file, kind, fileId, assignments);
                store.completeFile(fileId, kind.key, counts[0], counts[1]);
            } catch (LiaisonFileException e) {
                store.rejectFile(fileId, kind == null ? null : kind.key, clip(e.getMessage()));
                log.warn("退回整个文件 {}", e.getMessage());
            }
        }
    }

    /** Reads one file's rows into the ledger in batches; returns {accepted, rejected}. */
    private int[] read(Scheme scheme, Path file, LiaisonKind kind, long fileId, Set<String> assignments) {
        String name = file.getFileName().toString();
        int accepted = 0;
        int rejected = 0;
        int rows = 0;
        Map<String, Integer> versions = store.versions(scheme.id(), kind.key);
        Map<String, Integer> firstRow = new HashMap<>();
        List<LiaisonStore.RowRecord> batch = new ArrayList<>();
        int assignmentColumn = kind == LiaisonKind.ASSIGNMENT ? -1 : kind.index("assignment_id");
        try (LiaisonSource source = LiaisonSource.open(file, kind)) {
            LiaisonRows checker = LiaisonRows.of(kind, source.header(), name, scheme);
            LiaisonSource.SourceRow row;
            while ((row = source.next()) != null) {
                if (++rows > MAX_ROWS) {
                    throw new LiaisonFileException(name, "超过 " + MAX_ROWS + " 行，不像是包联台账；请检查文件后分批报送");
                }
                LiaisonRows.Checked checked = checker.check(row.rowNo(), row.cells());
                List<String> errors = new ArrayList<>(checked.errors());
                String id = checked.recordId();
                if (checked.ok()) {
                    Integer earlier = firstRow.putIfAbsent(id, row.rowNo());
                    if (earlier != null) {
                        errors.add(checker.where(row.rowNo(), 0) + "'" + id + "' 与第" + earlier
                                + "行重复（同一文件中每个编号只能有一行；更正请另交新文件）");
                    } else if (assignmentColumn >= 0 && !assignments.contains(checked.cells()[assignmentColumn])) {
                        errors.add(checker.where(row.rowNo(), assignmentColumn) + "'" + checked.cells()[assignmentColumn]
                                + "' 不是已登记的包联编号（请先报送包联对象，或核对编号）");
                    }
                }
                String raw = LiaisonRows.join(checked.typed());
                String cells = LiaisonRows.join(checked.cells());
                if (raw.length() > MAX_RAW || cells.length() > MAX_RAW) {
                    errors.add("文件 " + name + " 第" + row.rowNo() + "行：共 " + raw.length() + " 个字符，超过每行 " + MAX_RAW
                            + " 个字符的上限，请检查是否有单元格粘贴了大段文字");
                    raw = raw.length() > MAX_RAW ? raw.substring(0, MAX_RAW) : raw;
                }
                Integer version = null;
                if (errors.isEmpty()) {
                    accepted++;
                    version = versions.merge(id, 1, Integer::sum);
                    if (kind == LiaisonKind.ASSIGNMENT && assignments != null) {
                        assignments.add(id);
                    }
                } else {
                    rejected++;
                }
                batch.add(new LiaisonStore.RowRecord(fileId, kind.key, row.rowNo(), id, version, raw,
                        errors.isEmpty() ? cells : null, errors.isEmpty() ? "ACCEPTED" : "REJECTED", errors.isEmpty() ? null : clip(String.join("；", errors))));
                if (batch.size() == BATCH) {
                    store.insertRows(scheme.id(), batch);
                    batch.clear();
                }
            }
            store.insertRows(scheme.id(), batch);
        }
        log.info("{}（{}）：采用 {} 行，退回 {} 行", name, kind.label, accepted, rejected);
        return new int[] {accepted, rejected};
    }

    private static String clip(String s) {
        return s == null || s.length() <= MAX_RAW ? s : s.substring(0, MAX_RAW - 1) + "…";
    }

    private Path archive(Path file, String checksum) {
        Path target = inbox.archive().resolve("liaison").resolve(InboxFiles.archiveName(checksum, file.getFileName().toString()));
        try {
            Files.createDirectories(target.getParent());
            if (!Files.exists(target)) {
                Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive " + file, e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalDateTime modified(Path file) {
        try {
            return LocalDateTime.ofInstant(Files.getLastModifiedTime(file).toInstant(), ZoneId.systemDefault());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
