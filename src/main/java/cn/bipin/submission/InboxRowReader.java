package cn.bipin.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import cn.bipin.scheme.Period;
import cn.bipin.inbox.InboxFiles;

/**
 * Streams the rows of every file in a period's inbox, one file after another, registering each file (checksum,
 * archived copy, received time) before its first row. A file whose content was already received is not read
 * again; a file that cannot be read is rejected as a whole and the next one is read. Restartable: the position
 * (file and row) is kept in the step's execution context.
 */
class InboxRowReader implements ItemStreamReader<InboxItem> {

    private static final Logger log = LoggerFactory.getLogger(InboxRowReader.class);
    private static final String FILE_INDEX = "inbox.file.index";
    private static final String FILE_ROWS = "inbox.file.rows";

    private final Path inbox;
    private final Path archive;
    private final String scheme;
    private final Period period;
    private final LocalDateTime deadlineEnd;
    private final long runId;
    private final ReceivedFiles files;

    private List<Path> paths = List.of();
    private int fileIndex;
    private int rowsRead;
    private SubmissionFileReader current;
    private long currentFileId;
    private String currentName;
    /** The file a restarted step was reading when it stopped; -1 on a first start. */
    private int resumeIndex = -1;

    InboxRowReader(Path inbox, Path archive, String scheme, Period period, int deadlineDay, long runId,
            ReceivedFiles files) {
        this.inbox = inbox;
        this.archive = archive;
        this.scheme = scheme;
        this.period = period;
        this.deadlineEnd = period.deadline(deadlineDay).plusDays(1).atStartOfDay();
        this.runId = runId;
        this.files = files;
    }

    @Override
    public void open(ExecutionContext context) {
        paths = InboxFiles.list(inbox);
        fileIndex = context.getInt(FILE_INDEX, 0);
        resumeIndex = context.containsKey(FILE_INDEX) ? fileIndex : -1;
        rowsRead = context.getInt(FILE_ROWS, 0);
        context.putInt("inbox.file.total", paths.size());
        log.info("收件箱 {}：{} 个文件", inbox, paths.size());
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(FILE_INDEX, fileIndex);
        context.putInt(FILE_ROWS, rowsRead);
    }

    @Override
    public void close() {
        closeCurrent();
    }

    @Override
    public InboxItem read() {
        while (true) {
            if (current != null) {
                Optional<RawRow> row;
                try {
                    row = current.next();
                } catch (FileRejectedException e) {
                    rejectCurrent(e.reason());
                    continue;
                } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                    // whatever one file does to its reader, the other files are still read (DOMAIN §8)
                    log.warn("file {} could not be read past row {}", InboxFiles.printable(currentName), rowsRead, e);
                    rejectCurrent("读取第" + (rowsRead + 1) + "行附近时文件无法继续读取（" + describe(e) + "），请重新保存后再报送");
                    continue;
                }
                if (row.isPresent()) {
                    rowsRead++;
                    if (rowsRead == 1 && row.get().unitCode() != null) {
                        files.setUnit(currentFileId, row.get().unitCode());
                    }
                    String otherPeriod = rowsRead == 1 ? otherPeriodReason(row.get(), period) : null;
                    if (otherPeriod != null) {
                        rejectCurrent(otherPeriod);
                        continue;
                    }
                    return new InboxItem(currentFileId, currentName, row.get());
                }
                nextFile();
                continue;
            }
            if (fileIndex >= paths.size()) {
                return null;
            }
            openFile(paths.get(fileIndex));
        }
    }

    private void openFile(Path path) {
        String name = path.getFileName().toString();
        try {
            String checksum = InboxFiles.sha256(path);
            var known = files.findByChecksum(scheme, period.code(), checksum);
            // Only the file a restarted step stopped in is read on; an identical copy beside it is a duplicate.
            boolean resuming = known.isPresent() && known.get().runId() == runId && "READING".equals(known.get().status())
                    && fileIndex == resumeIndex && known.get().fileName().equals(name);
            if (known.isPresent() && !resuming) {
                log.info("跳过 {}：与已接收的文件 {}（{} 收到）内容完全相同，是重复文件，未再读取", InboxFiles.printable(name),
                        InboxFiles.printable(known.get().fileName()), known.get().receivedAt());
                fileIndex++;
                rowsRead = 0;
                return;
            }
            if (resuming) {
                currentFileId = known.get().id();
            } else {
                LocalDateTime receivedAt = LocalDateTime.ofInstant(Files.getLastModifiedTime(path).toInstant(),
                        ZoneId.systemDefault());
                Path stored = archive.resolve(scheme).resolve(period.code()).resolve(InboxFiles.archiveName(checksum, name));
                Files.createDirectories(stored.getParent());
                Files.copy(path, stored, StandardCopyOption.REPLACE_EXISTING);
                currentFileId = files.register(scheme, period.code(), name, stored.toString(), checksum,
                        Files.size(path), receivedAt, runId, receivedAt.isAfter(deadlineEnd) || receivedAt.isEqual(deadlineEnd));
                rowsRead = 0;
            }
            currentName = name;
            try {
                current = SubmissionFileReader.open(path);
                for (int skipped = 0; skipped < rowsRead; skipped++) {
                    current.next();
                }
            } catch (FileRejectedException e) {
                rejectCurrent(e.reason());
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                log.warn("file {} could not be opened", InboxFiles.printable(name), e);
                rejectCurrent("文件无法读取（" + describe(e) + "），请重新保存后再报送");
            }
        } catch (IOException | UncheckedIOException e) { // InboxFiles.sha256 reports an unreadable file unchecked
            throw new ItemStreamException("无法读取收件箱文件 " + path, e);
        }
    }

    /**
     * D21: a file whose first row names a valid period other than the run's is refused whole, with this one reason,
     * not row by row; null when the first row names the run's period (or no valid period).
     */
    static String otherPeriodReason(RawRow first, Period period) {
        if (first.period() == null || first.period().isBlank()) {
            return null;
        }
        Period other;
        try {
            other = Period.parse(first.period().trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
        return other.equals(period) ? null : "此文件报送的是" + other.label() + "（" + other.code() + "），不是本期"
                + period.label() + "（" + period.code() + "），整份未用于本期；如为" + other.label() + "的报送或更正，请按该期报送";
    }

    private static String describe(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "文件内容过大，超出可用内存";
        }
        if (e instanceof StackOverflowError) {
            return "文件结构嵌套过深";
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return InboxFiles.printable(m.length() <= 200 ? m : m.substring(0, 200) + "…");
    }

    private void rejectCurrent(String reason) {
        log.info("退回整个文件 {}：{}", InboxFiles.printable(currentName), reason);
        files.reject(currentFileId, reason);
        nextFile();
    }

    private void nextFile() {
        closeCurrent();
        fileIndex++;
        rowsRead = 0;
    }

    private void closeCurrent() {
        if (current != null) {
            try {
                current.close();
            } catch (Exception e) {
                log.debug("closing {}", currentName, e);
            }
            current = null;
        }
    }
}
