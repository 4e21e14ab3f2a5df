package cn.bipin.appeal;

import static cn.bipin.appeal.AppealColumns.*;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.bipin.appeal.AppealRules.Level;
import cn.bipin.appeal.AppealRules.Role;
import cn.bipin.appeal.AppealRules.Size;
import cn.bipin.appeal.LedgerTable.LedgerRow;
import cn.bipin.inbox.InboxFiles;
import cn.bipin.incentive.CreditCode;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.Unit;

/**
 * Checks one ledger row: never drops it; a row that fails comes out rejected with a reason naming file, row, column
 * and value, in Chinese. One validator per ledger year: it keeps the case ids seen in each file (a case twice in one
 * file is a mistake; a case in a later file is a new version).
 */
final class AppealRowValidator {

    /** A row as it will be stored: the case (null when rejected) or the reason. */
    record Checked(LedgerRow row, AppealCase appeal, String error, String unitCode) {
        boolean accepted() {
            return appeal != null;
        }
    }

    private static final Pattern TIME = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:\\s*[T ]?\\s*(\\d{1,2})\\s*[:时]\\s*(\\d{1,2})\\s*分?(?:\\s*[:]\\s*(\\d{1,2})(?:\\.\\d+)?)?)?");
    private static final int MAX_TEXT = 1000;
    private static final int MAX_CASE_ID = 64;

    private final Scheme scheme;
    private final AppealRules rules;
    private final int year;
    private final Map<String, Unit> units = new HashMap<>();
    private String currentFile;
    /** The unit of the row being checked, once recognised: a rejected row still reaches its unit's feedback. */
    private String unitSeen;
    private final Map<String, Integer> seenInFile = new HashMap<>();

    AppealRowValidator(Scheme scheme, AppealRules rules) {
        this.scheme = scheme;
        this.rules = rules;
        this.year = scheme.year();
        for (Unit u : scheme.units()) {
            units.putIfAbsent(norm(u.code()).toLowerCase(java.util.Locale.ROOT), u);
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
            AppealCase c = parse(table, row);
            return new Checked(row, c, null, c.unitCode());
        } catch (Bad bad) {
            return new Checked(row, null, "文件 " + InboxFiles.printable(table.fileName()) + " 第" + row.rowNo() + "行"
                    + (bad.column < 0 ? "" : " " + ALL.get(bad.column).title() + "（" + table.columnLabel(bad.column) + "）")
                    + "：" + bad.getMessage(), unitSeen);
        }
    }

    private AppealCase parse(LedgerTable table, LedgerRow row) {
        String caseId = norm(required(row, CASE_ID));
        if (caseId.length() > MAX_CASE_ID) {
            throw new Bad(CASE_ID, "诉求编号过长（" + caseId.length() + "个字符，最多" + MAX_CASE_ID + "个）");
        }
        String unitText = required(row, UNIT);
        Unit unit = units.get(norm(unitText).toLowerCase(java.util.Locale.ROOT));
        if (unit == null) {
            unit = units.get(norm(unitText));
        }
        if (unit == null) {
            throw new Bad(UNIT, "'" + printable(unitText) + "' 不是方案 " + scheme.id() + " 的单位代码或单位全称");
        }
        unitSeen = unit.code();
        String enterprise = text(row, ENTERPRISE, required(row, ENTERPRISE));
        String credit = norm(row.cell(CREDIT_CODE)).toUpperCase(java.util.Locale.ROOT);
        if (!credit.isEmpty() && !validCreditCode(credit)) {
            throw new Bad(CREDIT_CODE, "'" + printable(row.cell(CREDIT_CODE)) + "' 不是有效的统一社会信用代码（18位，校验位不符或含不允许的字符），不确定可不填");
        }
        Size size = size(row);
        LocalDateTime received = time(row, RECEIVED, true);
        if (received.getYear() > year) {
            throw new Bad(RECEIVED, "'" + printable(row.cell(RECEIVED)) + "' 晚于" + year + "年，不属于本年度台账（下一年度的诉求登记在下一年度台账中）");
        }
        LocalDateTime registered = time(row, REGISTERED, true);
        LocalDateTime studied = time(row, STUDIED, false);
        LocalDateTime resolved = time(row, RESOLVED, false);
        if (registered != null && registered.isBefore(received)) {
            throw new Bad(REGISTERED, "登记时间 '" + printable(row.cell(REGISTERED)) + "' 早于受理时间 " + row.cell(RECEIVED));
        }
        if (studied != null && studied.toLocalDate().isBefore(received.toLocalDate())) {
            throw new Bad(STUDIED, "提级研究时间 '" + printable(row.cell(STUDIED)) + "' 早于受理时间 " + row.cell(RECEIVED));
        }
        if (resolved != null && resolved.toLocalDate().isBefore(received.toLocalDate())) {
            throw new Bad(RESOLVED, "办结时间 '" + printable(row.cell(RESOLVED)) + "' 早于受理时间 " + row.cell(RECEIVED));
        }
        Level level = level(row);
        Role role = role(row);
        String satisfaction = norm(row.cell(SATISFACTION));
        if (resolved == null) {
            if (level != null) {
                throw new Bad(LEVEL, "未填办结时间却填了解决层级 '" + printable(row.cell(LEVEL)) + "'；办结后请一并填写办结时间");
            }
            if (!satisfaction.isEmpty()) {
                throw new Bad(SATISFACTION, "未填办结时间却填了满意度 '" + printable(satisfaction) + "'；满意度在诉求办结后由企业评价");
            }
        } else {
            if (level == null) {
                throw new Bad(LEVEL, "已办结的诉求须填写解决层级（单位 / 专班 / 区政府专题会议）");
            }
            if (role == null) {
                throw new Bad(FEEDBACK, "已办结的诉求须填写反馈人（" + roles() + "）");
            }
        }
        if (!satisfaction.isEmpty() && !rules.satisfaction().containsKey(satisfaction)) {
            throw new Bad(SATISFACTION, "'" + printable(satisfaction) + "' 不是满意度等次，应为 "
                    + String.join(" / ", rules.satisfaction().keySet()));
        }
        Integer first = seenInFile.putIfAbsent(caseId, row.rowNo());
        if (first != null) {
            throw new Bad(CASE_ID, "诉求编号 '" + printable(caseId) + "' 与第" + first + "行相同（同一文件中一件诉求只能有一行；更正请另交新文件）");
        }
        return new AppealCase(caseId, 0, unit.code(), enterprise, credit.isEmpty() ? null : credit, size,
                row.cell(SUMMARY).isEmpty() ? null : text(row, SUMMARY, row.cell(SUMMARY)), received, registered, studied,
                resolved, level, role, satisfaction.isEmpty() ? null : satisfaction);
    }

    private static String required(LedgerRow row, int column) {
        String v = row.cell(column);
        if (v.isBlank()) {
            throw new Bad(column, "必填，不能为空");
        }
        return v;
    }

    private static String text(LedgerRow row, int column, String v) {
        if (v.length() > MAX_TEXT) {
            throw new Bad(column, "内容过长（" + v.length() + "个字符，最多" + MAX_TEXT + "个）");
        }
        return v;
    }

    private static Size size(LedgerRow row) {
        String v = norm(required(row, SIZE));
        for (Size s : Size.values()) {
            if (v.equals(s.label) || v.equalsIgnoreCase(s.key) || (s == Size.KEY && v.equals("重点"))) {
                return s;
            }
        }
        throw new Bad(SIZE, "'" + printable(v) + "' 不是企业类别，应为 重点企业 / 千万元以上企业 / 千万元以下企业");
    }

    private static Level level(LedgerRow row) {
        String v = norm(row.cell(LEVEL));
        if (v.isEmpty()) {
            return null;
        }
        for (Level l : Level.values()) {
            if (v.equals(l.label) || v.equalsIgnoreCase(l.key)) {
                return l;
            }
        }
        throw new Bad(LEVEL, "'" + printable(v) + "' 不是解决层级，应为 单位 / 专班 / 区政府专题会议");
    }

    private static Role role(LedgerRow row) {
        String v = norm(row.cell(FEEDBACK)).replace('(', '（').replace(')', '）');
        if (v.isEmpty()) {
            return null;
        }
        for (Role r : Role.values()) {
            if (v.equals(r.label) || v.equalsIgnoreCase(r.key)) {
                return r;
            }
        }
        throw new Bad(FEEDBACK, "'" + printable(v) + "' 不是反馈人，应为 " + roles());
    }

    private static String roles() {
        return Role.HEAD_CONSENT.label + " / " + Role.HEAD.label + " / " + Role.DEPUTY.label;
    }

    /** A time as a clerk types it: 2024-06-03 14:30, 2024/6/3 14:30, 2024年6月3日14时30分; a date alone where allowed. */
    static LocalDateTime time(LedgerRow row, int column, boolean needsTime) {
        String raw = row.cell(column);
        String v = norm(raw);
        if (v.isEmpty()) {
            if (column == RECEIVED) {
                throw new Bad(column, "必填，不能为空");
            }
            return null;
        }
        if (v.length() == 16 && v.charAt(4) == '-' && v.charAt(7) == '-' && v.charAt(10) == ' ' && v.charAt(13) == ':') {
            try { // the usual 2024-06-03 14:30, without the regular expression
                return LocalDateTime.of(digits(v, 0, 4), digits(v, 5, 7), digits(v, 8, 10), digits(v, 11, 13), digits(v, 14, 16));
            } catch (NumberFormatException e) {
                // not digits: the general pattern below says what is wrong
            } catch (DateTimeException e) {
                throw new Bad(column, "'" + printable(raw) + "' 不是存在的日期或时间");
            }
        }
        Matcher m = TIME.matcher(v);
        if (!m.matches()) {
            throw new Bad(column, "'" + printable(raw) + "' 不是日期时间，应" + TIME_HINT);
        }
        if (needsTime && m.group(4) == null) {
            throw new Bad(column, "'" + printable(raw) + "' 只有日期，须写到分钟（24小时时限按钟点计算），" + TIME_HINT);
        }
        try {
            return LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    m.group(4) == null ? 0 : Integer.parseInt(m.group(4)), m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
        } catch (DateTimeException e) {
            throw new Bad(column, "'" + printable(raw) + "' 不是存在的日期或时间");
        }
    }

    private static boolean validCreditCode(String code) {
        if (code.length() != 18) {
            return false;
        }
        for (char c : code.toCharArray()) {
            if ("0123456789ABCDEFGHJKLMNPQRTUWXY".indexOf(c) < 0) {
                return false;
            }
        }
        return CreditCode.checkDigit(code.substring(0, 17)) == code.charAt(17);
    }

    /** Full-width letters and digits as half-width, non-breaking and ideographic spaces as none, trimmed. */
    static String norm(String s) {
        if (s == null) {
            return "";
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u00A0' || c == '\u3000' || (c >= '\uFF00' && c <= '\uFFEF') || (c >= '\u2000' && c <= '\u206F')) {
                return Normalizer.normalize(s, Normalizer.Form.NFKC).replace('\u00A0', ' ').strip();
            }
        }
        return s.strip(); // nothing NFKC would change that matters here: no full-width forms or odd spaces
    }

    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(s);
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static String printable(String s) {
        String p = InboxFiles.printable(s);
        return p.length() <= 100 ? p : p.substring(0, 100) + "…";
    }

    /** A row's problem, with the ledger column it is in (-1 for the row as a whole). */
    private static final class Bad extends RuntimeException {
        final int column;

        Bad(int column, String message) {
            super(message, null, false, false);
            this.column = column;
        }
    }
}
