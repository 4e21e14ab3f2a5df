package cn.bipin.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {

    @TempDir
    Path dir;

    @Test
    void quotesOnlyWhatMustBeQuoted() {
        assertThat(Csv.line("良田镇", "1,234", "说\"好\"", "两\n行", null))
                .isEqualTo("良田镇,\"1,234\",\"说\"\"好\"\"\",\"两\n行\",");
    }

    @Test
    void writesUtf8WithAByteOrderMarkAndCrlfIntoANewFolder() throws Exception {
        Path out = dir.resolve("r1").resolve("scores.csv");

        Csv.write(out, "unit,score", List.of(Csv.line("良田镇", "80.25")));

        assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo("\uFEFFunit,score\r\n良田镇,80.25\r\n");
    }
}
