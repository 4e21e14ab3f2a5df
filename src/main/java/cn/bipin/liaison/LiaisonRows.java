package cn.bipin.liaison;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.bipin.inbox.ValueParser;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.Unit;

/**
 * A file's header mapped onto its kind's columns (keys or template titles, in any order; a missing required column
 * or an unknown one refuses the file), and each row checked into canonical cells: ids and dates normalised, a unit
 * given by code or name stored as its code. A bad cell gives a reason naming file, row, column and value.
 */
final class LiaisonRows {

    /** Separator of the stored raw cells. */
    static final char SEP = '\u001F';
    static final int MAX_ID = 64;
    static final int MAX_TEXT = 1000;
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");

    private final LiaisonKind kind;
    private final String fileName;
    private final int[] fileIndex;
    private final Map<String, String> units = new HashMap<>();

    private LiaisonRows(LiaisonKind kind, String fileName, int[] fileIndex, Scheme scheme) {
        this.kind = kind;
        this.fileName = fileName;
        this.fileIndex = fileIndex;
        for (Unit u : scheme.units()) {
            units.put(u.code().toLowerCase(Locale.ROOT), u.code());
            units.put(u.name(), u.code());
        }
    }

    /**
     * One checked row: its cells as typed and as read (normalised; as typed where refused), both in the kind's column
     * order, and the reasons, none when accepted.
     */
    record Checked(String recordId, String[] typed, String[] cells, List<String> errors) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    static LiaisonRows of(LiaisonKind kind, List<String> header, String fileName, Scheme scheme) {
        int[] index = new int[kind.fields.size()];
        Arrays.fill(index, -1);
        List<String> unknown = new ArrayList<>();
        for (int f = 0; f < header.size(); f++) {
            String h = LiaisonSource.clean(header.get(f));
            if (h.isEmpty()) {
                continue;
            }
            int c = find(kind, h);
            if (c < 0) {
                unknown.add("“" + h + "”");
            } else if (index[c] >= 0) {
                throw new LiaisonFileException(fileName, "列“" + h + "”出现了两次");
            } else {
                index[c] = f;
            }
        }
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < index.length; c++) {
            if (index[c] < 0 && kind.fields.get(c).required()) {
                missing.add("“" + kind.fields.get(c).label() + "”");
            }
        }
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            StringBuilder sb = new StringBuilder(kind.label).append("的表头不对：");
            if (!missing.isEmpty()) {
                sb.append("缺少必填列 ").append(String.join("、", missing));
            }
            if (!unknown.isEmpty()) {
                sb.append(missing.isEmpty() ? "" : "；").append("无法识别的列 ").append(String.join("、", unknown));
            }
            throw new LiaisonFileException(fileName, sb.append("。请使用下发的模板，或按 README 中的列名").toString());
        }
        return new LiaisonRows(kind, fileName, index, scheme);
    }

    private static int find(LiaisonKind kind, String h) {
        String k = h.toLowerCase(Locale.ROOT);
        for (int i = 0; i < kind.fields.size(); i++) {
            LiaisonKind.Field f = kind.fields.get(i);
            if (f.key().equals(k) || f.label().equals(h)) {
                return i;
            }
        }
        return -1;
    }

    /** Checks one row's cells; the record id is the normalised first cell (clipped), also when the row is refused. */
    Checked check(int rowNo, List<String> fileCells) {
        String[] cells = new String[fileIndex.length];
        String[] typed = new String[fileIndex.length];
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < fileIndex.length; i++) {
            int f = fileIndex[i];
            String raw = f >= 0 && f < fileCells.size() ? fileCells.get(f) : "";
            typed[i] = raw == null ? "" : raw;
            LiaisonKind.Field field = kind.fields.get(i);
            String problem = null;
            String value = ValueParser.normalise(raw);
            if (value.isEmpty()) {
                if (field.required()) {
                    problem = "必填，未填写";
                }
                cells[i] = "";
            } else {
                switch (field.type()) {
                    case ID -> {
                        if (value.length() > MAX_ID) {
                            problem = "编号超过 " + MAX_ID + " 个字符";
                        } else if (value.chars().anyMatch(Character::isISOControl)) {
                            problem = "编号中有控制字符";
                        }
                    }
                    case TEXT -> {
                        value = raw.strip();
                        if (value.length() > MAX_TEXT) {
                            problem = "共 " + value.length() + " 个字，超过 " + MAX_TEXT + " 字的上限";
                        }
                    }
                    case DATE -> {
                        LocalDate d = date(value);
                        if (d == null) {
                            problem = "不是日期（应写成 2024-07-15）";
                        } else {
                            value = d.toString();
                        }
                    }
                    case UNIT -> {
                        String code = units.get(value.toLowerCase(Locale.ROOT));
                        if (code == null) {
                            code = units.get(value);
                        }
                        if (code == null) {
                            problem = "不是本方案的单位（填单位代码或方案中的单位全称）";
                        } else {
                            value = code;
                        }
                    }
                    case CHOICE -> {
                        String v = value;
                        String c = field.choices().stream().filter(v::equals).findFirst().orElse(null);
                        if (c == null) {
                            problem = "不是可选值，可选：" + String.join("、", field.choices());
                        }
                    }
                }
                cells[i] = value;
            }
            if (problem != null) {
                errors.add(where(rowNo, i) + "'" + shown(raw) + "' " + problem);
                cells[i] = raw == null ? "" : raw;
            }
        }
        if (errors.isEmpty()) {
            crossChecks(rowNo, cells, errors);
        }
        String id = ValueParser.normalise(cells[0]);
        return new Checked(id.length() > MAX_ID ? id.substring(0, MAX_ID) : id, typed, cells, errors);
    }

    /** The checks between the cells of one row: dates in order, status and closing date agreeing. */
    private void crossChecks(int rowNo, String[] cells, List<String> errors) {
        switch (kind) {
            case ASSIGNMENT -> later(rowNo, cells, "from", "to", errors);
            case PROBLEM -> {
                later(rowNo, cells, "raised_on", "promised_on", errors);
                later(rowNo, cells, "raised_on", "closed_on", errors);
                int status = kind.index("status");
                int closed = kind.index("closed_on");
                if ("已办结".equals(cells[status]) && cells[closed].isEmpty()) {
                    errors.add(where(rowNo, status) + "'已办结' 但未填办结日期");
                } else if ("未办结".equals(cells[status]) && !cells[closed].isEmpty()) {
                    errors.add(where(rowNo, status) + "'未办结' 但填了办结日期 " + cells[closed] + "（已办结请改状态，未办结请删去日期）");
                }
            }
            case VISIT -> {
            }
        }
    }

    private void later(int rowNo, String[] cells, String earlierKey, String laterKey, List<String> errors) {
        int e = kind.index(earlierKey);
        int l = kind.index(laterKey);
        if (!cells[e].isEmpty() && !cells[l].isEmpty() && cells[l].compareTo(cells[e]) < 0) {
            errors.add(where(rowNo, l) + "'" + cells[l] + "' 早于" + kind.fields.get(e).label() + " " + cells[e]);
        }
    }

    /** "文件 包联对象.csv 第12行 H列（包联起始日期）：" — the column letter as it is in the file. */
    String where(int rowNo, int field) {
        int f = fileIndex[field];
        String column = f >= 0 ? LiaisonSource.letter(f) + "列" : "";
        return "文件 " + fileName + " 第" + rowNo + "行 " + column + "（" + kind.fields.get(field).label() + "）：";
    }

    private static String shown(String raw) {
        String s = raw == null ? "" : raw.strip();
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** 2024-07-15, 2024/7/15, 2024.7.15, 2024年7月15日; a year outside 2000–2099 is taken for a typing error. */
    static LocalDate date(String s) {
        Matcher m = DATE.matcher(s);
        if (!m.matches()) {
            return null;
        }
        try {
            int y = Integer.parseInt(m.group(1));
            if (y < 2000 || y > 2099) {
                return null;
            }
            return LocalDate.of(y, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    static String join(String[] cells) {
        return String.join(String.valueOf(SEP), cells);
    }

    static String[] split(String raw, int size) {
        String[] parts = raw.split(String.valueOf(SEP), -1);
        return parts.length == size ? parts : Arrays.copyOf(parts, size);
    }
}
