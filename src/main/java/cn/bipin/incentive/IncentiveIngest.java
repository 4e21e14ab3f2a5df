package cn.bipin.incentive;

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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.bipin.inbox.InboxFiles;
import cn.bipin.inbox.InboxProperties;
import cn.bipin.inbox.ValueParser;

/**
 * Reads a period's incentive inbox ({@code <inbox>/<scheme>/incentives/<period>/}): every new file is archived by
 * checksum and registered, every row is kept as received with its status and reasons, and a later file's row for a
 * subject supersedes an earlier one. A file already read (same content) is not read again on a re-run.
 */
@Service
class IncentiveIngest {

    private static final Logger log = LoggerFactory.getLogger(IncentiveIngest.class);
    private static final int BATCH = 5000;
    /** The width of {@code incentive_row.raw} and {@code .error}. */
    static final int MAX_RAW = 4000;

    private final IncentiveStore store;
    private final InboxProperties inbox;

    IncentiveIngest(IncentiveStore store, InboxProperties inbox) {
        this.store = store;
        this.inbox = inbox;
    }

    Path inboxDir(String scheme, String period) {
        return inbox.dir().resolve(scheme).resolve("incentives").resolve(period);
    }

    /** Whether any data file has arrived for the period: waiting in its inbox folder, or received before. */
    boolean anyReceived(String scheme, String period) {
        return !InboxFiles.list(inboxDir(scheme, period)).isEmpty() || store.anyFile(scheme, period);
    }

    /** Stores every new file of the period's inbox and its rows; the run's totals are counted from what was stored. */
    void ingest(String scheme, String period, long runId) {
        Path dir = inboxDir(scheme, period);
        List<Path> files = InboxFiles.list(dir);
        log.info("企业奖励收件箱 {}：{} 个文件", dir, files.size());
        for (Path file : files) {
            String checksum = InboxFiles.sha256(file);
            if (store.findFile(scheme, period, checksum).isPresent()) {
                continue;
            }
            String name = file.getFileName().toString();
            Path archived = archive(file, checksum);
            long fileId = store.registerFile(scheme, period, name, archived.toString(), checksum, size(file),
                    modified(file), runId);
            Entity entity = Entity.fromFileName(name).orElse(null);
            try {
                if (entity == null) {
                    throw new DataFileException(name, "从文件名看不出是哪类数据：文件名应含“企业”“楼宇”“项目”“招商推荐”或“农业”"
                            + "（或 enterprises、buildings、projects、referrals、agri）");
                }
                int[] counts = read(scheme, period, file, entity, fileId);
                store.completeFile(fileId, entity.key, counts[0], counts[1]);
                int superseded = store.hasEarlierRows(scheme, period, entity.key, fileId)
                        ? store.supersede(scheme, period, entity.key, fileId) : 0;
                if (superseded > 0) {
                    log.info("{}：更正了此前收到的 {} 行{}数据", name, superseded, entity.label);
                }
            } catch (DataFileException e) {
                store.rejectFile(fileId, entity == null ? null : entity.key, e.getMessage());
                log.warn("退回整个文件 {}", e.getMessage());
            }
        }

    }

    /** Reads one file's rows into the database in batches; returns {accepted, rejected}. */
    private int[] read(String scheme, String period, Path file, Entity entity, long fileId) {
        String name = file.getFileName().toString();
        int accepted = 0;
        int rejected = 0;
        Map<String, Integer> firstRow = new HashMap<>();
        List<IncentiveStore.RowRecord> batch = new ArrayList<>(BATCH);
        try (TableSource source = TableSource.open(file, entity)) {
            HeaderMap header = HeaderMap.of(entity, source.header(), name);
            TableSource.SourceRow row;
            while ((row = source.next()) != null) {
                String[] cells = header.canonical(row.cells());
                DataRow.Parsed parsed = DataRow.parse(entity, cells, header.letters());
                String subject = parsed.ok() ? parsed.row().subjectId() : clip(ValueParser.normalise(cells[0]));
                String error = parsed.ok() ? null : String.join("；", parsed.errors());
                if (parsed.ok()) {
                    Integer earlier = firstRow.putIfAbsent(subject, row.rowNo());
                    if (earlier != null) {
                        error = "与第" + earlier + "行重复（同一文件中每个" + entity.columns.get(0).label() + "只能有一行；更正请另交新文件）";
                    }
                }
                String raw = DataRow.join(cells);
                if (raw.length() > MAX_RAW) {
                    error = "这一行共 " + raw.length() + " 个字符，超过每行 " + MAX_RAW + " 个字符的上限，请检查是否有单元格粘贴了大段文字";
                    raw = raw.substring(0, MAX_RAW);
                }
                if (error != null && error.length() > MAX_RAW) {
                    error = error.substring(0, MAX_RAW - 1) + "…";
                }
                if (error == null) {
                    accepted++;
                } else {
                    rejected++;
                }
                batch.add(new IncentiveStore.RowRecord(fileId, entity.key, row.rowNo(), subject, raw,
                        error == null ? "ACCEPTED" : "REJECTED", error));
                if (batch.size() == BATCH) {
                    store.insertRows(scheme, period, batch);
                    batch.clear();
                }
            }
            store.insertRows(scheme, period, batch);
        }
        log.info("{}（{}）：采用 {} 行，退回 {} 行", name, entity.label, accepted, rejected);
        return new int[] {accepted, rejected};
    }

    private static String clip(String s) {
        return s.length() > 64 ? s.substring(0, 64) : s;
    }

    private Path archive(Path file, String checksum) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path target = inbox.archive().resolve("incentives").resolve(checksum + (dot < 0 ? "" : name.substring(dot)));
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
