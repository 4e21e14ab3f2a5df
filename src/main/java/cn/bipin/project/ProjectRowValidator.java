package cn.bipin.project;

import static cn.bipin.project.ProjectColumns.*;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.bipin.appeal.LedgerTable;
import cn.bipin.appeal.LedgerTable.LedgerRow;
import cn.bipin.inbox.InboxFiles;
import cn.bipin.inbox.ValueParser;
import cn.bipin.scheme.ProjectRules;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.Unit;

/**
 * Checks one project-list row: never drops it; a row that fails comes out rejected with a reason naming file, row,
 * column and value, in Chinese. One validator per ingest: it keeps the project ids seen in each file (a project twice
 * in one file is a mistake; a project in a later file is a new version).
 */
final class ProjectRowValidator {

    /** A row as it will be stored: the project (null when rejected) or the reason, and the unit once recognised. */
    record Checked(LedgerRow row, ProjectRecord project, String error, String unitCode) {
        boolean accepted() {
            return project != null;
        }
    }

    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:\\s*[T ]\\s*\\d{1,2}\\s*:\\s*\\d{1,2}(?::\\d{1,2})?)?");
    private static final int MAX_ID = 64;
    private static final int MAX_NAME = 200;
    private static final int MAX_NUMBER_CHARS = 30;
    /** Above this a typed investment is taken for a slip (元 typed for 万元, a stray digit): 1万亿. */
    private static final BigDecimal IMPLAUSIBLE = new BigDecimal("100000000");

    private final Scheme scheme;
    private final ProjectRules rules;
    private final int year;
    private final Map<String, Unit> units = new HashMap<>();
    private String currentFile;
    private String unitSeen;
    private final Map<String, Integer> seenInFile = new HashMap<>();

    ProjectRowValidator(Scheme scheme, ProjectRules rules) {
        this.scheme = scheme;
        this.rules = rules;
        this.year = scheme.year();
        for (Unit u : scheme.units()) {
            units.putIfAbsent(norm(u.code()).toLowerCase(Locale.ROOT), u);
            units.putIfAbsent(norm(u.name()), u);
        }
    }

    Checked check(LedgerTable table, LedgerRow row) {
        if (!table.fileName().equals(currentFile)) {
            currentFile = table.fileName();
            seenInFile.clear();
        }
        unitSeen = null;
        try {
            ProjectRecord p = parse(row);
            return new Checked(row, p, null, p.unitCode());
        } catch (Bad bad) {
            return new Checked(row, null, "文件 " + InboxFiles.printable(table.fileName()) + " 第" + row.rowNo() + "行"
                    + (bad.column < 0 ? "" : " " + ALL.get(bad.column).title() + "（" + table.columnLabel(bad.column) + "）")
                    + "：" + bad.getMessage(), unitSeen);
        }
    }

    private ProjectRecord parse(LedgerRow row) {
        String id = norm(required(row, PROJECT_ID));
        if (id.length() > MAX_ID) {
            throw new Bad(PROJECT_ID, "项目编号过长（" + id.length() + "个字符，最多" + MAX_ID + "个）");
        }
        String unitText = required(row, UNIT);
        Unit unit = units.get(norm(unitText).toLowerCase(Locale.ROOT));
        if (unit == null) {
            unit = units.get(norm(unitText));
        }
        if (unit == null) {
            throw new Bad(UNIT, "'" + printable(unitText) + "' 不是方案 " + scheme.id() + " 的单位代码或单位全称");
        }
        unitSeen = unit.code();
        String name = norm(required(row, NAME));
        if (name.length() > MAX_NAME) {
            throw new Bad(NAME, "项目名称过长（" + name.length() + "个字符，最多" + MAX_NAME + "个）");
        }
        BigDecimal investment = investment(row);
        LocalDate start = date(row, START);
        LocalDate completion = date(row, COMPLETION);
        if (completion != null && start == null) {
            throw new Bad(COMPLETION, "填了竣工日期 '" + printable(row.cell(COMPLETION)) + "' 却没有开工日期；竣工的项目请一并填写开工日期");
        }
        if (completion != null && completion.isBefore(start)) {
            throw new Bad(COMPLETION, "竣工日期 '" + printable(row.cell(COMPLETION)) + "' 早于开工日期 " + start);
        }
        Integer first = seenInFile.putIfAbsent(id, row.rowNo());
        if (first != null) {
            throw new Bad(PROJECT_ID, "项目编号 '" + printable(id) + "' 与第" + first + "行相同（同一文件中一个项目只能有一行；更正请另交新文件）");
        }
        String note = norm(row.cell(NOTE));
        return new ProjectRecord(id, 0, unit.code(), name, investment, start, completion,
                note.isEmpty() ? null : note.length() > 1000 ? note.substring(0, 1000) : note);
    }

    private BigDecimal investment(LedgerRow row) {
        String raw = required(row, INVESTMENT);
        String v = ValueParser.normalise(raw);
        if (v.length() > MAX_NUMBER_CHARS) {
            throw new Bad(INVESTMENT, "'" + printable(raw) + "' 不是合理的投资额（过长）");
        }
        BigDecimal n = ValueParser.plainNumber(v);
        if (n == null) {
            throw new Bad(INVESTMENT, "'" + printable(raw) + "' 不是数字（总投资以" + rules.measure() + "为单位，只填数字，如 12000）");
        }
        if (n.signum() <= 0) {
            throw new Bad(INVESTMENT, "总投资应大于0，实际为 '" + printable(raw) + "'");
        }
        if (n.compareTo(IMPLAUSIBLE) > 0) {
            throw new Bad(INVESTMENT, "'" + printable(raw) + "' " + rules.measure() + "不合常理，是否误按元填写？总投资以"
                    + rules.measure() + "为单位");
        }
        return n;
    }

    private LocalDate date(LedgerRow row, int column) {
        String raw = row.cell(column);
        String v = norm(raw);
        if (v.isEmpty()) {
            return null;
        }
        Matcher m = DATE.matcher(v);
        if (v.length() > 40 || !m.matches()) {
            throw new Bad(column, "'" + printable(raw) + "' 不是日期，应" + DATE_HINT);
        }
        LocalDate d;
        try {
            d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            throw new Bad(column, "'" + printable(raw) + "' 不是存在的日期");
        }
        if (d.getYear() > year) {
            throw new Bad(column, "'" + printable(raw) + "' 晚于" + year + "年，不属于本年度项目清单（尚未开工的储备项目开工日期不填）");
        }
        return d;
    }

    private static String required(LedgerRow row, int column) {
        String v = row.cell(column);
        if (v == null || norm(v).isEmpty()) {
            throw new Bad(column, "必填，不能为空");
        }
        return v;
    }

    /** Full-width letters and digits as half-width, odd spaces as none, trimmed. */
    static String norm(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).replace('\u00A0', ' ').strip();
    }

    private static String printable(String s) {
        String p = InboxFiles.printable(s);
        return p.length() <= 100 ? p : p.substring(0, 100) + "…";
    }

    /** A row's problem, with the column it is in. */
    private static final class Bad extends RuntimeException {
        final int column;

        Bad(int column, String message) {
            super(message, null, false, false);
            this.column = column;
        }
    }
}
