package cn.bipin.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeException;
import cn.bipin.scheme.SchemeLoader;

/** The {@code evaluation:} section: the Jinfeng numbers of DOMAIN §5, and Chinese errors naming file and key. */
class EvaluationRulesLoaderTest {

    @TempDir
    Path dir;

    @Test
    void jinfengHasTheNumbersOfD8() {
        EvaluationRules rules = EvaluationRulesLoader.load(SchemeLoader.load(Path.of("jobs/jinfeng-2024.yaml")));
        assertThat(rules.targets()).containsExactly("fgj", "gxj", "stj", "czj", "rsj", "nsj", "zjj", "wlj", "scj");
        assertThat(rules.groups()).extracting(g -> g.code() + ":" + g.weight() + ":" + g.peer())
                .containsExactly("enterprise:40:false", "project_owner:20:false", "peer_unit:20:true", "leader:20:false");
        assertThat(rules.items()).extracting(i -> i.name() + ":" + i.weight())
                .containsExactly("服务企业:40", "服务项目:30", "问题清零:30");
        assertThat(rules.grades()).containsEntry("优秀", new java.math.BigDecimal("95"))
                .containsEntry("较差", new java.math.BigDecimal("50"));
        assertThat(rules.minBallots()).isEqualTo(3);
        assertThat(rules.trimFrom()).isEqualTo(5);
        assertThat(rules.excellentCases()).isEqualTo(10);
    }

    @Test
    void aBadKeyIsNamedWithTheFile() throws IOException {
        Path file = withEvaluation("""
                  groups:
                    - { code: enterprise, name: 企业, weight: 0 }
                  items:
                    - { code: service, name: 服务企业, weight: 1 }
                """);
        assertThatThrownBy(() -> EvaluationRulesLoader.load(SchemeLoader.load(file)))
                .isInstanceOf(SchemeException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("evaluation.groups[0].weight：必须大于0");
    }

    @Test
    void moreItemsThanTheBulletinsTablesHoldAreRefusedAtLoad() throws IOException {
        // a group's table: 单位, 有效票, 7 items, 组得分, 计分方法 = 11 columns > 10
        Path file = withEvaluation("""
                  groups: [{ code: enterprise, name: 企业, weight: 1 }]
                  items:
                """ + java.util.stream.IntStream.rangeClosed(1, 7)
                .mapToObj(i -> "    - { code: item" + i + ", name: 项目" + i + ", weight: 1 }\n")
                .collect(java.util.stream.Collectors.joining()));
        assertThatThrownBy(() -> EvaluationRulesLoader.load(SchemeLoader.load(file)))
                .hasMessageContaining("evaluation.items：评议项目最多 6 个");
    }

    @Test
    void unknownKeysAndTargetsAreRefused() throws IOException {
        Path typo = withEvaluation("""
                  groups: [{ code: enterprise, name: 企业, weight: 1 }]
                  items: [{ code: service, name: 服务企业, weight: 1 }]
                  min_ballot: 3
                """);
        assertThatThrownBy(() -> EvaluationRulesLoader.load(SchemeLoader.load(typo)))
                .hasMessageContaining("evaluation.min_ballot：未知的配置项");
        Path target = withEvaluation("""
                  targets: [nobody]
                  groups: [{ code: enterprise, name: 企业, weight: 1 }]
                  items: [{ code: service, name: 服务企业, weight: 1 }]
                """);
        assertThatThrownBy(() -> EvaluationRulesLoader.load(SchemeLoader.load(target)))
                .hasMessageContaining("evaluation.targets[0]：被评议单位 'nobody' 不在 units 中");
    }

    @Test
    void aSchemeWithoutTheSectionSaysSo() {
        Scheme scheme = SchemeLoader.load(Path.of("src/test/resources/jobs/yeartest-2024.yaml"));
        assertThat(EvaluationRulesLoader.configured(scheme)).isFalse();
        assertThatThrownBy(() -> EvaluationRulesLoader.load(scheme)).hasMessageContaining("本方案没有背靠背评议的配置");
    }

    private Path withEvaluation(String section) throws IOException {
        String base = Files.readString(Path.of("src/test/resources/jobs/yeartest-2024.yaml"), StandardCharsets.UTF_8);
        Path file = dir.resolve("yeartest-2024.yaml");
        Files.writeString(file, base + "\nevaluation:\n" + section, StandardCharsets.UTF_8);
        return file;
    }
}
