package cn.bipin.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

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
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.SimplePdfReportConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Renders the monthly bulletin PDF. The template is compiled once per instance, on first use, and the compiled
 * template is kept on disk for the next JVM (see the constructor): compiling
 * costs seconds, filling and exporting milliseconds, and a scheduled run should not pay the compile at start-up.
 */
@Component
public class BulletinRenderer {

    /** Dimension column groups the template has; every scheme's competition fits (DOMAIN §3.1). */
    public static final int MAX_DIMENSIONS = 3;

    static final String TEMPLATE = "bipin/templates/bulletin.jrxml";

    private static final Logger log = LoggerFactory.getLogger(BulletinRenderer.class);

    private final Object compileLock = new Object();
    private final AtomicInteger compilations = new AtomicInteger();
    private final Path cache;
    private volatile JasperReport report;

    /**
     * Compiled templates are kept in {@code ~/.cache/bipin/reports} (or {@code -Dbipin.report.cache=DIR}; {@code off}
     * keeps none): compiling costs 3–6 s in a new JVM, reading the compiled template 0.15 s.
     */
    public BulletinRenderer() {
        this(cacheDir());
    }

    /** With the compiled-template cache in {@code cache}, or none when null. */
    BulletinRenderer(Path cache) {
        this.cache = cache;
    }

    private static Path cacheDir() {
        String configured = System.getProperty("bipin.report.cache");
        if ("off".equals(configured)) {
            return null;
        }
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".cache", "bipin", "reports");
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
        JasperReport compiled = report();
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
        return compilations.get();
    }

    private JasperReport report() {
        JasperReport compiled = report;
        if (compiled == null) {
            synchronized (compileLock) {
                compiled = report;
                if (compiled == null) {
                    compiled = compile();
                    report = compiled;
                }
            }
        }
        return compiled;
    }

    /**
     * The template compiled: read from the cache when a file compiled from the same template by the same
     * JasperReports is there, else compiled and put in the cache (written aside and moved, so a reader never sees half
     * a file). A cache that cannot be read or written is passed over: the template is compiled as before.
     */
    private JasperReport compile() {
        long start = System.nanoTime();
        byte[] jrxml;
        try (InputStream in = BulletinRenderer.class.getClassLoader().getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("榜单模板不在 classpath 上：" + TEMPLATE);
            }
            jrxml = in.readAllBytes();
        } catch (IOException e) {
            throw new BulletinRenderingException("榜单模板读取失败：" + TEMPLATE, e);
        }
        Path cached = cache == null ? null : cache.resolve("bulletin-" + digest(jrxml) + ".jasper");
        if (cached != null && Files.isRegularFile(cached)) {
            try {
                JasperReport loaded = (JasperReport) JRLoader.loadObject(cached.toFile());
                compilations.incrementAndGet();
                log.debug("报表模板 {} 读自编译缓存 {}（{} 毫秒）", TEMPLATE, cached, (System.nanoTime() - start) / 1_000_000);
                return loaded;
            } catch (JRException | RuntimeException e) {
                log.debug("编译缓存 {} 不可用，重新编译：{}", cached, e.toString());
            }
        }
        JasperReport compiled;
        try {
            compiled = JasperCompileManager.compileReport(new java.io.ByteArrayInputStream(jrxml));
        } catch (JRException e) {
            throw new BulletinRenderingException("榜单模板编译失败：" + TEMPLATE, e);
        }
        compilations.incrementAndGet();
        log.debug("报表模板 {} 编译用时 {} 毫秒", TEMPLATE, (System.nanoTime() - start) / 1_000_000);
        if (cached != null) {
            try {
                Files.createDirectories(cache);
                Path part = Files.createTempFile(cache, "bulletin-", ".part");
                JRSaver.saveObject(compiled, part.toFile());
                try {
                    Files.move(part, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    Files.deleteIfExists(part);
                }
            } catch (IOException | JRException | RuntimeException e) {
                log.debug("编译缓存 {} 未写入：{}", cached, e.toString());
            }
        }
        return compiled;
    }

    /** The template's bytes and the JasperReports version: a compiled file is reused only for both unchanged. */
    private static String digest(byte[] jrxml) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(jrxml);
            String version = JasperCompileManager.class.getPackage().getImplementationVersion();
            sha.update(String.valueOf(version).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
