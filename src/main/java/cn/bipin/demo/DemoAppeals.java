package cn.bipin.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import cn.bipin.appeal.AppealIngest;
import cn.bipin.appeal.AppealRules;
import cn.bipin.appeal.AppealTemplateWriter;
import cn.bipin.calendar.CalendarRepository;
import cn.bipin.calendar.WorkingCalendar;
import cn.bipin.report.Csv;
import cn.bipin.scheme.Dimension;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.Unit;

/**
 * A year of enterprise appeals for the demo (DOMAIN §6.1), drawn from the fixed seed of {@code demo/appeals.yaml}:
 * each unit sends its ledger after each quarter (cases new or changed in the quarter, as they stood at its end), as
 * CSV or, for two units, in the ledger template. Where the scheme takes a dimension from the ledger, the cases are
 * laid out so that the ledger's year-to-date counts at each quarter's end are exactly the demo's submitted figures
 * ({@link DemoInbox#cumulativeCount}): the demo year scores the same with or without the ledger. Studies and
 * resolutions beyond the year's own cases come from cases carried over from the last quarter of the year before.
 * On purpose: some registrations later than 24 hours, a case received on the eve of the National Day holiday and
 * studied on the third working day after it, one across the Spring Festival, answers at the wrong level, and two
 * rows with mistakes (sent back, counted nowhere).
 */
@Service
public class DemoAppeals {

    private static final Map<String, Object> DATA = DemoResources.yaml("appeals.yaml");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** Units whose ledger comes as the filled-in template rather than CSV. */
    private static final int TEMPLATE_UNITS = 2;

    private final AppealIngest ingest;
    private final AppealTemplateWriter templates;
    private final CalendarRepository calendars;
    private final ZoneId zone;

    DemoAppeals(AppealIngest ingest, AppealTemplateWriter templates, CalendarRepository calendars,
            @Value("${bipin.mail.zone:Asia/Shanghai}") ZoneId zone) {
        this.ingest = ingest;
        this.templates = templates;
        this.calendars = calendars;
        this.zone = zone;
    }

    /** A case as the generator builds it; times null until they happen. */
    static final class Case {
        String id;
        String unit;
        String enterprise;
        String size;
        String topic;
        LocalDateTime received;
        LocalDateTime registered;
        LocalDateTime studied;
        LocalDateTime resolved;
        String level;
        String feedback;
        String satisfaction;
        boolean deferStudy;
        boolean holiday;
    }

    public List<DemoSeed> seedYear(Scheme scheme) {
        if (!AppealRules.configured(scheme)) {
            return List.of();
        }
        Path dir = ingest.inboxDir(scheme);
        if (DemoFiles.hasFiles(dir)) {
            return List.of();
        }
        WorkingCalendar calendar = calendars.calendar();
        SplittableRandom random = new SplittableRandom(((Number) DATA.get("seed")).longValue());
        Map<String, String> mapped = scheme.ledgerDimensions();
        List<Case> all = new ArrayList<>();
        boolean[] holidayCases = new boolean[2];
        for (Unit unit : scheme.units()) {
            long[][] targets = targets(scheme, unit, mapped, random);
            all.addAll(unitCases(scheme.year(), unit, targets, random, calendar, holidayCases));
        }
        int files = write(scheme, all, dir, random);
        return List.of(new DemoSeed("企业诉求台账", List.of(dir), all.size() + " 件诉求（含上年结转 "
                + all.stream().filter(c -> c.received.getYear() < scheme.year()).count() + " 件），" + files + " 个文件"));
    }

    /**
     * Year-to-date collected, studied and resolved at the end of each quarter (index 0 = start of the year): the demo's
     * submitted figures where the scheme maps the count onto a dimension, else a plausible count of the seed's.
     */
    private static long[][] targets(Scheme scheme, Unit unit, Map<String, String> mapped, SplittableRandom random) {
        long[][] t = new long[3][5];
        String[] figures = {"appeals_collected", "appeals_studied", "appeals_resolved"};
        for (int f = 0; f < 3; f++) {
            Dimension d = null;
            for (Map.Entry<String, String> e : mapped.entrySet()) {
                if (e.getValue().equals(figures[f])) {
                    Dimension candidate = scheme.dimension(e.getKey()).orElseThrow();
                    if (scheme.competitionOf(candidate).participants().contains(unit.code())) {
                        d = candidate;
                    }
                }
            }
            for (int q = 1; q <= 4; q++) {
                t[f][q] = d != null ? DemoInbox.cumulativeCount(unit, d, 3 * q)
                        : t[f][q - 1] + random.nextInt(f == 0 ? 6 : 4);
            }
        }
        return t;
    }

    private List<Case> unitCases(int year, Unit unit, long[][] t, SplittableRandom random, WorkingCalendar calendar,
            boolean[] holidayCases) {
        List<Case> cases = new ArrayList<>();
        int[] serial = {0};
        for (int q = 1; q <= 4; q++) {
            LocalDate qs = LocalDate.of(year, 3 * q - 2, 1);
            LocalDateTime qe = qs.plusMonths(3).atStartOfDay();
            int newCount = (int) (t[0][q] - t[0][q - 1]);
            long studies = t[1][q] - t[1][q - 1];
            long resolutions = t[2][q] - t[2][q - 1];
            List<Case> fresh = new ArrayList<>();
            for (int i = 0; i < newCount; i++) {
                Case c = newCase(unit, year, serial, random);
                c.received = workingTime(calendar, qs, qe.toLocalDate(), random);
                c.registered = register(c.received, random);
                fresh.add(c);
            }
            fresh.sort(Comparator.comparing(c -> c.received));
            if (q == 1 && !holidayCases[0] && !fresh.isEmpty() && studies > 0) {
                // across the Spring Festival: received Thu 02-08, studied on the third working day (02-19)
                holidayCases[0] = true;
                Case c = fresh.get(0);
                c.received = LocalDate.of(year, 2, 8).atTime(10, 20);
                c.registered = c.received.plusMinutes(50);
                c.holiday = true;
                fresh.sort(Comparator.comparing(x -> x.received));
            }
            if (q == 3 && !holidayCases[1] && !fresh.isEmpty() && t[1][4] - t[1][3] > 0) {
                // the eve of the National Day holiday: received 09-30, studied on 10-10 (the third working day after it)
                holidayCases[1] = true;
                Case c = fresh.get(fresh.size() - 1);
                c.received = LocalDate.of(year, 9, 30).atTime(9, 40);
                c.registered = c.received.plusMinutes(25);
                c.deferStudy = true;
            }
            // studies: cases left over from the quarter before (on time across its end), then the quarter's own cases
            // on time, then older open cases (late), then cases carried over from last year
            for (Case c : cases) {
                if (studies > 0 && c.deferStudy && c.studied == null) {
                    c.studied = studyOnTime(calendar, c, 3, random);
                    c.deferStudy = false;
                    studies--;
                }
            }
            for (Case c : fresh) {
                if (studies > 0 && c.holiday) {
                    c.studied = studyOnTime(calendar, c, 3, random);
                    studies--;
                }
            }
            for (Case c : fresh) {
                if (studies > 0 && !c.deferStudy && c.studied == null) {
                    LocalDateTime s = studyOnTime(calendar, c, 1 + random.nextInt(3), random);
                    if (s.isBefore(qe)) {
                        c.studied = s;
                        studies--;
                    }
                }
            }
            for (Case c : cases) {
                if (studies > 0 && c.studied == null && c.resolved == null && !c.deferStudy) {
                    c.studied = between(max(c.registered, qs.atStartOfDay()), qe, random);
                    studies--;
                }
            }
            while (studies > 0) {
                Case c = carryOver(unit, year, serial, random, calendar);
                c.studied = between(qs.atStartOfDay(), qe, random);
                cases.add(c);
                studies--;
            }
            // resolutions: the quarter's unstudied cases at once at the unit's level, then studied cases, then any
            // open case, then cases carried over from last year (studied last year)
            for (Case c : fresh) {
                if (resolutions > 0 && c.studied == null && !c.deferStudy) {
                    LocalDateTime r = c.registered.plusHours(2 + random.nextInt(20));
                    if (r.isBefore(qe)) {
                        resolve(c, r, "单位", random);
                        resolutions--;
                    }
                }
            }
            cases.addAll(fresh);
            for (Case c : cases) {
                if (resolutions > 0 && c.resolved == null && c.studied != null && c.studied.isBefore(qe)) {
                    LocalDateTime r = c.studied.plusDays(2 + random.nextInt(20)).withHour(9 + random.nextInt(8));
                    if (r.isBefore(qe) && !r.isBefore(qs.atStartOfDay())) {
                        resolve(c, r, level(random), random);
                        resolutions--;
                    }
                }
            }
            for (Case c : cases) {
                if (resolutions > 0 && c.resolved == null && !c.deferStudy
                        && (c.studied == null || c.studied.isBefore(qe))) {
                    LocalDateTime from = max(c.studied != null ? c.studied.plusHours(1) : c.registered, qs.atStartOfDay());
                    if (from.isBefore(qe.minusHours(2))) {
                        resolve(c, between(from, qe, random), level(random), random);
                        resolutions--;
                    }
                }
            }
            while (resolutions > 0) {
                Case c = carryOver(unit, year, serial, random, calendar);
                LocalDateTime studied = studyOnTime(calendar, c, 1 + random.nextInt(3), random);
                // studied last year, so that it counts among this year's resolutions only
                c.studied = studied.getYear() < year ? studied : c.registered.plusHours(3);
                resolve(c, between(qs.atStartOfDay(), qe, random), level(random), random);
                cases.add(c);
                resolutions--;
            }
        }
        check(year, unit, cases, t);
        return cases;
    }

    /** The counts by date must be the targets exactly: the demo year's C5 scores depend on it. */
    private static void check(int year, Unit unit, List<Case> cases, long[][] t) {
        for (int q = 1; q <= 4; q++) {
            LocalDateTime start = LocalDate.of(year, 1, 1).atStartOfDay();
            LocalDateTime end = LocalDate.of(year, 3 * q, 1).plusMonths(1).atStartOfDay();
            long[] n = new long[3];
            for (Case c : cases) {
                n[0] += in(c.received, start, end) ? 1 : 0;
                n[1] += in(c.studied, start, end) ? 1 : 0;
                n[2] += in(c.resolved, start, end) ? 1 : 0;
            }
            for (int f = 0; f < 3; f++) {
                if (n[f] != t[f][q]) {
                    throw new IllegalStateException("演示台账 " + unit.code() + " 第" + q + "季度 " + f + "：" + n[f] + " ≠ " + t[f][q]);
                }
            }
        }
    }

    private static boolean in(LocalDateTime t, LocalDateTime start, LocalDateTime end) {
        return t != null && !t.isBefore(start) && t.isBefore(end);
    }

    private Case newCase(Unit unit, int year, int[] serial, SplittableRandom random) {
        Case c = new Case();
        c.unit = unit.code();
        c.id = unit.code().toUpperCase(java.util.Locale.ROOT) + "-" + year + "-" + String.format("%03d", ++serial[0]);
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) DATA.get("names");
        @SuppressWarnings("unchecked")
        List<String> trades = (List<String>) DATA.get("trades");
        @SuppressWarnings("unchecked")
        List<String> topics = (List<String>) DATA.get("topics");
        c.enterprise = "宁夏" + names.get(random.nextInt(names.size())) + trades.get(random.nextInt(trades.size())) + "有限公司";
        c.topic = topics.get(random.nextInt(topics.size()));
        @SuppressWarnings("unchecked")
        Map<String, Object> sizes = (Map<String, Object>) DATA.get("sizes");
        double x = random.nextDouble();
        double key = ((Number) sizes.get("key")).doubleValue();
        double large = ((Number) sizes.get("large")).doubleValue();
        c.size = x < key ? "重点企业" : x < key + large ? "千万元以上企业" : "千万元以下企业";
        return c;
    }

    /** A case received last year (October to December) and still open at the start of this one. */
    private Case carryOver(Unit unit, int year, int[] serial, SplittableRandom random, WorkingCalendar calendar) {
        Case c = newCase(unit, year, serial, random);
        c.id = unit.code().toUpperCase(java.util.Locale.ROOT) + "-" + (year - 1) + "-" + String.format("%03d", 500 + serial[0]);
        c.received = workingTime(calendar, LocalDate.of(year - 1, 10, 9), LocalDate.of(year - 1, 12, 29), random);
        c.registered = c.received.plusMinutes(20 + random.nextInt(200));
        return c;
    }

    private static LocalDateTime register(LocalDateTime received, SplittableRandom random) {
        double late = ((Number) DATA.get("late_registration_share")).doubleValue();
        return random.nextDouble() < late ? received.plusHours(25 + random.nextInt(30))
                : received.plusMinutes(10 + random.nextInt(360));
    }

    private static LocalDateTime studyOnTime(WorkingCalendar calendar, Case c, int workingDays, SplittableRandom random) {
        LocalDate day = calendar.deadline(c.registered, workingDays).toLocalDate().minusDays(1);
        return day.atTime(9 + random.nextInt(8), random.nextInt(60));
    }

    private static void resolve(Case c, LocalDateTime at, String level, SplittableRandom random) {
        c.resolved = at;
        c.level = level;
        String right = switch (c.size) {
            case "重点企业" -> "主要领导（经分管区领导同意）";
            case "千万元以上企业" -> "主要领导";
            default -> "分管领导";
        };
        double wrong = ((Number) DATA.get("wrong_level_share")).doubleValue();
        c.feedback = random.nextDouble() < wrong ? (right.equals("分管领导") ? "主要领导" : "分管领导") : right;
        double s = random.nextDouble();
        c.satisfaction = s < 0.08 ? null : s < 0.75 ? "满意" : s < 0.95 ? "基本满意" : "不满意";
    }

    private static String level(SplittableRandom random) {
        double x = random.nextDouble();
        return x < 0.6 ? "单位" : x < 0.9 ? "专班" : "区政府专题会议";
    }

    /** A time on a working day between {@code from} (inclusive) and {@code to} (exclusive), office hours. */
    private static LocalDateTime workingTime(WorkingCalendar calendar, LocalDate from, LocalDate to, SplittableRandom random) {
        int days = (int) (to.toEpochDay() - from.toEpochDay());
        for (int tries = 0; tries < 50; tries++) {
            LocalDate d = from.plusDays(random.nextInt(days));
            if (calendar.isWorkingDay(d)) {
                return d.atTime(8 + random.nextInt(9), 5 * random.nextInt(12));
            }
        }
        return from.atTime(9, 0);
    }

    private static LocalDateTime between(LocalDateTime from, LocalDateTime to, SplittableRandom random) {
        long minutes = java.time.Duration.between(from, to).toMinutes();
        if (minutes <= 1) {
            return from;
        }
        LocalDateTime t = from.plusMinutes(1 + random.nextLong(minutes - 1));
        return t.isBefore(to) ? t : from;
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    /** Each unit's ledger after each quarter: cases new or changed in it, as they stood at its end. */
    private int write(Scheme scheme, List<Case> all, Path dir, SplittableRandom random) {
        int files = 0;
        List<String> templateUnits = scheme.units().stream().limit(TEMPLATE_UNITS).map(Unit::code).toList();
        boolean mistakes = false;
        for (int q = 1; q <= 4; q++) {
            LocalDateTime qs = LocalDate.of(scheme.year(), 3 * q - 2, 1).atStartOfDay();
            LocalDateTime qe = qs.plusMonths(3);
            for (Unit unit : scheme.units()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (Case c : all) {
                    if (!c.unit.equals(unit.code())) {
                        continue;
                    }
                    boolean changed = in(c.received, qs, qe) || in(c.registered, qs, qe) || in(c.studied, qs, qe)
                            || in(c.resolved, qs, qe) || (q == 1 && c.received.isBefore(qs));
                    if (changed && c.received.isBefore(qe)) {
                        rows.add(row(c, qe));
                    }
                }
                if (!mistakes && q == 3 && rows.size() >= 2) {
                    mistakes = true; // a date that does not exist and a grade that is not one: sent back, counted nowhere
                    Map<String, Object> bad = new LinkedHashMap<>(rows.get(0));
                    bad.put("诉求编号", unit.code().toUpperCase(java.util.Locale.ROOT) + "-" + scheme.year() + "-900");
                    bad.put("受理时间", scheme.year() + "-09-31 10:00");
                    rows.add(bad);
                    Map<String, Object> bad2 = new LinkedHashMap<>(rows.get(1));
                    bad2.put("诉求编号", unit.code().toUpperCase(java.util.Locale.ROOT) + "-" + scheme.year() + "-901");
                    bad2.put("办结时间", scheme.year() + "-09-20 10:00");
                    bad2.put("解决层级", "单位");
                    bad2.put("反馈人", "分管领导");
                    bad2.put("企业满意度", "很满意");
                    rows.add(bad2);
                }
                if (rows.isEmpty()) {
                    continue;
                }
                LocalDateTime sent = qe.toLocalDate().plusDays(3 + random.nextInt(6)).atTime(9 + random.nextInt(8), random.nextInt(60));
                String base = unit.name() + "-企业诉求台账-" + scheme.year() + "Q" + q;
                Path out;
                if (templateUnits.contains(unit.code())) {
                    out = dir.resolve(base + ".xlsx");
                    Path template = DemoFiles.tempDir().resolve(AppealTemplateWriter.fileName(scheme));
                    templates.write(scheme, AppealRules.of(scheme), template);
                    TemplateFiller.fillRows(template, rows, out);
                    DemoFiles.deleteRecursively(template.getParent());
                } else {
                    out = dir.resolve(base + ".csv");
                    List<String> lines = new ArrayList<>();
                    lines.add(String.join(",", rows.get(0).keySet()));
                    for (Map<String, Object> r : rows) {
                        lines.add(String.join(",", r.values().stream().map(v -> v == null ? ""
                                : Csv.field(v instanceof LocalDateTime t ? t.format(MINUTES) : v.toString())).toList()));
                    }
                    DemoFiles.csv(out, lines, sent);
                }
                stamp(out, sent);
                files++;
            }
        }
        return files;
    }

    private static Map<String, Object> row(Case c, LocalDateTime asOf) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("诉求编号", c.id);
        r.put("责任单位", c.unit);
        r.put("企业名称", c.enterprise);
        r.put("企业类别", c.size);
        r.put("诉求内容", c.topic);
        r.put("受理时间", c.received);
        r.put("登记时间", before(c.registered, asOf));
        r.put("提级研究时间", before(c.studied, asOf));
        boolean resolved = c.resolved != null && c.resolved.isBefore(asOf);
        r.put("办结时间", resolved ? c.resolved : null);
        r.put("解决层级", resolved ? c.level : null);
        r.put("反馈人", resolved ? c.feedback : null);
        r.put("企业满意度", resolved ? c.satisfaction : null);
        return r;
    }

    private static LocalDateTime before(LocalDateTime t, LocalDateTime asOf) {
        return t != null && t.isBefore(asOf) ? t : null;
    }

    private void stamp(Path file, LocalDateTime time) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(time.atZone(zone).toInstant()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
