package cn.bipin.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.bipin.scheme.LedgerDimensions;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeException;
import cn.bipin.scheme.SchemeLoader;

/**
 * The ledger template round trip, hostile ledger files refused whole with a reason, the row checks, and the scheme
 * file's ledger-dimension mapping checked at load.
 */
class LedgerFilesTest {

    static final Scheme JINFENG = SchemeLoader.load(Path.of("jobs/jinfeng-2024.yaml"));

    @Test
    void theTemplateReadsBackAsTyped(@TempDir Path dir) throws Exception {
        Path template = dir.resolve(AppealTemplateWriter.fileName(JINFENG));
        new AppealTemplateWriter().write(JINFENG, AppealRules.of(JINFENG), template);
        try (InputStream in = Files.newInputStream(template); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet(AppealColumns.SHEET);
            assertThat(sheet.getRow(AppealTemplateWriter.HEADER_ROW).getCell(0).getStringCellValue()).isEqualTo("诉求编号*");
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            Row r = sheet.createRow(AppealTemplateWriter.HEADER_ROW + 1);
            r.createCell(AppealColumns.CASE_ID).setCellValue("FGJ-2024-001");
            r.createCell(AppealColumns.UNIT).setCellValue("fgj");
            r.createCell(AppealColumns.ENTERPRISE).setCellValue("宁夏金凤科技有限公司");
            r.createCell(AppealColumns.SIZE).setCellValue("重点企业");
            var received = r.createCell(AppealColumns.RECEIVED);
            received.setCellStyle(sheet.getColumnStyle(AppealColumns.RECEIVED));
            received.setCellValue(LocalDateTime.of(2024, 6, 3, 14, 30));
            try (OutputStream out = Files.newOutputStream(dir.resolve("filled.xlsx"))) {
                wb.write(out);
            }
        }
        try (LedgerTable t = LedgerTable.open(dir.resolve("filled.xlsx"), AppealColumns.ALL, AppealColumns.SHEET)) {
            LedgerTable.LedgerRow row = t.next();
            assertThat(row.rowNo()).isEqualTo(AppealTemplateWriter.HEADER_ROW + 2); // 1-based: the row after the header
            assertThat(row.cell(AppealColumns.CASE_ID)).isEqualTo("FGJ-2024-001");
            assertThat(row.cell(AppealColumns.RECEIVED)).isEqualTo("2024-06-03 14:30");
            assertThat(t.columnLabel(AppealColumns.RECEIVED)).isEqualTo("G列");
            assertThat(t.next()).isNull();
        }
    }

    @Test
    void hostileFilesAreRefusedWholeWithAReason(@TempDir Path dir) throws Exception {
        Path gbk = dir.resolve("gbk.csv");
        Files.write(gbk, "诉求编号,责任单位\nA,fgj\n".getBytes(Charset.forName("GBK")));
        assertThatThrownBy(() -> LedgerTable.open(gbk, AppealColumns.ALL, AppealColumns.SHEET))
                .isInstanceOf(LedgerFileRejectedException.class).hasMessageContaining("不是UTF-8编码");
        Path fake = dir.resolve("fake.xlsx");
        Files.write(fake, "PK\u0003\u0004 这不是一个完整的Excel文件".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> LedgerTable.open(fake, AppealColumns.ALL, AppealColumns.SHEET))
                .isInstanceOf(LedgerFileRejectedException.class).hasMessageContaining("请重新保存为.xlsx");
        Path missing = dir.resolve("missing.csv");
        Files.writeString(missing, "case_id,unit_code,enterprise\nA,fgj,x\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> LedgerTable.open(missing, AppealColumns.ALL, AppealColumns.SHEET))
                .isInstanceOf(LedgerFileRejectedException.class)
                .hasMessageContaining("表头缺少必填列：企业类别（size_class）、受理时间（received_at）");
        Path quote = dir.resolve("quote.csv");
        Files.writeString(quote, "case_id,unit_code,enterprise,size_class,received_at\nA,fgj,\"x,small,2024-06-03 14:30\nB,fgj,y,small,2024-06-03 14:30\n",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> {
            try (LedgerTable t = LedgerTable.open(quote, AppealColumns.ALL, AppealColumns.SHEET)) {
                while (t.next() != null) {
                    // read to the end
                }
            }
        }).isInstanceOf(LedgerFileRejectedException.class);
    }

    @Test
    void rowChecksNameFileRowColumnAndValue(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("台账.csv");
        Files.writeString(csv, String.join("\n",
                "诉求编号,责任单位,企业名称,企业类别,受理时间,登记时间,办结时间,解决层级,反馈人,企业满意度,统一社会信用代码",
                "A,发展和改革局,甲,重点企业,2024-06-03 14:30,2024-06-03 15:00,,,,,",
                "B,fgj,乙,特大企业,2024-06-03 14:30,,,,,,",
                "C,fgj,丙,small,2024-06-03,,,,,,",
                "D,fgj,丁,small,2024-06-03 14:30,2024-06-03 10:00,,,,,",
                "E,fgj,戊,small,2024-06-03 14:30,,2024-06-05 10:00,单位,,,",
                "F,fgj,己,small,2024-06-03 14:30,,,,,满意,",
                "A,fgj,甲,key,2024-06-03 14:30,,,,,,",
                "G,fgj,庚,small,２０２４年６月３日14时30分,,,,,,91640100MA76XXXXX1",
                "H,fgj,辛,small,2025-01-02 09:00,,,,,,") + "\n", StandardCharsets.UTF_8);
        AppealRowValidator v = new AppealRowValidator(JINFENG, AppealRules.of(JINFENG));
        try (LedgerTable t = LedgerTable.open(csv, AppealColumns.ALL, AppealColumns.SHEET)) {
            List<String> out = new java.util.ArrayList<>();
            LedgerTable.LedgerRow row;
            while ((row = t.next()) != null) {
                AppealRowValidator.Checked c = v.check(t, row);
                out.add(c.accepted() ? "ok " + c.appeal().unitCode() + " " + c.appeal().receivedAt() : c.error());
            }
            assertThat(out).containsExactly(
                    "ok fgj 2024-06-03T14:30", // the unit's full name is taken
                    "文件 台账.csv 第3行 企业类别（第4列）：'特大企业' 不是企业类别，应为 重点企业 / 千万元以上企业 / 千万元以下企业",
                    "文件 台账.csv 第4行 受理时间（第5列）：'2024-06-03' 只有日期，须写到分钟（24小时时限按钟点计算），如 2024-06-03 14:30",
                    "文件 台账.csv 第5行 登记时间（第6列）：登记时间 '2024-06-03 10:00' 早于受理时间 2024-06-03 14:30",
                    "文件 台账.csv 第6行 反馈人（第9列）：已办结的诉求须填写反馈人（主要领导（经分管区领导同意） / 主要领导 / 分管领导）",
                    "文件 台账.csv 第7行 企业满意度（第10列）：未填办结时间却填了满意度 '满意'；满意度在诉求办结后由企业评价",
                    "文件 台账.csv 第8行 诉求编号（第1列）：诉求编号 'A' 与第2行相同（同一文件中一件诉求只能有一行；更正请另交新文件）",
                    "文件 台账.csv 第9行 统一社会信用代码（第11列）：'91640100MA76XXXXX1' 不是有效的统一社会信用代码（18位，校验位不符或含不允许的字符），不确定可不填",
                    "文件 台账.csv 第10行 受理时间（第5列）：'2025-01-02 09:00' 晚于2024年，不属于本年度台账（下一年度的诉求登记在下一年度台账中）");
        }
    }

    @Test
    void theMappingIsCheckedWhenTheSchemeLoads(@TempDir Path dir) throws Exception {
        assertThat(JINFENG.ledgerDimensions()).containsEntry("c5_collected", "appeals_collected")
                .containsEntry("c5_studied", "appeals_studied").containsEntry("c5_resolved", "appeals_resolved").hasSize(3);
        assertThat(JINFENG.reportedDimensionsFor("fgj", cn.bipin.scheme.Cycle.QUARTERLY))
                .extracting(cn.bipin.scheme.Dimension::code).doesNotContain("c5_collected").contains("c6_amount");
        String base = Files.readString(Path.of("jobs/jinfeng-2024.yaml"), StandardCharsets.UTF_8);
        assertRejected(dir, base.replace("c5_collected: appeals_collected", "c5_colected: appeals_collected"),
                "appeals.dimensions.c5_colected", "没有代码为 'c5_colected' 的指标");
        assertRejected(dir, base.replace("c5_studied: appeals_studied", "c5_studied: appeals_studies"),
                "appeals.dimensions.c5_studied", "'appeals_studies' 不是台账能计算的数");
        assertRejected(dir, base.replace("c5_resolved: appeals_resolved", "c5_resolved: appeals_on_time_rate"),
                "appeals.dimensions.c5_resolved", "appeals_on_time_rate 是比率，只能用于计量单位为 % 的指标");
        assertThat(LedgerDimensions.ledgerName("appeals_resolved")).isEqualTo("企业诉求台账");
    }

    private static void assertRejected(Path dir, String text, String key, String problem) throws Exception {
        Path file = dir.resolve("jinfeng-2024.yaml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SchemeLoader.load(file)).isInstanceOf(SchemeException.class)
                .hasMessageContaining(key).hasMessageContaining(problem);
    }
}
