package cn.bipin.demo;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.bipin.report.Csv;
import cn.bipin.evaluation.EvaluationRules;
import cn.bipin.evaluation.EvaluationRulesLoader;
import cn.bipin.evaluation.RaterTokens;
import cn.bipin.scheme.Scheme;

/**
 * The year-end back-to-back evaluation of the full-year demo (DOMAIN §5): rater tokens issued for real through
 * {@link RaterTokens#issue} — per group, and for the peer group per rating unit, as {@code evaluation tokens --unit}
 * does — and the ballots those raters send back, as CSV files the way an online survey or the office's collation
 * produces them. The tokens exist in clear only inside those ballot files, as with real ballots: nothing else is
 * written or logged with a token.
 *
 * <p>Most targets get five or more ballots per group (so the highest and lowest are dropped), one group has only two
 * for one target (so it is not counted and the bulletin says so). Among the ballots: scores and grades, a peer unit
 * rating itself, a score out of range, and a rater who sends a second ballot for the same unit, which replaces the
 * first. Plus the nominated excellent cases of {@code demo/evaluation/cases.csv} and two vote files. Scores and
 * choices come from a fixed seed, so the bulletin is the same on every fresh database although the tokens differ.
 */
@Service
public class DemoEvaluation {

    private static final Logger log = LoggerFactory.getLogger(DemoEvaluation.class);
    private static final long SEED = 20241216L;

    private final RaterTokens tokens;
    private final cn.bipin.inbox.InboxProperties inbox;

    DemoEvaluation(RaterTokens tokens, cn.bipin.inbox.InboxProperties inbox) {
        this.tokens = tokens;
        this.inbox = inbox;
    }

    /**
     * Seeds the year's evaluation inbox: ballots if {@code ballots/} holds no file, cases and votes if neither
     * {@code cases/} nor {@code votes/} does. Nothing for a scheme without an {@code evaluation:} section.
     */
    public List<DemoSeed> seedYear(Scheme scheme) {
        if (!EvaluationRulesLoader.configured(scheme)) {
            return List.of();
        }
        return seed(scheme, inbox.dir().resolve(scheme.id()).resolve(scheme.year() + "-evaluation"));
    }

    /** Seeds below {@code root} (the scheme's {@code <year>-evaluation} folder). */
    List<DemoSeed> seed(Scheme scheme, Path root) {
        EvaluationRules rules = EvaluationRulesLoader.load(scheme);
        List<DemoSeed> seeded = new ArrayList<>();
        Path ballots = root.resolve("ballots");
        if (!DemoFiles.hasFiles(ballots)) {
            int n = ballots(scheme, rules, ballots);
            seeded.add(new DemoSeed("背靠背评议票（" + String.join("、", rules.groups().stream()
                    .map(EvaluationRules.RaterGroup::name).toList()) + "，令牌只出现在评议票文件中）", List.of(ballots),
                    "共 " + n + " 张"));
        }
        Path cases = root.resolve("cases");
        Path votes = root.resolve("votes");
        if (!DemoFiles.hasFiles(cases) && !DemoFiles.hasFiles(votes)) {
            int n = cases(scheme, rules, cases, votes);
            seeded.add(new DemoSeed("年度优秀案例推荐及投票", List.of(cases, votes), n + " 个案例"));
        }
        return seeded;
    }

    // ------------------------------------------------------------------------------------------------ ballots

    /** One rater's ballot for one target: the cells as typed. */
    private record Line(String token, String target, List<String> values) {
    }

    /** Writes every group's ballot files; returns the number of ballot lines. */
    private int ballots(Scheme scheme, EvaluationRules rules, Path dir) {
        Random r = new Random(SEED);
        List<String> targets = rules.targets();
        int items = rules.items().size();
        // how well each target serves, item by item: what the raters' scores scatter around
        double[][] standing = new double[targets.size()][items];
        for (int t = 0; t < targets.size(); t++) {
            double base = 74 + 16 * r.nextDouble();
            for (int i = 0; i < items; i++) {
                standing[t][i] = base - 4 + 8 * r.nextDouble();
            }
        }
        EvaluationRules.RaterGroup thin = rules.groups().stream().skip(1).filter(g -> !g.peer()).findFirst().orElse(null);
        String thinTarget = targets.get(Math.min(4, targets.size() - 1));
        LocalDateTime received = LocalDateTime.of(scheme.year(), 12, 9, 17, 20);
        int written = 0;
        for (EvaluationRules.RaterGroup g : rules.groups()) {
            Profile p = Profile.of(g);
            List<Line> lines = new ArrayList<>();
            if (g.peer()) {
                // every rated unit rates the others, two raters each; the first also fills in its own line
                for (String unit : targets) {
                    for (String token : tokens.issue(scheme.id(), g.code(), unit, 2)) {
                        for (int t = 0; t < targets.size(); t++) {
                            if (!targets.get(t).equals(unit)) {
                                lines.add(new Line(token, targets.get(t), scores(r, rules, standing[t], p)));
                            }
                        }
                    }
                }
                String self = targets.get(0);
                lines.add(new Line(lines.get(0).token(), self, scores(r, rules, standing[0], p)));
            } else {
                List<String> pool = tokens.issue(scheme.id(), g.code(), null, p.raters());
                List<List<Line>> byRater = new ArrayList<>();
                pool.forEach(token -> byRater.add(new ArrayList<>()));
                for (int t = 0; t < targets.size(); t++) {
                    int n = g == thin && targets.get(t).equals(thinTarget) ? 2 : p.ballots(r);
                    List<Integer> raters = new ArrayList<>();
                    for (int k = 0; k < pool.size(); k++) {
                        raters.add(k);
                    }
                    Collections.shuffle(raters, r);
                    for (int k : raters.subList(0, Math.min(n, pool.size()))) {
                        byRater.get(k).add(new Line(pool.get(k), targets.get(t), scores(r, rules, standing[t], p)));
                    }
                }
                byRater.forEach(lines::addAll); // a survey export: one rater's answers together
            }
            if (p == Profile.ENTERPRISE) {
                written += enterpriseFiles(scheme, rules, g, lines, dir, received);
            } else {
                boolean chinese = p == Profile.LEADER;
                String file = g.name() + "评议票" + (chinese ? "（汇总）" : "") + ".csv";
                DemoFiles.csv(dir.resolve(file), csvLines(scheme, rules, g, lines, chinese), received.plusDays(1));
                written += lines.size();
            }
            received = received.plusDays(1);
        }
        log.info("已在 {} 写入演示评议票 {} 张", dir, written);
        return written;
    }

    /**
     * The enterprise raters' survey export in two batches. The second batch repeats one rater's ballot for a unit
     * with changed scores (the later one counts) and has a score typed as 105.
     */
    private int enterpriseFiles(Scheme scheme, EvaluationRules rules, EvaluationRules.RaterGroup g, List<Line> lines,
            Path dir, LocalDateTime received) {
        int half = lines.size() / 2;
        while (half < lines.size() && lines.get(half).token().equals(lines.get(half - 1).token())) {
            half++; // a rater's answers stay in one batch
        }
        List<Line> first = new ArrayList<>(lines.subList(0, half));
        List<Line> second = new ArrayList<>(lines.subList(half, lines.size()));
        Line again = first.get(0);
        List<String> changed = new ArrayList<>(again.values());
        changed.replaceAll(v -> (rules.grades().containsKey(v) ? rules.grades().get(v) : new BigDecimal(v))
                .subtract(BigDecimal.valueOf(12)).max(BigDecimal.ZERO).stripTrailingZeros().toPlainString());
        second.add(new Line(again.token(), again.target(), changed));
        Line typo = second.get(Math.min(3, second.size() - 1)); // second holds at least the repeated ballot
        List<String> values = new ArrayList<>(typo.values());
        values.set(0, "105");
        second.set(second.indexOf(typo), new Line(typo.token(), typo.target(), values));
        DemoFiles.csv(dir.resolve(g.name() + "评议票_网上问卷导出_第1批.csv"), csvLines(scheme, rules, g, first, false),
                received);
        DemoFiles.csv(dir.resolve(g.name() + "评议票_网上问卷导出_第2批.csv"), csvLines(scheme, rules, g, second, false),
                received.plusDays(4).withHour(11));
        return first.size() + second.size();
    }

    /** The ballot CSV of README 背靠背评议 §2, with English keys or the Chinese column names. */
    private static List<String> csvLines(Scheme scheme, EvaluationRules rules, EvaluationRules.RaterGroup g,
            List<Line> lines, boolean chinese) {
        List<String> out = new ArrayList<>();
        StringBuilder head = new StringBuilder(chinese ? "评议组,评议令牌,单位代码,被评议单位" : "group,token,target_unit,target_name");
        rules.items().forEach(i -> head.append(',').append(chinese ? i.name() : i.code()));
        out.add(head.toString());
        for (Line l : lines) {
            StringBuilder sb = new StringBuilder();
            sb.append(chinese ? g.name() : g.code()).append(',').append(l.token()).append(',').append(l.target())
                    .append(',').append(Csv.field(scheme.unit(l.target()).map(u -> u.name()).orElse("")));
            l.values().forEach(v -> sb.append(',').append(Csv.field(v)));
            out.add(sb.toString());
        }
        return out;
    }

    /** How a group's raters behave: how many, how many ballots per target, how they score. */
    private enum Profile {
        ENTERPRISE(48, 8, 14, -3, 0.3),
        LEADER(7, 7, 7, 1, 0.5),
        PEER(0, 0, 0, 4, 0.1),
        OTHER(20, 5, 9, 0, 0.15);

        private final int raters;
        private final int min;
        private final int max;
        private final double bias;
        private final double gradeShare;

        Profile(int raters, int min, int max, double bias, double gradeShare) {
            this.raters = raters;
            this.min = min;
            this.max = max;
            this.bias = bias;
            this.gradeShare = gradeShare;
        }

        static Profile of(EvaluationRules.RaterGroup g) {
            if (g.peer()) {
                return PEER;
            }
            return switch (g.code()) {
                case "enterprise" -> ENTERPRISE;
                case "leader" -> LEADER;
                default -> OTHER;
            };
        }

        int raters() {
            return raters;
        }

        int ballots(Random r) {
            return min + r.nextInt(max - min + 1);
        }
    }

    /** One ballot's cells: a score around the target's standing (whole or half points), sometimes a grade word. */
    private static List<String> scores(Random r, EvaluationRules rules, double[] standing, Profile p) {
        List<String> values = new ArrayList<>(standing.length);
        boolean grades = r.nextDouble() < p.gradeShare;
        for (double s : standing) {
            double v = Math.max(40, Math.min(100, s + p.bias + 6 * r.nextGaussian()));
            if (grades) {
                values.add(nearestGrade(rules, v));
            } else if (r.nextInt(10) == 0 && v < 99.5) {
                values.add(BigDecimal.valueOf(Math.round(v * 2) / 2.0).setScale(1).toPlainString());
            } else {
                values.add(String.valueOf(Math.round(v)));
            }
        }
        return values;
    }

    private static String nearestGrade(EvaluationRules rules, double v) {
        String best = null;
        double distance = Double.MAX_VALUE;
        for (Map.Entry<String, BigDecimal> e : rules.grades().entrySet()) {
            double d = Math.abs(e.getValue().doubleValue() - v);
            if (d < distance) {
                distance = d;
                best = e.getKey();
            }
        }
        return best;
    }

    // ------------------------------------------------------------------------------------------------ cases

    /** A nominated case of {@code demo/evaluation/cases.csv}, with its votes online and at the year-end meeting. */
    private record Nomination(String unit, String title, String summary, String at, int online, int onSite) {

        /** The file's cases, {@code {Y}} in the nomination time read as {@code year}. */
        static List<Nomination> read(int year) {
            return DemoResources.csv("evaluation/cases.csv").stream().map(c -> new Nomination(c.get("unit_code"),
                    c.get("title"), c.get("summary"), DemoResources.withYear(c.get("nominated_at"), year),
                    Integer.parseInt(c.get("votes_online")), Integer.parseInt(c.get("votes_on_site")))).toList();
        }
    }

    /**
     * The nominated cases and two vote files (online and at the year-end meeting); one vote names no case. A case of
     * a unit the scheme does not have goes to one of the rated units.
     */
    private int cases(Scheme scheme, EvaluationRules rules, Path cases, Path votes) {
        List<Nomination> nominations = Nomination.read(scheme.year());
        List<String> caseLines = new ArrayList<>(List.of("case_no,unit_code,title,summary,nominated_at"));
        List<String> online = new ArrayList<>(List.of("case_no,votes"));
        List<String> onSite = new ArrayList<>(List.of("案例编号,票数"));
        for (int i = 0; i < nominations.size(); i++) {
            Nomination n = nominations.get(i);
            String unit = scheme.unit(n.unit()).isPresent() ? n.unit() : rules.targets().get(i % rules.targets().size());
            String no = String.format("AL-%02d", i + 1);
            caseLines.add(String.join(",", no, unit, Csv.field(n.title()), Csv.field(n.summary()), n.at()));
            online.add(no + "," + n.online());
            onSite.add(no + "," + n.onSite());
        }
        onSite.add(String.format("AL-%02d", nominations.size() + 9) + ",5"); // a case number that was never nominated
        DemoFiles.csv(cases.resolve("优秀案例推荐汇总.csv"), caseLines, LocalDateTime.of(scheme.year(), 11, 15, 17, 0));
        DemoFiles.csv(votes.resolve("网上投票.csv"), online, LocalDateTime.of(scheme.year(), 12, 20, 18, 0));
        DemoFiles.csv(votes.resolve("现场投票.csv"), onSite, LocalDateTime.of(scheme.year(), 12, 26, 16, 30));
        log.info("已写入演示优秀案例 {} 个及投票", nominations.size());
        return nominations.size();
    }
}
