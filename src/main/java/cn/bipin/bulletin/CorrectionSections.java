package cn.bipin.bulletin;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.bipin.results.ComponentCode;
import cn.bipin.results.LedgerFigures;
import cn.bipin.results.RevisionDiff.Diff;
import cn.bipin.results.RevisionDiff.InputChange;
import cn.bipin.results.RevisionDiff.ScoreChange;
import cn.bipin.run.Run;
import cn.bipin.run.RunRepository;
import cn.bipin.scheme.Competition;
import cn.bipin.scheme.Dimension;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.Unit;
import cn.bipin.report.TableRow;
import cn.bipin.report.TableSection;
import cn.bipin.report.Figures;

/** The 更正说明 of a revision: which inputs changed, and which scores and ranks changed, against the revision before. */
@Component
class CorrectionSections {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final RunRepository runs;
    private final List<LedgerFigures> ledgers;

    CorrectionSections(RunRepository runs, List<LedgerFigures> ledgers) {
        this.runs = runs;
        this.ledgers = ledgers;
    }

    /**
     * The 更正说明 tables: submitted figures that changed (with the file and time they came in), period scores that
     * changed because a month or quarter was run again, and the scores and ranks that changed. A revision whose
     * results did not change prints none: it is not a 更正 and has nothing to explain.
     */
    List<TableSection> sections(Scheme scheme, Diff diff) {
        if (diff.unchanged()) {
            return List.of();
        }
        String against = "与第" + diff.previous().revision() + "版（运行 #" + diff.previous().id() + "）相比"
                + rerun(diff.run(), diff.previous());
        List<TableSection> sections = new ArrayList<>();
        List<InputChange> submitted = diff.inputs().stream().filter(c -> ComponentCode.period(c.dimensionCode()).isEmpty())
                .toList();
        List<InputChange> periods = diff.inputs().stream().filter(c -> ComponentCode.period(c.dimensionCode()).isPresent())
                .toList();
        if (!submitted.isEmpty()) {
            List<TableRow> rows = submitted.stream().map(c -> new TableRow(List.of(unit(scheme, c.unitCode()),
                    competition(scheme, c.competitionCode()), dimension(scheme, c), value(scheme, c, c.oldValue(), c.newValue()),
                    value(scheme, c, c.newValue(), c.oldValue()), source(scheme, diff, c)), false)).toList();
            boolean ledger = submitted.stream().anyMatch(c -> scheme.ledgerDimensions().containsKey(c.dimensionCode()));
            sections.add(new TableSection("更正说明：报送数据变更", against + "，计分所用的报送数据有以下变更（以最后收到的报送为准"
                    + (ledger ? "；由台账计算的指标列出使其变化的台账文件和案件" : "") + "）。",
                    List.of("单位", "比拼", "指标", "原值", "新值", "来源文件（收到时间）"), rows).withWideLast());
        }
        if (!periods.isEmpty()) {
            List<TableRow> rows = periods.stream().map(c -> new TableRow(List.of(unit(scheme, c.unitCode()),
                    competition(scheme, c.competitionCode()), ComponentCode.period(c.dimensionCode()).orElseThrow().shortLabel() + "得分",
                    Figures.score(c.oldValue()), Figures.score(c.newValue())), false)).toList();
            sections.add(new TableSection("更正说明：所用各期得分变更", (submitted.isEmpty() ? against + "，" : "")
                    + "以下各期重新运行后得分有变化，本期按各期最新版本计算。",
                    List.of("单位", "比拼", "得分项", "原得分", "新得分"), rows));
        }
        List<TableRow> scores = diff.scores().stream().map(s -> new TableRow(List.of(unit(scheme, s.unitCode()),
                s.competitionCode() == null ? "合计" : competition(scheme, s.competitionCode()),
                Figures.score(s.oldScore()), Figures.score(s.newScore()), rank(s.oldRank()), rank(s.newRank())),
                rankChanged(s))).toList();
        sections.add(new TableSection("更正说明：得分与名次变更", (sections.isEmpty() ? against + "。" : "")
                + "黄色底纹为名次有变化的单位。", List.of("单位", "比拼", "原得分", "新得分", "原名次", "新名次"), scores));
        return sections;
    }

    private String source(Scheme scheme, Diff diff, InputChange c) {
        String figure = scheme.ledgerDimensions().get(c.dimensionCode());
        if (c.fileName() == null && figure != null) {
            // a value derived from a ledger: the cases read since the revision before that moved it
            List<String> sources = new ArrayList<>();
            for (LedgerFigures l : ledgers) {
                String s = l.changeSource(scheme, diff.run().period(), figure, c.unitCode(), diff.previous().id(),
                        diff.run().id());
                if (!s.isEmpty()) {
                    sources.add(s);
                }
            }
            return String.join("；", sources);
        }
        if (c.fileName() == null) {
            return "";
        }
        return c.fileName() + (c.receivedAt() == null ? "" : "（" + c.receivedAt().format(MINUTE) + " 收到）");
    }

    /**
     * For a quarter or year, the periods it is built from that were run again since the revision before (D22), e.g.
     * "（其间 2024-08 已重新运行：第1版 → 第2版）"; empty when none was.
     */
    private String rerun(Run run, Run previous) {
        Map<String, Run> before = new LinkedHashMap<>();
        runs.inputs(previous.id()).forEach(r -> before.put(r.period().code(), r));
        List<String> changed = new ArrayList<>();
        for (Run now : runs.inputs(run.id())) {
            Run was = before.get(now.period().code());
            if (was != null && was.revision() != now.revision()) {
                changed.add(now.period().code() + "：第" + was.revision() + "版 → 第" + now.revision() + "版");
            }
        }
        return changed.isEmpty() ? "" : "（其间已重新运行：" + String.join("，", changed) + "）";
    }

    private static boolean rankChanged(ScoreChange s) {
        return s.oldRank() == null || s.oldRank() != s.newRank();
    }

    private static String rank(Integer rank) {
        return rank == null ? "" : "第" + rank + "名";
    }

    private static String unit(Scheme scheme, String code) {
        return scheme.unit(code).map(Unit::name).orElse(code);
    }

    private static String competition(Scheme scheme, String code) {
        return scheme.competition(code).map(Competition::name).orElse(code);
    }

    private static String dimension(Scheme scheme, InputChange c) {
        return ComponentCode.period(c.dimensionCode()).map(p -> p.shortLabel() + "得分")
                .orElseGet(() -> scheme.dimension(c.dimensionCode()).map(Dimension::name).orElse(c.dimensionCode()));
    }

    /** A changed figure, printed with the same decimals as the figure it is compared with (51,560.05 → 52,100.00). */
    private static String value(Scheme scheme, InputChange c, java.math.BigDecimal v, java.math.BigDecimal other) {
        if (v == null) {
            return "未报送";
        }
        return scheme.dimension(c.dimensionCode()).map(d -> Figures.valueLike(d, v, other)).orElse(Figures.plain(v));
    }
}
