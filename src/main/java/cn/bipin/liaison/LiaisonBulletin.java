package cn.bipin.liaison;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

import cn.bipin.report.Bulletin;
import cn.bipin.report.BulletinRenderer;
import cn.bipin.report.BulletinWorkbookWriter;
import cn.bipin.report.Csv;
import cn.bipin.report.FileNames;
import cn.bipin.report.Figures;
import cn.bipin.report.TableRow;
import cn.bipin.report.TableSection;
import cn.bipin.run.Run;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.Unit;

/**
 * Writes a revision's monthly liaison bulletin (包联走访通报): the district's PDF and .xlsx (per unit the assignments,
 * visits, coverage, problems raised / closed / open / overdue; the assignments not visited this month; the overdue
 * problems with days overdue; problems closed late), a CSV of the figures, the refused rows, and each unit's own list
 * (PDF and .xlsx with only its rows). The generic bulletin template lays the tables out (CJK font embedded); this class
 * decides what they say.
 */
@Component
class LiaisonBulletin {

    static final String CSV_HEADER = "scheme,period,revision,unit_code,unit_name,assignments,visited,visits,coverage_rate,"
            + "problems_raised,problems_closed,problems_closed_late,problems_open,problems_overdue,closing_rate";

    private final BulletinRenderer renderer;
    private final BulletinWorkbookWriter workbook;

    LiaisonBulletin(BulletinRenderer renderer, BulletinWorkbookWriter workbook) {
        this.renderer = renderer;
        this.workbook = workbook;
    }

    record Files(Path dir, Path pdf, Path xlsx, Path csv, Path rejections) {
    }

    /** One unit's own list. */
    record UnitFiles(Unit unit, Path pdf, Path xlsx) {
    }

    static String title(Scheme scheme, Period period) {
        return scheme.title() + period.label() + "千名干部联千企（项目）包联走访通报";
    }

    Files files(Scheme scheme, Run run) {
        Path dir = Path.of(run.outputDir());
        String base = FileNames.safe(title(scheme, run.period())) + "-第" + run.revision() + "版";
        return new Files(dir, dir.resolve(base + ".pdf"), dir.resolve(base + ".xlsx"),
                dir.resolve("liaison-" + run.period().code() + "-r" + run.revision() + ".csv"),
                dir.resolve("退回明细-" + run.period().code() + "-r" + run.revision() + ".csv"));
    }

    UnitFiles unitFiles(Scheme scheme, Run run, Unit unit) {
        Path dir = Path.of(run.outputDir()).resolve("单位");
        String base = FileNames.safe(unit.name() + "-" + run.period().label() + "包联走访清单") + "-第" + run.revision() + "版";
        return new UnitFiles(unit, dir.resolve(base + ".pdf"), dir.resolve(base + ".xlsx"));
    }

    /**
     * Writes everything; {@code changes} (against the revision before, empty when none or no change) make it a 更正
     * that opens with what changed. Returns the units' own lists, for units with an assignment.
     */
    List<UnitFiles> write(Scheme scheme, Run run, LiaisonFigures.Month month, List<String> changes,
                          List<LiaisonStore.Rejection> rejections, Map<String, List<String>> rejectedByUnit) {
        Files f = files(scheme, run);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        String footer = "包联走访 运行 #" + run.id() + " · 第" + run.revision() + "版 · 生成于 " + stamp;
        boolean correction = !changes.isEmpty();
        String title = (correction ? "【更正】" : "") + title(scheme, run.period());
        Bulletin district = bulletin(scheme, title, footer, month, changes, u -> true, true);
        renderer.renderPdf(district, f.pdf());
        workbook.write(district, f.xlsx());
        List<String> lines = new ArrayList<>();
        for (LiaisonFigures.UnitFigures u : month.units()) {
            lines.add(Csv.line(scheme.id(), run.period().code(), Integer.toString(run.revision()), u.unitCode(),
                    unitName(scheme, u.unitCode()), Integer.toString(u.assignments()), Integer.toString(u.visited()),
                    Integer.toString(u.visits()), plain(u.coverageRate()), Integer.toString(u.raised()),
                    Integer.toString(u.closed()), Integer.toString(u.closedLate()), Integer.toString(u.open()),
                    Integer.toString(u.overdue()), plain(u.closingRate())));
        }
        Csv.write(f.csv(), CSV_HEADER, lines);
        Csv.write(f.rejections(), "file,row,reason", rejections.stream()
                .map(r -> Csv.line(r.fileName(), r.rowNo() == 0 ? "" : Integer.toString(r.rowNo()),
                        r.rowNo() == 0 ? "整个文件退回：" + r.reason() : r.reason())).toList());
        List<UnitFiles> units = new ArrayList<>();
        for (LiaisonFigures.UnitFigures u : month.units()) {
            Unit unit = scheme.unit(u.unitCode()).orElseThrow();
            UnitFiles uf = unitFiles(scheme, run, unit);
            String unitTitle = (correction ? "【更正】" : "") + unit.name() + run.period().label() + "包联走访清单";
            Bulletin own = bulletin(scheme, unitTitle, footer, month, List.of(), code -> code.equals(unit.code()), false);
            List<TableSection> after = new ArrayList<>(own.after());
            after.add(new TableSection("本次退回的记录", "本次运行收到的台账文件中，涉及本单位、未被采用的行；请改正后另交新文件重新报送",
                    List.of("文件、行、列和原因"), rejectedByUnit.getOrDefault(unit.code(), List.of()).stream()
                            .map(r -> new TableRow(List.of(r), true)).toList()).withWideLast());
            own = Bulletin.ofSections(own.title(), own.subtitle(), own.footer(), own.before(), after);
            renderer.renderPdf(own, uf.pdf());
            workbook.write(own, uf.xlsx());
            units.add(uf);
        }
        return units;
    }

    private Bulletin bulletin(Scheme scheme, String title, String footer, LiaisonFigures.Month month,
                              List<String> changes, Predicate<String> unitShown, boolean district) {
        LocalDate end = month.month().atEndOfMonth();
        List<TableRow> summary = new ArrayList<>();
        int[] total = new int[8];
        for (LiaisonFigures.UnitFigures u : month.units()) {
            if (!unitShown.test(u.unitCode())) {
                continue;
            }
            summary.add(new TableRow(List.of(unitName(scheme, u.unitCode()), Integer.toString(u.assignments()),
                    Integer.toString(u.visits()), Integer.toString(u.visited()), percent(u.coverageRate()),
                    Integer.toString(u.raised()), Integer.toString(u.closed()), Integer.toString(u.open()),
                    Integer.toString(u.overdue()), percent(u.closingRate())),
                    u.overdue() > 0));
            total[0] += u.assignments();
            total[1] += u.visits();
            total[2] += u.visited();
            total[3] += u.raised();
            total[4] += u.closed();
            total[5] += u.open();
            total[6] += u.overdue();
        }
        if (summary.size() > 1) {
            summary.add(TableRow.bottom(List.of("合计", Integer.toString(total[0]), Integer.toString(total[1]),
                    Integer.toString(total[2]), percent(LiaisonFigures.rate(total[2], total[0])), Integer.toString(total[3]),
                    Integer.toString(total[4]), Integer.toString(total[5]), Integer.toString(total[6]), ""), true));
        }
        List<TableSection> before = new ArrayList<>();
        if (!changes.isEmpty()) {
            before.add(new TableSection("更正说明", "本版更正了上一版的数字（单位报送了更正记录），请以本版为准",
                    List.of("更正内容"), changes.stream().map(c -> new TableRow(List.of(c), false)).toList()).withWideLast());
        }
        List<TableSection> after = new ArrayList<>();
        // the district's bulletin has the summary on its own first page; a unit's one-row summary heads its list
        (district ? before : after).add(new TableSection(district ? "各单位包联走访情况" : "本单位包联走访情况", "截至" + end + "；走访覆盖率 = 本月已走访的包联对象 ÷ 本月在包联期内的包联对象；"
                + "办结率 = 累计办结 ÷ 累计提出",
                List.of("单位", "包联对象", "本月走访次数", "已走访对象", "走访覆盖率", "本月新提问题", "本月办结", "未办结",
                        "逾期未办结", "累计办结率"), summary));
        after.add(new TableSection("本月未走访的包联对象", "原则上每月至少走访一次；“最近走访”为此前最近一次走访日期",
                List.of("责任单位", "包联编号", "企业（项目）", "责任领导", "服务专员", "本月走访", "最近走访"),
                month.unvisited().stream().filter(x -> unitShown.test(x.assignment().unitCode()))
                        .map(x -> new TableRow(List.of(unitName(scheme, x.assignment().unitCode()), x.assignment().id(),
                                x.assignment().subjectName(), x.assignment().leader(), x.assignment().officer(),
                                Integer.toString(x.visits()), x.lastVisit() == null ? "从未走访" : x.lastVisit().toString()),
                                x.lastVisit() == null)).toList()));
        after.add(new TableSection("逾期未办结问题", "截至" + end + "仍未办结且已过承诺办结日期的问题；办结（销号）前每月列出",
                List.of("责任单位", "问题编号", "企业（项目）", "提出日期", "承诺办结日期", "逾期天数", "问题描述"),
                month.overdue().stream().filter(x -> unitShown.test(x.assignment().unitCode()))
                        .map(x -> new TableRow(List.of(unitName(scheme, x.assignment().unitCode()), x.problem().id(),
                                x.assignment().subjectName(), x.problem().raisedOn().toString(), x.deadline().toString(),
                                Long.toString(x.daysOverdue()), x.problem().description()), true)).toList()).withWideLast());
        after.add(new TableSection("本月逾期办结的问题", "本月办结、但晚于承诺办结日期的问题",
                List.of("责任单位", "问题编号", "企业（项目）", "承诺办结日期", "办结日期", "逾期天数", "问题描述"),
                month.closedLate().stream().filter(x -> unitShown.test(x.assignment().unitCode()))
                        .map(x -> new TableRow(List.of(unitName(scheme, x.assignment().unitCode()), x.problem().id(),
                                x.assignment().subjectName(), x.deadline().toString(), x.problem().closedOn().toString(),
                                Long.toString(x.daysLate()), x.problem().description()), false)).toList()).withWideLast());
        return Bulletin.ofSections(title, "千名干部联千企（项目） · " + month.month().getYear() + "年" + month.month().getMonthValue()
                + "月 · 截至" + end, footer, before, after);
    }

    /** What changed per unit against the revision before, one line a unit; empty when nothing. */
    static List<String> changes(Scheme scheme, int previousRevision, Map<String, LiaisonFigures.UnitFigures> before,
                                Map<String, LiaisonFigures.UnitFigures> now) {
        List<String> lines = new ArrayList<>();
        java.util.Set<String> codes = new java.util.LinkedHashSet<>(now.keySet());
        codes.addAll(before.keySet());
        for (String code : codes) {
            LiaisonFigures.UnitFigures b = before.get(code);
            LiaisonFigures.UnitFigures n = now.get(code);
            if (Objects.equals(b, n)) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            if (b == null || n == null) {
                parts.add(b == null ? "新增" : "不再列出");
            } else {
                diff(parts, "包联对象", b.assignments(), n.assignments());
                diff(parts, "本月走访次数", b.visits(), n.visits());
                diff(parts, "已走访对象", b.visited(), n.visited());
                if (!Objects.equals(b.coverageRate(), n.coverageRate())) {
                    parts.add("走访覆盖率 " + percent(b.coverageRate()) + " → " + percent(n.coverageRate()));
                }
                diff(parts, "本月新提问题", b.raised(), n.raised());
                diff(parts, "本月办结", b.closed(), n.closed());
                diff(parts, "未办结", b.open(), n.open());
                diff(parts, "逾期未办结", b.overdue(), n.overdue());
                if (!Objects.equals(b.closingRate(), n.closingRate())) {
                    parts.add("累计办结率 " + percent(b.closingRate()) + " → " + percent(n.closingRate()));
                }
                diff(parts, "逾期办结", b.closedLate(), n.closedLate());
            }
            lines.add(unitName(scheme, code) + "（与第" + previousRevision + "版相比）：" + String.join("；", parts));
        }
        return lines;
    }

    private static void diff(List<String> parts, String label, int before, int now) {
        if (before != now) {
            parts.add(label + " " + before + " → " + now);
        }
    }

    private static String unitName(Scheme scheme, String code) {
        return scheme.unit(code).map(Unit::name).orElse(code);
    }

    static String percent(BigDecimal rate) {
        return rate == null ? "—" : Figures.percent(rate);
    }

    private static String plain(BigDecimal rate) {
        return rate == null ? "" : rate.toPlainString();
    }
}
