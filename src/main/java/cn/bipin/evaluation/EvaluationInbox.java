package cn.bipin.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.bipin.inbox.InboxFiles;
import cn.bipin.inbox.InboxProperties;

/**
 * The evaluation's inbox: {@code <inbox>/<scheme>/<year>-evaluation/{ballots,cases,votes}/}. Each file is registered
 * once per content (checksum) and its bytes archived before a row is read, so nothing received is ever lost and a
 * re-run reads only what is new.
 */
@Component
public class EvaluationInbox {

    enum Kind {
        BALLOTS("ballots"), CASES("cases"), VOTES("votes");

        final String dir;

        Kind(String dir) {
            this.dir = dir;
        }
    }

    /** A newly registered file, ready to be read. */
    record NewFile(long id, String name, Path path, LocalDateTime receivedAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(EvaluationInbox.class);

    private final InboxProperties inbox;
    private final EvaluationInputs inputs;

    EvaluationInbox(InboxProperties inbox, EvaluationInputs inputs) {
        this.inbox = inbox;
        this.inputs = inputs;
    }

    public static String folder(String period) {
        return period + "-evaluation";
    }

    Path dir(String scheme, String period, Kind kind) {
        return inbox.dir().resolve(scheme).resolve(folder(period)).resolve(kind.dir);
    }

    /** Files of a kind not received before, oldest first (the file time is the time received), each registered. */
    List<NewFile> register(String scheme, String period, Kind kind, long runId) {
        return InboxFiles.list(dir(scheme, period, kind)).stream().map(p -> register(scheme, period, kind, runId, p))
                .flatMap(Optional::stream).toList();
    }

    /** Whether any file of a kind has arrived for the period: waiting in its inbox folder, or received before. */
    boolean anyReceived(String scheme, String period, Kind kind) {
        return !InboxFiles.list(dir(scheme, period, kind)).isEmpty()
                || inputs.anyFile(scheme, period, kind.dir);
    }

    private Optional<NewFile> register(String scheme, String period, Kind kind, long runId, Path path) {
        String name = path.getFileName().toString();
        String checksum = InboxFiles.sha256(path);
        Optional<String> known = inputs.knownFile(scheme, period, kind.dir, checksum);
        if (known.isPresent()) {
            log.info("跳过 {}：相同内容已接收过（{}）", name, known.get());
            return Optional.empty();
        }
        try {
            LocalDateTime receivedAt = LocalDateTime.ofInstant(Files.getLastModifiedTime(path).toInstant(),
                    ZoneId.systemDefault());
            Path stored = inbox.archive().resolve(scheme).resolve(folder(period)).resolve(kind.dir)
                    .resolve(checksum.substring(0, 12) + "-" + name);
            Files.createDirectories(stored.getParent());
            Files.copy(path, stored, StandardCopyOption.REPLACE_EXISTING);
            long id = inputs.registerFile(scheme, period, kind.dir, name, stored.toString(), checksum, Files.size(path),
                    receivedAt, runId);
            return Optional.of(new NewFile(id, name, path, receivedAt));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive " + path, e);
        }
    }

    void finish(long fileId, int accepted, int rejected) {
        inputs.finishFile(fileId, accepted, rejected);
    }

    void reject(long fileId, String reason) {
        log.warn("退回整个文件：{}", reason);
        inputs.rejectFile(fileId, reason);
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
