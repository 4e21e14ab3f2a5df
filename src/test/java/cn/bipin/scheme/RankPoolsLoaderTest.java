package cn.bipin.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rank_pools} (D14) and {@code checks}: what a scheme file may say, and the Chinese message when it is wrong. */
class RankPoolsLoaderTest {

    private static final String BASE = """
            scheme: pools
            title: 测试区
            year: 2019
            units:
              - { code: d1, name: 发改局, group: department }
              - { code: d2, name: 财政局, group: department }
              - { code: t1, name: 韩家店镇, group: town }
              - { code: t2, name: 东街街道, group: town }
            competitions:
              - code: c1
                name: 固定资产投资
                weight: 1
                cycle: annual
                participants: [all]
                dimensions:
                  - { code: c1_amount, name: 固定资产投资额, measure: 万元, method: target_ratio }
            targets:
              c1_amount: { d1: 100, d2: 100, t1: 100, t2: 100 }
            recipients:
              - { name: 考核办, email: kaohe@test.example }
            """;

    @TempDir
    Path dir;

    @Test
    void noPoolsMeansOnePoolOfAllUnitsAndTheGroupColumnStaysTheUnitsGroup() throws IOException {
        Scheme s = SchemeLoader.load(write(BASE));

        assertThat(s.rankPools()).extracting(RankPool::code, RankPool::units)
                .containsExactly(tuple("all", java.util.List.of("d1", "d2", "t1", "t2")));
        assertThat(s.groupColumn(s.unit("t1").orElseThrow())).isEqualTo("town");
        assertThat(s.competition("c1").orElseThrow().cycle()).isEqualTo(Cycle.ANNUAL);
    }

    @Test
    void groupPoolsRankTownsAndDepartmentsApart() throws IOException {
        Scheme s = SchemeLoader.load(write(BASE + "rank_pools: [town, department]\nchecks: [half_year]\n"));

        assertThat(s.rankPools()).extracting(RankPool::code, RankPool::name, RankPool::units).containsExactly(
                tuple("town", "镇街", java.util.List.of("t1", "t2")),
                tuple("department", "部门", java.util.List.of("d1", "d2")));
        assertThat(s.poolOf("d2").code()).isEqualTo("department");
        assertThat(s.checks()).containsExactly(Cycle.HALF_YEAR);
        assertThat(s.runs(Cycle.HALF_YEAR)).isTrue();
        assertThat(s.runs(Cycle.MONTHLY)).isFalse();
    }

    @Test
    void ownPoolsNameTheirUnits() throws IOException {
        Scheme s = SchemeLoader.load(write(BASE + """
                rank_pools:
                  - { code: a, name: 甲组, units: [d1, t1] }
                  - { code: b, name: 乙组, units: [t2, d2] }
                """));

        // each pool keeps the scheme's unit order
        assertThat(s.rankPools()).extracting(RankPool::units)
                .containsExactly(java.util.List.of("d1", "t1"), java.util.List.of("d2", "t2"));
    }

    @Test
    void anUnknownPoolIsRejected() throws IOException {
        assertRejected(write(BASE + "rank_pools: [town, departments]\n"), "rank_pools[1]", "未知的排名组 'departments'");
    }

    @Test
    void anUnknownUnitInAPoolIsRejected() throws IOException {
        assertRejected(write(BASE + "rank_pools:\n  - { code: a, name: 甲组, units: [d1, d2, t1, t9] }\n"),
                "rank_pools[0].units[3]", "单位 't9' 不在 units 中");
    }

    @Test
    void aUnitInTwoPoolsIsRejected() throws IOException {
        assertRejected(write(BASE + "rank_pools:\n  - { code: a, name: 甲组, units: [d1, t1] }\n"
                        + "  - { code: b, name: 乙组, units: [d2, t1, t2] }\n"),
                "rank_pools[1]", "韩家店镇（t1）同时在排名组 'a' 和 'b' 中");
    }

    @Test
    void allBesideAGroupPutsUnitsInTwoPools() throws IOException {
        assertRejected(write(BASE + "rank_pools: [all, town]\n"), "rank_pools[1]", "同时在排名组 'all' 和 'town' 中");
    }

    @Test
    void aUnitInNoPoolIsRejected() throws IOException {
        assertRejected(write(BASE + "rank_pools: [town]\n"), "rank_pools", "发改局（d1）不在任何排名组中");
    }

    @Test
    void aRepeatedPoolIsRejected() throws IOException {
        assertRejected(write(BASE + "rank_pools: [town, department, town]\n"), "rank_pools[2]", "排名组 'town' 重复");
    }

    @Test
    void anAnnualCheckIsRejected() throws IOException {
        assertRejected(write(BASE + "checks: [annual]\n"), "checks[0]", "检查周期应为");
    }

    @Test
    void aCheckWithoutAnnualCompetitionsIsRejected() throws IOException {
        assertRejected(write(BASE.replace("cycle: annual", "cycle: quarterly") + "checks: [half_year]\n"), "checks[0]",
                "没有年度（annual）比拼");
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("pools.yaml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static void assertRejected(Path file, String key, String problem) {
        assertThatThrownBy(() -> SchemeLoader.load(file)).isInstanceOf(SchemeException.class)
                .hasMessageContaining("方案文件 " + file).hasMessageContaining(" 的 " + key + "：")
                .hasMessageContaining(problem);
    }
}
