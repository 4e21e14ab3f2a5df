package cn.bipin.scheme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How a scheme counts projects from the units' project lists (项目清单, DOMAIN §7.1 D9): the size bands of a new
 * project and their weights, and the smallest investment a completed or a reserve project must have. Amounts are in
 * the list's measure (万元 by default). Lower bounds are included (D7: 以上 ≥ X). What the figures mean is fixed:
 * <ul>
 * <li>{@code projects_new}: Σ weight of the projects started from 1 January of the scheme year to the period end, each
 *     weighed by the highest band whose {@code from} it reaches (below the lowest band: not counted);</li>
 * <li>{@code projects_new_count}: the number of those projects (each ×1);</li>
 * <li>{@code projects_completed}: projects completed from 1 January to the period end, investment ≥ {@code completed.from};</li>
 * <li>{@code projects_reserve}: projects not started by the period end, investment ≥ {@code reserve.from}.</li>
 * </ul>
 * Read from the scheme file's {@code projects:} section and checked when the file is loaded.
 *
 * @param title         the list's Chinese name (templates, feedback, reasons)
 * @param measure       the unit of the investment column, e.g. 万元
 * @param bands         the new-project size bands, ascending by {@code from}
 * @param completedFrom the smallest investment of a counted completed project
 * @param reserveFrom   the smallest investment of a counted reserve project
 */
public record ProjectRules(String title, String measure, List<Band> bands, BigDecimal completedFrom,
                           BigDecimal reserveFrom) {

    public static final String SECTION = "projects";
    private static final Set<String> KEYS = Set.of("title", "measure", "new", "completed", "reserve", "dimensions");

    /** A size band: projects with investment ≥ {@code from} (and below the next band) weigh {@code weight}. */
    public record Band(BigDecimal from, BigDecimal weight, String name) {
    }

    /** Whether the scheme counts projects from project lists at all. */
    public static boolean configured(Scheme scheme) {
        return scheme.section(SECTION).isPresent();
    }

    public static ProjectRules of(Scheme scheme) {
        return read(scheme.section(SECTION));
    }

    /**
     * @throws SchemeException naming the key, for a section that does not say how to count projects
     */
    public static ProjectRules read(YamlNode s) {
        if (!s.isPresent()) {
            throw s.fail("缺少项目清单的配置（projects）");
        }
        s.onlyKeys(KEYS);
        String measure = s.get("measure").text("万元");
        YamlNode n = s.get("new");
        if (!n.isPresent()) {
            throw n.fail("缺少新开工项目的规模档次（new.bands：每档 from 下限（含本数）和 weight 折算系数）");
        }
        n.onlyKeys(Set.of("bands"));
        List<Band> bands = new ArrayList<>();
        for (YamlNode b : n.get("bands").list()) {
            b.onlyKeys(Set.of("from", "weight", "name"));
            BigDecimal from = b.get("from").nonNegative();
            BigDecimal weight = b.get("weight").positive();
            if (!bands.isEmpty() && from.compareTo(bands.get(bands.size() - 1).from()) <= 0) {
                throw b.get("from").fail("各档下限应从小到大排列，" + from.toPlainString() + " 不大于上一档的 "
                        + bands.get(bands.size() - 1).from().toPlainString());
            }
            bands.add(new Band(from, weight, b.get("name").text(from.toPlainString() + measure + "以上")));
        }
        if (bands.isEmpty()) {
            throw n.get("bands").fail("至少需要一个规模档次");
        }
        BigDecimal lowest = bands.get(0).from();
        return new ProjectRules(s.get("title").text("项目清单"), measure, List.copyOf(bands),
                threshold(s.get("completed"), lowest), threshold(s.get("reserve"), lowest));
    }

    private static BigDecimal threshold(YamlNode node, BigDecimal fallback) {
        if (!node.isPresent()) {
            return fallback;
        }
        node.onlyKeys(Set.of("from"));
        return node.get("from").nonNegative();
    }

    /** The band a new project of this investment falls in (the highest one it reaches), or null below the lowest. */
    public Band band(BigDecimal investment) {
        Band found = null;
        for (Band b : bands) {
            if (investment.compareTo(b.from()) >= 0) {
                found = b;
            }
        }
        return found;
    }
}
