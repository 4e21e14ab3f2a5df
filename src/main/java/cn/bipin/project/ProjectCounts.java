package cn.bipin.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.bipin.scheme.ProjectRules;

/**
 * What a set of projects adds up to at a period end, per unit (DOMAIN §7.1 D9, {@link ProjectRules}). Pure arithmetic,
 * no Spring or SQL. The counting window runs from 1 January of the year to the period's last day, both included
 * (cumulative, D10): a project started the year before is not new, one completed in it is completed.
 */
final class ProjectCounts {

    static final String NEW = "projects_new";
    static final String NEW_COUNT = "projects_new_count";
    static final String COMPLETED = "projects_completed";
    static final String RESERVE = "projects_reserve";

    private ProjectCounts() {
    }

    /**
     * A project as judged at the period end.
     *
     * @param band   its new-project band when it is new and reaches the lowest band, else null
     * @param weight its weight in {@code projects_new} (0 when not counted there)
     */
    record Judged(ProjectRecord project, boolean started, boolean isNew, ProjectRules.Band band, BigDecimal weight,
                  boolean completed, boolean reserve) {
    }

    static Judged judge(ProjectRecord p, ProjectRules rules, int year, LocalDate periodEnd) {
        LocalDate yearStart = LocalDate.of(year, 1, 1);
        boolean started = p.start() != null && !p.start().isAfter(periodEnd);
        boolean startedInWindow = started && !p.start().isBefore(yearStart);
        ProjectRules.Band band = startedInWindow ? rules.band(p.investment()) : null;
        boolean completed = p.completion() != null && !p.completion().isAfter(periodEnd)
                && !p.completion().isBefore(yearStart) && p.investment().compareTo(rules.completedFrom()) >= 0;
        boolean reserve = !started && p.investment().compareTo(rules.reserveFrom()) >= 0;
        return new Judged(p, started, band != null, band, band == null ? BigDecimal.ZERO : band.weight(), completed, reserve);
    }

    static List<Judged> judgeAll(List<ProjectRecord> projects, ProjectRules rules, int year, LocalDate periodEnd) {
        List<Judged> out = new ArrayList<>(projects.size());
        projects.forEach(p -> out.add(judge(p, rules, year, periodEnd)));
        return out;
    }

    /** Figure → unit → value; every unit in {@code units} has every figure (0 when it has no project). */
    static Map<String, Map<String, BigDecimal>> figures(List<Judged> judged, List<String> units) {
        Map<String, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        for (String f : List.of(NEW, NEW_COUNT, COMPLETED, RESERVE)) {
            Map<String, BigDecimal> m = new LinkedHashMap<>();
            units.forEach(u -> m.put(u, BigDecimal.ZERO));
            out.put(f, m);
        }
        for (Judged j : judged) {
            String u = j.project().unitCode();
            if (!out.get(NEW).containsKey(u)) {
                continue;
            }
            if (j.isNew()) {
                out.get(NEW).merge(u, j.weight(), BigDecimal::add);
                out.get(NEW_COUNT).merge(u, BigDecimal.ONE, BigDecimal::add);
            }
            if (j.completed()) {
                out.get(COMPLETED).merge(u, BigDecimal.ONE, BigDecimal::add);
            }
            if (j.reserve()) {
                out.get(RESERVE).merge(u, BigDecimal.ONE, BigDecimal::add);
            }
        }
        return out;
    }
}
