package cn.bipin.submission;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Confirms that 100,000-row files stream in a small heap. Off by default; run in a 256 MB JVM with
 * {@code MAVEN_OPTS=-Xmx256m mvn -o test -DforkCount=0 -Dbipin.benchmark=true -Dtest=SubmissionStreamingBenchmarkTest}
 * (forkCount=0 runs the test inside Maven's JVM, whose heap MAVEN_OPTS sets).
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "bipin.benchmark", matches = "true")
class SubmissionStreamingBenchmarkTest {

    private static final Logger log = LoggerFactory.getLogger(SubmissionStreamingBenchmarkTest.class);
    private static final int ROWS = 100_000;

    @TempDir
    Path dir;

    @Test
    void csvAndXlsxOf100kRowsStream() throws Exception {
        Path csv = dir.resolve("big.csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("\uFEFFunit_code,period,dimension_code,value,note\n");
            for (int i = 0; i < ROWS; i++) {
                w.write("u" + (i % 50) + ",2024-06,d" + (i % 21) + ",\"" + String.format("%,d", i * 7) + ".5\",第" + i + "行\n");
            }
        }
        Path xlsx = dir.resolve("big.xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); OutputStream os = Files.newOutputStream(xlsx)) {
            Sheet s = wb.createSheet(SubmissionTemplateWriter.SHEET);
            Row unit = s.createRow(2);
            unit.createCell(2).setCellValue(SubmissionTemplateWriter.LABEL_UNIT_CODE);
            unit.createCell(3).setCellValue("fgj");
            Row period = s.createRow(3);
            period.createCell(0).setCellValue(SubmissionTemplateWriter.LABEL_PERIOD);
            period.createCell(1).setCellValue("2024-06");
            Row header = s.createRow(SubmissionTemplateWriter.HEADER_ROW);
            for (int c = 0; c < SubmissionTemplateWriter.COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(SubmissionTemplateWriter.COLUMNS.get(c));
            }
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.00%"));
            for (int i = 0; i < ROWS; i++) {
                Row r = s.createRow(SubmissionTemplateWriter.HEADER_ROW + 1 + i);
                r.createCell(0).setCellValue("产业发展比拼");
                r.createCell(1).setCellValue("d" + (i % 21));
                r.createCell(2).setCellValue("指标" + (i % 21));
                var v = r.createCell(5);
                v.setCellValue(i % 2 == 0 ? i * 7.5 : 0.45);
                if (i % 2 == 1) {
                    v.setCellStyle(percent);
                }
                r.createCell(6).setCellValue("第" + i + "行");
            }
            wb.write(os);
        }
        log.info("max heap {} MB; csv {} KB, xlsx {} KB", Runtime.getRuntime().maxMemory() >> 20,
                Files.size(csv) >> 10, Files.size(xlsx) >> 10);
        read(csv);   // warms up class loading as well
        assertThat(read(csv)).isEqualTo(ROWS);
        read(xlsx);
        assertThat(read(xlsx)).isEqualTo(ROWS);
    }

    private static int read(Path file) {
        long start = System.nanoTime();
        int n = 0;
        int percent = 0;
        Runtime rt = Runtime.getRuntime();
        long peak = 0;
        try (SubmissionFileReader r = SubmissionFileReader.open(file)) {
            Optional<RawRow> row;
            while ((row = r.next()).isPresent()) {
                n++;
                percent += row.get().percentFormatted() ? 1 : 0;
                if ((n & 8191) == 0) {
                    peak = Math.max(peak, rt.totalMemory() - rt.freeMemory());
                }
            }
        }
        log.info("{}: {} rows ({} percent-formatted) in {} ms, heap used up to {} MB", file.getFileName(), n,
                percent, (System.nanoTime() - start) / 1_000_000, peak >> 20);
        return n;
    }
}
