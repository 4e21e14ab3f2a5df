package cn.bipin.warning;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeLoader;

/**
 * D19 on jobs/anshan-2023.yaml, May 2023: time progress 5/12 = 41.67%. Worked by hand:
 * <pre>
 * gdp   1,100,000 / 2,600,000 = 42.31% ≥ 41.67%: no; growth 5.0% &lt; city 6.2%: GROWTH; rank 3 (April 3): no
 * gdzc    480,000 / 1,200,000 = 40.00% &lt; 41.67%: PROGRESS; growth 8.0% ≥ 5.0%: no; rank 4 (April 2): RANK
 * ybgg    120,000 /   280,000 = 42.86%: no; growth 7.5% = city 7.5% (not below): no; rank 2 (April 4, better): no
 *         → not listed; it was listed in April, so it leaves the list
 * gsgy    290,000 /   700,000 = 41.43% &lt; 41.67%: PROGRESS; no city row: growth and rank not judged
 * jck     not reported, no city row: nothing holds
 * </pre>
 */
class WarningRulesTest {

    static final Scheme ANSHAN = SchemeLoader.load(Path.of("jobs/anshan-2023.yaml"));
    static final WorkingGroups GROUPS = WorkingGroups.load(ANSHAN);
    static final Period MAY = Period.parse("2023-05");

    static CityFigures.Row row(String d, String zone, String city, int rank) {
        return new CityFigures.Row(d, new BigDecimal(zone), new BigDecimal(city), rank);
    }

    List<WarningRules.Item> may() {
        Map<String, BigDecimal> values = Map.of("gdp", new BigDecimal("1100000"), "gdzc", new BigDecimal("480000"),
                "ybgg", new BigDecimal("120000"), "gsgy", new BigDecimal("290000"));
        Map<String, CityFigures.Row> city = Map.of("gdp", row("gdp", "0.050", "0.062", 3),
                "gdzc", row("gdzc", "0.080", "0.050", 4), "ybgg", row("ybgg", "0.075", "0.075", 2));
        Map<String, CityFigures.Row> april = Map.of("gdp", row("gdp", "0.04", "0.05", 3),
                "gdzc", row("gdzc", "0.09", "0.05", 2), "ybgg", row("ybgg", "0.02", "0.06", 4));
        return WarningRules.evaluate(ANSHAN, GROUPS, MAY, values, city, april);
    }

    static WarningRules.Item item(List<WarningRules.Item> items, String d) {
        return items.stream().filter(i -> i.dimension().equals(d)).findFirst().orElseThrow();
    }

    @Test
    void eachTriggerPutsAnIndicatorOnTheList() {
        List<WarningRules.Item> items = may();
        assertThat(item(items, "gdp").triggers()).containsExactly(WarningRules.Trigger.GROWTH);
        assertThat(item(items, "gdzc").triggers()).containsExactly(WarningRules.Trigger.RANK, WarningRules.Trigger.PROGRESS);
        assertThat(item(items, "gsgy").triggers()).containsExactly(WarningRules.Trigger.PROGRESS);
        assertThat(item(items, "ybgg").listed()).isFalse();
        assertThat(item(items, "jck").listed()).isFalse();
        assertThat(item(items, "jck").value()).isNull();
        // every indicator of the seven groups with indicators is judged: 2 + 3 + 3 + 2 + 3 + 2 + 2 = 17
        assertThat(items).hasSize(17);
        assertThat(item(items, "gdzc").completion()).isEqualByComparingTo("0.4");
        assertThat(item(items, "gdzc").group()).isEqualTo("zonghe");
        assertThat(item(items, "gdzc").unit()).isEqualTo("kjb");
    }

    @Test
    void anIndicatorWithNoTriggerLeavesTheList() {
        // April listed gdp and ybgg; in May gdp is still listed, ybgg is not: ybgg leaves
        assertThat(WarningRules.left(may(), Set.of("gdp", "ybgg"))).extracting(WarningRules.Item::dimension)
                .containsExactly("ybgg");
    }

    @Test
    void theTriggeringFiguresAreSpelledOut() {
        List<WarningRules.Item> items = may();
        assertThat(WarningBulletin.figures(ANSHAN, GROUPS, MAY, item(items, "gdp"), WarningRules.Trigger.GROWTH))
                .isEqualTo("本区增速 5.00%，低于全市平均 6.20%");
        assertThat(WarningBulletin.figures(ANSHAN, GROUPS, MAY, item(items, "gdzc"), WarningRules.Trigger.RANK))
                .isEqualTo("全市位次由上月第2位降至第4位（共10个区县）");
        // 480,000 / 1,200,000 = 40.00%; 5 / 12 = 41.67%
        assertThat(WarningBulletin.figures(ANSHAN, GROUPS, MAY, item(items, "gdzc"), WarningRules.Trigger.PROGRESS))
                .isEqualTo("1–5月累计 480,000万元（年度目标 1,200,000万元），完成 40.00%，低于序时进度 41.67%");
    }
}
