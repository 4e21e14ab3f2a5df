package cn.bipin.letters;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.engine.util.JRSaver;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.JRPdfExporter;

/**
 * Writes a letter as a PDF (templates/letter.jrxml, compiled once and kept in the same compiled-template cache as the
 * bulletin's, {@code ~/.cache/bipin/reports}) and as a one-sheet workbook with the same lines.
 */
@Component
class LetterRenderer {

    static final String TEMPLATE = "bipin/templates/letter.jrxml";
    private static final Logger log = LoggerFactory.getLogger(LetterRenderer.class);

    private volatile JasperReport report;

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
            JasperPrint print = JasperFillManager.fillReport(report(), params, new JRMapCollectionDataSource(rows));
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

    private JasperReport report() throws JRException, IOException {
        JasperReport compiled = report;
        if (compiled == null) {
            synchronized (this) {
                compiled = report;
                if (compiled == null) {
                    compiled = compile();
                    report = compiled;
                }
            }
        }
        return compiled;
    }

    /** Read from the compiled-template cache when compiled from the same bytes by the same JasperReports, else compiled. */
    private static JasperReport compile() throws JRException, IOException {
        byte[] jrxml;
        try (InputStream in = LetterRenderer.class.getClassLoader().getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("函件模板不在 classpath 上：" + TEMPLATE);
            }
            jrxml = in.readAllBytes();
        }
        String configured = System.getProperty("bipin.report.cache");
        Path cache = "off".equals(configured) ? null : configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "bipin", "reports");
        Path cached = cache == null ? null : cache.resolve("letter-" + digest(jrxml) + ".jasper");
        if (cached != null && Files.isRegularFile(cached)) {
            try {
                return (JasperReport) JRLoader.loadObject(cached.toFile());
            } catch (JRException | RuntimeException e) {
                log.debug("编译缓存 {} 不可用，重新编译：{}", cached, e.toString());
            }
        }
        JasperReport compiled = JasperCompileManager.compileReport(new java.io.ByteArrayInputStream(jrxml));
        if (cached != null) {
            try {
                Files.createDirectories(cache);
                Path part = Files.createTempFile(cache, "letter-", ".part");
                JRSaver.saveObject(compiled, part.toFile());
                Files.move(part, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | JRException | RuntimeException e) {
                log.debug("编译缓存 {} 未写入：{}", cached, e.toString());
            }
        }
        return compiled;
    }

    private static String digest(byte[] jrxml) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(jrxml);
            sha.update(String.valueOf(JasperCompileManager.class.getPackage().getImplementationVersion())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
