package cn.bipin.award;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.bipin.scheme.AwardRules.Disqualifier;

/**
 * D15 as plain Java: which units may win no prize this year and why — a late or missing report in any period of
 * the year, or a report flagged as falsified — counting only the reasons the scheme names.
 */
final class Disqualification {

    private Disqualification() {
    }

    /**
     * @param rules   the reasons the scheme counts
     * @param units   every unit, in scheme order (the result keeps it)
     * @param late    unit → the periods it reported late
     * @param missing unit → the periods it left something unreported
     * @param flagged unit → the flags on its reports, each already in words (period, reason, who, when)
     * @return unit → the reasons in words, for units that may win nothing
     */
    static Map<String, String> reasons(Set<Disqualifier> rules, List<String> units, Map<String, List<String>> late,
            Map<String, List<String>> missing, Map<String, List<String>> flagged) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String unit : units) {
            List<String> why = new ArrayList<>();
            add(why, rules.contains(Disqualifier.LATE), Disqualifier.LATE, late.get(unit));
            add(why, rules.contains(Disqualifier.MISSING), Disqualifier.MISSING, missing.get(unit));
            add(why, rules.contains(Disqualifier.FALSIFIED), Disqualifier.FALSIFIED, flagged.get(unit));
            if (!why.isEmpty()) {
                result.put(unit, String.join("；", why));
            }
        }
        return result;
    }

    private static void add(List<String> why, boolean counted, Disqualifier d, List<String> what) {
        if (counted && what != null && !what.isEmpty()) {
            why.add(d.label() + "（" + String.join("、", what) + "）");
        }
    }
}
