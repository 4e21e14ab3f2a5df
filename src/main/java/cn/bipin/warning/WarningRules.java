package cn.bipin.warning;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;

/**
 * D19: a working group's indicator goes on the month's 预警 list when its growth rate is below the city average, or its
 * rank among the city's districts is worse than the month before, or its cumulative completion (1–N月累计 ÷ annual
 * target) is below time progress ({@link Period#timeProgress()}, month m → m/12). Every trigger that holds is listed
 * with its figures; a trigger whose figures are missing (no city row, no value reported, no previous rank) does not
 * hold. An indicator on the previous month's list with no trigger now leaves the list (移出预警). Pure arithmetic.
 */
final class WarningRules {

    enum Trigger {
        GROWTH("增速低于全市平均"),
        RANK("全市位次下降"),
        PROGRESS("累计完成低于序时进度");

        final String label;

        Trigger(String label) {
            this.label = label;
        }
    }

    /**
     * One indicator in one month, on the list or not.
     *
     * @param value        the responsible department's cumulative figure for the month (1–N月累计), null if not reported
     * @param completion   value ÷ annual target, null without a value
     * @param previousRank the zone's city rank the month before, null when unknown
     */
    record Item(String group, String dimension, String unit, BigDecimal value, BigDecimal annualTarget,
                BigDecimal completion, BigDecimal timeProgress, BigDecimal zoneGrowth, BigDecimal cityGrowth,
                Integer cityRank, Integer previousRank, List<Trigger> triggers) {

        boolean listed() {
            return !triggers.isEmpty();
        }
    }

    private WarningRules() {
    }

    /** Every indicator of every group, in scheme order, with the triggers that hold. */
    static List<Item> evaluate(Scheme scheme, WorkingGroups groups, Period month, Map<String, BigDecimal> values,
                               Map<String, CityFigures.Row> city, Map<String, CityFigures.Row> previousCity) {
        BigDecimal progress = month.timeProgress();
        List<Item> items = new ArrayList<>();
        for (WorkingGroups.Group g : groups.groups()) {
            for (WorkingGroups.Indicator i : g.indicators()) {
                String code = i.dimension().code();
                BigDecimal annual = scheme.target(i.dimension(), i.responsible()).orElseThrow();
                BigDecimal value = values.get(code);
                BigDecimal completion = value == null ? null : value.divide(annual, MathContext.DECIMAL128);
                CityFigures.Row now = city.get(code);
                CityFigures.Row before = previousCity.get(code);
                List<Trigger> triggers = new ArrayList<>();
                if (now != null && now.zoneGrowth().compareTo(now.cityGrowth()) < 0) {
                    triggers.add(Trigger.GROWTH);
                }
                if (now != null && before != null && now.cityRank() > before.cityRank()) {
                    triggers.add(Trigger.RANK);
                }
                if (completion != null && completion.compareTo(progress) < 0) {
                    triggers.add(Trigger.PROGRESS);
                }
                items.add(new Item(g.code(), code, i.responsible(), value, annual, completion, progress,
                        now == null ? null : now.zoneGrowth(), now == null ? null : now.cityGrowth(),
                        now == null ? null : now.cityRank(), before == null ? null : before.cityRank(),
                        List.copyOf(triggers)));
            }
        }
        return List.copyOf(items);
    }

    /** The indicators listed the month before that are not listed now (移出预警清单). */
    static List<Item> left(List<Item> now, Set<String> listedBefore) {
        return now.stream().filter(i -> !i.listed() && listedBefore.contains(i.dimension())).toList();
    }
}
