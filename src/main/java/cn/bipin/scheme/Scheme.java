package cn.bipin.scheme;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One campaign for one year, exactly as its scheme file says. Immutable; every number the pipeline uses
 * (weights, targets, caps, deadlines) comes from here, never from Java constants.
 *
 * @param id           scheme id, the file name without {@code .yaml}, e.g. {@code jinfeng-2024}
 * @param title        the short Chinese title used in bulletins and mail, e.g. {@code 金凤区"双拼双促"}
 * @param year         the scheme year
 * @param campaignStart first month that is scored (periods before it are not scored)
 * @param deadlineDay  submissions for a period are due by this day of the following month (D11)
 * @param units        all units, in the order of the scheme file
 * @param competitions all competitions, in the order of the scheme file
 * @param targets      dimension code → unit code → annual target (as stored: fractions for %)
 * @param recipients   who receives the bulletins
 * @param periodTargets dimension code → period code → unit code → target for that period (以月保季、以季保年)
 * @param quarterThemes quarter 1–4 → the theme of its 专题比拼, e.g. 2 → 主要指标
 * @param awards       how annual results are applied (R-AWARD-1)
 * @param source       the file the scheme was loaded from
 * @param reminderDays  reminders (催报) go to units with missing values this many days before the deadline (default 3)
 * @param rankPools     the ranking pools (D14), covering every unit exactly once; one pool {@code all} by default
 * @param poolsDeclared whether the file declares {@code rank_pools} (then exports name the pool in their group column)
 * @param checks        cycles finer than a year in which the scheme's annual competitions are checked from the
 *                      period's own submissions (e.g. the half-year check {@code 2019-H1}); empty by default
 */
public record Scheme(
        String id,
        String title,
        int year,
        YearMonth campaignStart,
        int deadlineDay,
        List<Unit> units,
        List<Competition> competitions,
        Map<String, Map<String, BigDecimal>> targets,
        List<Recipient> recipients,
        Map<String, Map<String, Map<String, BigDecimal>>> periodTargets,
        Map<Integer, String> quarterThemes,
        AwardRules awards,
        Path source,
        Map<String, YamlNode> sections,
        PolicyText policy,
        int reminderDays,
        List<RankPool> rankPools,
        boolean poolsDeclared,
        Set<Cycle> checks) {

    public Scheme {
        units = CodeIndex.of(units, Unit::code); // unit(code) in constant time
        policy = policy == null ? PolicyText.none(title) : policy;
        rankPools = rankPools == null || rankPools.isEmpty()
                ? List.of(new RankPool(RankPool.ALL, "全部单位", units.stream().map(Unit::code).toList()))
                : List.copyOf(rankPools);
        checks = checks == null ? Set.of() : Set.copyOf(checks);
    }

    /** A scheme with one ranking pool of all units and no interim checks. */
    public Scheme(String id, String title, int year, YearMonth campaignStart, int deadlineDay, List<Unit> units,
                  List<Competition> competitions, Map<String, Map<String, BigDecimal>> targets, List<Recipient> recipients,
                  Map<String, Map<String, Map<String, BigDecimal>>> periodTargets, Map<Integer, String> quarterThemes,
                  AwardRules awards, Path source, Map<String, YamlNode> sections, PolicyText policy, int reminderDays) {
        this(id, title, year, campaignStart, deadlineDay, units, competitions, targets, recipients, periodTargets,
                quarterThemes, awards, source, sections, policy, reminderDays, null, false, null);
    }

    /** A scheme with the default 3 reminder days. */
    public Scheme(String id, String title, int year, YearMonth campaignStart, int deadlineDay, List<Unit> units,
                  List<Competition> competitions, Map<String, Map<String, BigDecimal>> targets, List<Recipient> recipients,
                  Map<String, Map<String, Map<String, BigDecimal>>> periodTargets, Map<Integer, String> quarterThemes,
                  AwardRules awards, Path source, Map<String, YamlNode> sections, PolicyText policy) {
        this(id, title, year, campaignStart, deadlineDay, units, competitions, targets, recipients, periodTargets,
                quarterThemes, awards, source, sections, policy, 3);
    }

    /** A scheme whose file cites no policy text (see {@link PolicyText#none(String)}). */
    public Scheme(String id, String title, int year, YearMonth campaignStart, int deadlineDay, List<Unit> units,
                  List<Competition> competitions, Map<String, Map<String, BigDecimal>> targets, List<Recipient> recipients,
                  Map<String, Map<String, Map<String, BigDecimal>>> periodTargets, Map<Integer, String> quarterThemes,
                  AwardRules awards, Path source, Map<String, YamlNode> sections) {
        this(id, title, year, campaignStart, deadlineDay, units, competitions, targets, recipients, periodTargets,
                quarterThemes, awards, source, sections, null, 3);
    }

    /** The top-level sections the scheme file holds for other features, read by them: incentives, evaluation, liaison, appeals. */
    public static final Set<String> FEATURE_SECTIONS = Set.of("incentives", "evaluation", "liaison", "appeals",
            "projects", "working_groups", ReviewRules.SECTION, RankMarks.KEY);

    /**
     * A feature's section of the scheme file as it was read with the rest of the file, so a run sees one version of
     * the file; a missing section is a node that is not {@link YamlNode#isPresent() present}.
     */
    public YamlNode section(String key) {
        return sections.getOrDefault(key, new YamlNode(source, key, null));
    }

    /** The position of a unit in the scheme file's order, or -1: ties are listed in this order. */
    public int unitOrder(String code) {
        return ((CodeIndex<Unit>) units).positionOf(code);
    }

    /** The pool a unit is ranked in (D14). */
    public RankPool poolOf(String unitCode) {
        return rankPools.stream().filter(p -> p.units().contains(unitCode)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unit in no pool: " + unitCode));
    }

    /** The pools as lists of unit codes, for the pure ranking code. */
    public List<List<String>> poolUnits() {
        return rankPools.stream().map(RankPool::units).toList();
    }

    /** What the exports' {@code group} column says for a unit: its pool when the file declares pools, else its group. */
    public String groupColumn(Unit unit) {
        return poolsDeclared ? poolOf(unit.code()).code() : unit.group().key();
    }

    /**
     * Whether a run of the given cycle scores a competition from that period's own submissions: a competition of the
     * run's cycle, and an annual competition in a period of a cycle the scheme checks it in ({@code checks}).
     */
    public boolean scoredFromValues(Competition competition, Cycle cycle) {
        return competition.cycle() == cycle || competition.cycle() == Cycle.ANNUAL && checks.contains(cycle);
    }

    /** Whether the scheme runs periods of the cycle at all: a year always; other cycles with competitions or checks. */
    public boolean runs(Cycle cycle) {
        return cycle == Cycle.ANNUAL || !competitions(cycle).isEmpty() || checks.contains(cycle);
    }

    /** Whether units report figures in periods of the cycle: some competition is scored from them. */
    public boolean reportedIn(Cycle cycle) {
        return competitions.stream().anyMatch(c -> scoredFromValues(c, cycle));
    }

    /**
     * The periods of a cycle a whole year of the scheme runs, in order: its scored periods, for the cycles it runs;
     * a check of the annual competitions (2019-H1) is not repeated in the period that ends with the year.
     */
    public List<Period> yearPeriods(Cycle cycle) {
        if (!runs(cycle)) {
            return List.of();
        }
        boolean checkOnly = cycle != Cycle.ANNUAL && competitions(cycle).isEmpty();
        return scoredPeriods(cycle).stream().filter(p -> !checkOnly || p.lastMonth().getMonthValue() != 12).toList();
    }

    public Optional<Unit> unit(String code) {
        return Optional.ofNullable(((CodeIndex<Unit>) units).byCode(code));
    }

    public Optional<Competition> competition(String code) {
        return competitions.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public Optional<Dimension> dimension(String code) {
        return competitions.stream().flatMap(c -> c.dimensions().stream())
                .filter(d -> d.code().equals(code)).findFirst();
    }

    public List<Competition> competitions(Cycle cycle) {
        return competitions.stream().filter(c -> c.cycle() == cycle).toList();
    }

    /** The competition a dimension belongs to. */
    public Competition competitionOf(Dimension dimension) {
        return competitions.stream().filter(c -> c.dimensions().contains(dimension)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("dimension not in scheme: " + dimension.code()));
    }

    /** The unit's annual target for a dimension: the dimension's common target, else the per-unit one. */
    public Optional<BigDecimal> target(Dimension dimension, String unitCode) {
        if (dimension.target() != null) {
            return Optional.of(dimension.target());
        }
        return Optional.ofNullable(targets.getOrDefault(dimension.code(), Map.of()).get(unitCode));
    }

    /**
     * The unit's target for a dimension in a period. A target the scheme gives for the period wins (任务分解);
     * otherwise the annual target is decomposed: a cumulative figure (1–N月累计) is held to the annual target ×
     * 序时进度, a per-period figure to its share of the year, and a rate to the annual target itself.
     */
    public Optional<BigDecimal> target(Dimension dimension, String unitCode, Period period) {
        if (dimension.target() != null) {
            return Optional.of(dimension.target());
        }
        BigDecimal explicit = periodTargets.getOrDefault(dimension.code(), Map.of())
                .getOrDefault(period.code(), Map.of()).get(unitCode);
        if (explicit != null) {
            return Optional.of(explicit);
        }
        Period horizon = dimension.scope().horizon(period); // target_scope: the period, its quarter or the year
        return target(dimension, unitCode).map(annual -> switch (dimension.basis()) {
            case RATE -> annual;
            case CUMULATIVE -> annual.multiply(horizon.timeProgress(), MathContext.DECIMAL128);
            case PERIOD -> annual.multiply(BigDecimal.valueOf(horizon.months()))
                    .divide(BigDecimal.valueOf(12), MathContext.DECIMAL128);
        });
    }

    /** The theme of a quarter's 专题比拼, if the scheme names one. */
    public Optional<String> theme(Period quarter) {
        return quarter.cycle() == Cycle.QUARTERLY ? Optional.ofNullable(quarterThemes.get(quarter.index()))
                : Optional.empty();
    }

    /** The periods of a cycle in the scheme year that are scored: those ending on or after the campaign start. */
    public List<Period> scoredPeriods(Cycle cycle) {
        int count = switch (cycle) {
            case MONTHLY -> 12;
            case QUARTERLY -> 4;
            case HALF_YEAR -> 2;
            case ANNUAL -> 1;
        };
        return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(i -> new Period(cycle, year, i))
                .filter(p -> !p.lastMonth().isBefore(campaignStart)).toList();
    }

    /** Dimension code → the ledger figure it is taken from (DOMAIN §6); such a dimension is not reported by units. */
    public Map<String, String> ledgerDimensions() {
        return LedgerDimensions.of(this);
    }

    /** The dimensions of the cycle a unit reports itself: {@link #dimensionsFor} less those taken from a ledger. */
    public List<Dimension> reportedDimensionsFor(String unitCode, Cycle cycle) {
        Map<String, String> ledger = ledgerDimensions();
        return dimensionsFor(unitCode, cycle).stream().filter(d -> !ledger.containsKey(d.code())).toList();
    }

    /**
     * Dimensions a unit reports in a period of the given cycle, in scheme order: those of the cycle's competitions,
     * and of the annual competitions when the scheme checks them in that cycle ({@code checks}).
     */
    public List<Dimension> dimensionsFor(String unitCode, Cycle cycle) {
        return competitions.stream().filter(c -> scoredFromValues(c, cycle))
                .filter(c -> c.participants().contains(unitCode))
                .flatMap(c -> c.dimensions().stream()).toList();
    }
}
