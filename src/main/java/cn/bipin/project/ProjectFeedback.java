package cn.bipin.project;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import cn.bipin.run.Run;
import cn.bipin.scheme.ProjectRules;
import cn.bipin.scheme.Scheme;
import cn.bipin.submission.FeedbackService.UnitFeedback;

/**
 * Adds the project list to each unit's feedback workbook: a sheet 项目清单 with every project of the unit as counted at
 * the period end (its size band and weight, whether it counts as new, completed or reserve, and the unit's totals),
 * and a sheet 项目清单反馈 with every row of this run's list files that named the unit, marked 采用（第N版） or sent back
 * with its reason.
 */
@Component
public class ProjectFeedback {

    static final String SHEET = "项目清单";
    static final String ROWS_SHEET = "项目清单反馈";
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ProjectService projects;
    private final ProjectLedger ledger;

    ProjectFeedback(ProjectService projects, ProjectLedger ledger) {
        this.projects = projects;
        this.ledger = ledger;
    }

    public void append(Scheme scheme, Run run, List<UnitFeedback> sheets) {
        if (!ProjectRules.configured(scheme) || run.period().year() != scheme.year() || sheets.isEmpty()) {
            return;
        }
        ProjectRules rules = ProjectRules.of(scheme);
        Map<String, List<ProjectCounts.Judged>> byUnit = projects.judged(scheme, run.period()).stream()
                .collect(Collectors.groupingBy(j -> j.project().unitCode()));
        Map<String, List<ProjectLedger.StoredRow>> rows = ledger.rowsOfRun(run.id()).stream()
                .filter(s -> s.unitCode() != null).collect(Collectors.groupingBy(ProjectLedger.StoredRow::unitCode));
        for (UnitFeedback f : sheets) {
            List<ProjectCounts.Judged> mine = byUnit.getOrDefault(f.unitCode(), List.of());
            List<ProjectLedger.StoredRow> received = rows.getOrDefault(f.unitCode(), List.of());
            add(f.sheet(), projectLines(rules, run, mine), rowLines(received));
        }
    }

    /** The unit's projects as counted: the header, one line per project, a totals line. */
    static List<List<String>> projectLines(ProjectRules rules, Run run, List<ProjectCounts.Judged> judged) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of(rules.title() + "：截至" + run.period().label() + "末的计数（" + ProjectTemplateWriter.rulesText(rules) + "）"));
        lines.add(List.of("项目编号", "项目名称", "总投资（" + rules.measure() + "）", "开工日期", "竣工日期", "规模档次",
                "折算系数", "计入新开工", "计入竣工", "计入储备", "版本"));
        BigDecimal weights = BigDecimal.ZERO;
        int news = 0;
        int completed = 0;
        int reserve = 0;
        for (ProjectCounts.Judged j : judged) {
            ProjectRecord p = j.project();
            lines.add(List.of(p.projectId(), p.name(), plain(p.investment()), p.start() == null ? "" : p.start().toString(),
                    p.completion() == null ? "" : p.completion().toString(),
                    j.band() == null ? why(j, rules, run.period().year()) : j.band().name(),
                    plain(j.weight()), j.isNew() ? "是" : "", j.completed() ? "是" : "", j.reserve() ? "是" : "",
                    "第" + p.version() + "版"));
            weights = weights.add(j.weight());
            news += j.isNew() ? 1 : 0;
            completed += j.completed() ? 1 : 0;
            reserve += j.reserve() ? 1 : 0;
        }
        if (judged.isEmpty()) {
            lines.add(List.of("无（本单位尚未报送项目清单）"));
        }
        lines.add(List.of("合计", "", "", "", "", "", plain(weights), String.valueOf(news), String.valueOf(completed),
                String.valueOf(reserve), ""));
        return lines;
    }

    /** Why a project has no new-project band: not started, started before the year, or below the lowest band. */
    private static String why(ProjectCounts.Judged j, ProjectRules rules, int year) {
        if (!j.started()) {
            return "未开工";
        }
        if (j.project().start().getYear() < year) {
            return "上年开工，不计新开工";
        }
        return "低于" + plain(rules.bands().get(0).from()) + rules.measure() + "，不计";
    }

    static List<List<String>> rowLines(List<ProjectLedger.StoredRow> rows) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of("本次收到的项目清单行（同一项目编号再次报送为新的版本，以最后收到的为准，以前的版本都保留）"));
        lines.add(List.of("文件", "收到时间", "行", "项目编号", "结果", "原因"));
        for (ProjectLedger.StoredRow s : rows) {
            boolean ok = "ACCEPTED".equals(s.status());
            lines.add(List.of(s.fileName(), s.fileReceivedAt().format(MINUTES), String.valueOf(s.rowNo()),
                    s.projectId() == null ? "" : s.projectId(), ok ? "采用（第" + s.version() + "版）" : "退回",
                    ok ? "" : s.error()));
        }
        if (rows.isEmpty()) {
            lines.add(List.of("无"));
        }
        return lines;
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    private static void add(Path workbook, List<List<String>> projects, List<List<String>> rows) {
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            fill(wb.createSheet(SHEET), bold, projects);
            fill(wb.createSheet(ROWS_SHEET), bold, rows);
            try (OutputStream out = Files.newOutputStream(workbook)) {
                wb.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add the project list to " + workbook, e);
        }
    }

    /** Line 0 is a title, line 1 the header (both bold); the rest as they are. */
    private static void fill(Sheet sheet, CellStyle bold, List<List<String>> lines) {
        for (int r = 0; r < lines.size(); r++) {
            Row row = sheet.createRow(r);
            List<String> cells = lines.get(r);
            for (int c = 0; c < cells.size(); c++) {
                row.createCell(c).setCellValue(cells.get(c));
                if (r < 2) {
                    row.getCell(c).setCellStyle(bold);
                }
            }
        }
        for (int c = 0; c < 11; c++) {
            sheet.setColumnWidth(c, (c == 1 ? 30 : 14) * 256);
        }
    }
}
