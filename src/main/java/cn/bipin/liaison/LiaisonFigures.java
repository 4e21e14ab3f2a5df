package cn.bipin.liaison;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the ledger adds up to for one month, per unit (R-LIAISON-1, R-LIAISON-2). Pure arithmetic, no Spring or SQL;
 * everything is judged as at the month's last day:
 * <ul>
 * <li>an assignment is <b>active</b> when its from–to range touches the month, and <b>visited</b> when it has at least
 *     {@code visits_per_month} visits dated in the month; <b>coverage</b> = visited ÷ active (none when no active);</li>
 * <li>a problem belongs to its assignment's unit; its <b>deadline</b> is the promised date, else raised + the scheme's
 *     days; <b>raised</b> / <b>closed</b> count problems raised / closed in the month; <b>closed late</b> those closed
 *     in the month after their deadline; <b>open</b> those raised by the month end and not closed by then;
 *     <b>overdue</b> the open ones whose deadline is before the month end (days overdue = month end − deadline);</li>
 * <li><b>closing rate</b> = problems closed by the month end ÷ problems raised by the month end (none when none).</li>
 * </ul>
 */
final class LiaisonFigures {

    private LiaisonFigures() {
    }

    /** One unit's figures; rates are fractions to 4 places (75% = 0.7500), null when there is nothing to divide. */
    record UnitFigures(String unitCode, int assignments, int visited, int visits, BigDecimal coverageRate, int raised,
                       int closed, int closedLate, int open, int overdue, BigDecimal closingRate) {
    }

    /** An active assignment with fewer visits than required this month; lastVisit is its latest visit ever, if any. */
    record Unvisited(Ledger.Assignment assignment, int visits, LocalDate lastVisit) {
    }

    /** A problem open past its deadline at the month end. */
    record Overdue(Ledger.Problem problem, Ledger.Assignment assignment, LocalDate deadline, long daysOverdue) {
    }

    /** A problem closed during the month after its deadline. */
    record ClosedLate(Ledger.Problem problem, Ledger.Assignment assignment, LocalDate deadline, long daysLate) {
    }

    record Month(YearMonth month, List<UnitFigures> units, List<Unvisited> unvisited, List<Overdue> overdue,
                 List<ClosedLate> closedLate) {

        UnitFigures unit(String code) {
            return units.stream().filter(u -> u.unitCode().equals(code)).findFirst().orElse(null);
        }
    }

    /**
     * @param unitOrder the scheme's unit codes in order: units are listed in it, and only units that have (had) an
     *                  assignment get figures
     */
    static Month compute(Ledger ledger, List<String> unitOrder, YearMonth month, LiaisonConfig config) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        Map<String, Ledger.Assignment> byId = new HashMap<>();
        ledger.assignments().forEach(a -> byId.put(a.id(), a));
        Map<String, Integer> visitsInMonth = new HashMap<>();
        Map<String, LocalDate> lastVisit = new HashMap<>();
        for (Ledger.Visit v : ledger.visits()) {
            if (v.date().isAfter(last)) {
                continue;
            }
            lastVisit.merge(v.assignmentId(), v.date(), (a, b) -> a.isAfter(b) ? a : b);
            if (!v.date().isBefore(first)) {
                visitsInMonth.merge(v.assignmentId(), 1, Integer::sum);
            }
        }
        Map<String, int[]> counts = new LinkedHashMap<>(); // unit → assignments, visited, visits, raised, closed, late, open, overdue, raisedByEnd, closedByEnd
        List<Unvisited> unvisited = new ArrayList<>();
        for (Ledger.Assignment a : ledger.assignments()) {
            int[] c = counts.computeIfAbsent(a.unitCode(), u -> new int[10]);
            if (!a.activeBetween(first, last)) {
                continue;
            }
            int n = visitsInMonth.getOrDefault(a.id(), 0);
            c[0]++;
            c[2] += n;
            if (n >= config.visitsPerMonth()) {
                c[1]++;
            } else {
                unvisited.add(new Unvisited(a, n, lastVisit.get(a.id())));
            }
        }
        List<Overdue> overdue = new ArrayList<>();
        List<ClosedLate> closedLate = new ArrayList<>();
        for (Ledger.Problem p : ledger.problems()) {
            Ledger.Assignment a = byId.get(p.assignmentId());
            if (a == null || p.raisedOn().isAfter(last)) {
                continue;
            }
            int[] c = counts.computeIfAbsent(a.unitCode(), u -> new int[10]);
            LocalDate deadline = config.deadline(p);
            boolean closedByEnd = p.closedOn() != null && !p.closedOn().isAfter(last);
            c[8]++;
            if (!p.raisedOn().isBefore(first)) {
                c[3]++;
            }
            if (closedByEnd) {
                c[9]++;
                if (!p.closedOn().isBefore(first)) {
                    c[4]++;
                    if (p.closedOn().isAfter(deadline)) {
                        c[5]++;
                        closedLate.add(new ClosedLate(p, a, deadline, ChronoUnit.DAYS.between(deadline, p.closedOn())));
                    }
                }
            } else {
                c[6]++;
                if (deadline.isBefore(last)) {
                    c[7]++;
                    overdue.add(new Overdue(p, a, deadline, ChronoUnit.DAYS.between(deadline, last)));
                }
            }
        }
        List<UnitFigures> units = new ArrayList<>();
        Map<String, Integer> order = new HashMap<>();
        for (String u : unitOrder) {
            order.put(u, order.size());
            int[] c = counts.get(u);
            if (c != null) {
                units.add(new UnitFigures(u, c[0], c[1], c[2], rate(c[1], c[0]), c[3], c[4], c[5], c[6], c[7],
                        rate(c[9], c[8])));
            }
        }
        Comparator<String> unitRank = Comparator.comparing(u -> order.getOrDefault(u, Integer.MAX_VALUE));
        unvisited.sort(Comparator.comparing((Unvisited x) -> x.assignment().unitCode(), unitRank)
                .thenComparing(x -> x.assignment().id()));
        overdue.sort(Comparator.comparing((Overdue x) -> x.assignment().unitCode(), unitRank)
                .thenComparing(Comparator.comparingLong(Overdue::daysOverdue).reversed())
                .thenComparing(x -> x.problem().id()));
        closedLate.sort(Comparator.comparing((ClosedLate x) -> x.assignment().unitCode(), unitRank)
                .thenComparing(x -> x.problem().id()));
        return new Month(month, units, unvisited, overdue, closedLate);
    }

    static BigDecimal rate(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    /** A derived dimension's value for a unit (DOMAIN §6.2), or null when the unit has none. */
    static BigDecimal derived(UnitFigures f, String derived) {
        return switch (derived) {
            case LiaisonConfig.COVERAGE -> f.coverageRate();
            case LiaisonConfig.CLOSED -> f.closingRate();
            case LiaisonConfig.OVERDUE -> BigDecimal.valueOf(f.overdue());
            default -> throw new IllegalArgumentException(derived);
        };
    }
}
