package cn.bipin.incentive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An enterprise CSV as Excel or a script writes it: BOM, quoted cells, CRLF. */
class CsvTableTest {

    @TempDir
    Path dir;

    private Path csv(String content) throws Exception {
        Path file = dir.resolve("企业_2024.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void bomBeforeAQuotedFirstHeaderCell() throws Exception {
        // Excel's "CSV UTF-8" writes a BOM; a script quoting every cell puts a quote right after it
        Path file = csv("\uFEFF\"统一社会信用代码\",\"企业名称\"\r\n\"91640106MA0000001X\",\"某公司（银川，分公司）\"\r\n");
        try (TableSource t = TableSource.open(file, Entity.ENTERPRISE)) {
            assertThat(t.header()).containsExactly("统一社会信用代码", "企业名称");
            HeaderMap.of(Entity.ENTERPRISE, t.header(), "企业_2024.csv");   // the whole file was refused here
            TableSource.SourceRow row = t.next();
            assertThat(row.rowNo()).isEqualTo(2);
            assertThat(row.cells()).containsExactly("91640106MA0000001X", "某公司（银川，分公司）");
            assertThat(t.next()).isNull();
        }
    }

    @Test
    void rowNumbersCountLinesInsideQuotesAndSkipBlankRows() throws Exception {
        Path file = csv("credit_code,name\n\"91640106MA0000001X\",\"第一行\n第二行\"\n,\n\"A\"\"B\",x\n");
        try (TableSource t = TableSource.open(file, Entity.ENTERPRISE)) {
            assertThat(t.header()).containsExactly("credit_code", "name");
            assertThat(t.next()).isEqualTo(new TableSource.SourceRow(2, List.of("91640106MA0000001X", "第一行\n第二行")));
            assertThat(t.next()).isEqualTo(new TableSource.SourceRow(5, List.of("A\"B", "x")));
            assertThat(t.next()).isNull();
        }
    }

    @Test
    void aQuoteNeverClosedRefusesTheFile() throws Exception {
        Path file = csv("credit_code,name\n91640106MA0000001X,\"某公司\n91640106MA0000002X,另一公司\n");
        try (TableSource t = TableSource.open(file, Entity.ENTERPRISE)) {
            assertThatThrownBy(t::next).isInstanceOf(DataFileException.class)
                    .hasMessage("文件 企业_2024.csv：第2行的引号没有配对（内容从这一行起到文件末尾都在引号里）");
        }
    }

    @Test
    void gbkAndEmptyFilesAreRefusedUpFront() throws Exception {
        Path gbk = dir.resolve("企业_gbk.csv");
        Files.write(gbk, "credit_code,name\n91640106MA0000001X,某公司\n".getBytes("GBK"));
        assertThatThrownBy(() -> TableSource.open(gbk, Entity.ENTERPRISE)).isInstanceOf(DataFileException.class)
                .hasMessage("文件 企业_gbk.csv：CSV不是UTF-8编码（可能是GBK），请在Excel中“另存为”选择“CSV UTF-8(逗号分隔)”后再报送");
        Path empty = csv("");
        assertThatThrownBy(() -> TableSource.open(empty, Entity.ENTERPRISE)).isInstanceOf(DataFileException.class)
                .hasMessage("文件 企业_2024.csv：文件为空（0字节），请重新报送");
        Path blank = csv("\n");
        try (TableSource t = TableSource.open(blank, Entity.ENTERPRISE)) {
            assertThat(t.header()).containsExactly("");
        }
    }
}
