package cn.bipin.warning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import cn.bipin.delivery.DeliveryService;
import cn.bipin.delivery.OutgoingMail;
import cn.bipin.inbox.InboxFiles;
import cn.bipin.inbox.InboxProperties;
import cn.bipin.run.Commands;
import cn.bipin.run.Publication;
import cn.bipin.run.Run;
import cn.bipin.run.RunContext;
import cn.bipin.run.RunKind;
import cn.bipin.run.RunRepository;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Recipient;
import cn.bipin.scheme.Scheme;
import cn.bipin.submission.ReceivedFiles;
import cn.bipin.submission.SubmissionRows;

/** What a warning run does (D19), each method called by one step of {@code warningJob} with the run it is in. */
@Service
public class WarningService {

    private static final Logger log = LoggerFactory.getLogger(WarningService.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final WarningStore store;
    private final WeeklyLedgers weekly;
    private final WarningBulletin bulletin;
    private final SubmissionRows submissions;
    private final DeliveryService delivery;
    private final RunRepository runs;
    private final InboxProperties inbox;
    private final ZoneId zone;

    WarningService(WarningStore store, WeeklyLedgers weekly, WarningBulletin bulletin, SubmissionRows submissions,
                   DeliveryService delivery, RunRepository runs, InboxProperties inbox,
                   @Value("${bipin.mail.zone:Asia/Shanghai}") ZoneId zone) {
        this.store = store;
        this.weekly = weekly;
        this.bulletin = bulletin;
        this.submissions = submissions;
        this.delivery = delivery;
        this.runs = runs;
        this.inbox = inbox;
        this.zone = zone;
    }

    /** Where the month's city figures arrive: {@code <inbox>/<scheme>/city/}, a file's name holding its month. */
    public Path cityDir(String scheme) {
        return inbox.dir().resolve(scheme).resolve("city");
    }

    public Path weeklyDir(String scheme) {
        return weekly.dir(scheme);
    }

    /** Reads the month's city files and the new weekly ledgers, then decides the month's list and stores it. */
    void evaluate(RunContext context) {
        Run run = context.run();
        Scheme scheme = context.scheme();
        WorkingGroups groups = WorkingGroups.load(scheme);
        Period period = run.period();
        Map<String, CityFigures.Row> city = Map.of();
        for (Path file : cityFiles(scheme.id(), period)) {
            CityFigures.Result result = CityFigures.read(file, scheme, groups);
            String checksum = InboxFiles.sha256(file);
            store.recordInput(run.id(), period.code(), file.getFileName().toString(), archive(scheme, file, checksum),
                    checksum, received(file), result);
            if (result.refused() == null) {
                city = result.rows(); // the newest readable file of the month wins
            }
        }
        weekly.ingest(scheme, groups, run.id());
        runs.recordIngest(run.id(), store.counts(run.id()));
        Map<String, CityFigures.Row> previous = Map.of();
        for (Path file : cityFiles(scheme.id(), period.previous())) {
            CityFigures.Result result = CityFigures.read(file, scheme, groups);
            if (result.refused() == null) {
                previous = result.rows();
            }
        }
        Map<String, BigDecimal> values = values(scheme, groups, period);
        store.replaceItems(run.id(), WarningRules.evaluate(scheme, groups, period, values, city, previous));
    }

    /** Each indicator's cumulative figure for the month, as its responsible department reported it (latest accepted). */
    private Map<String, BigDecimal> values(Scheme scheme, WorkingGroups groups, Period period) {
        Map<String, String> responsible = new HashMap<>();
        groups.groups().forEach(g -> g.indicators().forEach(i -> responsible.put(i.dimension().code(), i.responsible())));
        Map<String, BigDecimal> values = new HashMap<>();
        for (SubmissionRows.AcceptedRow r : submissions.accepted(scheme.id(), period.code())) {
            if (r.unitCode().equals(responsible.get(r.dimensionCode()))) {
                values.put(r.dimensionCode(), r.inputValue());
            }
        }
        return values;
    }

    /** The month's city files, oldest first: names holding the month's code, e.g. 全市指标对比-2023-05.xlsx. */
    private List<Path> cityFiles(String scheme, Period period) {
        return InboxFiles.list(cityDir(scheme)).stream()
                .filter(p -> p.getFileName().toString().contains(period.code())).toList();
    }

    private LocalDateTime received(Path file) {
        try {
            return LocalDateTime.ofInstant(Files.getLastModifiedTime(file).toInstant(), zone);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String archive(Scheme scheme, Path file, String checksum) {
        Path target = inbox.archive().resolve(scheme.id()).resolve("city")
                .resolve(InboxFiles.archiveName(checksum, file.getFileName().toString()));
        try {
            Files.createDirectories(target.getParent());
            if (!Files.exists(target)) {
                Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
            return target.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive " + file, e);
        }
    }

    /** The indicators on the previous month's list (its newest completed warning run), by dimension code. */
    private Set<String> listedBefore(Scheme scheme, Period period) {
        return runs.latestCompleted(RunKind.WARNING, scheme.id(), period.previous())
                .map(r -> store.items(r.id()).stream().filter(WarningRules.Item::listed)
                        .map(WarningRules.Item::dimension).collect(Collectors.toSet()))
                .orElse(Set.of());
    }

    void write(RunContext context) {
        Run run = context.run();
        Scheme scheme = context.scheme();
        WorkingGroups groups = WorkingGroups.load(scheme);
        List<WarningRules.Item> items = store.items(run.id());
        List<String> rejections = new ArrayList<>(store.rejections(run.id()));
        rejections.addAll(store.weeklyRejections(run.id()));
        bulletin.write(scheme, groups, run, items, WarningRules.left(items, listedBefore(scheme, run.period())),
                changes(run, scheme, groups), reporting(scheme, groups, run.period()), rejections);
        if (run.period().index() < 12) { // the blank template of next month's city figures, for the statistician
            Period next = run.period().next();
            CityTemplate.write(scheme, groups, next, Map.of(), Path.of(run.outputDir()).resolve(CityTemplate.fileName(next)));
        }
    }

    /** The month's reporting record per department: weekly ledgers due in the month, and the monthly summary. */
    List<WarningBulletin.Reporting> reporting(Scheme scheme, WorkingGroups groups, Period period) {
        LocalDate first = period.firstMonth().atDay(1);
        LocalDate last = period.lastMonth().atEndOfMonth();
        int weeksDue = 0;
        for (LocalDate d = first.with(TemporalAdjusters.nextOrSame(groups.weeklyDue())); !d.isAfter(last); d = d.plusWeeks(1)) {
            weeksDue++;
        }
        List<WarningStore.Weekly> due = store.weeklyDue(scheme.id(), first, last);
        Map<String, LocalDateTime> lateSummary = new HashMap<>();
        for (ReceivedFiles.ReceivedFile f : submissions.lateFiles(scheme.id(), period.code())) {
            lateSummary.putIfAbsent(f.unitCode(), f.receivedAt());
        }
        Set<String> reported = submissions.accepted(scheme.id(), period.code()).stream()
                .map(SubmissionRows.AcceptedRow::unitCode).collect(Collectors.toSet());
        Set<String> departments = new LinkedHashSet<>();
        groups.groups().forEach(g -> g.indicators().forEach(i -> departments.add(i.responsible())));
        departments.addAll(groups.weeklyReporters());
        Set<String> responsible = new java.util.HashSet<>();
        groups.groups().forEach(g -> g.indicators().forEach(i -> responsible.add(i.responsible())));
        List<WarningBulletin.Reporting> result = new ArrayList<>();
        for (String unit : departments) {
            boolean weeklyDuty = groups.weeklyReporters().contains(unit);
            List<WarningStore.Weekly> own = due.stream().filter(w -> w.unitCode().equals(unit)).toList();
            List<String> late = own.stream().filter(WarningStore.Weekly::late)
                    .map(w -> w.week() + "（截止" + w.deadline().toLocalDate() + "，" + w.receivedAt().format(TIME) + "收到）")
                    .toList();
            String summary = null;
            if (responsible.contains(unit)) {
                LocalDate deadline = period.deadline(scheme.deadlineDay());
                if (lateSummary.containsKey(unit)) {
                    summary = "逾期（截止" + deadline + "，" + lateSummary.get(unit).format(TIME) + "收到）";
                } else if (!reported.contains(unit)) {
                    summary = "未报送";
                }
            }
            result.add(new WarningBulletin.Reporting(unit, weeklyDuty, weeklyDuty ? weeksDue : 0, own.size(), late,
                    !responsible.contains(unit) ? "—" : summary == null ? "按时" : summary));
        }
        return result;
    }

    private List<String> changes(Run run, Scheme scheme, WorkingGroups groups) {
        return runs.previousCompletedRevision(run).map(p -> WarningBulletin.changes(scheme, groups, run.period(),
                p.revision(), store.items(p.id()), store.items(run.id()))).orElse(List.of());
    }

    void mail(RunContext context) {
        Run run = context.run();
        Scheme scheme = context.scheme();
        WorkingGroups groups = WorkingGroups.load(scheme);
        List<String> changes = changes(run, scheme, groups);
        boolean correction = !changes.isEmpty();
        if (!context.mail()) {
            log.info("指标预警运行 #{}：按要求不发送邮件（预览；核实后可用 {} 发出）", run.id(), Commands.release(run.id()));
            runs.recordPublication(run.id(), Publication.PREVIEW, correction);
            return;
        }
        Optional<Run> previous = runs.previousCompletedRevision(run);
        if (previous.isPresent() && !correction && !context.force()) {
            log.info("指标预警运行 #{}：预警清单与上一版相同，不再发送邮件（如需重发请加 --force）", run.id());
            runs.recordPublication(run.id(), Publication.UNCHANGED, false);
            return;
        }
        List<WarningRules.Item> items = store.items(run.id());
        List<WarningRules.Item> left = WarningRules.left(items, listedBefore(scheme, run.period()));
        String prefix = correction ? "【更正】" : "";
        String suffix = run.revision() > 1 ? "（第" + run.revision() + "版）" : "";
        String note = correction ? "\n\n本版为更正版，更正内容见清单首页“更正说明”，请以本版为准。" : "";
        WarningBulletin.Files whole = bulletin.files(scheme, run);
        String title = WarningBulletin.title(scheme, run.period());
        long listed = items.stream().filter(WarningRules.Item::listed).count();
        delivery.deliverOnce(new OutgoingMail(run.id(), prefix + title + suffix,
                "各位领导：\n\n附件为《" + title + "》（第" + run.revision() + "版）：本月预警指标 " + listed + " 个，移出预警 "
                        + left.size() + " 个；另附各指标运行情况和各部门周台账、月度汇总报送情况。Excel 版与 PDF 内容相同。"
                        + note + "\n\n" + scheme.policy().signature(),
                List.of(whole.pdf(), whole.xlsx()), groups.recipients()));
        List<WarningRules.Item> before = previous.filter(p -> !context.force()).map(p -> store.items(p.id())).orElse(null);
        for (WorkingGroups.Group g : groups.groups()) {
            List<WarningRules.Item> own = items.stream().filter(i -> i.group().equals(g.code())).toList();
            List<WarningRules.Item> ownListed = own.stream().filter(WarningRules.Item::listed).toList();
            List<WarningRules.Item> ownLeft = left.stream().filter(i -> i.group().equals(g.code())).toList();
            if (own.isEmpty() || (ownListed.isEmpty() && ownLeft.isEmpty())) {
                continue; // nothing to warn of, nothing that left the list: no mail to the leader
            }
            if (before != null && unchanged(before, own)) {
                continue; // the leader's list says what it said before
            }
            WarningBulletin.Files gf = bulletin.groupFiles(run, g);
            String lines = ownListed.stream().map(i -> "· " + scheme.dimension(i.dimension()).orElseThrow().name() + "（"
                    + groups.departmentName(i.unit()) + "）：" + String.join("、", i.triggers().stream().map(t -> t.label).toList()))
                    .collect(Collectors.joining("\n"));
            delivery.deliverOnce(new OutgoingMail(run.id(), prefix + WarningBulletin.groupTitle(g, run.period()) + suffix,
                    g.leader().name() + "：\n\n" + g.name() + run.period().label() + "有 " + ownListed.size() + " 个指标进入预警"
                            + (ownLeft.isEmpty() ? "" : "，" + ownLeft.size() + " 个指标移出预警") + "：\n"
                            + (lines.isEmpty() ? "（无）" : lines)
                            + "\n\n触发数据见附件（PDF、Excel 内容相同）。请督促责任部门分析原因、落实措施。" + note + "\n\n"
                            + scheme.policy().signature(),
                    List.of(gf.pdf(), gf.xlsx()), List.of(new Recipient(g.leader().name(), g.leader().email()))));
        }
        runs.recordPublication(run.id(), Publication.MAILED, correction);
    }

    private static boolean unchanged(List<WarningRules.Item> before, List<WarningRules.Item> own) {
        Map<String, WarningRules.Item> old = new HashMap<>();
        before.forEach(i -> old.put(i.dimension(), i));
        return own.stream().allMatch(i -> old.containsKey(i.dimension()) && WarningBulletin.same(old.get(i.dimension()), i));
    }

    /** A run's indicators as stored (for the terminal and the tests). */
    public List<String> listed(Run run) {
        return store.items(run.id()).stream().filter(WarningRules.Item::listed)
                .map(i -> i.dimension() + ":" + i.triggers().stream().map(t -> t.name().toLowerCase()).collect(Collectors.joining("+")))
                .toList();
    }

    public Path pdf(Run run, Scheme scheme) {
        return bulletin.files(scheme, run).pdf();
    }

    public Path groupPdf(Run run, Scheme scheme, String group) {
        return bulletin.groupFiles(run, WorkingGroups.load(scheme).group(group).orElseThrow()).pdf();
    }
}
