package cn.bipin.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** target_shares (以月保季、以季保年) on jobs/anshan-2023.yaml, worked by hand. */
class TargetSharesTest {

    static final Scheme ANSHAN = SchemeLoader.load(Path.of("jobs/anshan-2023.yaml"));

    @Test
    void monthsAndQuartersFollowTheShares() {
        Dimension gdzc = ANSHAN.dimension("gdzc").orElseThrow();
        Dimension gdp = ANSHAN.dimension("gdp").orElseThrow();
        // gdzc's own months: 2% + 3% + 5% + 8% + 10% = 28% of 1,200,000 = 336,000 by May
        assertThat(ANSHAN.target(gdzc, "kjb", Period.parse("2023-05")).orElseThrow()).isEqualByComparingTo("336000");
        // gdzc's quarters: 10% + 30% = 40% of 1,200,000 = 480,000 by Q2
        assertThat(ANSHAN.target(gdzc, "kjb", Period.parse("2023-Q2")).orElseThrow()).isEqualByComparingTo("480000");
        // gdp takes the default: 8% + 8% + 9% + 8% + 8% = 41% of 2,600,000 = 1,066,000 by May; December is the year
        assertThat(ANSHAN.target(gdp, "kjb", Period.parse("2023-05")).orElseThrow()).isEqualByComparingTo("1066000");
        assertThat(ANSHAN.target(gdp, "kjb", Period.parse("2023-12")).orElseThrow()).isEqualByComparingTo("2600000");
    }

    @Test
    void sharesThatDoNotAddUpStopTheLoad(@TempDir Path dir) throws IOException {
        String text = Files.readString(Path.of("jobs/anshan-2023.yaml"), StandardCharsets.UTF_8);
        // 1% moved from January to April: the months still add up to 100%, but Q1's to 7 + 8 + 9 = 24%, not its 25%
        Path bad = dir.resolve("anshan-2023.yaml");
        Files.writeString(bad, text.replace("months:   [8%, 8%, 9%,  8%,", "months:   [7%, 8%, 9%,  9%,"), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SchemeLoader.load(bad)).isInstanceOf(SchemeException.class)
                .hasMessageContaining("target_shares.default.months")
                .hasMessageContaining("以月保季：第1–3月的比例之和为 24%，应等于第1季度的 25%");
        Files.writeString(bad, text.replace("quarters: [25%, 25%, 24%, 26%]", "quarters: [25%, 25%, 24%, 16%]"),
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SchemeLoader.load(bad)).hasMessageContaining("以季保年：各季度比例之和为 90%，应为 100%");
    }
}
