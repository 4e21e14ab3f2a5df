package cn.bipin.warning;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

import cn.bipin.report.Bulletin;
import cn.bipin.report.BulletinRenderer;
import cn.bipin.report.BulletinWorkbookWriter;
import cn.bipin.report.Csv;
import cn.bipin.report.Figures;
import cn.bipin.report.FileNames;
import cn.bipin.report.TableRow;
import cn.bipin.report.TableSection;
import cn.bipin.run.Run;
import cn.bipin.scheme.Dimension;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;

/**
 * Writes a warning run's files: the whole 预警清单 (PDF, .xlsx, CSV) for the campaign office, with the reporting
 * record of the month (weekly ledgers and the monthly summary, lateness per department), and each working group's own
 * list (PDF, .xlsx) for its leader. The house bulletin template lays the tables out (CJK font on every style); this
 * class decides what they say.
 */
@Component
class WarningBulletin {

    static final String CSV_HEADER = "scheme,period,revision,group_code,dimension_code,unit_code,value,annual_target,"
            + "completion,time_progress,zone_growth,city_growth,city_rank,previous_rank,triggers";

    private final BulletinRenderer renderer;
    private final BulletinWorkbookWriter workbook;

    WarningBulletin(BulletinRenderer renderer, BulletinWorkbookWriter workbook) {
        this.renderer = renderer;
        this.workbook = workbook;
    }

    record Files(Path pdf, Path xlsx, Path csv) {
    }

    /** The month's reporting record of one department (报送情况). */
    record Reporting(String unitCode, boolean weeklyDuty, int weeksDue, int weeksReceived, List<String> lateWeeks, String summary) {
    }

    static String title(Scheme scheme, Period period) {
        return scheme.title() + period.label() + "经济指标预警清单";
    }

    static String groupTitle(WorkingGroups.Group group, Period period) {
        return group.name() + period.label() + "指标预警清单";
    }

    Files files(Scheme scheme, Run run) {
        Path dir = Path.of(run.outputDir());
        String base = FileNames.safe(title(scheme, run.period())) + "-第" + run.revision() + "版";
        return new Files(dir.resolve(base + ".pdf"), dir.resolve(base + ".xlsx"),
                dir.resolve("warning-" + run.period().code() + "-r" + run.revision() + ".csv"));
    }

    Files groupFiles(Run run, WorkingGroups.Group group) {
        Path dir = Path.of(run.outputDir()).resolve("工作组");
        String base = FileNames.safe(groupTitle(group, run.period())) + "-第" + run.revision() + "版";
        return new Files(dir.resolve(base + ".pdf"), dir.resolve(base + ".xlsx"), null);
    }

    void write(Scheme scheme, WorkingGroups groups, Run run, List<WarningRules.Item> items, List<WarningRules.Item> left,
               List<String> changes, List<Reporting> reporting, List<String> rejections) {
        Files f = files(scheme, run);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        String footer = "指标预警 运行 #" + run.id() + " · 第" + run.revision() + "版 · 生成于 " + stamp;
        String prefix = changes.isEmpty() ? "" : "【更正】";
        Period period = run.period();
        List<TableSection> before = new ArrayList<>();
        if (!changes.isEmpty()) {
            before.add(new TableSection("更正说明", "本版更正了上一版（全市数据或报送数据有更正），请以本版为准",
                    List.of("更正内容"), changes.stream().map(c -> new TableRow(List.of(c), false)).toList()).withWideLast());
        }
        List<TableSection> after = new ArrayList<>(sections(scheme, groups, period, items, left, g -> true));
        after.add(new TableSection("报送情况", "周台账：协同部门每周五前报责任部门（周次为ISO周，截止日不因节假日顺延）；"
                + "月度汇总：责任部门于次月" + scheme.deadlineDay() + "日前报专班办公室。以首次报送的时间判定是否逾期",
                List.of("部门", "本月到期周台账", "已收到", "逾期周次（收到时间）", "月度汇总"),
                reporting.stream().map(r -> new TableRow(List.of(groups.departmentName(r.unitCode()),
                        r.weeklyDuty() ? Integer.toString(r.weeksDue()) : "—",
                        r.weeklyDuty() ? Integer.toString(r.weeksReceived()) : "—",
                        !r.weeklyDuty() ? "—" : r.lateWeeks().isEmpty() ? "无" : String.join("；", r.lateWeeks()),
                        r.summary()), !r.lateWeeks().isEmpty() || r.summary().startsWith("逾期")
                        || r.summary().equals("未报送"))).toList()).withWideLast());
        if (!rejections.isEmpty()) {
            after.add(new TableSection("退回的文件和行", "全市指标对比表、周台账中未被采用的文件或行，请改正后重新报送",
                    List.of("文件、行、列和原因"), rejections.stream().map(r -> new TableRow(List.of(r), true)).toList())
                    .withWideLast());
        }
        Bulletin whole = Bulletin.ofSections(prefix + title(scheme, period), subtitle(period, items), footer, before, after);
        renderer.renderPdf(whole, f.pdf());
        workbook.write(whole, f.xlsx());
        List<String> lines = new ArrayList<>();
        for (WarningRules.Item i : items) {
            lines.add(Csv.line(scheme.id(), period.code(), Integer.toString(run.revision()), i.group(), i.dimension(),
                    i.unit(), plain(i.value()), plain(i.annualTarget()), plain(i.completion()), plain(i.timeProgress()),
                    plain(i.zoneGrowth()), plain(i.cityGrowth()), i.cityRank() == null ? "" : i.cityRank().toString(),
                    i.previousRank() == null ? "" : i.previousRank().toString(),
                    String.join("|", i.triggers().stream().map(t -> t.name().toLowerCase()).toList())));
        }
        Csv.write(f.csv(), CSV_HEADER, lines);
        for (WorkingGroups.Group g : groups.groups()) {
            if (g.indicators().isEmpty()) {
                continue;
            }
            Files gf = groupFiles(run, g);
            List<TableSection> own = new ArrayList<>(before);
            Bulletin list = Bulletin.ofSections(prefix + groupTitle(g, period),
                    "责任领导 " + g.leader().name() + " · " + subtitle(period, items.stream()
                            .filter(i -> i.group().equals(g.code())).toList()), footer, own,
                    sections(scheme, groups, period, items, left, i -> i.group().equals(g.code())));
            renderer.renderPdf(list, gf.pdf());
            workbook.write(list, gf.xlsx());
        }
    }

    private static String subtitle(Period period, List<WarningRules.Item> items) {
        long listed = items.stream().filter(WarningRules.Item::listed).count();
        return period.label() + " · 序时进度 " + Figures.percent(period.timeProgress()) + " · 预警指标 " + listed + " 个";
    }

    private static List<TableSection> sections(Scheme scheme, WorkingGroups groups, Period period,
                                               List<WarningRules.Item> items, List<WarningRules.Item> left,
                                               Predicate<WarningRules.Item> shown) {
        List<TableSection> sections = new ArrayList<>();
        sections.add(new TableSection("预警指标", "增速低于全市平均、全市位次比上月下降、或累计完成低于序时进度的指标（满足的条件都列出）",
                List.of("工作组", "指标", "责任部门", "预警原因", "触发数据"),
                items.stream().filter(WarningRules.Item::listed).filter(shown)
                        .map(i -> new TableRow(List.of(groupName(groups, i), name(scheme, i), groups.departmentName(i.unit()),
                                String.join("、", i.triggers().stream().map(t -> t.label).toList()),
                                String.join("；", i.triggers().stream().map(t -> figures(scheme, groups, period, i, t)).toList())),
                                true)).toList()).withWideLast());
        sections.add(new TableSection("移出预警的指标", "上月在预警清单中、本月三项条件均不满足的指标",
                List.of("工作组", "指标", "责任部门", "本月情况"),
                left.stream().filter(shown).map(i -> new TableRow(List.of(groupName(groups, i), name(scheme, i),
                        groups.departmentName(i.unit()), status(scheme, groups, period, i)), false)).toList()).withWideLast());
        sections.add(new TableSection("各指标运行情况", "累计完成 = 1–" + period.lastMonth().getMonthValue()
                + "月累计 ÷ 年度目标；位次为本区在全市" + groups.cityDistricts() + "个区县中的位次",
                List.of("工作组", "指标", "责任部门", "1–" + period.lastMonth().getMonthValue() + "月累计", "年度目标",
                        "累计完成", "本区增速", "全市平均增速", "全市位次", "上月位次"),
                items.stream().filter(shown).map(i -> new TableRow(List.of(groupName(groups, i), name(scheme, i),
                        groups.departmentName(i.unit()), i.value() == null ? "未报送" : amount(scheme, i, i.value()),
                        amount(scheme, i, i.annualTarget()), percent(i.completion()), percent(i.zoneGrowth()),
                        percent(i.cityGrowth()), rank(i.cityRank()), rank(i.previousRank())), i.listed())).toList()));
        return sections;
    }

    /** The figures that made a trigger hold, as a leader reads them. */
    static String figures(Scheme scheme, WorkingGroups groups, Period period, WarningRules.Item i, WarningRules.Trigger t) {
        return switch (t) {
            case GROWTH -> "本区增速 " + percent(i.zoneGrowth()) + "，低于全市平均 " + percent(i.cityGrowth());
            case RANK -> "全市位次由上月第" + i.previousRank() + "位降至第" + i.cityRank() + "位（共" + groups.cityDistricts() + "个区县）";
            case PROGRESS -> "1–" + period.lastMonth().getMonthValue() + "月累计 " + amount(scheme, i, i.value()) + "（年度目标 "
                    + amount(scheme, i, i.annualTarget()) + "），完成 " + percent(i.completion()) + "，低于序时进度 "
                    + percent(i.timeProgress());
        };
    }

    private static String status(Scheme scheme, WorkingGroups groups, Period period, WarningRules.Item i) {
        List<String> parts = new ArrayList<>();
        if (i.zoneGrowth() != null) {
            parts.add("本区增速 " + percent(i.zoneGrowth()) + "（全市平均 " + percent(i.cityGrowth()) + "）");
        }
        if (i.cityRank() != null) {
            parts.add("全市位次第" + i.cityRank() + "位" + (i.previousRank() == null ? "" : "（上月第" + i.previousRank() + "位）"));
        }
        if (i.completion() != null) {
            parts.add("累计完成 " + percent(i.completion()) + "（序时进度 " + percent(i.timeProgress()) + "）");
        }
        return String.join("；", parts);
    }

    /** What changed per indicator against the revision before, one line each; empty when nothing. */
    static List<String> changes(Scheme scheme, WorkingGroups groups, Period period, int previousRevision,
                                List<WarningRules.Item> before, List<WarningRules.Item> now) {
        Map<String, WarningRules.Item> old = new LinkedHashMap<>();
        before.forEach(i -> old.put(i.dimension(), i));
        List<String> lines = new ArrayList<>();
        for (WarningRules.Item n : now) {
            WarningRules.Item b = old.get(n.dimension());
            if (b != null && same(b, n)) {
                continue;
            }
            String was = b == null ? "无" : b.listed() ? "预警（" + reasons(b) + "）" : "未预警";
            String is = n.listed() ? "预警（" + reasons(n) + "）" : "未预警";
            lines.add(name(scheme, n) + "（与第" + previousRevision + "版相比）：" + (was.equals(is) ? "数据有更正，" + is
                    : was + " → " + is) + "；" + status(scheme, groups, period, n));
        }
        return lines;
    }

    static boolean same(WarningRules.Item a, WarningRules.Item b) {
        return a.triggers().equals(b.triggers()) && eq(a.value(), b.value()) && eq(a.zoneGrowth(), b.zoneGrowth())
                && eq(a.cityGrowth(), b.cityGrowth()) && Objects.equals(a.cityRank(), b.cityRank())
                && Objects.equals(a.previousRank(), b.previousRank()) && eq(a.annualTarget(), b.annualTarget());
    }

    private static boolean eq(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String reasons(WarningRules.Item i) {
        return String.join("、", i.triggers().stream().map(t -> t.label).toList());
    }

    private static String groupName(WorkingGroups groups, WarningRules.Item i) {
        return groups.group(i.group()).map(WorkingGroups.Group::name).orElse(i.group());
    }

    private static String name(Scheme scheme, WarningRules.Item i) {
        return scheme.dimension(i.dimension()).map(Dimension::name).orElse(i.dimension());
    }

    private static String amount(Scheme scheme, WarningRules.Item i, BigDecimal v) {
        String measure = scheme.dimension(i.dimension()).map(Dimension::measure).orElse("");
        return v == null ? "—" : Figures.amount(v) + measure;
    }

    private static String percent(BigDecimal fraction) {
        return fraction == null ? "—" : Figures.percent(fraction);
    }

    private static String rank(Integer rank) {
        return rank == null ? "—" : "第" + rank + "位";
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }
}
