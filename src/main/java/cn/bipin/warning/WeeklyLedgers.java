package cn.bipin.warning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.bipin.inbox.InboxFiles;
import cn.bipin.inbox.InboxProperties;
import cn.bipin.scheme.Scheme;

/**
 * Weekly ledgers (周工作台账, DOMAIN §7.3): a co-department sends its ledger to the responsible department by the due
 * day (Friday) of each ISO week. Weeks are not scored periods: they exist only as deadlines and received files. A file
 * in {@code <inbox>/<scheme>/weekly/} is named with its week and department, e.g. {@code 2023-W14-税务局.xlsx} or
 * {@code 2023-W14_swj.docx}; its content is not read. Its received time is the file's arrival (modification time in
 * the office's zone); it is late when it arrives after the due day. The first file of a (department, week) decides
 * (D21: a later one is a correction). Deadlines do not move off holidays: the seed says 每周五前 without exception.
 */
@Component
class WeeklyLedgers {

    private static final Logger log = LoggerFactory.getLogger(WeeklyLedgers.class);
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-?[Ww](\\d{1,2})");

    private final WarningStore store;
    private final InboxProperties inbox;
    private final ZoneId zone;

    WeeklyLedgers(WarningStore store, InboxProperties inbox, @Value("${bipin.mail.zone:Asia/Shanghai}") ZoneId zone) {
        this.store = store;
        this.inbox = inbox;
        this.zone = zone;
    }

    Path dir(String scheme) {
        return inbox.dir().resolve(scheme).resolve("weekly");
    }

    /** What a file name says: its week ({@code 2023-W14}), department and due day, or why it cannot be told. */
    record Named(String week, String unit, LocalDate due, String problem) {
    }

    /** Reads a weekly ledger's file name. Pure. */
    static Named name(String fileName, WorkingGroups groups, int year) {
        Matcher m = WEEK.matcher(fileName);
        if (!m.find()) {
            return new Named(null, null, null, "文件名中没有周次，应写成如 " + year + "-W14-部门名称.xlsx");
        }
        int y = Integer.parseInt(m.group(1));
        int w = Integer.parseInt(m.group(2));
        LocalDate monday = LocalDate.of(y, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, 1).with(DayOfWeek.MONDAY);
        long weeks = IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(monday).getMaximum();
        if (w < 1 || w > weeks) {
            return new Named(null, null, null, "周次 '" + m.group() + "' 不存在（" + y + "年共 " + weeks + " 周）");
        }
        String week = String.format("%d-W%02d", y, w);
        String rest = (fileName.substring(0, m.start()) + " " + fileName.substring(m.end())).replaceFirst("\\.[^.]*$", "");
        String unit = null;
        for (String token : rest.split("[-_\\s　、（）()]+")) {
            if (!token.isBlank() && groups.department(token.trim()).isPresent()) {
                unit = groups.department(token.trim()).get();
                break;
            }
        }
        if (unit == null) {
            return new Named(week, null, null, "文件名中没有本方案的部门（写部门代码或全称，如 " + week + "-"
                    + groups.departmentName(groups.weeklyReporters().isEmpty() ? "" : groups.weeklyReporters().get(0)) + ".xlsx）");
        }
        if (!groups.weeklyReporters().contains(unit)) {
            return new Named(week, unit, null, groups.departmentName(unit) + " 不是任何工作组的协同部门，不报送周台账");
        }
        LocalDate due = monday.plusWeeks(w - 1L).with(groups.weeklyDue());
        return new Named(week, unit, due, null);
    }

    /** Late: arrived after the end of the due day. */
    static boolean late(LocalDateTime receivedAt, LocalDate due) {
        return receivedAt.toLocalDate().isAfter(due);
    }

    /** Registers the files not seen before (by checksum); returns how many were new. */
    int ingest(Scheme scheme, WorkingGroups groups, long runId) {
        int added = 0;
        for (Path path : InboxFiles.list(dir(scheme.id()))) {
            String name = path.getFileName().toString();
            String checksum = InboxFiles.sha256(path);
            if (store.weeklyKnown(scheme.id(), checksum)) {
                continue;
            }
            try {
                LocalDateTime receivedAt = LocalDateTime.ofInstant(Files.getLastModifiedTime(path).toInstant(), zone);
                Path stored = inbox.archive().resolve(scheme.id()).resolve("weekly")
                        .resolve(InboxFiles.archiveName(checksum, name));
                Files.createDirectories(stored.getParent());
                if (!Files.exists(stored)) {
                    Files.copy(path, stored, StandardCopyOption.COPY_ATTRIBUTES);
                }
                Named named = name(name, groups, scheme.year());
                if (named.problem() != null) {
                    store.recordWeekly(scheme.id(), named.week(), named.unit(), name, stored.toString(), checksum,
                            receivedAt, null, false, false, named.problem(), runId);
                } else {
                    boolean first = !store.weeklyReceived(scheme.id(), named.unit(), named.week());
                    store.recordWeekly(scheme.id(), named.week(), named.unit(), name, stored.toString(), checksum,
                            receivedAt, named.due().atTime(LocalTime.of(23, 59, 59)), late(receivedAt, named.due()),
                            first, null, runId);
                }
                added++;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot archive " + path, e);
            }
        }
        log.info("周台账：新收到 {} 个文件", added);
        return added;
    }
}
