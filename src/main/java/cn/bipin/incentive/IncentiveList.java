package cn.bipin.incentive;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.bipin.report.Bulletin;
import cn.bipin.report.BulletinRenderer;
import cn.bipin.report.BulletinWorkbookWriter;
import cn.bipin.report.Csv;
import cn.bipin.report.TableRow;
import cn.bipin.report.TableSection;
import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.run.Run;
import cn.bipin.report.FileNames;

/**
 * Writes a revision's incentive list (奖励清单): a PDF grouped by rule with subtotals and a grand total, the same
 * tables as .xlsx, a machine-readable CSV of every line, and the rows that were refused with their reasons.
 * The bulletin renderer lays the tables out (CJK font embedded); this class only decides what they say.
 */
@Service
public class IncentiveList {

    private static final Logger log = LoggerFactory.getLogger(IncentiveList.class);
    static final List<String> CSV_HEADER = List.of("scheme", "period", "revision", "rule_id", "rule_name", "part",
            "subject_id", "subject_name", "recipient_id", "recipient_name", "inputs", "formula", "cap", "amount",
            "granted", "note");

    private final IncentiveStore store;
    private final BulletinRenderer renderer;
    private final BulletinWorkbookWriter workbook;

    IncentiveList(IncentiveStore store, BulletinRenderer renderer, BulletinWorkbookWriter workbook) {
        this.store = store;
        this.renderer = renderer;
        this.workbook = workbook;
    }

    /** The files of one revision's list. */
    public record Files4(Path dir, Path pdf, Path xlsx, Path csv, Path rejections) {
    }

    static String title(Scheme scheme, Period period) {
        return scheme.title() + period.label() + "企业奖励清单" + (period.cycle() == Cycle.QUARTERLY ? "（季度）" : "");
    }

    /** Where a run's list, workbook and CSVs are (or will be written). */
    Files4 files(Scheme scheme, Run run) {
        Path dir = Path.of(run.outputDir());
        String base = FileNames.safe(title(scheme, run.period())) + "-第" + run.revision() + "版";
        return new Files4(dir, dir.resolve(base + ".pdf"), dir.resolve(base + ".xlsx"),
                dir.resolve("incentives-" + run.period().code() + "-r" + run.revision() + ".csv"),
                dir.resolve("退回明细-" + run.period().code() + "-r" + run.revision() + ".csv"));
    }

    /**
     * Writes a revision's list; {@code changes}, against the revision before, make it a 更正 that opens with what
     * changed (none: absent, or no change).
     */
    Files4 write(Scheme scheme, IncentiveConfig config, Run run, List<String> missingData,
            java.util.Optional<IncentiveChanges> changes) {
        Period period = run.period();
        List<IncentiveStore.StoredLine> lines = store.lines(run.id());
        String title = title(scheme, period);
        Files4 files = files(scheme, run);
        Path dir = files.dir();
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Rule> rules = config.rulesFor(period.cycle() == Cycle.QUARTERLY);
        java.util.Optional<IncentiveChanges> correction = changes.filter(c -> !c.none());
        Bulletin bulletin = bulletin(title + (correction.isPresent() ? "（更正）" : ""), run, rules, lines, missingData,
                correction, config::heading);
        long start = System.nanoTime();
        renderer.renderPdf(bulletin, files.pdf());
        workbook.write(bulletin, files.xlsx());
        writeCsv(files.csv(), run, rules, lines);
        writeRejections(files.rejections(), run);
        log.info("奖励清单已生成：{}（{} 项，用时 {} ms）", files.pdf(), lines.size(), (System.nanoTime() - start) / 1_000_000);
        return files;
    }

    static Bulletin bulletin(String title, Run run, List<Rule> rules, List<IncentiveStore.StoredLine> lines,
                             List<String> missingData, java.util.Optional<IncentiveChanges> correction,
                             java.util.function.Function<String, String> heading) {
        Map<String, Rule> byId = new LinkedHashMap<>();
        rules.forEach(r -> byId.putIfAbsent(r.id(), r));
        BigDecimal total = BigDecimal.ZERO;
        int count = 0;
        List<TableRow> summary = new ArrayList<>();
        List<TableSection> sections = new ArrayList<>();
        for (Rule rule : byId.values()) {
            List<TableRow> rows = new ArrayList<>();
            BigDecimal subtotal = BigDecimal.ZERO;
            int n = 0;
            for (IncentiveStore.StoredLine l : lines) {
                Award a = l.award();
                if (!l.granted() || !a.ruleId().equals(rule.id())) {
                    continue;
                }
                rows.add(new TableRow(List.of(a.subjectName() + "（" + a.subjectId() + "）" + ("-".equals(a.part()) ? "" : " · " + a.part()),
                        a.recipientName() + (a.recipientId().equals(a.subjectId()) ? "" : "（" + CreditCode.shown(a.recipientId()) + "）"),
                        a.inputs(), a.capNote().isEmpty() ? a.formula() : a.formula() + "；" + a.capNote(),
                        Money.format(a.amount())), false));
                subtotal = subtotal.add(a.amount());
                n++;
            }
            rows.add(new TableRow(List.of("小计（" + n + " 项）", "", "", "", Money.format(subtotal)), false));
            sections.add(new TableSection(heading.apply(rule.id()), rule.summary(),
                    List.of("奖励对象", "受奖企业（个人）", "触发数据", "计算（上限）", "金额（元）"), rows));
            summary.add(new TableRow(List.of(heading.apply(rule.id()), Integer.toString(n), Money.format(subtotal)), false));
            total = total.add(subtotal);
            count += n;
        }
        summary.add(new TableRow(List.of("合计", Integer.toString(count), Money.format(total)), false));
        List<TableRow> withheld = new ArrayList<>();
        for (IncentiveStore.StoredLine l : lines) {
            if (!l.granted()) {
                Award a = l.award();
                withheld.add(new TableRow(List.of(a.subjectName() + "（" + a.subjectId() + "）",
                        heading.apply(a.ruleId()) + ("-".equals(a.part()) ? "" : " · " + a.part()), Money.format(a.amount()),
                        "已于 " + l.withheldNote() + " 发放，一次性奖励不重复发放"), true));
            }
        }
        if (!withheld.isEmpty()) {
            sections.add(new TableSection("一次性奖励不重复发放", "以下对象本期再次符合条件，但此前已获该项一次性奖励，本期不发放",
                    List.of("对象", "规则", "金额（元）", "说明"), withheld).withWideLast());
        }
        String footer = "企业奖励 运行 #" + run.id() + " · 第" + run.revision() + "版 · 生成于 "
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        String subtitle = "附件1 二 企业奖励 · 共 " + count + " 项 · 合计 " + Money.format(total) + " 元 · 第" + run.revision() + "版";
        TableSection head = new TableSection("奖励汇总", "按规则汇总；每项奖励的触发数据、计算过程和上限见后面各表",
                List.of("规则", "项数", "金额（元）"), summary);
        if (!missingData.isEmpty()) {
            sections.add(new TableSection("本期未收到的数据", "这些类别的数据本期没有收到，依赖它们的规则没有奖励。",
                    List.of("数据类别及影响"), missingData.stream().map(m -> new TableRow(List.of(m), true)).toList()));
        }
        List<TableSection> before = new ArrayList<>();
        correction.ifPresent(c -> before.add(c.section(heading)));
        before.add(head);
        return Bulletin.ofSections(title, subtitle, footer, before, sections);
    }

    private static void writeCsv(Path file, Run run, List<Rule> rules, List<IncentiveStore.StoredLine> lines) {
        Map<String, String> names = new LinkedHashMap<>();
        rules.forEach(r -> names.putIfAbsent(r.id(), r.name()));
        try (BufferedWriter w = java.nio.file.Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            w.write(String.join(",", CSV_HEADER));
            w.write("\r\n");
            for (IncentiveStore.StoredLine l : lines) {
                Award a = l.award();
                w.write(Csv.line(run.scheme(), run.period().code(), Integer.toString(run.revision()), a.ruleId(),
                        names.getOrDefault(a.ruleId(), ""), a.part(), a.subjectId(), a.subjectName(), CreditCode.shown(a.recipientId()),
                        a.recipientName(), a.inputs(), a.formula(), a.capNote(), a.amount().toPlainString(),
                        Boolean.toString(l.granted()), l.withheldNote() == null ? "" : "已于 " + l.withheldNote() + " 发放"));
                w.write("\r\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeRejections(Path file, Run run) {
        try (BufferedWriter w = java.nio.file.Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            w.write("文件,行,原因\r\n");
            for (Map<String, Object> f : store.files(run.scheme(), run.period().code())) {
                if (((Number) f.get("run_id")).longValue() == run.id() && "REJECTED".equals(f.get("status"))) {
                    w.write(Csv.line(String.valueOf(f.get("file_name")), "", "整个文件退回：" + f.get("error")));
                    w.write("\r\n");
                }
            }
            for (Map<String, Object> r : store.rejectedRows(run.id())) {
                w.write(Csv.line(String.valueOf(r.get("file_name")), String.valueOf(r.get("row_no")),
                        "文件 " + r.get("file_name") + " 第" + r.get("row_no") + "行 " + r.get("error")));
                w.write("\r\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
