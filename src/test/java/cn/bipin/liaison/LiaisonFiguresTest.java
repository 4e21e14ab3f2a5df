package cn.bipin.liaison;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.bipin.liaison.Ledger.Assignment;
import cn.bipin.liaison.Ledger.Problem;
import cn.bipin.liaison.Ledger.Visit;

/** The month's figures at their edges (R-LIAISON-1, R-LIAISON-2), each worked by hand; month September 2024. */
class LiaisonFiguresTest {

    static final YearMonth SEPTEMBER = YearMonth.of(2024, 9);

    static Assignment assignment(String id, String unit, String from, String to) {
        return new Assignment(id, "企业", id + "公司", null, unit, "领导", "专员", LocalDate.parse(from),
                to == null ? null : LocalDate.parse(to));
    }

    static Visit visit(String id, String assignment, String date) {
        return new Visit(id, assignment, LocalDate.parse(date), "专员", null, null);
    }

    static Problem problem(String id, String assignment, String raised, String category, String promised, String closed) {
        return new Problem(id, assignment, LocalDate.parse(raised), category, "问题", promised == null ? null : LocalDate.parse(promised),
                closed == null ? null : LocalDate.parse(closed), null);
    }

    static LiaisonConfig config(int visitsPerMonth) {
        return new LiaisonConfig(visitsPerMonth, 30, Map.of("融资", 60), List.of());
    }

    @Test
    void anAssignmentNeedsTheSchemesVisitsPerMonthAndCountsWhenItsRangeTouchesTheMonth() {
        Ledger ledger = new Ledger(List.of(
                assignment("A", "u", "2024-01-01", null),          // 2 visits in September → visited
                assignment("B", "u", "2024-01-01", null),          // 1 visit → not visited when 2 are required
                assignment("C", "u", "2024-09-30", null),          // starts on the month's last day: active, no visit
                assignment("D", "u", "2024-01-01", "2024-09-01"),  // ends on its first day: active, no visit
                assignment("E", "u", "2024-01-01", "2024-08-31"),  // ended before: not active
                assignment("F", "u", "2024-10-01", null)),         // starts after: not active
                List.of(visit("1", "A", "2024-09-01"), visit("2", "A", "2024-09-30"), visit("3", "B", "2024-09-15"),
                        visit("4", "B", "2024-08-20"), visit("5", "C", "2024-10-01"), visit("6", "E", "2024-09-10")),
                List.of());
        LiaisonFigures.Month twice = LiaisonFigures.compute(ledger, List.of("u"), SEPTEMBER, config(2));
        // active A, B, C, D = 4; visits in September to active ones 2 + 1 = 3 (E's visit does not count, E ended);
        // visited (≥ 2): A = 1; coverage 1 / 4 = 25.00%
        LiaisonFigures.UnitFigures u = twice.unit("u");
        assertThat(u.assignments()).isEqualTo(4);
        assertThat(u.visits()).isEqualTo(3);
        assertThat(u.visited()).isEqualTo(1);
        assertThat(u.coverageRate()).isEqualByComparingTo("0.25");
        // not visited B (1 visit, last 09-15), C (never: its October visit is after the month), D (never)
        assertThat(twice.unvisited()).extracting(x -> x.assignment().id() + ":" + x.visits() + ":" + x.lastVisit())
                .containsExactly("B:1:2024-09-15", "C:0:null", "D:0:null");
        // one visit a month: A and B visited → 2 / 4 = 50.00%
        assertThat(LiaisonFigures.compute(ledger, List.of("u"), SEPTEMBER, config(1)).unit("u").coverageRate())
                .isEqualByComparingTo("0.5");
    }

    @Test
    void problemsAreLateOnlyAfterTheirDeadlineAndStayOverdueUntilClosed() {
        Ledger ledger = new Ledger(List.of(assignment("A", "u", "2024-01-01", null)), List.of(), List.of(
                problem("P1", "A", "2024-08-10", null, "2024-09-10", "2024-09-10"), // closed on its deadline: on time
                problem("P2", "A", "2024-08-10", null, "2024-09-10", "2024-09-11"), // one day late
                problem("P3", "A", "2024-09-01", null, null, null),                 // due 09-01 + 30 = 10-01: open, not overdue
                problem("P4", "A", "2024-08-31", null, null, null),                 // due 08-31 + 30 = 09-30: the month end, not overdue
                problem("P5", "A", "2024-08-30", null, null, null),                 // due 09-29: 1 day overdue at 09-30
                problem("P6", "A", "2024-07-01", "融资", null, null),               // 融资 60 days: due 08-30, 31 days overdue
                problem("P7", "A", "2024-07-01", null, "2024-07-20", "2024-10-02"), // closed after the month: open at 09-30,
                                                                                    // 72 days overdue (09-30 − 07-20)
                problem("P8", "A", "2024-06-01", null, null, "2024-08-15"),         // closed before September
                problem("P9", "A", "2024-10-01", null, null, null)));               // raised after: not counted
        LiaisonFigures.Month m = LiaisonFigures.compute(ledger, List.of("u"), SEPTEMBER, config(1));
        LiaisonFigures.UnitFigures u = m.unit("u");
        // raised in September: P3 = 1; closed in September: P1, P2 = 2, late P2 = 1;
        // open at 09-30: P3, P4, P5, P6, P7 = 5; overdue: P5, P6, P7 = 3
        // closing rate: closed by 09-30 (P1, P2, P8) / raised by 09-30 (P1–P8) = 3 / 8 = 37.50%
        assertThat(u).isEqualTo(new LiaisonFigures.UnitFigures("u", 1, 0, 0, new java.math.BigDecimal("0.0000"), 1, 2, 1,
                5, 3, new java.math.BigDecimal("0.3750")));
        assertThat(m.overdue()).extracting(x -> x.problem().id() + ":" + x.deadline() + ":" + x.daysOverdue())
                .containsExactly("P7:2024-07-20:72", "P6:2024-08-30:31", "P5:2024-09-29:1");
        assertThat(m.closedLate()).extracting(x -> x.problem().id() + ":" + x.daysLate()).containsExactly("P2:1");
        // closing P5 on 09-30 (a new version): closed 3, open 4, overdue 2, closed late 2 (09-30 > 09-29); 4 / 8 = 50.00%
        List<Problem> corrected = new java.util.ArrayList<>(ledger.problems());
        corrected.set(4, problem("P5", "A", "2024-08-30", null, null, "2024-09-30"));
        LiaisonFigures.UnitFigures after = LiaisonFigures.compute(new Ledger(ledger.assignments(), List.of(), corrected),
                List.of("u"), SEPTEMBER, config(1)).unit("u");
        assertThat(List.of(after.closed(), after.open(), after.overdue(), after.closedLate())).containsExactly(3, 4, 2, 2);
        assertThat(after.closingRate()).isEqualByComparingTo("0.5");
    }

    @Test
    void unitsAreListedInSchemeOrderAndAUnitWithoutAssignmentsHasNoFigures() {
        Ledger ledger = new Ledger(List.of(assignment("A", "b", "2024-01-01", null), assignment("B", "a", "2024-01-01", null)),
                List.of(visit("1", "B", "2024-09-02")), List.of());
        LiaisonFigures.Month m = LiaisonFigures.compute(ledger, List.of("b", "c", "a"), SEPTEMBER, config(1));
        // b: 0 / 1 visited = 0.00%; a: 1 / 1 = 100.00%; c has no assignment; no problem: closing rate none
        assertThat(m.units()).extracting(f -> f.unitCode() + ":" + f.coverageRate() + ":" + f.closingRate())
                .containsExactly("b:0.0000:null", "a:1.0000:null");
        assertThat(LiaisonFigures.derived(m.unit("a"), LiaisonConfig.OVERDUE)).isEqualByComparingTo("0");
        assertThat(LiaisonFigures.derived(m.unit("a"), LiaisonConfig.CLOSED)).isNull();
    }
}
