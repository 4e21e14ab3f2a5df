package cn.bipin.incentive;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.bipin.report.TableRow;
import cn.bipin.report.TableSection;

/**
 * What changed in an incentive list against the revision before (D23): awards added, withdrawn, or paid a different
 * amount, by rule, subject and part. None changed: the list is the same and is not mailed again unless forced.
 *
 * @param previousRevision the revision compared with
 */
record IncentiveChanges(int previousRevision, List<Change> changes, BigDecimal previousTotal, BigDecimal total) {

    /** One award line that is new, gone, or paid differently; null amount where the line is absent. */
    record Change(String ruleId, String subject, BigDecimal before, BigDecimal after) {
    }

    static IncentiveChanges between(int previousRevision, List<IncentiveStore.StoredLine> before,
            List<IncentiveStore.StoredLine> after) {
        Map<String, IncentiveStore.StoredLine> old = paid(before);
        Map<String, IncentiveStore.StoredLine> now = paid(after);
        List<Change> changes = new ArrayList<>();
        now.forEach((key, line) -> {
            IncentiveStore.StoredLine was = old.get(key);
            if (was == null || was.award().amount().compareTo(line.award().amount()) != 0) {
                changes.add(new Change(line.award().ruleId(), subject(line.award()),
                        was == null ? null : was.award().amount(), line.award().amount()));
            }
        });
        old.forEach((key, line) -> {
            if (!now.containsKey(key)) {
                changes.add(new Change(line.award().ruleId(), subject(line.award()), line.award().amount(), null));
            }
        });
        return new IncentiveChanges(previousRevision, List.copyOf(changes), sum(old), sum(now));
    }

    boolean none() {
        return changes.isEmpty();
    }

    /** E.g. 与第1版相比：新增 1 项、取消 2 项、金额变化 1 项；合计 1,915,000 → 1,855,000 元. */
    String summary() {
        long added = changes.stream().filter(c -> c.before() == null).count();
        long gone = changes.stream().filter(c -> c.after() == null).count();
        long changed = changes.size() - added - gone;
        List<String> parts = new ArrayList<>();
        if (added > 0) {
            parts.add("新增 " + added + " 项");
        }
        if (gone > 0) {
            parts.add("取消 " + gone + " 项");
        }
        if (changed > 0) {
            parts.add("金额变化 " + changed + " 项");
        }
        return "与第" + previousRevision + "版相比：" + String.join("、", parts) + "；合计 " + Money.format(previousTotal)
                + " → " + Money.format(total) + " 元";
    }

    /** The 更正说明 table the list opens with. */
    TableSection section(java.util.function.Function<String, String> heading) {
        List<TableRow> rows = changes.stream().map(c -> new TableRow(List.of(
                c.before() == null ? "新增" : c.after() == null ? "取消" : "金额变化", heading.apply(c.ruleId()), c.subject(),
                c.before() == null ? "—" : Money.format(c.before()), c.after() == null ? "—" : Money.format(c.after())),
                false)).toList();
        return new TableSection("更正说明", summary() + "。以本版为准。",
                List.of("变更", "规则", "奖励对象", "原金额（元）", "现金额（元）"), rows);
    }

    private static Map<String, IncentiveStore.StoredLine> paid(List<IncentiveStore.StoredLine> lines) {
        Map<String, IncentiveStore.StoredLine> map = new LinkedHashMap<>();
        for (IncentiveStore.StoredLine l : lines) {
            if (l.granted()) {
                Award a = l.award();
                map.merge(a.ruleId() + "|" + a.subjectId() + "|" + a.part() + "|" + Objects.toString(a.recipientId(), ""), l,
                        (x, y) -> x);
            }
        }
        return map;
    }

    private static BigDecimal sum(Map<String, IncentiveStore.StoredLine> lines) {
        return lines.values().stream().map(l -> l.award().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String subject(Award a) {
        return a.subjectName() + "（" + a.subjectId() + "）" + ("-".equals(a.part()) ? "" : " · " + a.part());
    }
}
