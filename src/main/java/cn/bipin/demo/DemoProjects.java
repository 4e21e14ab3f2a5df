package cn.bipin.demo;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.bipin.project.ProjectIngest;
import cn.bipin.project.ProjectTemplateWriter;
import cn.bipin.report.Csv;
import cn.bipin.scheme.Dimension;
import cn.bipin.scheme.ProjectRules;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.Unit;

/**
 * A year of project lists for the demo (DOMAIN §7.1 D9), drawn from a fixed seed: for each unit that a mapped project
 * dimension scores, 30–120% of its target in new projects of every size band (some started in the second half, one now and
 * then from the year before, which is not new), completed projects, and reserve projects not yet started (a few under
 * the reserve threshold, which are not counted). Each unit sends its list twice: after the half year (as it stood on
 * 30 June) and after the year; the second is a new version of each project. Two units use the template, the others
 * CSV; one unit's year-end list carries two rows that are sent back (an investment typed in words, a completion
 * before the start).
 */
@Component
public class DemoProjects {

    private static final long SEED = 20190715L;
    private static final int TEMPLATE_UNITS = 2;

    private final ProjectIngest ingest;
    private final ProjectTemplateWriter templates;
    private final ZoneId zone;

    DemoProjects(ProjectIngest ingest, ProjectTemplateWriter templates,
            @Value("${bipin.mail.zone:Asia/Shanghai}") ZoneId zone) {
        this.ingest = ingest;
        this.templates = templates;
        this.zone = zone;
    }

    /** A project as it stands at the year end. */
    record Project(String id, String unit, String name, BigDecimal investment, LocalDate start, LocalDate completion) {

        /** As it stood on {@code asOf}: a start or completion after it was not known yet. */
        Project asOf(LocalDate asOf) {
            LocalDate s = start != null && !start.isAfter(asOf) ? start : null;
            LocalDate c = completion != null && !completion.isAfter(asOf) ? completion : null;
            return new Project(id, unit, name, investment, s, s == null ? null : c);
        }
    }

    public List<DemoSeed> seedYear(Scheme scheme) {
        if (!ProjectRules.configured(scheme)) {
            return List.of();
        }
        Path dir = ingest.inboxDir(scheme);
        if (DemoFiles.hasFiles(dir)) {
            return List.of();
        }
        ProjectRules rules = ProjectRules.of(scheme);
        SplittableRandom random = new SplittableRandom(SEED);
        List<Project> all = new ArrayList<>();
        for (Unit unit : scheme.units()) {
            all.addAll(unitProjects(scheme, rules, unit, random));
        }
        int files = write(scheme, all, dir, random);
        return List.of(new DemoSeed("项目清单", List.of(dir), all.size() + " 个项目，" + files + " 个文件"));
    }

    /** The yearly target of the dimension a figure is mapped onto, for a participating unit; 0 when none. */
    private static double target(Scheme scheme, Unit unit, String figure) {
        for (Map.Entry<String, String> e : scheme.ledgerDimensions().entrySet()) {
            if (e.getValue().equals(figure)) {
                Dimension d = scheme.dimension(e.getKey()).orElseThrow();
                if (scheme.competitionOf(d).participants().contains(unit.code())) {
                    return scheme.target(d, unit.code()).map(BigDecimal::doubleValue).orElse(0.0);
                }
            }
        }
        return 0;
    }

    private static List<Project> unitProjects(Scheme scheme, ProjectRules rules, Unit unit, SplittableRandom random) {
        int year = scheme.year();
        double strength = 0.3 + 0.9 * random.nextDouble();
        List<Project> out = new ArrayList<>();
        int[] serial = {0};
        double newTarget = target(scheme, unit, "projects_new");
        double completedTarget = target(scheme, unit, "projects_completed");
        double reserveTarget = target(scheme, unit, "projects_reserve");
        // new projects: about strength × target of them, each in a band drawn mostly from the small ones
        long newProjects = Math.round(newTarget * strength);
        for (int i = 0; i < newProjects; i++) {
            ProjectRules.Band band = drawBand(rules, random);
            BigDecimal investment = within(rules, band, random);
            LocalDate start = LocalDate.of(year, 1 + random.nextInt(11), 1 + random.nextInt(28));
            LocalDate completion = random.nextInt(8) == 0 ? start.plusDays(60 + random.nextInt(90)) : null;
            out.add(project(unit, serial, "新建", investment, start,
                    completion != null && completion.getYear() == year ? completion : null));
        }
        if (newTarget > 0 && random.nextInt(3) == 0) { // started last year: not new this year
            out.add(project(unit, serial, "续建", BigDecimal.valueOf(12000 + random.nextInt(30000)),
                    LocalDate.of(year - 1, 9 + random.nextInt(4), 1 + random.nextInt(28)), null));
        }
        long completed = Math.round(completedTarget * (0.5 + 0.7 * random.nextDouble()));
        for (int i = 0; i < completed; i++) {
            LocalDate start = LocalDate.of(year - 1, 1 + random.nextInt(12), 1 + random.nextInt(28));
            out.add(project(unit, serial, "竣工", rules.completedFrom().add(BigDecimal.valueOf(500 * random.nextInt(40))),
                    start, LocalDate.of(year, 2 + random.nextInt(10), 1 + random.nextInt(28))));
        }
        long reserve = Math.round(reserveTarget * (0.6 + 0.7 * random.nextDouble()));
        for (int i = 0; i < reserve; i++) {
            out.add(project(unit, serial, "储备", rules.reserveFrom().add(BigDecimal.valueOf(1000 * random.nextInt(80))),
                    null, null));
        }
        if (reserveTarget > 0 && random.nextInt(2) == 0) { // too small to count as a reserve project
            out.add(project(unit, serial, "储备", rules.reserveFrom().multiply(new BigDecimal("0.6")), null, null));
        }
        return out;
    }

    /** Mostly the small bands, now and then a big project. */
    private static ProjectRules.Band drawBand(ProjectRules rules, SplittableRandom random) {
        int n = rules.bands().size();
        int i = 0;
        while (i < n - 1 && random.nextInt(100) < 35) {
            i++;
        }
        return rules.bands().get(i);
    }

    /** An investment inside the band (up to the next band's lower bound, or 1.5 × its own above the last). */
    private static BigDecimal within(ProjectRules rules, ProjectRules.Band band, SplittableRandom random) {
        int i = rules.bands().indexOf(band);
        BigDecimal from = band.from().max(BigDecimal.valueOf(1000));
        BigDecimal to = i + 1 < rules.bands().size() ? rules.bands().get(i + 1).from() : from.multiply(new BigDecimal("1.5"));
        long span = Math.max(1, to.subtract(from).longValue() / 100);
        return from.add(BigDecimal.valueOf(100 * random.nextLong(span)));
    }

    private static final String[] KINDS = {"智能制造产业园", "物流仓储中心", "农产品加工", "城市更新改造", "新材料", "文旅综合体",
        "装配式建筑基地", "冷链物流", "光伏发电", "标准化厂房"};

    private static Project project(Unit unit, int[] serial, String kind, BigDecimal investment, LocalDate start,
            LocalDate completion) {
        serial[0]++;
        String id = unit.code().toUpperCase(Locale.ROOT) + "-" + String.format("%02d", serial[0]);
        String name = unit.name().replaceAll("(街道|镇|区|局|中心)$", "") + KINDS[Math.floorMod((unit.code() + serial[0]).hashCode(), KINDS.length)]
                + "项目（" + kind + "）";
        return new Project(id, unit.code(), name, investment, start, completion);
    }

    private int write(Scheme scheme, List<Project> all, Path dir, SplittableRandom random) {
        int files = 0;
        int year = scheme.year();
        List<String> templateUnits = scheme.units().stream().map(Unit::code)
                .filter(u -> all.stream().anyMatch(p -> p.unit().equals(u))).limit(TEMPLATE_UNITS).toList();
        boolean mistakes = false;
        for (int half = 1; half <= 2; half++) {
            LocalDate asOf = half == 1 ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
            for (Unit unit : scheme.units()) {
                List<Project> mine = all.stream().filter(p -> p.unit().equals(unit.code())).map(p -> p.asOf(asOf)).toList();
                if (mine.isEmpty()) {
                    continue;
                }
                List<Map<String, Object>> rows = new ArrayList<>();
                mine.forEach(p -> rows.add(row(p)));
                if (!mistakes && half == 2 && !templateUnits.contains(unit.code())) {
                    mistakes = true; // two slips a clerk makes: sent back with their reasons, counted nowhere
                    Map<String, Object> words = row(mine.get(0));
                    words.put("项目编号", unit.code().toUpperCase(Locale.ROOT) + "-90");
                    words.put("总投资", "约1.2亿元");
                    rows.add(words);
                    Map<String, Object> backwards = row(mine.get(0));
                    backwards.put("项目编号", unit.code().toUpperCase(Locale.ROOT) + "-91");
                    backwards.put("开工日期", LocalDate.of(year, 5, 10));
                    backwards.put("竣工日期", LocalDate.of(year, 3, 1));
                    rows.add(backwards);
                }
                LocalDateTime sent = asOf.plusDays(3 + random.nextInt(10)).atTime(9 + random.nextInt(8), random.nextInt(60));
                String base = unit.name() + "-项目清单-" + (half == 1 ? year + "H1" : String.valueOf(year));
                Path out;
                if (templateUnits.contains(unit.code())) {
                    out = dir.resolve(base + ".xlsx");
                    Path template = DemoFiles.tempDir().resolve(ProjectTemplateWriter.fileName(scheme));
                    templates.write(scheme, ProjectRules.of(scheme), template);
                    List<Map<String, Object>> titled = new ArrayList<>();
                    String investmentTitle = "总投资（" + ProjectRules.of(scheme).measure() + "）";
                    for (Map<String, Object> r : rows) {
                        Map<String, Object> t = new LinkedHashMap<>();
                        r.forEach((k, v) -> t.put(k.equals("总投资") ? investmentTitle : k, v));
                        titled.add(t);
                    }
                    TemplateFiller.fillRows(template, titled, out);
                    DemoFiles.deleteRecursively(template.getParent());
                } else {
                    out = dir.resolve(base + ".csv");
                    List<String> lines = new ArrayList<>();
                    lines.add("project_id,unit_code,project,investment,start_date,completion_date,note");
                    for (Map<String, Object> r : rows) {
                        lines.add(String.join(",", r.values().stream().map(v -> v == null ? "" : Csv.field(v instanceof BigDecimal b ? b.toPlainString() : v.toString())).toList()) + ",");
                    }
                    DemoFiles.csv(out, lines, sent);
                }
                stamp(out, sent);
                files++;
            }
        }
        return files;
    }

    private static Map<String, Object> row(Project p) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("项目编号", p.id());
        r.put("责任单位", p.unit());
        r.put("项目名称", p.name());
        r.put("总投资", p.investment());
        r.put("开工日期", p.start());
        r.put("竣工日期", p.completion());
        return r;
    }

    private void stamp(Path file, LocalDateTime time) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(time.atZone(zone).toInstant()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
