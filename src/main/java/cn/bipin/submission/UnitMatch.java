package cn.bipin.submission;

import java.util.Locale;
import java.util.Optional;

import cn.bipin.inbox.ValueParser;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.Unit;

/**
 * A unit code as a clerk wrote it, matched to the scheme's unit: exactly; or as a near miss that can only mean one
 * unit (another case, full-width letters, a non-breaking or trailing space, the unit's Chinese name), with a note
 * saying so; or not at all, with the code it most likely meant as a suggestion.
 *
 * @param unit       the unit, or null when not recognised
 * @param note       for a near miss, how it was read (shown to the unit); null for an exact match
 * @param suggestion for an unrecognised code, the unit it most likely meant, or null
 */
record UnitMatch(Unit unit, String note, Unit suggestion) {

    static UnitMatch of(Scheme scheme, String written) {
        String raw = written == null ? "" : written;
        Optional<Unit> exact = scheme.unit(raw.trim());
        if (exact.isPresent()) {
            return new UnitMatch(exact.get(), null, null);
        }
        String normal = lowerFullWidth(ValueParser.normalise(raw));
        Unit near = null;
        for (Unit u : scheme.units()) {
            if (u.code().equalsIgnoreCase(normal) || u.name().equals(normal)) {
                if (near != null && near != u) {
                    near = null; // two units fit: no guess
                    break;
                }
                near = u;
            }
        }
        if (near != null && !normal.isEmpty()) {
            return new UnitMatch(near, "单位代码 '" + printable(raw) + "' 按 " + near.code() + "（" + near.name()
                    + "）读取，今后请填写 " + near.code(), null);
        }
        return new UnitMatch(null, null, suggest(scheme, normal));
    }

    /** Full-width lower-case letters (ｔ２) as ASCII; the value normaliser already maps digits and capitals. */
    private static String lowerFullWidth(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c >= 'ａ' && c <= 'ｚ' ? (char) ('a' + (c - 'ａ')) : c);
        }
        return sb.toString();
    }

    /**
     * The one unit whose code is one edit away (a letter typed wrong, missing or extra), or whose name contains the
     * text or is contained in it; none when no unit or several fit.
     */
    private static Unit suggest(Scheme scheme, String normal) {
        if (normal.isEmpty() || normal.length() > 64) {
            return null;
        }
        String lower = normal.toLowerCase(Locale.ROOT);
        Unit found = null;
        for (Unit u : scheme.units()) {
            if (oneEditApart(u.code().toLowerCase(Locale.ROOT), lower)
                    || (normal.length() >= 2 && (u.name().contains(normal) || normal.contains(u.name())))) {
                if (found != null) {
                    return null;
                }
                found = u;
            }
        }
        return found;
    }

    private static boolean oneEditApart(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0;
        int j = 0;
        int edits = 0;
        while (i < a.length() && j < b.length()) {
            if (a.charAt(i) == b.charAt(j)) {
                i++;
                j++;
                continue;
            }
            if (++edits > 1) {
                return false;
            }
            if (a.length() > b.length()) {
                i++;
            } else if (a.length() < b.length()) {
                j++;
            } else {
                i++;
                j++;
            }
        }
        return edits + (a.length() - i) + (b.length() - j) <= 1;
    }

    /** Text quoted back to a person: control characters and invisible spaces written as escapes. */
    static String printable(String s) {
        return cn.bipin.inbox.InboxFiles.printable(s);
    }
}
