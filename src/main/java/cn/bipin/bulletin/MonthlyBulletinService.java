package cn.bipin.bulletin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.bipin.results.ScoreRepository;
import cn.bipin.results.ScoreRepository.DimensionScoreRow;
import cn.bipin.results.ScoreRepository.RankedScore;
import cn.bipin.run.Run;
import cn.bipin.scheme.Competition;
import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Dimension;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.Unit;
import cn.bipin.scoring.Ranking;
import cn.bipin.submission.ReceivedFiles;
import cn.bipin.submission.ReceivedFiles.ReceivedFile;

/**
 * Makes the monthly 晾晒榜单 of a run from what scoring stored: the PDF, the same tables as .xlsx, and the two
 * scores CSV files. Reads only stored results, so any revision can be rendered again.
 */
@Service
public class MonthlyBulletinService {

    private static final Logger log = LoggerFactory.getLogger(MonthlyBulletinService.class);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final int BOTTOM = 3;

    /** The files a bulletin was written to. */
    public record BulletinFiles(Path pdf, Path xlsx, Path scoresCsv, Path totalsCsv) {
        public List<Path> all() {
            return List.of(pdf, xlsx, scoresCsv, totalsCsv);
        }
    }

    private final ScoreRepository scores;
    private final ReceivedFiles files;
    private final BulletinRenderer renderer;
    private final BulletinWorkbookWriter workbook;
    private final ScoresCsvWriter csv;

    MonthlyBulletinService(ScoreRepository scores, ReceivedFiles files, BulletinRenderer renderer,
            BulletinWorkbookWriter workbook, ScoresCsvWriter csv) {
        this.scores = scores;
        this.files = files;
        this.renderer = renderer;
        this.workbook = workbook;
        this.csv = csv;
    }

    /** The bulletin's title, also the mail subject: e.g. 金凤区"双拼双促"2024年6月晾晒榜单. */
    public static String title(Scheme scheme, Run run) {
        return scheme.title() + run.period().label() + "晾晒榜单";
    }

    public BulletinFiles write(Scheme scheme, Run run, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<DimensionScoreRow> dimensionRows = scores.dimensions(run.id());
        List<RankedScore> competitionRows = scores.competitions(run.id());
        List<RankedScore> totalRows = scores.totals(run.id());
        Bulletin bulletin = assemble(scheme, run, dimensionRows, competitionRows, totalRows);

        BulletinFiles out = files(scheme, run, dir);
        renderer.renderPdf(bulletin, out.pdf());
        workbook.write(bulletin, out.xlsx());
        csv.writeScores(scheme, run, dimensionRows, competitionRows, out.scoresCsv());
        csv.writeTotals(scheme, run, totalRows, out.totalsCsv());
        log.info("榜单已生成：{}", out.pdf());
        return out;
    }

    /** Where a run's bulletin files are (or will be) in {@code dir}. */
    public BulletinFiles files(Scheme scheme, Run run, Path dir) {
        String base = fileSafe(title(scheme, run)) + "-第" + run.revision() + "版";
        return new BulletinFiles(dir.resolve(base + ".pdf"), dir.resolve(base + ".xlsx"),
                dir.resolve("scores-" + run.period().code() + "-r" + run.revision() + ".csv"),
                dir.resolve("totals-" + run.period().code() + "-r" + run.revision() + ".csv"));
    }

    Bulletin assemble(Scheme scheme, Run run, List<DimensionScoreRow> dimensionRows, List<RankedScore> competitionRows,
            List<RankedScore> totalRows) {
        Map<String, DimensionScoreRow> cell = dimensionRows.stream()
                .collect(Collectors.toMap(d -> d.dimensionCode() + "|" + d.unitCode(), d -> d));
        List<Competition> competitions = scheme.competitions(Cycle.MONTHLY);
        List<CompetitionTable> tables = new ArrayList<>();
        for (Competition c : competitions) {
            List<RankedScore> ranked = competitionRows.stream().filter(r -> r.competitionCode().equals(c.code()))
                    .sorted(byRankThenScheme(scheme)).toList();
            List<RankRow> rows = ranked.stream().map(r -> {
                Unit u = scheme.unit(r.unitCode()).orElseThrow();
                List<DimensionCell> cells = c.dimensions().stream().map(d -> {
                    DimensionScoreRow s = cell.get(d.code() + "|" + u.code());
                    return new DimensionCell(s.missing() ? "未报送" : Figures.value(d, s.value()),
                            s.monthAmount() == null ? "" : Figures.value(d, s.monthAmount()), s.score());
                }).toList();
                return new RankRow(r.rank(), Ranking.change(r.previousRank(), r.rank()), u.code(), u.name(),
                        u.group().label(), cells, r.score(), r.rank() > ranked.size() - BOTTOM);
            }).toList();
            tables.add(new CompetitionTable(c.code(), c.name(), "权重 " + Figures.plain(c.weight()),
                    c.dimensions().stream().map(d -> new DimensionHeader(d.code(), d.name(), d.measure(), d.method().label()))
                            .toList(),
                    rows));
        }
        List<RankedScore> sortedTotals = totalRows.stream().sorted(byRankThenScheme(scheme)).toList();
        List<TotalRow> totals = sortedTotals.stream().map(t -> {
            Unit u = scheme.unit(t.unitCode()).orElseThrow();
            return new TotalRow(t.rank(), Ranking.change(t.previousRank(), t.rank()), u.name(), u.group().label(),
                    t.score(), t.rank() > sortedTotals.size() - BOTTOM);
        }).toList();

        String subtitle = "月度晾晒 · " + competitions.stream().map(Competition::name).collect(Collectors.joining("、"))
                + " · 序时进度 " + Figures.percent(run.period().timeProgress())
                + " · 合计按权重 " + competitions.stream().map(c -> Figures.plain(c.weight())).collect(Collectors.joining(":"));
        String footer = "运行 #" + run.id() + " · 第" + run.revision() + "版 · 生成于 " + LocalDateTime.now().format(SECOND);
        return new Bulletin(title(scheme, run), subtitle, footer, tables, totals, missing(scheme, dimensionRows),
                late(scheme, run));
    }

    /** 未报送: per unit, the dimensions it had to report and did not (R-SCORE-2). */
    private static List<String> missing(Scheme scheme, List<DimensionScoreRow> rows) {
        Map<String, List<String>> byUnit = new LinkedHashMap<>();
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (Unit u : scheme.units()) {
            for (DimensionScoreRow r : rows) {
                if (!r.unitCode().equals(u.code())) {
                    continue;
                }
                expected.merge(u.code(), 1, Integer::sum);
                if (r.missing()) {
                    byUnit.computeIfAbsent(u.code(), k -> new ArrayList<>())
                            .add(scheme.dimension(r.dimensionCode()).map(Dimension::name).orElse(r.dimensionCode()));
                }
            }
        }
        return byUnit.entrySet().stream().map(e -> {
            String name = scheme.unit(e.getKey()).orElseThrow().name();
            return e.getValue().size() == expected.get(e.getKey()) ? name + "：全部 " + e.getValue().size() + " 项指标未报送"
                    : name + "：" + String.join("、", e.getValue());
        }).toList();
    }

    /** 逾期: files of the period received after the deadline (D11), with their unit. */
    private List<String> late(Scheme scheme, Run run) {
        return files.forPeriod(scheme.id(), run.period().code()).stream()
                .filter(f -> f.late() && f.unitCode() != null && scheme.unit(f.unitCode()).isPresent())
                .map(f -> scheme.unit(f.unitCode()).orElseThrow().name()
                        + "：" + f.receivedAt().format(MINUTE) + " 收到 " + f.fileName() + "（截止 "
                        + run.period().deadline(scheme.deadlineDay()) + "）"
                        + ("REJECTED".equals(f.status()) ? "，整份文件被退回" : ""))
                .toList();
    }

    private static Comparator<RankedScore> byRankThenScheme(Scheme scheme) {
        List<String> order = scheme.units().stream().map(Unit::code).toList();
        return Comparator.comparingInt(RankedScore::rank).thenComparingInt(r -> order.indexOf(r.unitCode()));
    }

    static String fileSafe(String s) {
        return s.replaceAll("[\\\\/:*?\"<>|“”]", "");
    }
}
