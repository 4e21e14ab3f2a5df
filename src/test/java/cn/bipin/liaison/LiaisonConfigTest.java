package cn.bipin.liaison;

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

/** The scheme file's {@code liaison:} section, validated with a message naming file, key and problem. */
class LiaisonConfigTest {

    @TempDir
    Path dir;

    Scheme scheme(String liaison) throws IOException {
        String base = Files.readString(Path.of("src/test/resources/jobs/liaisontest-2024.yaml"), StandardCharsets.UTF_8);
        String yaml = base.substring(0, base.indexOf("liaison:\n")) + liaison;
        Path file = dir.resolve("liaisontest-2024.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return SchemeLoader.load(file);
    }

    @Test
    void theTestSchemeMapsTwoDerivedRatesAndSetsDeadlines() throws IOException {
        Scheme s = SchemeLoader.load(Path.of("src/test/resources/jobs/liaisontest-2024.yaml"));
        assertThat(s.ledgerDimensions()).containsOnly(java.util.Map.entry("c9_coverage", "liaison_coverage_rate"),
                java.util.Map.entry("c9_closing", "liaison_problems_closed_rate"));
        LiaisonConfig config = LiaisonConfig.load(s);
        assertThat(config.visitsPerMonth()).isEqualTo(1);
        // 融资 60 days: raised 2024-06-05 → due 2024-08-04; other categories 30 days
        assertThat(config.deadline(new Ledger.Problem("P", "A", java.time.LocalDate.of(2024, 6, 5), "融资", "x", null, null, null)))
                .isEqualTo("2024-08-04");
    }

    @Test
    void jinfengsSectionHasTheDefaultsAndMapsNothing() {
        Scheme s = SchemeLoader.load(Path.of("jobs/jinfeng-2024.yaml"));
        LiaisonConfig config = LiaisonConfig.load(s);
        assertThat(config.visitsPerMonth()).isEqualTo(1);
        assertThat(config.deadlineDays()).isEqualTo(30);
        assertThat(s.ledgerDimensions().values()).noneMatch(f -> f.startsWith("liaison_"));
    }

    @Test
    void aMappingIsCheckedWhenTheSchemeFileIsLoadedNamingFileAndKey() {
        // a dimension the scheme does not have
        assertThatThrownBy(() -> scheme("liaison:\n  dimensions:\n    c9_visits: liaison_coverage_rate\n"))
                .isInstanceOf(SchemeException.class).hasMessageContaining("liaisontest-2024.yaml")
                .hasMessageContaining("liaison.dimensions.c9_visits").hasMessageContaining("没有代码为 'c9_visits' 的指标");
        // a figure the ledger does not compute
        assertThatThrownBy(() -> scheme("liaison:\n  dimensions:\n    c9_closing: liaison_visits\n"))
                .hasMessageContaining("liaison.dimensions.c9_closing").hasMessageContaining("'liaison_visits' 不是台账能计算的数");
    }

    @Test
    void aRateMustGoToAPercentDimensionAndACountToAnotherOne() {
        assertThatThrownBy(() -> scheme("liaison:\n  dimensions:\n    c9_closing: liaison_overdue_problems\n"))
                .hasMessageContaining("liaison.dimensions.c9_closing")
                .hasMessageContaining("liaison_overdue_problems 不是比率，不能用于计量单位为 % 的指标");
    }

    @Test
    void unknownKeysAndBadNumbersAreRefused() throws IOException {
        Scheme typo = scheme("liaison:\n  visit_per_month: 2\n");
        assertThatThrownBy(() -> LiaisonConfig.load(typo)).hasMessageContaining("liaison.visit_per_month")
                .hasMessageContaining("未知的配置项");
        Scheme zero = scheme("liaison:\n  problem_deadline_days: 0\n");
        assertThatThrownBy(() -> LiaisonConfig.load(zero)).hasMessageContaining("liaison.problem_deadline_days")
                .hasMessageContaining("应不小于 1");
    }
}
