package cn.bipin.submission;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static cn.bipin.testsupport.TestScheme.FUNDS;
import static cn.bipin.testsupport.TestScheme.GROWTH;
import static cn.bipin.testsupport.TestScheme.START_RATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import cn.bipin.inbox.ValueParser;

class CsvSubmissionReaderTest {

    @TempDir
    Path dir;

    private static List<RawRow> readAll(Path file) {
        List<RawRow> rows = new ArrayList<>();
        try (SubmissionFileReader r = SubmissionFileReader.open(file)) {
            Optional<RawRow> row;
            while ((row = r.next()).isPresent()) {
                rows.add(row.get());
            }
        }
        return rows;
    }

    private Path csv(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void readsCsvWithBomHeaderNotesAndBlankLines() {
        List<RawRow> rows = readAll(XlsxSubmissionReaderTest.fixture("with-bom.csv"));

        // line 1 header, line 4 empty, line 5 only commas: skipped
        assertThat(rows).extracting(RawRow::rowNumber).containsExactly(2, 3, 6, 7);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.fileName()).isEqualTo("with-bom.csv");
            assertThat(r.sheet()).isNull();
            assertThat(r.column()).isEqualTo("value");
            assertThat(r.period()).isEqualTo("2024-06");
            assertThat(r.numericValue()).isNull();
            assertThat(r.percentFormatted()).isFalse();
        });
        assertThat(rows.get(0).unitCode()).isEqualTo("fgj");   // not "\uFEFFfgj" nor a BOM in the header
        assertThat(rows.get(0).rawValue()).isEqualTo("45%");
        assertThat(rows.get(0).note()).isNull();
        assertThat(rows.get(1).rawValue()).isEqualTo("1,234.5");
        assertThat(rows.get(1).note()).isEqualTo("含外资");
        assertThat(rows.get(2).unitCode()).isEqualTo("jfz");
        assertThat(rows.get(2).dimensionCode()).isEqualTo("c4_growth");
        assertThat(rows.get(2).rawValue()).isEqualTo("－０．０５");
        assertThat(rows.get(2).note()).isEqualTo("说明,含逗号");
        // unquoted 12,3O0 splits into value "12" and note "3O0": refused with the reason, never joined into a number
        assertThat(rows.get(3).rawValue()).isEqualTo("12");
        assertThat(rows.get(3).note()).isEqualTo("3O0");
        assertThat(rows.get(3).problem()).contains("数值中的逗号请加引号", "12,3O0");
        assertThat(rows.subList(0, 3)).allSatisfy(r -> assertThat(r.problem()).isNull());

        assertThat(ValueParser.parse(rows.get(0).rawValue(), null, false, START_RATE).value()).isEqualByComparingTo("0.45");
        assertThat(ValueParser.parse(rows.get(1).rawValue(), null, false, FUNDS).value()).isEqualByComparingTo("1234.5");
        assertThat(ValueParser.parse(rows.get(2).rawValue(), null, false, GROWTH).value()).isEqualByComparingTo("-0.05");
    }

    @Test
    void headerIsOptional() throws Exception {
        Path file = csv("no-header.csv", "fgj,2024-06,c3_funds,1,234.5\nfgj,2024-06,c2_start_rate,0.45,按月统计\n");
        List<RawRow> rows = readAll(file);
        assertThat(rows).extracting(RawRow::rowNumber).containsExactly(1, 2);
        // four columns and an unquoted "1,234.5": value 1 and note 234.5 could be either, so the row is refused
        assertThat(rows.get(0).problem()).contains("'1'", "'234.5'", "数值中的逗号请加引号");
        assertThat(rows.get(1).problem()).isNull();
        assertThat(rows.get(1).rawValue()).isEqualTo("0.45");
        assertThat(rows.get(1).note()).isEqualTo("按月统计");
    }

    @Test
    void moreFieldsThanTheHeaderAreRefusedNeverMerged() throws Exception {
        Path file = csv("six.csv", "unit_code,period,dimension_code,value,note\nfgj,2024-06,c3_funds,1,234.5,已核对\n");
        RawRow r = readAll(file).get(0);
        assertThat(r.rawValue()).isEqualTo("1,234.5");
        assertThat(r.note()).isEqualTo("已核对");
        assertThat(r.problem()).isEqualTo("该行有6个字段，多于表头的5列：数值中的逗号请加引号（如 \"1,234.5\"），或去掉多余的逗号");
    }

    @Test
    void quotedFieldsMayHoldQuotesAndLineBreaks() throws Exception {
        Path file = csv("q.csv", "unit_code,period,dimension_code,value,note\r\n"
                + "fgj,2024-06,c3_funds,100,\"第一行\r\n第二行 \"\"引号\"\"\"\r\n"
                + "fgj,2024-06,c4_growth,0.1,\r\n");
        List<RawRow> rows = readAll(file);
        assertThat(rows.get(0).note()).isEqualTo("第一行\r\n第二行 \"引号\"");
        // the record on line 2 spans lines 2–3, so the next one starts on line 4
        assertThat(rows).extracting(RawRow::rowNumber).containsExactly(2, 4);
    }

    @Test
    void chineseColumnNamesAndAnyOrderAreAccepted() throws Exception {
        Path file = csv("cn.csv", "指标代码,单位代码,期间,数值\nc3_funds,jfz,2024-06,88\n");
        RawRow r = readAll(file).get(0);
        assertThat(r.unitCode()).isEqualTo("jfz");
        assertThat(r.dimensionCode()).isEqualTo("c3_funds");
        assertThat(r.rawValue()).isEqualTo("88");
        assertThat(r.column()).isEqualTo("数值");
    }

    @Test
    void wrongColumnsAreNamed() throws Exception {
        Path file = csv("bad.csv", "unit,period,dimension_code,value\nfgj,2024-06,c3_funds,1\n");
        assertThatThrownBy(() -> SubmissionFileReader.open(file))
                .isInstanceOf(FileRejectedException.class)
                .hasMessage("文件 bad.csv：CSV列名不对：缺少列 unit_code；无法识别的列 'unit'。"
                        + "应为 unit_code,period,dimension_code,value[,note]");
    }

    @Test
    void tooFewColumnsWithoutHeaderAreRejected() throws Exception {
        Path file = csv("short.csv", "\nfgj,2024-06,100\n");
        assertThatThrownBy(() -> SubmissionFileReader.open(file))
                .isInstanceOf(FileRejectedException.class)
                .hasMessage("文件 short.csv：CSV第2行只有3列，应为 unit_code,period,dimension_code,value[,note]（第一行可以是这些列名）");
    }

    @Test
    void gbkFileIsRejectedWithInstructions() throws Exception {
        Path file = dir.resolve("gbk.csv");
        Files.write(file, "unit_code,period,dimension_code,value,note\nfgj,2024-06,c3_funds,1,备注\n"
                .getBytes(Charset.forName("GBK")));
        assertThatThrownBy(() -> SubmissionFileReader.open(file))
                .isInstanceOf(FileRejectedException.class)
                .hasMessageContaining("CSV不是UTF-8编码（可能是GBK）");
    }

    @Test
    void emptyCsvIsRejected() throws Exception {
        Path file = csv("empty.csv", "");
        assertThatThrownBy(() -> SubmissionFileReader.open(file))
                .isInstanceOf(FileRejectedException.class)
                .hasMessage("文件 empty.csv：文件为空（0字节），请重新报送");
        Path blank = csv("blank.csv", "\uFEFF\r\n,,,\r\n");
        assertThatThrownBy(() -> SubmissionFileReader.open(blank))
                .isInstanceOf(FileRejectedException.class)
                .hasMessage("文件 blank.csv：文件中没有任何数据行，请填写后重新报送");
        // a header and nothing else is no submission either (it was taken as 0 rows)
        Path headerOnly = csv("header.csv", "unit_code,period,dimension_code,value\r\n\r\n");
        assertThatThrownBy(() -> SubmissionFileReader.open(headerOnly))
                .isInstanceOf(FileRejectedException.class)
                .hasMessage("文件 header.csv：文件只有表头，文件中没有任何数据行，请填写后重新报送");
    }
}
