package cn.bipin.project;

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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import cn.bipin.appeal.LedgerFileRejectedException;
import cn.bipin.appeal.LedgerTable;
import cn.bipin.inbox.InboxFiles;
import cn.bipin.inbox.InboxProperties;
import cn.bipin.scheme.ProjectRules;
import cn.bipin.scheme.Scheme;

/**
 * Reads the new files of a scheme's project-list inbox ({@code <inbox>/<scheme>/<year>-projects/}) into the store, oldest
 * first: each distinct file once (an identical copy is a duplicate, skipped), archived by checksum, every row stored
 * as received, accepted as the next version of its project or rejected with its reason. One bad file never stops the
 * others. The file's received time is its modification time in the office's zone ({@code bipin.mail.zone}).
 */
@Service
public class ProjectIngest {

    private static final Logger log = LoggerFactory.getLogger(ProjectIngest.class);
    static final int CHUNK = 1000;

    /** What one ingest read. */
    public record Counts(int files, int filesRejected, int duplicates, int rowsAccepted, int rowsRejected) {
    }

    private final ProjectLedger ledger;
    private final InboxProperties inbox;
    private final ZoneId zone;

    ProjectIngest(ProjectLedger ledger, InboxProperties inbox, @Value("${bipin.mail.zone:Asia/Shanghai}") ZoneId zone) {
        this.ledger = ledger;
        this.inbox = inbox;
        this.zone = zone;
    }

    /** The folder a scheme's ledger files of its year go to. */
    public Path inboxDir(Scheme scheme) {
        return inbox.dir().resolve(scheme.id()).resolve(folder(scheme));
    }

    static String folder(Scheme scheme) {
        return scheme.year() + "-projects";
    }

    public Counts ingest(Scheme scheme, long runId) {
        if (!ProjectRules.configured(scheme)) {
            return new Counts(0, 0, 0, 0, 0);
        }
        ProjectRules rules = ProjectRules.of(scheme);
        ProjectRowValidator validator = new ProjectRowValidator(scheme, rules);
        Map<String, Integer> versions = ledger.versions(scheme.id(), scheme.year());
        int files = 0;
        int refused = 0;
        int duplicates = 0;
        int accepted = 0;
        int rejected = 0;
        for (Path path : InboxFiles.list(inboxDir(scheme))) {
            String name = path.getFileName().toString();
            String checksum = InboxFiles.sha256(path);
            var known = ledger.findByChecksum(scheme.id(), scheme.year(), checksum);
            if (known.isPresent()) {
                duplicates++;
                log.debug("跳过 {}：与已接收的项目清单文件 {} 内容完全相同", InboxFiles.printable(name),
                        InboxFiles.printable(known.get().fileName()));
                continue;
            }
            long fileId;
            try {
                LocalDateTime receivedAt = LocalDateTime.ofInstant(Files.getLastModifiedTime(path).toInstant(), zone);
                Path stored = inbox.archive().resolve(scheme.id()).resolve(folder(scheme))
                        .resolve(InboxFiles.archiveName(checksum, name));
                Files.createDirectories(stored.getParent());
                Files.copy(path, stored, StandardCopyOption.REPLACE_EXISTING);
                fileId = ledger.registerFile(scheme.id(), scheme.year(), name, stored.toString(), checksum,
                        Files.size(path), receivedAt, runId);
            } catch (IOException e) {
                throw new UncheckedIOException("无法读取项目清单文件 " + path, e);
            }
            files++;
            Map<String, Integer> fileVersions = new HashMap<>();
            int[] counts = new int[2];
            try (LedgerTable table = LedgerTable.open(path, ProjectColumns.ALL, ProjectColumns.SHEET)) {
                List<ProjectRowValidator.Checked> chunk = new ArrayList<>(CHUNK);
                List<Integer> chunkVersions = new ArrayList<>(CHUNK);
                LedgerTable.LedgerRow row;
                while ((row = table.next()) != null) {
                    ProjectRowValidator.Checked checked = validator.check(table, row);
                    int version = 0;
                    if (checked.accepted()) {
                        String id = checked.project().projectId();
                        version = fileVersions.getOrDefault(id, versions.getOrDefault(id, 0)) + 1;
                        fileVersions.put(id, version);
                        counts[0]++;
                    } else {
                        counts[1]++;
                    }
                    chunk.add(checked);
                    chunkVersions.add(version);
                    if (chunk.size() == CHUNK) {
                        ledger.insert(fileId, chunk, chunkVersions);
                        chunk.clear();
                        chunkVersions.clear();
                    }
                }
                if (!chunk.isEmpty()) {
                    ledger.insert(fileId, chunk, chunkVersions);
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
                log.warn("project list {} could not be read", InboxFiles.printable(name), e);
                refuse(fileId, name, "文件无法继续读取（" + (e instanceof OutOfMemoryError ? "文件内容过大，超出可用内存"
                        : e.getClass().getSimpleName()) + "），请重新保存后再报送");
                refused++;
                continue;
            }
            versions.putAll(fileVersions);
            ledger.completeFile(fileId, counts[0], counts[1]);
            accepted += counts[0];
            rejected += counts[1];
        }
        if (files > 0) {
            log.info("{}：新文件 {} 个（整份退回 {} 个），采用 {} 行，退回 {} 行；已读过的文件 {} 个未再读取", rules.title(), files, refused,
                    accepted, rejected, duplicates);
        } else if (duplicates > 0) {
            log.info("{}：没有新文件（{} 个文件此前已读取）", rules.title(), duplicates);
        }
        return new Counts(files, refused, duplicates, accepted, rejected);
    }

    private void refuse(long fileId, String name, String reason) {
        log.info("退回整个项目清单文件 {}：{}", InboxFiles.printable(name), reason);
        ledger.rejectFile(fileId, "文件 " + InboxFiles.printable(name) + "：" + reason);
    }
}
