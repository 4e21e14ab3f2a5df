package cn.bipin.liaison;

import java.time.LocalDate;
import java.util.List;

/**
 * The liaison ledger as it stands: the newest version of every assignment, visit and problem. Records only; what they
 * add up to is {@link LiaisonFigures}'s.
 */
record Ledger(List<Assignment> assignments, List<Visit> visits, List<Problem> problems) {

    /** 包联对象: an enterprise or project, its responsible unit, leader and service officer, from (and to) a date. */
    record Assignment(String id, String subjectType, String subjectName, String subjectCode, String unitCode,
                      String leader, String officer, LocalDate from, LocalDate to) {

        /** Whether the assignment runs on any day between first and last (inclusive). */
        boolean activeBetween(LocalDate first, LocalDate last) {
            return !from.isAfter(last) && (to == null || !to.isBefore(first));
        }
    }

    /** 走访记录. */
    record Visit(String id, String assignmentId, LocalDate date, String visitor, String form, String content) {
    }

    /** 问题台账: deadline is the promised date, or the scheme's default after the raised date (挂牌整改). */
    record Problem(String id, String assignmentId, LocalDate raisedOn, String category, String description,
                   LocalDate promisedOn, LocalDate closedOn, String note) {
    }

    static Ledger of(List<LiaisonStore.Latest> assignments, List<LiaisonStore.Latest> visits,
                     List<LiaisonStore.Latest> problems) {
        return new Ledger(assignments.stream().map(l -> assignment(cells(LiaisonKind.ASSIGNMENT, l))).toList(),
                visits.stream().map(l -> visit(cells(LiaisonKind.VISIT, l))).toList(),
                problems.stream().map(l -> problem(cells(LiaisonKind.PROBLEM, l))).toList());
    }

    private static String[] cells(LiaisonKind kind, LiaisonStore.Latest latest) {
        String[] c = LiaisonRows.split(latest.cells(), kind.fields.size());
        for (int i = 0; i < c.length; i++) {
            c[i] = c[i] == null ? "" : c[i];
        }
        return c;
    }

    static Assignment assignment(String[] c) {
        return new Assignment(c[0], c[1], c[2], blank(c[3]), c[4], c[5], c[6], LocalDate.parse(c[7]), date(c[8]));
    }

    static Visit visit(String[] c) {
        return new Visit(c[0], c[1], LocalDate.parse(c[2]), c[3], blank(c[4]), blank(c[5]));
    }

    static Problem problem(String[] c) {
        return new Problem(c[0], c[1], LocalDate.parse(c[2]), blank(c[3]), c[4], date(c[5]), date(c[6]), blank(c[8]));
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static LocalDate date(String s) {
        return s == null || s.isEmpty() ? null : LocalDate.parse(s);
    }
}
