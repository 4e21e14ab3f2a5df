package cn.bipin.bulletin;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.bipin.results.ComponentCode;
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

    CorrectionSections(RunRepository runs) {
        this.runs = runs;
    }

    List<TableSection> sections(Scheme scheme, Diff diff) {
        String against = "与第" + diff.previous().revision() + "版（运行 #" + diff.previous().id() + "）相比"
                + rerun(diff.run(), diff.previous());
        if (diff.unchanged()) {
            return List.of(new TableSection("更正说明", against + "，报送数据与得分、名次均无变化。",
                    List.of("项目", "说明"), List.of()));
        }
        List<TableRow> inputs = diff.inputs().stream().map(c -> new TableRow(List.of(unit(scheme, c.unitCode()),
                competition(scheme, c.competitionCode()), dimension(scheme, c), value(scheme, c, c.oldValue()),
                value(scheme, c, c.newValue()), c.fileName() == null ? "" : c.fileName(),
                c.receivedAt() == null ? "" : c.receivedAt().format(MINUTE)), false)).toList();
        List<TableRow> scores = diff.scores().stream().map(s -> new TableRow(List.of(unit(scheme, s.unitCode()),
                s.competitionCode() == null ? "合计" : competition(scheme, s.competitionCode()),
                Figures.score(s.oldScore()), Figures.score(s.newScore()), rank(s.oldRank()), rank(s.newRank())),
                rankChanged(s))).toList();
        return List.of(
                new TableSection("更正说明：报送数据变更", against + "，计分所用的数据有以下变更（以最后收到的报送为准）。",
                        List.of("单位", "比拼", "指标", "原值", "新值", "来源文件", "收到时间"), inputs),
                new TableSection("更正说明：得分与名次变更", "标红为名次有变化的单位。",
                        List.of("单位", "比拼", "原得分", "新得分", "原名次", "新名次"), scores));
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

    private static String value(Scheme scheme, InputChange c, java.math.BigDecimal v) {
        if (v == null) {
            return "未报送";
        }
        if (ComponentCode.period(c.dimensionCode()).isPresent()) {
            return Figures.score(v); // a period's competition score, as the rankings print it
        }
        return scheme.dimension(c.dimensionCode()).map(d -> Figures.value(d, v)).orElse(Figures.plain(v));
    }
}
