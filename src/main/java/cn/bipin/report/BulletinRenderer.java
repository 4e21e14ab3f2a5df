package cn.bipin.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.SimplePdfReportConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Renders the monthly bulletin PDF. The template is compiled once per instance, on first use, and kept on disk for the
 * next JVM ({@link CompiledTemplate}): compiling costs seconds, filling and exporting milliseconds.
 */
@Component
public class BulletinRenderer {

    /** Dimension column groups the template has; every scheme's competition fits (DOMAIN §3.1). */
    public static final int MAX_DIMENSIONS = 3;

    static final String TEMPLATE = "bipin/templates/bulletin.jrxml";

    private static final Logger log = LoggerFactory.getLogger(BulletinRenderer.class);

    private final CompiledTemplate template;

    /** With the compiled-template cache of {@link CompiledTemplate#cacheDir()}. */
    public BulletinRenderer() {
        this(CompiledTemplate.cacheDir());
    }

    /** With the compiled-template cache in {@code cache}, or none when null. */
    BulletinRenderer(Path cache) {
        this.template = new CompiledTemplate(TEMPLATE, "bulletin", "榜单", cache);
    }

    /**
     * Writes the bulletin as a PDF to {@code out}, replacing it; the file appears complete or not at all.
     * Its {@link TableSection}s were checked when built, so only the competitions are checked here.
     *
     * @throws IllegalArgumentException if a competition has more than {@value #MAX_DIMENSIONS} dimensions
     *                                  or a row's cells do not match its competition's dimensions
     */
    public void renderPdf(Bulletin bulletin, Path out) {
        Objects.requireNonNull(bulletin, "bulletin");
        Objects.requireNonNull(out, "out");
        BulletinReportData.validate(bulletin);
        JasperReport compiled = template.get();
        long start = System.nanoTime();
        try {
            JasperPrint print = JasperFillManager.fillReport(compiled, BulletinReportData.parameters(bulletin),
                    new JRMapCollectionDataSource(BulletinReportData.blocks(bulletin)));
            Path target = out.toAbsolutePath();
            Files.createDirectories(target.getParent());
            // a sibling written with the process's usual permissions (umask), like the workbook and the CSV files:
            // Files.createTempFile would make it readable by its owner only
            Path partial = target.resolveSibling(target.getFileName() + "." + ProcessHandle.current().pid() + "-"
                    + Thread.currentThread().getId() + ".part");
            try {
                try (OutputStream stream = Files.newOutputStream(partial)) {
                    export(print, bulletin.title(), stream);
                }
                move(partial, target);
            } finally {
                Files.deleteIfExists(partial);
            }
            log.debug("榜单 PDF 已写入 {}（{} 页，{} 毫秒）", target, print.getPages().size(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (JRException | IOException e) {
            throw new BulletinRenderingException("榜单 PDF 生成失败：" + out, e);
        }
    }

    /** How many times this instance compiled its template or read it compiled; 1 after any number of renders. */
    int compilations() {
        return template.compilations();
    }

    private static void export(JasperPrint print, String title, OutputStream stream) throws JRException {
        JRPdfExporter exporter = new JRPdfExporter();
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(stream));
        SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
        configuration.setMetadataTitle(title);
        configuration.setDisplayMetadataTitle(true);
        configuration.setMetadataCreator("比拼 bipin");
        exporter.setConfiguration(configuration);
        // lay out each text in the PDF on the lines the fill measured it on: otherwise a cell that wraps Chinese and
        // long numbers can need one line more in the PDF than its row was given, and that line is cut off
        SimplePdfReportConfiguration report = new SimplePdfReportConfiguration();
        report.setForceLineBreakPolicy(true);
        exporter.setConfiguration(report);
        exporter.exportReport();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
