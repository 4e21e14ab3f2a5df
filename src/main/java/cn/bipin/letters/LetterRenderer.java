package cn.bipin.letters;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import cn.bipin.report.CompiledTemplate;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.JRPdfExporter;

/**
 * Writes a letter as a PDF (templates/letter.jrxml, compiled once per JVM and kept in the compiled-template cache,
 * {@link CompiledTemplate}; each letter is one fill of that compiled template) and as a one-sheet workbook with the
 * same lines. Safe to call from several threads at once: fills share only the immutable compiled template.
 */
@Component
class LetterRenderer {

    static final String TEMPLATE = "bipin/templates/letter.jrxml";
    private final CompiledTemplate template = new CompiledTemplate(TEMPLATE, "letter", "函件");

    void write(Letter letter, String signature, String date, String footer) {
        try {
            Files.createDirectories(letter.pdf().getParent());
            Map<String, Object> params = new HashMap<>();
            params.put("kind", letter.kind().name());
            params.put("title", letter.title());
            params.put("number", letter.number());
            params.put("addressee", letter.unitName());
            params.put("body", letter.body());
            params.put("signature", signature);
            params.put("date", date);
            params.put("footer", footer);
            List<Map<String, ?>> rows = letter.lines().stream()
                    .<Map<String, ?>>map(l -> Map.of("label", l.label(), "value", l.value() == null ? "" : l.value())).toList();
            JasperPrint print = JasperFillManager.fillReport(template.get(), params, new JRMapCollectionDataSource(rows));
            Path part = letter.pdf().resolveSibling(letter.pdf().getFileName() + ".part");
            try (OutputStream out = Files.newOutputStream(part)) {
                JRPdfExporter exporter = new JRPdfExporter();
                exporter.setExporterInput(new SimpleExporterInput(print));
                exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
                SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
                configuration.setMetadataTitle(letter.title());
                configuration.setMetadataCreator("比拼 bipin");
                exporter.setConfiguration(configuration);
                exporter.exportReport();
            }
            Files.move(part, letter.pdf(), StandardCopyOption.REPLACE_EXISTING);
            workbook(letter);
        } catch (JRException | IOException e) {
            throw new IllegalStateException("函件生成失败：" + letter.pdf() + "（" + e.getMessage() + "）", e);
        }
    }

    private static void workbook(Letter letter) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet(letter.kind().label());
            int r = 0;
            sheet.createRow(r++).createCell(0).setCellValue(letter.title());
            if (letter.number() != null) {
                sheet.createRow(r++).createCell(0).setCellValue(letter.number());
            }
            sheet.createRow(r++).createCell(0).setCellValue(letter.unitName() + "：" + letter.body());
            Row header = sheet.createRow(r++);
            header.createCell(0).setCellValue("项目");
            header.createCell(1).setCellValue("情况");
            for (Letter.Line l : letter.lines()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(l.label());
                row.createCell(1).setCellValue(l.value() == null ? "" : l.value());
            }
            sheet.setColumnWidth(0, 30 * 256);
            sheet.setColumnWidth(1, 60 * 256);
            Path part = letter.workbook().resolveSibling(letter.workbook().getFileName() + ".part");
            try (OutputStream out = Files.newOutputStream(part)) {
                wb.write(out);
            }
            Files.move(part, letter.workbook(), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
