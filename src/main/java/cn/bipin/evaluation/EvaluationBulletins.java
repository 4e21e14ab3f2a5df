package cn.bipin.evaluation;


import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.bipin.report.Bulletin;
import cn.bipin.report.BulletinRenderer;
import cn.bipin.report.BulletinWorkbookWriter;
import cn.bipin.report.Csv;
import cn.bipin.report.Figures;
import cn.bipin.report.TableRow;
import cn.bipin.report.TableSection;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.Unit;
import cn.bipin.run.Run;
import cn.bipin.report.FileNames;

/**
 * Writes the evaluation bulletin (背靠背评议结果): the PDF for the leaders, the same tables as .xlsx, the CSV exports,
 * each target unit's feedback sheet and the office's list of rejected ballots. Every table holds aggregates only;
 * no output of this class carries a token or a token's hash.
 */
@Component
class EvaluationBulletins {

    /** The files of one run. */
    record RunFiles(Path pdf, Path xlsx, Path csv, Path casesCsv, Path rejectedCsv, Path feedbackDir) {
        List<Path> attachments() {
            return List.of(pdf, xlsx);
        }
    }

    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final BulletinRenderer renderer;
    private final BulletinWorkbookWriter workbooks;
    private final EvaluationInputs inputs;

    EvaluationBulletins(BulletinRenderer renderer, BulletinWorkbookWriter workbooks, EvaluationInputs inputs) {
        this.renderer = renderer;
        this.workbooks = workbooks;
        this.inputs = inputs;
    }

    static String title(Scheme scheme, EvaluationRules rules, String period) {
        return scheme.title() + period + "年度" + rules.title();
    }

    RunFiles files(Scheme scheme, EvaluationRules rules, Run run, Path dir) {
        String base = FileNames.safe(title(scheme, rules, run.period().code())) + "-第" + run.revision() + "版";
        String suffix = run.period().code() + "-r" + run.revision() + ".csv";
        return new RunFiles(dir.resolve(base + ".pdf"), dir.resolve(base + ".xlsx"), dir.resolve("evaluation-" + suffix),
                dir.resolve("excellent-cases-" + suffix), dir.resolve("退回的评议票-" + suffix), dir.resolve("反馈"));
    }

    RunFiles write(Scheme scheme, EvaluationRules rules, Run run, EvaluationResult result,
            List<ExcellentCases.Case> cases, Path dir, java.util.Optional<EvaluationChanges> changes) {
        RunFiles files = files(scheme, rules, run, dir);
        Bulletin bulletin = bulletin(scheme, rules, run, result, cases, changes.filter(c -> !c.none()));
        renderer.renderPdf(bulletin, files.pdf());
        workbooks.write(bulletin, files.xlsx());
        writeCsv(scheme, rules, run, result, files.csv());
        writeCasesCsv(scheme, cases, files.casesCsv());
        writeRejected(scheme.id(), run.period().code(), files.rejectedCsv());
        for (EvaluationResult.TargetResult t : result.targets()) {
            Unit u = scheme.unit(t.target()).orElseThrow();
            workbooks.write(feedback(scheme, rules, run, t, result.targets().size()),
                    files.feedbackDir().resolve("评议反馈_" + run.period().code() + "_" + u.code() + "_" + u.name() + ".xlsx"));
        }
        return files;
    }

    Bulletin bulletin(Scheme scheme, EvaluationRules rules, Run run, EvaluationResult result,
            List<ExcellentCases.Case> cases, java.util.Optional<EvaluationChanges> correction) {
        String subtitle = "年底总比拼 · 以背靠背评议为主题 · 有效评议票 " + result.ballots() + " 张"
                + (result.replaced() > 0 ? "（另有 " + result.replaced() + " 张被同一令牌对同一单位的后一张替换）" : "");
        List<TableSection> sections = new ArrayList<>();
        sections.add(ranking(scheme, rules, result));
        sections.add(ballotCounts(scheme, rules, result));
        for (EvaluationRules.RaterGroup g : rules.groups()) {
            sections.add(groupTable(scheme, rules, result, g));
        }
        sections.add(dropped(scheme, rules, result));
        sections.add(casesTable(scheme, rules, cases));
        return Bulletin.ofSections(title(scheme, rules, run.period().code()) + (correction.isPresent() ? "（更正）" : ""),
                subtitle, footer(run), correction.map(c -> List.of(c.section(scheme))).orElse(List.of()), sections);
    }

    private static String footer(Run run) {
        return "评议运行 #" + run.id() + " · 第" + run.revision() + "版 · 生成于 " + LocalDateTime.now().format(SECOND);
    }

    private static TableSection ranking(Scheme scheme, EvaluationRules rules, EvaluationResult result) {
        boolean items = rules.groups().size() + rules.items().size() + 3 <= TableSection.MAX_COLUMNS;
        List<String> headers = new ArrayList<>(List.of("单位", "排名"));
        rules.groups().forEach(g -> headers.add(g.name() + "（" + Figures.plain(g.weight()) + "）"));
        if (items) {
            rules.items().forEach(i -> headers.add(i.name()));
        }
        headers.add("总分");
        List<TableRow> rows = new ArrayList<>();
        for (EvaluationResult.TargetResult t : result.targets()) {
            List<String> cells = new ArrayList<>();
            cells.add(name(scheme, t.target()));
            cells.add(t.rank() == null ? "—" : Integer.toString(t.rank()));
            for (EvaluationResult.GroupResult g : t.groups()) {
                cells.add(g.dropped() ? "不计入（" + g.ballots() + "票）" : Figures.score(g.score()));
            }
            if (items) {
                for (int i = 0; i < rules.items().size(); i++) {
                    cells.add(t.itemScores().isEmpty() ? "—" : Figures.score(t.itemScores().get(i)));
                }
            }
            cells.add(t.total() == null ? "—" : Figures.score(t.total()));
            rows.add(new TableRow(cells, !t.dropped().isEmpty()));
        }
        String note = "总分 = Σ 组权重 × 组得分 ÷ 计入各组权重之和；组得分 = Σ 项目权重 × 项目得分 ÷ Σ 项目权重"
                + (items ? "；各项目栏为各组该项目得分按组权重加权，供参考" : "")
                + "。某组有效票少于" + rules.minBallots() + "张的不计入，其余各组权重重新归一（黄色底纹行）；有效票达到"
                + rules.trimFrom() + "张的去掉一个最高分和一个最低分后平均。逐级按四舍五入保留两位小数的得分计算；并列同名次。";
        return new TableSection("评议排名", note, headers, rows);
    }

    private static TableSection ballotCounts(Scheme scheme, EvaluationRules rules, EvaluationResult result) {
        List<String> headers = new ArrayList<>(List.of("单位"));
        rules.groups().forEach(g -> headers.add(g.name()));
        headers.add("合计");
        headers.add("不计入的组");
        List<TableRow> rows = new ArrayList<>();
        for (EvaluationResult.TargetResult t : result.targets()) {
            List<String> cells = new ArrayList<>();
            cells.add(name(scheme, t.target()));
            int sum = 0;
            for (EvaluationResult.GroupResult g : t.groups()) {
                cells.add(Integer.toString(g.ballots()));
                sum += g.ballots();
            }
            cells.add(Integer.toString(sum));
            cells.add(t.dropped().isEmpty() ? "—" : String.join("、",
                    t.dropped().stream().map(g -> groupName(rules, g.group())).toList()));
            rows.add(new TableRow(cells, !t.dropped().isEmpty()));
        }
        return new TableSection("各组有效评议票数", "同一令牌对同一单位的多张评议票只计最后收到的一张。", headers, rows);
    }

    private static TableSection groupTable(Scheme scheme, EvaluationRules rules, EvaluationResult result,
            EvaluationRules.RaterGroup group) {
        List<String> headers = new ArrayList<>(List.of("单位", "有效票"));
        rules.items().forEach(i -> headers.add(i.name() + "（" + Figures.plain(i.weight()) + "）"));
        headers.add("组得分");
        headers.add("计分方法");
        List<TableRow> rows = new ArrayList<>();
        for (EvaluationResult.TargetResult t : result.targets()) {
            EvaluationResult.GroupResult g = t.groups().stream().filter(x -> x.group().equals(group.code()))
                    .findFirst().orElseThrow();
            List<String> cells = new ArrayList<>();
            cells.add(name(scheme, t.target()));
            cells.add(Integer.toString(g.ballots()));
            for (int i = 0; i < rules.items().size(); i++) {
                cells.add(g.dropped() ? "—" : Figures.score(g.itemScores().get(i)));
            }
            cells.add(g.dropped() ? "—" : Figures.score(g.score()));
            cells.add(g.dropped() ? "有效票少于" + rules.minBallots() + "张，不计入"
                    : g.ballots() >= rules.trimFrom() ? "去掉最高分、最低分后平均" : "算术平均");
            rows.add(new TableRow(cells, g.dropped()));
        }
        return new TableSection("评议组：" + group.name() + "（权重 " + Figures.plain(group.weight()) + "）", null,
                headers, rows);
    }

    private static TableSection dropped(Scheme scheme, EvaluationRules rules, EvaluationResult result) {
        List<TableRow> rows = new ArrayList<>();
        for (EvaluationResult.TargetResult t : result.targets()) {
            for (EvaluationResult.GroupResult g : t.dropped()) {
                rows.add(new TableRow(List.of(name(scheme, t.target()), groupName(rules, g.group()),
                        Integer.toString(g.ballots()), t.total() == null ? "各组均不计入，未计分"
                                : "该组不计入，其余各组权重重新归一"), false));
            }
        }
        return new TableSection("未计入的评议组", "某单位某评议组有效票少于" + rules.minBallots() + "张时，该组不计入该单位的总分。",
                List.of("单位", "评议组", "有效票", "处理"), rows).withWideLast();
    }

    private static TableSection casesTable(Scheme scheme, EvaluationRules rules, List<ExcellentCases.Case> cases) {
        List<TableRow> rows = new ArrayList<>();
        int n = 0;
        for (ExcellentCases.Case c : cases) {
            String summary = c.summary() == null ? "" : c.summary().length() > 120 ? c.summary().substring(0, 120) + "…"
                    : c.summary();
            rows.add(new TableRow(List.of(c.title(), Integer.toString(++n), name(scheme, c.unit()), summary,
                    Integer.toString(c.votes()), c.nominatedAt().format(MINUTE)), false));
        }
        return new TableSection("年度优秀案例", "得票最多的前" + rules.excellentCases() + "个案例；得票相同的，推荐在先的在前。",
                List.of("案例名称", "名次", "单位", "简介", "得票", "推荐时间"), rows);
    }

    /** The feedback a target unit sees: its own aggregates only. */
    private static Bulletin feedback(Scheme scheme, EvaluationRules rules, Run run,
            EvaluationResult.TargetResult t, int targets) {
        List<String> headers = new ArrayList<>(List.of("评议组", "有效票"));
        rules.items().forEach(i -> headers.add(i.name()));
        headers.add("组得分");
        headers.add("说明");
        List<TableRow> rows = new ArrayList<>();
        for (EvaluationResult.GroupResult g : t.groups()) {
            List<String> cells = new ArrayList<>(List.of(groupName(rules, g.group()), Integer.toString(g.ballots())));
            for (int i = 0; i < rules.items().size(); i++) {
                cells.add(g.dropped() ? "—" : Figures.score(g.itemScores().get(i)));
            }
            cells.add(g.dropped() ? "—" : Figures.score(g.score()));
            cells.add(g.dropped() ? "有效票少于" + rules.minBallots() + "张，不计入" : "");
            rows.add(new TableRow(cells, g.dropped()));
        }
        String summary = t.total() == null ? "未计分" : "总分 " + Figures.score(t.total()) + "，第" + t.rank() + "名（共"
                + targets + "个单位）";
        // the sheet says whose result it is and where it stands before the detail: unit, year, total, rank
        TableSection overview = new TableSection("本单位评议汇总", null, List.of("单位", "年度", "总分", "名次"),
                List.of(new TableRow(List.of(name(scheme, t.target()), run.period().label(),
                        t.total() == null ? "未计分" : Figures.score(t.total()),
                        t.rank() == null ? "" : "第" + t.rank() + "名（共" + targets + "个单位）"), false)));
        return Bulletin.ofSections(name(scheme, t.target()) + " " + title(scheme, rules, run.period().code()) + "反馈", summary,
                footer(run), List.of(overview),
                List.of(new TableSection("本单位评议结果", "只含汇总得分，不含任何评议人的信息。", headers, rows)));
    }

    static final String CSV_HEAD = "scheme,period,revision,unit_code,unit_name,rank,total_score,group_code,ballots,dropped,group_score";

    private static void writeCsv(Scheme scheme, EvaluationRules rules, Run run, EvaluationResult result, Path out) {
        StringBuilder header = new StringBuilder(CSV_HEAD);
        rules.items().forEach(i -> header.append(',').append(i.code()));
        List<String> lines = new ArrayList<>();
        for (EvaluationResult.TargetResult t : result.targets()) {
            for (EvaluationResult.GroupResult g : t.groups()) {
                List<String> cells = new ArrayList<>(List.of(scheme.id(), run.period().code(), Integer.toString(run.revision()),
                        t.target(), Csv.field(name(scheme, t.target())), t.rank() == null ? "" : Integer.toString(t.rank()),
                        Figures.score(t.total()), g.group(), Integer.toString(g.ballots()), Boolean.toString(g.dropped()),
                        Figures.score(g.score())));
                for (int i = 0; i < rules.items().size(); i++) {
                    cells.add(g.dropped() ? "" : Figures.score(g.itemScores().get(i)));
                }
                lines.add(String.join(",", cells));
            }
        }
        Csv.write(out, header.toString(), lines);
    }

    private static void writeCasesCsv(Scheme scheme, List<ExcellentCases.Case> cases, Path out) {
        List<String> lines = new ArrayList<>();
        int n = 0;
        for (ExcellentCases.Case c : cases) {
            lines.add(String.join(",", Integer.toString(++n), Csv.field(c.caseNo()), c.unit(), Csv.field(name(scheme, c.unit())),
                    Csv.field(c.title()), Csv.field(c.summary() == null ? "" : c.summary()), Integer.toString(c.votes()),
                    c.nominatedAt().format(MINUTE)));
        }
        Csv.write(out, "place,case_no,unit_code,unit_name,title,summary,votes,nominated_at", lines);
    }

    /** The office's list of rejected ballot lines: file, row and reason — reasons never carry the token. */
    private void writeRejected(String scheme, String period, Path out) {
        List<String> lines = new ArrayList<>();
        for (EvaluationInputs.Rejection r : inputs.rejections(scheme, period)) {
            boolean wholeFile = r.rowNo() == 0;
            lines.add(String.join(",", Csv.field(r.fileName()), r.receivedAt().format(MINUTE),
                    wholeFile ? "" : Integer.toString(r.rowNo()), Csv.field(wholeFile ? "整个文件退回：" + r.error() : r.error())));
        }
        Csv.write(out, "文件,收到时间,行,原因", lines);
    }

    private static String name(Scheme scheme, String unit) {
        return scheme.unit(unit).map(Unit::name).orElse(unit);
    }

    private static String groupName(EvaluationRules rules, String group) {
        return rules.group(group).map(EvaluationRules.RaterGroup::name).orElse(group);
    }
}
