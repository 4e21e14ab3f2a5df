package cn.bipin.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jinfeng's result application (DOMAIN §3.5) written in the prize vocabulary Haizhou uses ({@code awards.prizes}):
 * point tiers where the first matching tier wins, the 优秀 share with the first tier, amounts by annual rank; the old
 * keys are refused with the new form.
 */
class AwardVocabularyTest {

    private static final Path JINFENG = Path.of("jobs", "jinfeng-2024.yaml");

    @TempDir
    Path dir;

    @Test
    void jinfengsRulesReadAsSection35SaysThem() {
        AwardRules a = SchemeLoader.load(JINFENG).awards();
        // §3.5: +3 if every period rank ≤ 3 in competitions 1–7 and annual rank 1; else +1 if all ≤ 4 and annual ≤ 2
        Set<String> all = Set.of("c1", "c2", "c3", "c4", "c5", "c6", "c7");
        assertThat(a.plus()).containsExactly(new AwardRules.PointTier(3, 3, 1, all), new AwardRules.PointTier(1, 4, 2, all));
        assertThat(a.excellentQuotaIncrease()).isEqualByComparingTo("0.05"); // 优秀比例 +5%
        assertThat(a.workFunds()).extracting(BigDecimal::intValueExact).containsExactly(100000, 80000, 50000);
        assertThat(a.prizes()).as("no top-N prize in Jinfeng").isEmpty();
        assertThat(a.disqualify()).isEmpty();
    }

    @Test
    void theOldKeysAreRefusedShowingTheNewForm() throws IOException {
        Path file = jinfengWith("""
                awards:
                  efficiency:
                    - { points: 3, max_period_rank: 3, max_annual_rank: 1 }
                  work_funds: [100000]
                """);
        assertThatThrownBy(() -> SchemeLoader.load(file)).isInstanceOf(SchemeException.class)
                .hasMessageContaining("awards.efficiency", "旧的写法", "awards.prizes", "tiers", "every_period_top", "amounts");
    }

    @Test
    void mistakesInTheNewFormNameTheirKey() throws IOException {
        assertThatThrownBy(() -> SchemeLoader.load(jinfengWith(awards(
                "- { code: e, name: 加分, ranks: total, tiers: [ { points: 3, top: 1, every_period_top: 3 }, "
                        + "{ points: 1, top: 2, every_period_top: 4, benefits: { excellent_quota: 5% } } ] }"))))
                .isInstanceOf(SchemeException.class).hasMessageContaining("awards.prizes[0].tiers[1].benefits", "第一档");
        assertThatThrownBy(() -> SchemeLoader.load(jinfengWith(awards(
                "- { code: e, name: 加分, ranks: competitions, tiers: [ { points: 3, top: 1, every_period_top: 3 } ] }"))))
                .isInstanceOf(SchemeException.class).hasMessageContaining("awards.prizes[0].ranks", "ranks: total");
        assertThatThrownBy(() -> SchemeLoader.load(jinfengWith(awards(
                "- { code: e, name: 加分, ranks: total, period_competitions: [c9], tiers: [ { points: 3, top: 1, every_period_top: 3 } ] }"))))
                .isInstanceOf(SchemeException.class).hasMessageContaining("awards.prizes[0].period_competitions[0]", "c9");
        assertThatThrownBy(() -> SchemeLoader.load(jinfengWith(awards(
                "- { code: f, name: 经费, ranks: total, amounts: [100000], top: 3 }"))))
                .isInstanceOf(SchemeException.class).hasMessageContaining("awards.prizes[0].top", "amounts");
        assertThatThrownBy(() -> SchemeLoader.load(jinfengWith(awards(
                "- { code: f, name: 经费, ranks: total, amounts: [100000] }") + "  disqualify: [late]\n")))
                .isInstanceOf(SchemeException.class).hasMessageContaining("awards.prizes[0]", "disqualify", "top + amount");
    }

    @Test
    void aTierMayNameTheCompetitionsWhosePeriodRanksCount() throws IOException {
        AwardRules a = SchemeLoader.load(jinfengWith(awards(
                "- { code: e, name: 加分, ranks: total, period_competitions: [c2, c4], tiers: [ { points: 3, top: 1, every_period_top: 3 } ] }")))
                .awards();
        assertThat(a.plus().get(0).counts("c2")).isTrue();
        assertThat(a.plus().get(0).counts("c1")).isFalse();
        assertThat(a.excellentQuotaIncrease()).isZero();
        assertThat(a.workFunds()).isEmpty();
    }

    private static String awards(String prize) {
        return "awards:\n  prizes:\n    " + prize + "\n";
    }

    /** Jinfeng's scheme file with its awards section replaced. */
    private Path jinfengWith(String awards) throws IOException {
        String text = Files.readString(JINFENG);
        int start = text.indexOf("\nawards:\n");
        int end = text.indexOf("\npolicy:", start);
        assertThat(start).isPositive();
        assertThat(end).isGreaterThan(start);
        String changed = text.substring(0, start + 1) + awards + text.substring(end);
        Path file = dir.resolve("jinfeng-2024.yaml");
        Files.writeString(file, changed, StandardCharsets.UTF_8);
        return file;
    }
}
