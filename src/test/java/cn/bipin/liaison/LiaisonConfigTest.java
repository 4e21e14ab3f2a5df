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
        LiaisonConfig config = LiaisonConfig.load(SchemeLoader.load(Path.of("src/test/resources/jobs/liaisontest-2024.yaml")));
        assertThat(config.dimensions()).containsOnly(java.util.Map.entry("liaison_coverage_rate", "c9_coverage"),
                java.util.Map.entry("liaison_problems_closed_rate", "c9_closing"));
        assertThat(config.visitsPerMonth()).isEqualTo(1);
        // 融资 60 days: raised 2024-06-05 → due 2024-08-04; other categories 30 days
        assertThat(config.deadline(new Ledger.Problem("P", "A", java.time.LocalDate.of(2024, 6, 5), "融资", "x", null, null, null)))
                .isEqualTo("2024-08-04");
    }

    @Test
    void aSchemeWithoutTheSectionHasTheDefaultsAndMapsNothing() {
        LiaisonConfig config = LiaisonConfig.load(SchemeLoader.load(Path.of("jobs/jinfeng-2024.yaml")));
        assertThat(config.visitsPerMonth()).isEqualTo(1);
        assertThat(config.deadlineDays()).isEqualTo(30);
        assertThat(config.dimensions()).isEmpty();
    }

    @Test
    void aDimensionThatDoesNotExistIsRefusedNamingFileAndKey() throws IOException {
        Scheme s = scheme("liaison:\n  dimensions:\n    liaison_coverage_rate: c9_visits\n");
        assertThatThrownBy(() -> LiaisonConfig.load(s)).isInstanceOf(SchemeException.class)
                .hasMessageContaining("liaisontest-2024.yaml").hasMessageContaining("liaison.dimensions.liaison_coverage_rate")
                .hasMessageContaining("方案中没有指标 'c9_visits'");
    }

    @Test
    void aScoringRunChecksTheMappingBeforeItStarts() throws IOException {
        // the check every scoring run makes before anything is recorded (cycle.ScoreRuns → DerivedDimensions.check)
        Scheme s = scheme("liaison:\n  dimensions:\n    liaison_problems_closed_rate: c9_nothing\n");
        assertThatThrownBy(() -> new LiaisonDerived(null).check(s)).isInstanceOf(SchemeException.class)
                .hasMessageContaining("liaison.dimensions.liaison_problems_closed_rate");
        new LiaisonDerived(null).check(SchemeLoader.load(Path.of("src/test/resources/jobs/liaisontest-2024.yaml")));
    }

    @Test
    void aRateMustGoToAPercentDimensionAndACountToAnotherOne() throws IOException {
        Scheme s = scheme("liaison:\n  dimensions:\n    liaison_overdue_problems: c9_closing\n");
        assertThatThrownBy(() -> LiaisonConfig.load(s)).hasMessageContaining("liaison.dimensions.liaison_overdue_problems")
                .hasMessageContaining("逾期问题数是个数，不应为 '%'");
        Scheme twice = scheme("liaison:\n  dimensions:\n    liaison_coverage_rate: c9_closing\n    liaison_problems_closed_rate: c9_closing\n");
        assertThatThrownBy(() -> LiaisonConfig.load(twice)).hasMessageContaining("已由 liaison_coverage_rate 提供");
    }

    @Test
    void unknownKeysAndBadNumbersAreRefused() throws IOException {
        Scheme typo = scheme("liaison:\n  visit_per_month: 2\n");
        assertThatThrownBy(() -> LiaisonConfig.load(typo)).hasMessageContaining("liaison.visit_per_month")
                .hasMessageContaining("未知的配置项");
        Scheme zero = scheme("liaison:\n  problem_deadline_days: 0\n");
        assertThatThrownBy(() -> LiaisonConfig.load(zero)).hasMessageContaining("liaison.problem_deadline_days")
                .hasMessageContaining("应不小于 1");
        Scheme unknown = scheme("liaison:\n  dimensions:\n    liaison_visits: c9_closing\n");
        assertThatThrownBy(() -> LiaisonConfig.load(unknown)).hasMessageContaining("liaison.dimensions.liaison_visits");
    }
}
