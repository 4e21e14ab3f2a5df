package cn.bipin.letters;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.bipin.delivery.DeliveryRecord;
import cn.bipin.delivery.DeliveryService;
import cn.bipin.delivery.OutgoingMail;
import cn.bipin.report.FileNames;
import cn.bipin.results.ReviewRepository;
import cn.bipin.results.ScoreRepository;
import cn.bipin.results.ScoreRepository.DimensionScoreRow;
import cn.bipin.results.ScoreRepository.RankedScore;
import cn.bipin.run.Run;
import cn.bipin.run.RunContext;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Recipient;
import cn.bipin.scheme.ReviewRules;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.Unit;
import cn.bipin.scoring.Review;

/**
 * 三函一单 of a monthly run (D18): every unit's 结果反馈单, and for a unit lagging 序时进度 the letter of its streak
 * (1 绿色提醒函, 2 橙色警示函, 3+ 红色督办函) with its yearly number; PDF and .xlsx in the run's folder {@code 函件/},
 * mailed to the unit's {@code emails} (each mail in {@code delivery}; a restarted run mails no unit twice, a preview none).
 */
@Service
public class LetterService {

    private static final Logger log = LoggerFactory.getLogger(LetterService.class);
    /** Threads writing letters: one per core, at most 4. */
    private static final int WRITERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final ReviewRepository reviews;
    private final ScoreRepository scores;
    private final LetterNumbers numbers;
    private final LetterRenderer renderer;
    private final DeliveryService delivery;

    LetterService(ReviewRepository reviews, ScoreRepository scores, LetterNumbers numbers, LetterRenderer renderer,
                  DeliveryService delivery) {
        this.reviews = reviews;
        this.scores = scores;
        this.numbers = numbers;
        this.renderer = renderer;
        this.delivery = delivery;
    }

    /** Writes (and, unless a preview, mails) the run's documents; nothing for a scheme without a review. */
    public List<Letter> issue(RunContext context) {
        Scheme scheme = context.scheme();
        Run run = context.run();
        if (!ReviewRules.configured(scheme)) {
            return List.of();
        }
        List<Letter> letters = letters(scheme, run, context.outputDir().resolve("函件"), true);
        String date = LocalDate.now().format(DATE);
        String footer = scheme.title() + " · " + run.period().label() + " · 运行 #" + run.id() + " 第" + run.revision() + "版";
        write(letters, scheme.policy().signature(), date, footer);
        if (context.mail()) {
            mail(scheme, run, letters);
        } else {
            log.info("运行 #{}：预览运行，不向单位发送三函一单", run.id());
        }
        return letters;
    }

    /**
     * The documents of the run, in scheme unit order (each unit's 结果反馈单, then its letter if it lags). With
     * {@code assign} false, letters show the numbers already given and none are given (the bulletin's list).
     */
    public List<Letter> letters(Scheme scheme, Run run, Path dir, boolean assign) {
        ReviewRules rules = ReviewRules.of(scheme);
        Period period = run.period();
        Map<String, Review.Month> months = reviews.months(run.id());
        // read once per run into maps: no query and no scan of all units per unit
        Map<String, RankedScore> totals = new HashMap<>();
        Map<String, List<Integer>> ranksByPool = new HashMap<>();
        for (RankedScore t : scores.totals(run.id())) {
            totals.put(t.unitCode(), t);
            ranksByPool.computeIfAbsent(scheme.poolOf(t.unitCode()).code(), p -> new ArrayList<>()).add(t.rank());
        }
        Map<String, List<DimensionScoreRow>> dimensions = new HashMap<>();
        for (DimensionScoreRow d : scores.dimensions(run.id())) {
            dimensions.computeIfAbsent(d.unitCode(), u -> new ArrayList<>()).add(d);
        }
        Map<String, Integer> order = new HashMap<>();
        scheme.competitions().stream().flatMap(c -> c.dimensions().stream())
                .forEach(d -> order.putIfAbsent(d.code(), order.size()));
        Map<String, LetterNumbers.Issued> issued = numbers.forPeriod(scheme.id(), scheme.year(), period.code());
        List<Letter> result = new ArrayList<>();
        for (Unit unit : scheme.units()) {
            Review.Month m = months.get(unit.code());
            RankedScore total = totals.get(unit.code());
            if (m == null || total == null) {
                continue;
            }
            List<Integer> ranks = ranksByPool.get(scheme.poolOf(unit.code()).code());
            List<Letter.Line> lines = lines(scheme, m, total, ranks,
                    dimensions.getOrDefault(unit.code(), List.of()), order);
            String base = period.code() + "_" + FileNames.safe(unit.name());
            result.add(new Letter(unit.code(), unit.name(), LetterKind.FEEDBACK, null,
                    scheme.title() + period.label() + "考核" + LetterKind.FEEDBACK.label(),
                    "现将贵单位" + period.label() + "考核结果反馈如下，请对照查漏补缺。", lines,
                    dir.resolve(base + "_" + LetterKind.FEEDBACK.label() + ".pdf")));
            LetterKind kind = LetterKind.forStreak(m.streak());
            if (kind == null) {
                continue;
            }
            LetterNumbers.Issued given = issued.get(LetterNumbers.key(unit.code(), kind));
            String number = given != null ? given.number()
                    : assign ? numbers.number(scheme.id(), scheme.year(), unit.code(), period.code(), kind, run.id(),
                            seq -> rules.number(scheme.year(), kind.colour(), seq)).number()
                    : null;
            result.add(new Letter(unit.code(), unit.name(), kind, number, kind.label(),
                    body(scheme, period, m, kind), lines, dir.resolve(base + "_" + kind.label() + ".pdf")));
        }
        return result;
    }

    /**
     * Each letter's PDF and workbook, on up to {@link #WRITERS} threads: a fill and its export take 20–50 ms of one
     * core each, and the letters share nothing but the compiled template.
     */
    private void write(List<Letter> letters, String signature, String date, String footer) {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS, r -> {
            Thread t = new Thread(r, "letters");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> pending = new ArrayList<>(letters.size());
            for (Letter l : letters) {
                pending.add(pool.submit(() -> renderer.write(l, signature, date, footer)));
            }
            for (Future<?> f : pending) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("函件生成被中断", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    static String body(Scheme scheme, Period period, Review.Month m, LetterKind kind) {
        String name = scheme.dimension(ReviewRules.of(scheme).completion()).orElseThrow().name();
        String ask = switch (kind) {
            case GREEN -> "请高度重视，分析原因，加快推进，确保下月达到序时进度。";
            case ORANGE -> "已连续2个月落后序时进度，请主要负责同志亲自研究部署，于5个工作日内报送整改措施。";
            default -> "已连续" + m.streak() + "个月落后序时进度，现予挂牌督办，请主要负责同志亲自督战，限期整改并书面报告整改情况。";
        };
        return "截至" + period.label() + "，贵单位" + name + "累计完成率 " + percent(m.completion()) + "，低于序时进度 "
                + percent(m.timeProgress()) + "，本月预扣 " + m.deducted().toPlainString() + " 分（下月达到序时进度的予以返还）。" + ask;
    }

    private static List<Letter.Line> lines(Scheme scheme, Review.Month m, RankedScore total, List<Integer> ranks,
                                           List<DimensionScoreRow> own, Map<String, Integer> order) {
        List<Letter.Line> lines = new ArrayList<>();
        own = own.stream().sorted(java.util.Comparator.comparingInt(
                (DimensionScoreRow d) -> order.getOrDefault(d.dimensionCode(), -1))).toList();
        for (DimensionScoreRow d : own) {
            String name = scheme.dimension(d.dimensionCode()).map(x -> x.name()).orElse(d.dimensionCode());
            String value = d.missing() ? "未报送" : d.value().stripTrailingZeros().toPlainString()
                    + (d.target() == null ? "" : "（目标 " + d.target().setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "）");
            lines.add(new Letter.Line(name, value + "，得分 " + d.score().toPlainString()));
        }
        lines.add(new Letter.Line("原始得分", m.raw().toPlainString()));
        lines.add(new Letter.Line("考核系数", coefficient(m.coefficient())));
        lines.add(new Letter.Line("系数后得分", m.scaled().toPlainString()));
        lines.add(new Letter.Line("累计完成率 / 序时进度", percent(m.completion()) + " / " + percent(m.timeProgress())));
        lines.add(new Letter.Line("本月预扣分", m.deducted().signum() == 0 ? "无" : "扣分 " + m.deducted().toPlainString()));
        lines.add(new Letter.Line("上月预扣分", m.previousFate() == null ? "无"
                : m.previousDeducted().toPlainString() + " 分，" + m.previousFate().label()));
        lines.add(new Letter.Line("发布得分", m.published().toPlainString()));
        lines.add(new Letter.Line("名次", total.rank() + " / " + ranks.size()));
        lines.add(new Letter.Line("位次", Standing.of(total.rank(), ranks).label()));
        return lines;
    }

    /** A coefficient as the scheme file writes it, at least two decimals: 1.00, 1.05, 0.955. */
    static String coefficient(BigDecimal c) {
        BigDecimal plain = c.stripTrailingZeros();
        return (plain.scale() < 2 ? plain.setScale(2) : plain).toPlainString();
    }

    static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** One mail per unit with its documents; recipients that already have this mail of the run are skipped. */
    private void mail(Scheme scheme, Run run, List<Letter> letters) {
        Map<String, List<Letter>> byUnit = letters.stream()
                .collect(Collectors.groupingBy(Letter::unitCode, java.util.LinkedHashMap::new, Collectors.toList()));
        Set<String> done = new HashSet<>();
        for (DeliveryRecord d : delivery.forRun(run.id())) {
            if (d.status().live()) {
                done.add(d.recipientEmail() + "\n" + d.subject());
            }
        }
        for (var e : byUnit.entrySet()) {
            Unit unit = scheme.unit(e.getKey()).orElseThrow();
            if (unit.emails().isEmpty()) {
                continue;
            }
            String subject = subject(scheme, run.period(), unit, e.getValue());
            List<Recipient> to = unit.emails().stream().filter(a -> !done.contains(a + "\n" + subject))
                    .map(a -> new Recipient(unit.name(), a)).toList();
            if (to.isEmpty()) {
                continue;
            }
            List<Path> files = new ArrayList<>();
            e.getValue().forEach(l -> {
                files.add(l.pdf());
                files.add(l.workbook());
            });
            delivery.deliver(new OutgoingMail(run.id(), subject, body(scheme, run.period(), unit, e.getValue()), files, to));
        }
    }

    static String subject(Scheme scheme, Period period, Unit unit, List<Letter> letters) {
        String letter = letters.stream().filter(l -> l.number() != null).map(l -> l.kind().label() + " " + l.number())
                .collect(Collectors.joining("、"));
        return scheme.title() + period.label() + "考核结果反馈单" + (letter.isEmpty() ? "" : "及" + letter) + "（" + unit.name() + "）";
    }

    private static String body(Scheme scheme, Period period, Unit unit, List<Letter> letters) {
        List<String> lines = new ArrayList<>();
        lines.add(unit.name() + "：");
        lines.add("");
        lines.add("附件为贵单位" + period.label() + "的考核结果反馈单（PDF、Excel）。");
        letters.stream().filter(l -> l.kind() != LetterKind.FEEDBACK).forEach(l -> {
            lines.add("另附" + l.kind().label() + "（" + l.number() + "）：" + l.body());
        });
        lines.add("");
        lines.add("此邮件由系统自动发出。");
        lines.add(scheme.policy().signature());
        return String.join("\n", lines);
    }
}
