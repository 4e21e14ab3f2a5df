package cn.bipin.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.bipin.report.Csv;
import cn.bipin.scheme.Dimension;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.Unit;
import cn.bipin.inbox.InboxProperties;
import cn.bipin.submission.SubmissionTemplates;

/**
 * Writes plausible monthly submissions of a scheme's units for two months into the inbox: the units' templates
 * filled in, one unit's figures as CSV, and the mistakes real clerks make — a typo in a number, a rate typed as
 * 150 instead of 15%, an empty cell, a repeated row, last month's template, a corrupt file, a late file, a
 * corrected resubmission, and one unit that sends nothing in the first month. Deterministic: same files every time.
 */
@Service
public class DemoInbox {

    private static final Logger log = LoggerFactory.getLogger(DemoInbox.class);
    static final String PROFILES = "submissions.yaml";
    private static final Map<String, Object> SUBMISSIONS = DemoResources.yaml(PROFILES);
    private static final long SEED = ((Number) SUBMISSIONS.get("seed")).longValue();
    /** The period draw of a steady unit: near the top of every range, every period. */
    private static final double STEADY = 0.8;

    private final SubmissionTemplates templates;
    private final InboxProperties inbox;

    DemoInbox(SubmissionTemplates templates, InboxProperties inbox) {
        this.templates = templates;
        this.inbox = inbox;
    }

    /** Seeds the scheme's first two scored months if its inbox holds no file at all; returns the months seeded. */
    public List<Period> seedIfEmpty(Scheme scheme) {
        Path root = inbox.dir().resolve(scheme.id());
        if (DemoFiles.hasFiles(root)) {
            return List.of();
        }
        Period first = Period.month(scheme.year(), scheme.campaignStart().getMonthValue());
        Period second = Period.month(scheme.year(), first.index() + 1);
        seedMonth(scheme, first, true);
        seedMonth(scheme, second, false);
        log.info("已在 {} 写入演示报送：{}、{}", root, first.code(), second.code());
        return List.of(first, second);
    }

    /**
     * Seeds every period of the scheme year in which units report (months, quarters, a half-year check, the year)
     * whose inbox holds no file yet (the campaign's first
     * month with the usual mistakes); returns the periods seeded, months first.
     */
    public List<Period> seedYear(Scheme scheme) {
        List<Period> periods = new java.util.ArrayList<>();
        List<Period> all = new java.util.ArrayList<>();
        for (cn.bipin.scheme.Cycle cycle : cn.bipin.scheme.Cycle.values()) {
            if (scheme.reportedIn(cycle)) {
                all.addAll(scheme.yearPeriods(cycle));
            }
        }
        for (Period p : all) {
            if (DemoFiles.hasFiles(inbox.periodDir(scheme.id(), p.code()))) {
                continue;
            }
            // the year's first reporting period (the campaign's first month) has the usual mistakes
            seedMonth(scheme, p, p.equals(all.get(0)));
            periods.add(p);
        }
        log.info("已在 {} 写入全年演示报送：{} 期", inbox.dir().resolve(scheme.id()), periods.size());
        return periods;
    }

    private void seedMonth(Scheme scheme, Period period, boolean withMistakes) {
        Path dir = inbox.periodDir(scheme.id(), period.code());
        Path work = DemoFiles.tempDir();
        List<Path> written = templates.write(scheme, period, null, work);
        LocalDateTime onTime = period.lastMonth().plusMonths(1).atDay(8).atTime(9, 0);
        int i = 0;
        for (Path template : written) {
            Unit unit = scheme.units().stream().filter(u -> template.getFileName().toString().equals(SubmissionTemplates.fileName(u, period)))
                    .findFirst().orElseThrow();
            Map<String, Object> values = figures(scheme, unit, period);
            LocalDateTime received = onTime.plusDays(i % 10).plusMinutes(37L * i);
            i++;
            if (withMistakes && unit.group().key().equals("town") && unit.code().equals(lastTown(scheme))) {
                continue; // 未报送: sends nothing this month
            }
            if (withMistakes) {
                applyMistakes(scheme, unit, values);
            }
            if (withMistakes && unit.code().equals(csvUnit(scheme))) {
                writeCsv(scheme, unit, period, values, dir.resolve(unit.name() + "-" + period.code() + ".csv"), received);
                continue;
            }
            Path target = dir.resolve(template.getFileName());
            TemplateFiller.fill(template, values, target);
            DemoFiles.stamp(target, withMistakes && unit.code().equals(lateUnit(scheme))
                    ? period.deadline(scheme.deadlineDay()).plusDays(3).atTime(10, 15) : received);
        }
        if (withMistakes) {
            Unit first = scheme.units().get(0);
            // the first unit resends a corrected file a day later: the later version counts, the first is kept
            Path original = dir.resolve(SubmissionTemplates.fileName(first, period));
            if (Files.exists(original)) {
                Map<String, Object> corrected = figures(scheme, first, period);
                Path fixed = dir.resolve(first.name() + "-" + period.code() + "-更正.xlsx");
                TemplateFiller.fill(work.resolve(SubmissionTemplates.fileName(first, period)), corrected, fixed);
                DemoFiles.stamp(fixed, onTime.plusDays(2).withHour(16));
                // the first file had a slip: start rate typed as 0.035 instead of 0.35
                Map<String, Object> slip = new LinkedHashMap<>(corrected);
                slip.computeIfPresent("c2_start_rate", (k, v) -> ((BigDecimal) v).movePointLeft(1));
                TemplateFiller.fill(work.resolve(SubmissionTemplates.fileName(first, period)), slip, original);
                DemoFiles.stamp(original, onTime.plusDays(1));
            }
            writeOldTemplate(scheme, period, dir, onTime);
            writeCorrupt(dir.resolve("报表（损坏）.xlsx"), onTime.plusDays(3));
        }
        DemoFiles.deleteRecursively(work);
    }

    /**
     * Plausible figures for a unit and month. Rates grow with the year's progress; cumulative amounts and counts
     * (D10) are the sum of the months' own amounts, so they never go down from one month to the next. A unit's
     * strength and each period's ups and downs are drawn from the seed of {@value #PROFILES}, unless the file gives
     * the unit a profile: a fixed strength, steady periods, or a twin whose figures it shares (relative to its own
     * targets), so the demo year shows every rule a leader asks about.
     */
    private static Map<String, Object> figures(Scheme scheme, Unit unit, Period period) {
        Profile profile = Profile.of(unit.code());
        String key = profile.twin() == null ? unit.code() : profile.twin();
        double s = profile.strength() != null ? profile.strength() : 0.6 + 0.4 * draw(key.hashCode());
        java.util.function.DoubleSupplier r = profile.steady() ? () -> STEADY
                : new java.util.SplittableRandom(SEED ^ (key.hashCode() * 31L + drawIndex(period)))::nextDouble;
        double progress = period.timeProgress().doubleValue();
        Map<String, Object> v = new LinkedHashMap<>();
        for (Dimension d : scheme.dimensionsFor(unit.code(), period.cycle())) {
            double x = switch (d.code()) {
                case "c2_start_rate" -> Math.min(1, progress * s * (0.8 + 0.6 * r.getAsDouble()));
                case "c2_invest_completion" -> Math.min(1, progress * s * (0.7 + 0.6 * r.getAsDouble()));
                case "c2_registration_rate" -> Math.min(1, 0.7 + 0.4 * s * r.getAsDouble());
                case "c4_growth" -> -0.08 + 0.3 * s * r.getAsDouble();
                default -> switch (d.method()) {
                    case PROGRESS_RATIO -> Math.min(1, progress * s * (0.8 + 0.5 * r.getAsDouble()));
                    case TARGET_RATIO -> monthly(scheme, d)
                            ? monthlyAmounts(scheme, d, unit, key, period, s, profile.steady())
                            : scheme.target(d, unit.code(), period).orElseThrow().doubleValue()
                            * (0.75 + 0.3 * s) * (0.85 + 0.3 * r.getAsDouble());
                    default -> cumulative(key, d, period.lastMonth().getMonthValue(), s, profile.steady());
                };
            };
            int scale = d.isPercent() ? 4 : ("万元".equals(d.measure()) ? 2 : 0);
            v.put(d.code(), BigDecimal.valueOf(x).setScale(scale, RoundingMode.HALF_UP));
        }
        return v;
    }

    /**
     * Whether a target_ratio dimension's figures come from one series of monthly amounts per unit and measure: in a
     * scheme with a monthly review (DOMAIN §7.2), where one sum of money is reported as the year's total, the quarter's
     * and the month's, and a unit's completion has to move steadily enough for 预扣分 and the letters to mean something.
     */
    private static boolean monthly(Scheme scheme, Dimension d) {
        return cn.bipin.scheme.ReviewRules.configured(scheme) && d.method() == cn.bipin.scheme.Method.TARGET_RATIO;
    }

    /**
     * The unit's figure for a month from its monthly amounts, each the annual target / 12 × strength × a draw of the
     * unit, measure and month (so the money dimensions share one series): the year to date for a cumulative figure,
     * the quarter to date for a per-period figure held to its quarter ({@code target_scope: quarter}), else the month's.
     */
    private static double monthlyAmounts(Scheme scheme, Dimension d, Unit unit, String key, Period period, double s,
                                         boolean steady) {
        double annual = scheme.target(d, unit.code()).orElseThrow().doubleValue();
        int month = period.lastMonth().getMonthValue();
        int from = switch (d.basis()) {
            case CUMULATIVE -> 1;
            default -> d.scope() == cn.bipin.scheme.TargetScope.QUARTER ? (month - 1) / 3 * 3 + 1 : month;
        };
        double sum = 0;
        for (int m = from; m <= month; m++) {
            double x = steady ? STEADY : draw((key + d.measure()).hashCode() * 131L + m);
            sum += annual / 12 * (0.6 + 0.6 * s) * (0.6 + 0.8 * x);
        }
        return d.measure().equals("万元") ? sum : Math.floor(sum);
    }

    /**
     * The period's part of a draw's seed: its index for months and quarters (as the demo year has always drawn them);
     * a half year and the year are told apart from the first month and quarter.
     */
    private static long drawIndex(Period period) {
        return switch (period.cycle()) {
            case MONTHLY, QUARTERLY -> period.index();
            case HALF_YEAR -> 100 + period.index();
            case ANNUAL -> 200;
        };
    }

    /**
     * The year-to-date count the demo reports for a unit and a count dimension at the end of {@code month}: what the
     * demo's appeals ledger ({@link DemoAppeals}) reproduces case by case when the scheme takes the dimension from it.
     */
    static long cumulativeCount(Unit unit, Dimension d, int month) {
        Profile profile = Profile.of(unit.code());
        String key = profile.twin() == null ? unit.code() : profile.twin();
        double s = profile.strength() != null ? profile.strength() : 0.6 + 0.4 * draw(key.hashCode());
        return Math.round(cumulative(key, d, month, s, profile.steady()));
    }

    /**
     * Year-to-date sum of a unit's own monthly amounts, each drawn from the unit's strength and the month: each month
     * from its own well-mixed seed, so units overtake one another from quarter to quarter.
     */
    private static double cumulative(String key, Dimension d, int month, double strength, boolean steady) {
        double sum = 0;
        for (int m = 1; m <= month; m++) {
            double x = steady ? STEADY : draw((key + d.code()).hashCode() * 131L + m);
            sum += switch (d.measure()) {
                case "万元" -> (1000 + 9000 * strength) * (0.8 + 0.4 * x);
                default -> Math.floor(x * 5 * strength); // 0–4 a month
            };
        }
        return sum;
    }

    /**
     * One draw in [0, 1) for a key: {@link java.util.SplittableRandom} mixes its seed, where java.util.Random's first
     * draws for neighbouring seeds are almost equal (every unit then grew in lockstep and no rank ever changed).
     */
    private static double draw(long key) {
        return new java.util.SplittableRandom(SEED ^ key).nextDouble();
    }

    /** A unit's demo profile from {@value #PROFILES}; a unit not listed has none. */
    record Profile(Double strength, boolean steady, String twin) {

        static Profile of(String unit) {
            @SuppressWarnings("unchecked")
            Map<String, Object> profiles = (Map<String, Object>) SUBMISSIONS.getOrDefault("profiles", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> p = (Map<String, Object>) profiles.get(unit);
            if (p == null) {
                return new Profile(null, false, null);
            }
            return new Profile(p.get("strength") == null ? null : ((Number) p.get("strength")).doubleValue(),
                    Boolean.TRUE.equals(p.get("steady")), (String) p.get("twin"));
        }
    }

    /** The correction the full-year demo receives after a later month ran (see {@value #PROFILES}). */
    public record Correction(Period period, Period after, String unit, String dimension, BigDecimal value,
                             LocalDateTime received) {

        /** Whether the scheme has the correction's unit and dimension (the demo correction is Jinfeng's). */
        public boolean appliesTo(Scheme scheme) {
            return scheme.unit(unit).isPresent() && scheme.dimension(dimension).isPresent();
        }
    }

    /** The demo year's correction, in the scheme's year. */
    public static Correction correction(Scheme scheme) {
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) SUBMISSIONS.get("correction");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> others = (List<Map<String, Object>>) SUBMISSIONS.getOrDefault("other_corrections", List.of());
        // the first correction whose unit and dimension the scheme has (a scheme's own demo story), else the first
        Map<String, Object> c = java.util.stream.Stream.concat(java.util.stream.Stream.of(first), others.stream())
                .filter(x -> scheme.unit((String) x.get("unit")).isPresent()
                        && scheme.dimension((String) x.get("dimension")).isPresent())
                .findFirst().orElse(first);
        int year = scheme.year();
        return new Correction(Period.parse(DemoResources.withYear((String) c.get("period"), year)),
                Period.parse(DemoResources.withYear((String) c.get("after"), year)), (String) c.get("unit"),
                (String) c.get("dimension"), (BigDecimal) DemoResources.value(c.get("value"), year),
                LocalDateTime.parse(DemoResources.withYear((String) c.get("received"), year).replace(' ', 'T')));
    }

    /**
     * Writes the demo's correction file into its period's inbox, as the unit would send it after the period's
     * bulletin went out: one row in the submission CSV form; returns where.
     */
    public Path writeCorrection(Scheme scheme, Correction c) {
        Unit unit = scheme.unit(c.unit()).orElseThrow();
        Dimension d = scheme.dimension(c.dimension()).orElseThrow();
        Path out = inbox.periodDir(scheme.id(), c.period().code()).resolve(unit.name() + "-" + c.period().code() + "-更正.csv");
        String value = d.isPercent() ? c.value().movePointRight(2).stripTrailingZeros().toPlainString() + "%"
                : c.value().toPlainString();
        try {
            Files.createDirectories(out.getParent());
            Files.writeString(out, "\uFEFFunit_code,period,dimension_code,value,note\r\n" + String.join(",", unit.code(),
                    c.period().code(), d.code(), value, "更正：" + d.name() + "填错") + "\r\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DemoFiles.stamp(out, c.received());
        return out;
    }

    /** A typo, an implausible percentage and an empty cell, in three different towns' files. */
    private static void applyMistakes(Scheme scheme, Unit unit, Map<String, Object> values) {
        List<Unit> towns = scheme.units().stream().filter(u -> u.group().key().equals("town")).toList();
        if (towns.size() < 5) {
            return;
        }
        if (unit.equals(towns.get(1)) && values.containsKey("c4_revenue")) {
            values.put("c4_revenue", "12,3O0");
        }
        if (unit.equals(towns.get(5 % towns.size())) && values.containsKey("c4_growth")) {
            values.put("c4_growth", "150");
        }
        if (unit.equals(towns.get(6 % towns.size())) && values.containsKey("c2_start_rate")) {
            values.put("c2_start_rate", "");
        }
    }

    private static String lastTown(Scheme scheme) {
        List<Unit> towns = scheme.units().stream().filter(u -> u.group().key().equals("town")).toList();
        return towns.isEmpty() ? "" : towns.get(towns.size() - 1).code();
    }

    private static String csvUnit(Scheme scheme) {
        List<Unit> towns = scheme.units().stream().filter(u -> u.group().key().equals("town")).toList();
        return towns.size() > 3 ? towns.get(3).code() : "";
    }

    private static String lateUnit(Scheme scheme) {
        List<Unit> towns = scheme.units().stream().filter(u -> u.group().key().equals("town")).toList();
        return towns.size() > 4 ? towns.get(4).code() : "";
    }

    /** The DOMAIN §9 CSV form, with a repeated row and a dimension code that does not exist. */
    private static void writeCsv(Scheme scheme, Unit unit, Period period, Map<String, Object> values, Path out,
            LocalDateTime received) {
        List<String> lines = new ArrayList<>();
        lines.add("unit_code,period,dimension_code,value,note");
        values.forEach((code, value) -> {
            String text = value instanceof BigDecimal b && scheme.dimension(code).orElseThrow().isPercent()
                    ? b.movePointRight(2).stripTrailingZeros().toPlainString() + "%"
                    : String.valueOf(value);
            lines.add(String.join(",", unit.code(), period.code(), code, Csv.field(text), ""));
        });
        lines.add(lines.get(1) + "重复录入"); // the first figure typed twice
        lines.add(String.join(",", unit.code(), period.code(), "c4_profit", "1200", "本单位自设指标"));
        try {
            Files.createDirectories(out.getParent());
            Files.writeString(out, "\uFEFF" + String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DemoFiles.stamp(out, received);
    }

    /** A town uses last month's template by mistake: every row is for the wrong period. */
    private void writeOldTemplate(Scheme scheme, Period period, Path dir, LocalDateTime onTime) {
        List<Unit> towns = scheme.units().stream().filter(u -> u.group().key().equals("town")).toList();
        if (towns.size() < 3) {
            return;
        }
        Unit unit = towns.get(2);
        Period previous = period.previous();
        Path work = DemoFiles.tempDir();
        List<Path> written = templates.write(scheme, previous, unit.code(), work);
        if (!written.isEmpty()) {
            Path out = dir.resolve(unit.name() + "-报送表（上月模板）.xlsx");
            TemplateFiller.fill(written.get(0), figures(scheme, unit, previous), out);
            DemoFiles.stamp(out, onTime.minusDays(2));
        }
        DemoFiles.deleteRecursively(work);
    }

    private static void writeCorrupt(Path out, LocalDateTime received) {
        try {
            Files.write(out, "PK\u0003\u0004 这不是一个完整的Excel文件".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DemoFiles.stamp(out, received);
    }
}
