package cn.bipin.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import cn.bipin.report.Figures;
import cn.bipin.report.TableRow;
import cn.bipin.report.TableSection;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.Unit;

/**
 * Which departments' evaluation total or rank changed against the revision before (D23), e.g. after late ballots.
 * None changed: the result is the same and is not mailed again unless forced.
 */
record EvaluationChanges(int previousRevision, List<Change> changes) {

    /** One department whose total or rank differs; null where it had none. */
    record Change(String target, BigDecimal totalBefore, BigDecimal totalAfter, Integer rankBefore, Integer rankAfter) {
    }

    static EvaluationChanges between(int previousRevision, EvaluationResult before, EvaluationResult after) {
        List<Change> changes = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        after.targets().forEach(t -> targets.add(t.target()));
        before.targets().stream().map(EvaluationResult.TargetResult::target).filter(t -> !targets.contains(t))
                .forEach(targets::add);
        for (String target : targets) {
            Optional<EvaluationResult.TargetResult> was = before.target(target);
            Optional<EvaluationResult.TargetResult> now = after.target(target);
            BigDecimal totalBefore = was.map(EvaluationResult.TargetResult::total).orElse(null);
            BigDecimal totalAfter = now.map(EvaluationResult.TargetResult::total).orElse(null);
            Integer rankBefore = was.map(EvaluationResult.TargetResult::rank).orElse(null);
            Integer rankAfter = now.map(EvaluationResult.TargetResult::rank).orElse(null);
            if (!same(totalBefore, totalAfter) || !Objects.equals(rankBefore, rankAfter)) {
                changes.add(new Change(target, totalBefore, totalAfter, rankBefore, rankAfter));
            }
        }
        return new EvaluationChanges(previousRevision, List.copyOf(changes));
    }

    boolean none() {
        return changes.isEmpty();
    }

    String summary() {
        return "与第" + previousRevision + "版相比：" + changes.size() + " 个单位的评议得分或名次有变化";
    }

    TableSection section(Scheme scheme) {
        List<TableRow> rows = changes.stream().map(c -> new TableRow(List.of(
                scheme.unit(c.target()).map(Unit::name).orElse(c.target()), score(c.totalBefore()), score(c.totalAfter()),
                rank(c.rankBefore()), rank(c.rankAfter())), false)).toList();
        return new TableSection("更正说明", summary() + "。以本版为准。",
                List.of("单位", "原得分", "现得分", "原名次", "现名次"), rows);
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String score(BigDecimal v) {
        return v == null ? "—" : Figures.score(v);
    }

    private static String rank(Integer r) {
        return r == null ? "—" : "第" + r + "名";
    }
}
