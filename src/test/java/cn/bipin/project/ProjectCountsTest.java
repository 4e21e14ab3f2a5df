package cn.bipin.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.bipin.scheme.ProjectRules;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeLoader;

/**
 * D9 worked by hand with Haizhou's own bands (jobs/haizhou-2019.yaml, amounts in 万元: 100M = 10,000 万元): ≥ 5,000 ×1
 * (50M–100M counts ×1), ≥ 10,000 ×1, ≥ 50,000 ×1.5, ≥ 100,000 ×2, ≥ 200,000 ×3, lower bounds included (D7);
 * completed ≥ 5,000; reserve ≥ 10,000, not started.
 *
 * <pre>
 * project  investment  start        completion   at 2019-06-30 (2019-H1)        at 2019-12-31 (2019)
 * A        10,000      2019-03-01   –            new, 1亿元以上 ×1               new ×1
 * B        50,000      2019-05-01   –            new, 5亿元以上 ×1.5             new ×1.5
 * C        100,000     2019-07-01   –            not started → reserve          new, 10亿元以上 ×2
 * D        200,000     2019-02-01   –            new, 20亿元以上 ×3              new ×3
 * E        49,999.99   2019-11-01   –            not started → reserve          new, 1亿元以上 ×1 (just under 5亿)
 * F        7,000       2019-06-30   –            new, 5000万元至1亿元 ×1 (edge day) new ×1
 * G        4,999       2019-04-01   –            below 5,000: not counted       not counted
 * H        30,000      2018-10-01   2019-09-30   started last year: not new     completed
 * I        12,000      –            –            reserve                        reserve
 * J        9,999       –            –            under 10,000: not reserve      not reserve
 * K        20,000      2019-08-01   –            not started → reserve          new ×1
 * L        4,000       2018-05-01   2019-04-15   under 5,000: not completed     not completed
 * H1:   projects_new = 1 + 1.5 + 3 + 1 = 6.5 (A, B, D, F: 4 projects); completed 0; reserve C, E, I, K = 4
 * 2019: projects_new = 1 + 1.5 + 2 + 3 + 1 + 1 + 1 = 10.5 (A–F less G, plus K: 7); completed H = 1; reserve I = 1
 * </pre>
 */
class ProjectCountsTest {

    private static final Scheme HAIZHOU = SchemeLoader.load(Path.of("jobs", "haizhou-2019.yaml"));
    private static final ProjectRules RULES = ProjectRules.of(HAIZHOU);

    private static final List<ProjectRecord> PROJECTS = List.of(
            p("A", "10000", "2019-03-01", null), p("B", "50000", "2019-05-01", null),
            p("C", "100000", "2019-07-01", null), p("D", "200000", "2019-02-01", null),
            p("E", "49999.99", "2019-11-01", null), p("F", "7000", "2019-06-30", null),
            p("G", "4999", "2019-04-01", null), p("H", "30000", "2018-10-01", "2019-09-30"),
            p("I", "12000", null, null), p("J", "9999", null, null), p("K", "20000", "2019-08-01", null),
            p("L", "4000", "2018-05-01", "2019-04-15"));

    @Test
    void bandEdgesBelongToTheHigherBand() {
        assertThat(RULES.band(new BigDecimal("10000")).weight()).isEqualByComparingTo("1");
        assertThat(RULES.band(new BigDecimal("49999.99")).weight()).isEqualByComparingTo("1");
        assertThat(RULES.band(new BigDecimal("50000")).weight()).isEqualByComparingTo("1.5");
        assertThat(RULES.band(new BigDecimal("100000")).weight()).isEqualByComparingTo("2");
        assertThat(RULES.band(new BigDecimal("200000")).weight()).isEqualByComparingTo("3");
        assertThat(RULES.band(new BigDecimal("7000")).name()).isEqualTo("5000万元至1亿元");
        assertThat(RULES.band(new BigDecimal("4999"))).isNull();
    }

    @Test
    void theHalfYearCountsWhatHadStartedBy30June() {
        Map<String, Map<String, BigDecimal>> f = figures(LocalDate.of(2019, 6, 30));
        assertThat(f.get(ProjectCounts.NEW).get("hjd")).isEqualByComparingTo("6.5");
        assertThat(f.get(ProjectCounts.NEW_COUNT).get("hjd")).isEqualByComparingTo("4");
        assertThat(f.get(ProjectCounts.COMPLETED).get("hjd")).isEqualByComparingTo("0");
        assertThat(f.get(ProjectCounts.RESERVE).get("hjd")).isEqualByComparingTo("4");
        assertThat(f.get(ProjectCounts.NEW).get("heping")).as("a unit without a list has 0").isEqualByComparingTo("0");
    }

    @Test
    void theYearCountsNewCompletedAndReserveProjects() {
        Map<String, Map<String, BigDecimal>> f = figures(LocalDate.of(2019, 12, 31));
        assertThat(f.get(ProjectCounts.NEW).get("hjd")).isEqualByComparingTo("10.5");
        assertThat(f.get(ProjectCounts.NEW_COUNT).get("hjd")).isEqualByComparingTo("7");
        assertThat(f.get(ProjectCounts.COMPLETED).get("hjd")).isEqualByComparingTo("1");
        assertThat(f.get(ProjectCounts.RESERVE).get("hjd")).isEqualByComparingTo("1");
    }

    @Test
    void eachProjectIsJudgedWithItsBandAndWeight() {
        List<ProjectCounts.Judged> j = ProjectCounts.judgeAll(PROJECTS, RULES, 2019, LocalDate.of(2019, 12, 31));
        assertThat(j.get(7).isNew()).as("H started in 2018").isFalse();
        assertThat(j.get(7).completed()).isTrue();
        assertThat(j.get(2).band().name()).isEqualTo("10亿元以上");
        assertThat(j.get(2).weight()).isEqualByComparingTo("2");
        assertThat(j.get(6).weight()).as("G under 5,000").isEqualByComparingTo("0");
    }

    private static Map<String, Map<String, BigDecimal>> figures(LocalDate end) {
        return ProjectCounts.figures(ProjectCounts.judgeAll(PROJECTS, RULES, 2019, end), List.of("hjd", "heping"));
    }

    private static ProjectRecord p(String id, String investment, String start, String completion) {
        return new ProjectRecord(id, 1, "hjd", "项目" + id, new BigDecimal(investment),
                start == null ? null : LocalDate.parse(start), completion == null ? null : LocalDate.parse(completion), null);
    }
}
