package cn.bipin.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ballot, case and vote CSVs: records with the line they start on, and whole-file refusals in Chinese. */
class CsvRecordsTest {

    @TempDir
    Path dir;

    private Path csv(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static List<CsvRecords.Line> read(Path file) {
        List<CsvRecords.Line> lines = new ArrayList<>();
        CsvRecords.read(file, lines::add);
        return lines;
    }

    @Test
    void recordsKeepTheirStartingLine() throws Exception {
        Path file = csv("cases.csv", "\uFEFF\"case_no\",summary\r\nC1,\"两行\r\n摘要\"\r\n\r\nC2,\"含,逗号\"");
        assertThat(read(file)).containsExactly(
                new CsvRecords.Line(1, List.of("case_no", "summary")),
                new CsvRecords.Line(2, List.of("C1", "两行\r\n摘要")),
                new CsvRecords.Line(4, List.of("")),
                new CsvRecords.Line(5, List.of("C2", "含,逗号")));
    }

    @Test
    void wholeFileRefusals() throws Exception {
        assertThatThrownBy(() -> read(csv("empty.csv", ""))).isInstanceOf(BallotFileRejectedException.class)
                .hasMessage("文件 empty.csv：文件为空，请重新报送");
        assertThatThrownBy(() -> read(csv("bom.csv", "\uFEFF"))).isInstanceOf(BallotFileRejectedException.class)
                .hasMessage("文件 bom.csv：文件为空，请重新报送");
        Path gbk = Files.write(dir.resolve("gbk.csv"), "case_no,votes\n案例1,3\n".getBytes(Charset.forName("GBK")));
        assertThatThrownBy(() -> read(gbk)).isInstanceOf(BallotFileRejectedException.class)
                .hasMessage("文件 gbk.csv：CSV不是UTF-8编码（可能是GBK），请在Excel中“另存为”选择“CSV UTF-8(逗号分隔)”后再报送");
        assertThatThrownBy(() -> read(csv("votes.csv", "case_no,votes\nC1,3\nC2,\"4\nC3,5\n")))
                .isInstanceOf(BallotFileRejectedException.class)
                .hasMessage("文件 votes.csv：第3行的引号没有配对（内容从这一行起到文件末尾都在引号里）");
    }

    @Test
    void aBallotWorkbookThatIsNoWorkbookSaysWhatItIs() throws Exception {
        EvaluationRules rules = EvaluationRulesLoader.load(cn.bipin.scheme.SchemeLoader.load(
                Path.of("src/test/resources/jobs/evaltest-2024.yaml")));
        Path empty = Files.write(dir.resolve("评议表.xlsx"), new byte[0]);
        Path text = csv("旧表.xlsx", "not a workbook");

        assertThatThrownBy(() -> BallotReader.read(empty, rules, b -> { }))
                .isInstanceOf(BallotFileRejectedException.class).hasMessage("文件 评议表.xlsx：文件为空（0字节），请重新报送");
        assertThatThrownBy(() -> BallotReader.read(text, rules, b -> { }))
                .isInstanceOf(BallotFileRejectedException.class)
                .hasMessage("文件 旧表.xlsx：文件已损坏或不是Excel文件，请重新保存为.xlsx后再报送");
    }
}
