package cn.bipin.bulletin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.bipin.results.RevisionDiff;
import cn.bipin.results.RevisionDiff.Diff;
import cn.bipin.results.ScoreRepository;
import cn.bipin.run.Run;
import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Scheme;
import cn.bipin.report.Bulletin;
import cn.bipin.report.FileNames;
import cn.bipin.report.BulletinRenderer;
import cn.bipin.report.BulletinWorkbookWriter;
import cn.bipin.report.TableSection;

/**
 * Makes a run's bulletin from what the run stored: the PDF, the same tables as .xlsx, and the two scores CSV files
 * (DOMAIN §9). Reads only stored results, so any revision can be rendered again. A revision that changed results
 * against the one before is a 更正 bulletin that opens with what changed.
 */
@Service
public class BulletinService {

    private static final Logger log = LoggerFactory.getLogger(BulletinService.class);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The files a bulletin was written to. */
    public record BulletinFiles(Path pdf, Path xlsx, Path scoresCsv, Path totalsCsv) {
        public List<Path> all() {
            return List.of(pdf, xlsx, scoresCsv, totalsCsv);
        }
    }

    private final ScoreRepository scores;
    private final RevisionDiff diffs;
    private final PeriodTables periodTables;
    private final AnnualSections annualSections;
    private final CorrectionSections corrections;
    private final BulletinRenderer renderer;
    private final BulletinWorkbookWriter workbook;
    private final ScoresCsvWriter csv;
    private final List<BulletinSections> extras;

    BulletinService(ScoreRepository scores, RevisionDiff diffs, PeriodTables periodTables, AnnualSections annualSections,
            CorrectionSections corrections, BulletinRenderer renderer, BulletinWorkbookWriter workbook,
            ScoresCsvWriter csv, List<BulletinSections> extras) {
        this.scores = scores;
        this.diffs = diffs;
        this.periodTables = periodTables;
        this.annualSections = annualSections;
        this.corrections = corrections;
        this.renderer = renderer;
        this.workbook = workbook;
        this.csv = csv;
        this.extras = extras;
    }

    /** The bulletin's title and mail subject, e.g. 金凤区"双拼双促"2024年6月晾晒榜单. */
    public static String title(Scheme scheme, Run run) {
        return scheme.title() + switch (run.cycle()) {
            case MONTHLY -> run.period().label() + "晾晒榜单";
            case QUARTERLY -> run.period().label() + "专题比拼榜单";
            case HALF_YEAR -> run.period().label() + "考核榜单";
            case ANNUAL -> run.period().year() + "年度总比拼榜单";
        };
    }

    public BulletinFiles write(Scheme scheme, Run run, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Optional<Diff> diff = diffs.againstPrevious(run);
        Bulletin bulletin = assemble(scheme, run, diff);
        BulletinFiles out = files(scheme, run, dir);
        renderer.renderPdf(bulletin, out.pdf());
        workbook.write(bulletin, out.xlsx());
        csv.writeScores(scheme, run, scores.dimensions(run.id()), scores.competitions(run.id()), out.scoresCsv());
        csv.writeTotals(scheme, run, scores.totals(run.id()), out.totalsCsv());
        log.info("榜单已生成：{}", out.pdf());
        return out;
    }

    /** Where a run's bulletin files are (or will be) in {@code dir}. */
    public BulletinFiles files(Scheme scheme, Run run, Path dir) {
        String base = FileNames.safe(title(scheme, run)) + "-第" + run.revision() + "版";
        return new BulletinFiles(dir.resolve(base + ".pdf"), dir.resolve(base + ".xlsx"),
                dir.resolve("scores-" + run.period().code() + "-r" + run.revision() + ".csv"),
                dir.resolve("totals-" + run.period().code() + "-r" + run.revision() + ".csv"));
    }

    Bulletin assemble(Scheme scheme, Run run, Optional<Diff> diff) {
        boolean correction = diff.isPresent() && !diff.get().unchanged();
        String title = title(scheme, run) + (correction ? "（更正）" : "");
        String footer = "运行 #" + run.id() + " · 第" + run.revision() + "版" + (correction ? "（更正）" : "")
                + " · 生成于 " + LocalDateTime.now().format(SECOND);
        List<TableSection> before = diff.map(d -> corrections.sections(scheme, d)).orElse(List.of());
        if (run.cycle() == Cycle.ANNUAL) {
            // the year's lateness and gaps are the 报送纪律 table, so the bulletin has no 未报送 / 逾期 lists of its own
            return new Bulletin(title, annualSections.subtitle(scheme, run), footer, List.of(),
                    periodTables.totals(scheme, run), List.of(), List.of(), before, annualSections.sections(scheme, run),
                    false, cn.bipin.scheme.RankMarks.of(scheme), annualSections.totalsBasis(scheme));
        }
        return new Bulletin(title, periodTables.subtitle(scheme, run), footer, periodTables.competitions(scheme, run),
                periodTables.totals(scheme, run), periodTables.missing(scheme, run), periodTables.late(scheme, run),
                before, extras.stream().flatMap(e -> e.sections(scheme, run).stream()).toList(), true,
                cn.bipin.scheme.RankMarks.of(scheme), cn.bipin.scheme.ReviewRules.configured(scheme)
                        ? "总得分为发布得分（各项比拼得分按权重合计，乘考核系数，减本月预扣分，加返还的上月预扣分；见考核得分表）"
                        : null);
    }
}
