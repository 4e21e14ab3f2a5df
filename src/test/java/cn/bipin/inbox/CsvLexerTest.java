package cn.bipin.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.bipin.inbox.CsvLexer.UnclosedQuote;

class CsvLexerTest {

    @TempDir
    Path dir;

    /** Each record as "line:fields". */
    private static List<String> records(String text, UnclosedQuote mode) throws IOException {
        List<String> out = new ArrayList<>();
        try (CsvLexer lexer = new CsvLexer(new BufferedReader(new StringReader(text)), mode)) {
            List<String> rec;
            while ((rec = lexer.next()) != null) {
                out.add(lexer.recordLine() + ":" + rec);
            }
        }
        return out;
    }

    private static List<String> records(String text) throws IOException {
        return records(text, UnclosedQuote.KEEP);
    }

    @Test
    void quotedFieldsHoldCommasAndDoubledQuotes() throws IOException {
        assertThat(records("a,\"b,c\",\"say \"\"hi\"\"\",\"\"\n")).containsExactly("1:[a, b,c, say \"hi\", ]");
        // a quote inside an unquoted cell is just a character
        assertThat(records("5\"3,x\n")).containsExactly("1:[5\"3, x]");
        // spaces before an opening quote are dropped; the quote still opens
        assertThat(records("a,  \"b,c\"\n")).containsExactly("1:[a, b,c]");
    }

    @Test
    void newlineInsideQuotesKeepsLineNumbers() throws IOException {
        assertThat(records("h1,h2\r\n\"one\r\ntwo\nthree\",x\r\nlast,y"))
                .containsExactly("1:[h1, h2]", "2:[one\r\ntwo\nthree, x]", "5:[last, y]");
    }

    @Test
    void blankLinesAreRecordsOfOneEmptyField() throws IOException {
        assertThat(records("a\n\n,,\rb\n")).containsExactly("1:[a]", "2:[]", "3:[, , ]", "4:[b]");
        assertThat(records("")).isEmpty();
    }

    @Test
    void leadingBomIsDroppedBeforeParsing() throws IOException {
        // the BOM must not make the first quote a literal character
        assertThat(records("\uFEFF\"统一社会信用代码\",\"企业名称\"\n")).containsExactly("1:[统一社会信用代码, 企业名称]");
        assertThat(records("\uFEFFa,b\n")).containsExactly("1:[a, b]");
        assertThat(records("\uFEFF")).isEmpty();
        // only the first character of the file is a BOM
        assertThat(records("a\n\uFEFFb\n")).containsExactly("1:[a]", "2:[\uFEFFb]");
    }

    @Test
    void unclosedQuoteIsKeptOrRejected() throws IOException {
        String text = "h\nok\n\"open,\nrest\n";
        assertThat(records(text, UnclosedQuote.KEEP)).containsExactly("1:[h]", "2:[ok]", "3:[open,\nrest\n]");

        List<String> read = new ArrayList<>();
        try (CsvLexer lexer = new CsvLexer(new BufferedReader(new StringReader(text)), UnclosedQuote.REJECT)) {
            read.add(String.valueOf(lexer.next()));
            read.add(String.valueOf(lexer.next()));
            assertThatThrownBy(lexer::next).isInstanceOf(CsvLexer.UnclosedQuoteException.class)
                    .hasMessage("第3行的引号没有配对（内容从这一行起到文件末尾都在引号里）")
                    .satisfies(e -> assertThat(((CsvLexer.UnclosedQuoteException) e).line()).isEqualTo(3));
        }
        assertThat(read).containsExactly("[h]", "[ok]");
    }

    @Test
    void encodingProblem() throws IOException {
        Path utf8 = dir.resolve("ok.csv");
        Files.writeString(utf8, "\uFEFF单位代码,备注\n", StandardCharsets.UTF_8);
        assertThat(CsvLexer.encodingProblem(utf8)).isNull();

        Path gbk = dir.resolve("gbk.csv");
        Files.write(gbk, "单位代码,备注\n".getBytes(Charset.forName("GBK")));
        assertThat(CsvLexer.encodingProblem(gbk))
                .isEqualTo("CSV不是UTF-8编码（可能是GBK），请在Excel中“另存为”选择“CSV UTF-8(逗号分隔)”后再报送");

        Path empty = Files.createFile(dir.resolve("empty.csv"));
        assertThat(CsvLexer.encodingProblem(empty)).isEqualTo("文件为空（0字节），请重新报送");
    }
}
