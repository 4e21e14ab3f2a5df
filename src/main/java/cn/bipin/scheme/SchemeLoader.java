package cn.bipin.scheme;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads and validates a scheme file. Fails fast: the first problem stops the load with a {@link SchemeException}
 * naming the file, the key and what is wrong, so a statistician can fix the file before any data is touched.
 */
public final class SchemeLoader {

    private static final Set<String> TOP_KEYS = Set.of("scheme", "title", "full_title", "year", "campaign_start",
            "deadline_day", "reminder_days", "units", "competitions", "targets", "period_targets", "target_shares", "quarter_themes", "awards", "recipients",
            "policy", "rank_pools", "checks",
            // kept for their own features (cn.bipin.incentive, cn.bipin.evaluation, cn.bipin.liaison, cn.bipin.appeal), which validate them
            "incentives", "evaluation", "liaison", "appeals", "projects", "working_groups",
            // the monthly review (coefficients, 预扣分, 三函一单; ReviewRules) and how rankings are marked (RankMarks)
            ReviewRules.SECTION, RankMarks.KEY);
    private static final Set<String> AWARD_KEYS = Set.of("efficiency", "excellent_quota_increase", "work_funds",
            "prizes", "disqualify", "statement_below");
    private static final Set<String> PRIZE_KEYS = Set.of("code", "name", "ranks", "top", "top_by_competition", "amount",
            "amounts", "tiers", "period_competitions");
    private static final Set<String> POLICY_KEYS = Set.of("scoring", "cycles", "awards", "signature");
    private static final Set<String> TIER_KEYS = Set.of("points", "top", "every_period_top", "benefits");
    /** How the awards were written before they became prizes; refused with the new form. */
    private static final String OLD_AWARDS_HINT = "奖项统一写在 awards.prizes 中，例如：\n"
            + "  prizes:\n"
            + "    - code: efficiency\n"
            + "      name: 效能目标考核加分\n"
            + "      ranks: total\n"
            + "      tiers:                   # 先看第一档\n"
            + "        - { points: 3, top: 1, every_period_top: 3, benefits: { excellent_quota: 5% } }\n"
            + "        - { points: 1, top: 2, every_period_top: 4 }\n"
            + "    - { code: work_funds, name: 工作经费, ranks: total, amounts: [100000, 80000, 50000] }";
    private static final Set<String> UNIT_KEYS = Set.of("code", "name", "group", "emails", "senders");
    /** An e-mail address as written in a scheme file: one @, a dot in the domain, no spaces or angle brackets. */
    private static final Pattern EMAIL =
            Pattern.compile("[^@\\s<>,;]+@[^@\\s<>,;]+\\.[^@\\s<>,;.]+");
    private static final Set<String> COMPETITION_KEYS = Set.of("code", "name", "weight", "cycle", "participants",
            "dimensions");
    private static final Set<String> DIMENSION_KEYS = Set.of("code", "name", "measure", "weight", "method",
            "direction", "basis", "cap", "step", "floor", "target", "allow_negative", "target_scope");

    private SchemeLoader() {
    }

    public static Scheme load(Path file) {
        YamlNode root = new YamlNode(file, "", yaml(file));
        root.onlyKeys(TOP_KEYS);

        String id = root.get("scheme").text();
        String expected = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        if (!id.equals(expected)) {
            throw root.get("scheme").fail("方案编号 '" + id + "' 应与文件名 '" + expected + "' 一致");
        }
        int year = root.get("year").integer();
        YearMonth start = yearMonth(root.get("campaign_start"), YearMonth.of(year, 1));
        if (start.getYear() != year) {
            throw root.get("campaign_start").fail("应在方案年度 " + year + " 内，实际为 " + start);
        }
        int deadlineDay = root.get("deadline_day").isPresent() ? root.get("deadline_day").integer() : 20;
        if (deadlineDay < 1 || deadlineDay > 28) {
            throw root.get("deadline_day").fail("应为 1 到 28 之间的日期，实际为 " + deadlineDay);
        }

        int reminderDays = root.get("reminder_days").integer(3, 0);
        if (reminderDays >= deadlineDay) {
            throw root.get("reminder_days").fail("催报提前天数应小于报送截止日 " + deadlineDay + "，实际为 " + reminderDays);
        }

        List<Unit> units = units(root.get("units"));
        List<Competition> competitions = competitions(root.get("competitions"), units);
        AwardRules awardRules = awards(root.get("awards"), competitions);
        Map<String, Map<String, BigDecimal>> targets = targets(root.get("targets"), competitions);
        Path imported = targetsFile(file, id);
        if (Files.isRegularFile(imported)) {
            // a 任务分解表 imported by `bipin targets`: its indicators' targets replace the scheme file's
            YamlNode side = new YamlNode(imported, "", yaml(imported));
            side.onlyKeys(Set.of("targets"));
            Map<String, Map<String, BigDecimal>> merged = new LinkedHashMap<>(targets);
            merged.putAll(targets(side.get("targets"), competitions));
            targets = Map.copyOf(merged);
        }
        checkTargetsComplete(root.get("targets"), competitions, targets, units);
        List<Recipient> recipients = recipients(root.get("recipients"));

        Map<String, Map<String, Map<String, BigDecimal>>> periodTargets = TargetShares.merge(
                TargetShares.read(root.get("target_shares"), competitions), targets,
                periodTargets(root.get("period_targets"), competitions, year), competitions, year);
        List<RankPool> pools = rankPools(root.get("rank_pools"), units);
        LedgerDimensions.read(file, competitions, root::get); // a ledger's mapped dimensions, checked now (DOMAIN §6)
        if (root.get(ReviewRules.SECTION).isPresent()) {
            ReviewRules.read(root.get(ReviewRules.SECTION), units, competitions, year); // checked now, read by the runs
        }
        RankMarks.read(root.get(RankMarks.KEY));
        if (root.get(ProjectRules.SECTION).isPresent()) {
            ProjectRules.read(root.get(ProjectRules.SECTION)); // the project lists' bands and thresholds (D9)
        }
        return new Scheme(id, root.get("title").text(), year, start, deadlineDay, units, competitions, targets,
                recipients, periodTargets, quarterThemes(root.get("quarter_themes")), awardRules, file,
                sections(root), policy(root.get("policy"), root.get("title").text()), reminderDays, pools,
                root.get("rank_pools").isPresent(), checks(root.get("checks"), competitions));
    }

    private static final Set<String> POOL_KEYS = Set.of("code", "name", "units");

    /**
     * {@code rank_pools} (D14): absent means one pool of all units. Each entry is {@code all}, a group
     * ({@code town}, {@code department}) or a pool of its own ({@code code}, {@code name}, {@code units} as unit codes
     * or {@code group:…}). Every unit must be in exactly one pool.
     */
    static List<RankPool> rankPools(YamlNode node, List<Unit> units) {
        if (!node.isPresent()) {
            return List.of();
        }
        List<YamlNode> entries = node.list();
        if (entries.isEmpty()) {
            throw node.fail("至少需要一个排名组（不分组可不写此项，或写 [all]）");
        }
        List<RankPool> pools = new ArrayList<>();
        Map<String, String> poolOfUnit = new HashMap<>();
        Set<String> codes = new HashSet<>();
        for (YamlNode e : entries) {
            RankPool pool;
            if (e.value() instanceof Map) {
                e.onlyKeys(POOL_KEYS);
                List<String> members = new ArrayList<>();
                for (YamlNode m : e.get("units").list()) {
                    String token = m.text();
                    if (token.startsWith("group:")) {
                        UnitGroup group = new YamlNode(m.file(), m.path(), token.substring(6)).enumValue(UnitGroup.class, null);
                        units.stream().filter(u -> u.group() == group).forEach(u -> members.add(u.code()));
                    } else if (units.stream().anyMatch(u -> u.code().equals(token))) {
                        members.add(token);
                    } else {
                        throw m.fail("单位 '" + token + "' 不在 units 中（也可写 group:department、group:town）");
                    }
                }
                pool = new RankPool(e.get("code").text(), e.get("name").text(), members);
            } else {
                String token = e.text();
                if (token.equals(RankPool.ALL)) {
                    pool = new RankPool(RankPool.ALL, "全部单位", units.stream().map(Unit::code).toList());
                } else {
                    UnitGroup group;
                    try {
                        group = UnitGroup.valueOf(token.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException ex) {
                        throw e.fail("未知的排名组 '" + token + "'，应为 all、town、department，或写出 code、name、units 的排名组");
                    }
                    pool = new RankPool(group.key(), group.label(),
                            units.stream().filter(u -> u.group() == group).map(Unit::code).toList());
                }
            }
            if (!codes.add(pool.code())) {
                throw e.fail("排名组 '" + pool.code() + "' 重复");
            }
            if (pool.units().isEmpty()) {
                throw e.fail("排名组 '" + pool.code() + "' 没有单位");
            }
            for (String unit : pool.units()) {
                String before = poolOfUnit.put(unit, pool.code());
                if (before != null && !before.equals(pool.code())) {
                    throw e.fail("单位 " + unitName(units, unit) + "同时在排名组 '" + before + "' 和 '" + pool.code()
                            + "' 中，每个单位只能在一个排名组");
                }
            }
            pools.add(pool);
        }
        for (Unit u : units) {
            if (!poolOfUnit.containsKey(u.code())) {
                throw node.fail("单位 " + u.name() + "（" + u.code() + "）不在任何排名组中");
            }
        }
        // each pool keeps the scheme's unit order
        return pools.stream().map(p -> new RankPool(p.code(), p.name(),
                units.stream().map(Unit::code).filter(p.units()::contains).toList())).toList();
    }

    private static String unitName(List<Unit> units, String code) {
        return units.stream().filter(u -> u.code().equals(code)).findFirst().map(u -> u.name() + "（" + code + "）")
                .orElse(code);
    }

    /**
     * {@code checks}: the finer cycles in which the annual competitions are checked from the period's own
     * submissions (a half-year check, 2019-H1). Only a scheme with annual competitions has something to check.
     */
    static Set<Cycle> checks(YamlNode node, List<Competition> competitions) {
        if (!node.isPresent()) {
            return Set.of();
        }
        Set<Cycle> result = new LinkedHashSet<>();
        for (YamlNode c : node.list()) {
            Cycle cycle = c.enumValue(Cycle.class, null);
            if (cycle == Cycle.ANNUAL) {
                throw c.fail("年度比拼在年度运行中计分，检查周期应为 monthly、quarterly 或 half_year");
            }
            if (competitions.stream().noneMatch(x -> x.cycle() == Cycle.ANNUAL)) {
                throw c.fail("方案没有年度（annual）比拼，没有可检查的内容");
            }
            if (!result.add(cycle)) {
                throw c.fail("检查周期 '" + cycle.key() + "' 重复");
            }
        }
        return Set.copyOf(result);
    }

    /**
     * Where {@code bipin targets} writes a scheme's imported targets: {@code <jobs>/targets/<scheme>.yaml}, beside the
     * scheme files (not among them, so it is never taken for a scheme). When present, each indicator it names takes
     * its per-unit targets from it rather than from the scheme file's {@code targets:}.
     */
    public static Path targetsFile(Path schemeFile, String schemeId) {
        Path dir = schemeFile.getParent() == null ? Path.of("") : schemeFile.getParent();
        return dir.resolve("targets").resolve(schemeId + ".yaml");
    }

    private static Object yaml(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false); // a key written twice is a mistake, not "the last one wins"
            return new Yaml(new SafeConstructor(options)).load(reader);
        } catch (IOException e) {
            throw new SchemeException(file, "", "无法读取文件（" + e.getMessage() + "）");
        } catch (YAMLException e) {
            throw new SchemeException(file, "", "YAML 格式错误：" + e.getMessage());
        }
    }

    /** The scheme's own policy numbering and 落款 (D24); each key, when written, must say something. */
    private static PolicyText policy(YamlNode node, String title) {
        if (!node.isPresent()) {
            return PolicyText.none(title);
        }
        node.onlyKeys(POLICY_KEYS);
        PolicyText none = PolicyText.none(title);
        return new PolicyText(node.get("scoring").text(""), node.get("cycles").text(""), node.get("awards").text(""),
                node.get("signature").isPresent() ? node.get("signature").text() : none.signature());
    }

    private static Map<String, YamlNode> sections(YamlNode root) {
        Map<String, YamlNode> sections = new HashMap<>();
        for (String key : Scheme.FEATURE_SECTIONS) {
            if (root.get(key).isPresent()) {
                sections.put(key, root.get(key));
            }
        }
        return Map.copyOf(sections);
    }

    private static YearMonth yearMonth(YamlNode node, YearMonth fallback) {
        if (!node.isPresent()) {
            return fallback;
        }
        try {
            return YearMonth.parse(node.text());
        } catch (DateTimeParseException e) {
            throw node.fail("应为年月，如 2024-06，实际为 '" + node.value() + "'");
        }
    }

    private static List<Unit> units(YamlNode node) {
        List<Unit> units = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (YamlNode u : node.list()) {
            u.onlyKeys(UNIT_KEYS);
            String code = u.get("code").text();
            if (!codes.add(code)) {
                throw u.get("code").fail("单位代码 '" + code + "' 重复");
            }
            List<String> emails = addresses(u.get("emails"));
            List<String> senders = addresses(u.get("senders"));
            units.add(new Unit(code, u.get("name").text(), u.get("group").enumValue(UnitGroup.class, null), emails,
                    senders));
        }
        if (units.isEmpty()) {
            throw node.fail("至少需要一个单位");
        }
        return List.copyOf(units);
    }

    /** A unit's list of e-mail addresses, lower-cased; absent is empty, a bad or repeated address stops the load. */
    private static List<String> addresses(YamlNode node) {
        if (!node.isPresent()) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (YamlNode a : node.list()) {
            String address = a.text().toLowerCase(Locale.ROOT);
            if (!EMAIL.matcher(address).matches()) {
                throw a.fail("不是有效的电子邮件地址：'" + a.value() + "'（应如 fgj@jinfeng.gov.cn，一项写一个地址）");
            }
            if (result.contains(address)) {
                throw a.fail("电子邮件地址 '" + address + "' 重复");
            }
            result.add(address);
        }
        return List.copyOf(result);
    }

    private static List<Competition> competitions(YamlNode node, List<Unit> units) {
        List<Competition> result = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        Set<String> dimensionCodes = new HashSet<>();
        for (YamlNode c : node.list()) {
            c.onlyKeys(COMPETITION_KEYS);
            String code = c.get("code").text();
            if (!codes.add(code)) {
                throw c.get("code").fail("比拼代码 '" + code + "' 重复");
            }
            List<Dimension> dimensions = new ArrayList<>();
            for (YamlNode d : c.get("dimensions").list()) {
                Dimension dimension = dimension(d);
                if (!dimensionCodes.add(dimension.code())) {
                    throw d.get("code").fail("指标代码 '" + dimension.code() + "' 重复");
                }
                dimensions.add(dimension);
            }
            if (dimensions.isEmpty()) {
                throw c.get("dimensions").fail("至少需要一个指标");
            }
            Cycle cycle = c.get("cycle").enumValue(Cycle.class, null);
            result.add(new Competition(code, c.get("name").text(), c.get("weight").positive(), cycle,
                    participants(c.get("participants"), units), List.copyOf(dimensions)));
        }
        return List.copyOf(result);
    }

    private static List<String> participants(YamlNode node, List<Unit> units) {
        Set<String> result = new LinkedHashSet<>();
        for (YamlNode p : node.list()) {
            String token = p.text();
            if (token.equals("all")) {
                units.forEach(u -> result.add(u.code()));
            } else if (token.startsWith("group:")) {
                UnitGroup group = new YamlNode(p.file(), p.path(), token.substring(6)).enumValue(UnitGroup.class, null);
                units.stream().filter(u -> u.group() == group).forEach(u -> result.add(u.code()));
            } else if (units.stream().anyMatch(u -> u.code().equals(token))) {
                result.add(token);
            } else {
                throw p.fail("参赛单位 '" + token + "' 不在 units 中（也可写 all、group:department、group:town）");
            }
        }
        if (result.isEmpty()) {
            throw node.fail("至少需要一个参赛单位");
        }
        // keep the scheme's unit order, whatever order the participants were listed in
        return units.stream().map(Unit::code).filter(result::contains).toList();
    }

    private static Dimension dimension(YamlNode d) {
        d.onlyKeys(DIMENSION_KEYS);
        String measure = d.get("measure").text();
        Method method = d.get("method").enumValue(Method.class, null);
        Basis basis = d.get("basis").enumValue(Basis.class, "%".equals(measure) ? Basis.RATE : Basis.CUMULATIVE);
        BigDecimal weight = d.get("weight").isPresent() ? d.get("weight").positive() : BigDecimal.ONE; // D1
        BigDecimal cap = d.get("cap").isPresent() ? d.get("cap").positive() : Dimension.DEFAULT_CAP;
        BigDecimal step = d.get("step").isPresent() ? d.get("step").positive() : Dimension.DEFAULT_STEP;
        BigDecimal floor = d.get("floor").isPresent() ? d.get("floor").decimal() : Dimension.DEFAULT_FLOOR;
        BigDecimal target = d.get("target").isPresent() ? d.get("target").positive() : null;
        if (target != null && method != Method.TARGET_RATIO) {
            throw d.get("target").fail("只有 target_ratio 计分的指标才用目标值，本指标为 " + method.key());
        }
        return new Dimension(d.get("code").text(), d.get("name").text(), measure, weight, method,
                d.get("direction").enumValue(Direction.class, Direction.HIGHER_IS_BETTER), basis, cap, step, floor,
                target, d.get("allow_negative").bool(false),
                d.get("target_scope").enumValue(TargetScope.class, TargetScope.PERIOD));
    }

    private static Map<String, Map<String, BigDecimal>> targets(YamlNode node, List<Competition> competitions) {
        Map<String, Map<String, BigDecimal>> targets = new LinkedHashMap<>();
        if (!node.isPresent()) {
            return targets;
        }
        for (Object key : node.map().keySet()) {
            String dimensionCode = String.valueOf(key);
            YamlNode perUnit = node.get(dimensionCode);
            Competition competition = competitions.stream()
                    .filter(c -> c.dimensions().stream().anyMatch(d -> d.code().equals(dimensionCode)))
                    .findFirst().orElseThrow(() -> perUnit.fail("没有代码为 '" + dimensionCode + "' 的指标"));
            Dimension dimension = competition.dimensions().stream().filter(d -> d.code().equals(dimensionCode))
                    .findFirst().orElseThrow();
            if (dimension.method() != Method.TARGET_RATIO) {
                throw perUnit.fail("指标 " + dimension.name() + " 按 " + dimension.method().key() + " 计分，不使用目标值");
            }
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            for (Object unitKey : perUnit.map().keySet()) {
                String unitCode = String.valueOf(unitKey);
                YamlNode value = perUnit.get(unitCode);
                if (!competition.participants().contains(unitCode)) {
                    throw value.fail("单位 '" + unitCode + "' 不参加" + competition.name() + "，不应有此目标");
                }
                values.put(unitCode, value.positive());
            }
            targets.put(dimensionCode, Map.copyOf(values));
        }
        return Map.copyOf(targets);
    }

    private static void checkTargetsComplete(YamlNode node, List<Competition> competitions,
            Map<String, Map<String, BigDecimal>> targets, List<Unit> units) {
        for (Competition c : competitions) {
            for (Dimension d : c.dimensions()) {
                if (d.method() != Method.TARGET_RATIO || d.target() != null) {
                    continue;
                }
                Map<String, BigDecimal> perUnit = targets.getOrDefault(d.code(), Map.of());
                for (String participant : c.participants()) {
                    if (!perUnit.containsKey(participant)) {
                        String name = units.stream().filter(u -> u.code().equals(participant)).findFirst()
                                .map(Unit::name).orElse(participant);
                        throw new SchemeException(node.file(), "targets." + d.code() + "." + participant,
                                "指标 " + d.name() + "（" + d.code() + "）按 target_ratio 计分，缺少单位 " + name
                                        + "（" + participant + "）的目标值");
                    }
                }
            }
        }
    }

    private static Map<String, Map<String, Map<String, BigDecimal>>> periodTargets(YamlNode node,
            List<Competition> competitions, int year) {
        Map<String, Map<String, Map<String, BigDecimal>>> result = new LinkedHashMap<>();
        if (!node.isPresent()) {
            return result;
        }
        for (Object key : node.map().keySet()) {
            String dimensionCode = String.valueOf(key);
            YamlNode byPeriod = node.get(dimensionCode);
            Competition competition = competitions.stream()
                    .filter(c -> c.dimensions().stream().anyMatch(d -> d.code().equals(dimensionCode))).findFirst()
                    .orElseThrow(() -> byPeriod.fail("没有代码为 '" + dimensionCode + "' 的指标"));
            Dimension dimension = competition.dimensions().stream().filter(d -> d.code().equals(dimensionCode))
                    .findFirst().orElseThrow();
            if (dimension.method() != Method.TARGET_RATIO) {
                throw byPeriod.fail("指标 " + dimension.name() + " 按 " + dimension.method().key() + " 计分，不使用目标值");
            }
            Map<String, Map<String, BigDecimal>> periods = new LinkedHashMap<>();
            for (Object periodKey : byPeriod.map().keySet()) {
                YamlNode perUnit = byPeriod.get(String.valueOf(periodKey));
                Period period;
                try {
                    period = Period.parse(String.valueOf(periodKey));
                } catch (IllegalArgumentException e) {
                    throw perUnit.fail(e.getMessage());
                }
                if (period.year() != year) {
                    throw perUnit.fail("期间 " + period.code() + " 不在方案年度 " + year + " 内");
                }
                Map<String, BigDecimal> values = new LinkedHashMap<>();
                for (Object unitKey : perUnit.map().keySet()) {
                    String unitCode = String.valueOf(unitKey);
                    if (!competition.participants().contains(unitCode)) {
                        throw perUnit.get(unitCode).fail("单位 '" + unitCode + "' 不参加" + competition.name() + "，不应有此目标");
                    }
                    values.put(unitCode, perUnit.get(unitCode).positive());
                }
                periods.put(period.code(), Map.copyOf(values));
            }
            result.put(dimensionCode, Map.copyOf(periods));
        }
        return Map.copyOf(result);
    }

    private static Map<Integer, String> quarterThemes(YamlNode node) {
        Map<Integer, String> themes = new LinkedHashMap<>();
        if (!node.isPresent()) {
            return themes;
        }
        for (Object key : node.map().keySet()) {
            String quarter = String.valueOf(key).trim().toUpperCase();
            if (!quarter.matches("Q[1-4]")) {
                throw node.get(String.valueOf(key)).fail("季度应写作 Q1 到 Q4");
            }
            themes.put(quarter.charAt(1) - '0', node.get(String.valueOf(key)).text());
        }
        return Map.copyOf(themes);
    }

    private static AwardRules awards(YamlNode node, List<Competition> competitions) {
        if (!node.isPresent()) {
            return AwardRules.none();
        }
        node.onlyKeys(AWARD_KEYS);
        for (String old : List.of("efficiency", "excellent_quota_increase", "work_funds")) {
            if (node.get(old).isPresent()) {
                throw node.get(old).fail("旧的写法，已不再使用。" + OLD_AWARDS_HINT);
            }
        }
        List<AwardRules.PointTier> tiers = new ArrayList<>();
        BigDecimal quota = BigDecimal.ZERO;
        List<BigDecimal> funds = new ArrayList<>();
        List<AwardRules.Prize> prizes = new ArrayList<>();
        Set<String> prizeCodes = new HashSet<>();
        YamlNode tiered = null;
        YamlNode byRank = null;
        if (node.get("prizes").isPresent()) {
            for (YamlNode p : node.get("prizes").list()) {
                p.onlyKeys(PRIZE_KEYS);
                if (!prizeCodes.add(p.get("code").text())) {
                    throw p.get("code").fail("奖项代码 '" + p.get("code").text() + "' 重复");
                }
                if (p.get("tiers").isPresent()) {
                    if (tiered != null) {
                        throw p.get("tiers").fail("只能有一个按档次加分的奖项（已有 " + tiered.get("code").text() + "）");
                    }
                    tiered = p;
                    only(p, Set.of("code", "name", "ranks", "tiers", "period_competitions"), "按档次加分的奖项（tiers）");
                    quota = pointTiers(p, competitions, tiers);
                } else if (p.get("amounts").isPresent()) {
                    if (byRank != null) {
                        throw p.get("amounts").fail("只能有一个按名次分档给金额的奖项（已有 " + byRank.get("code").text() + "）");
                    }
                    byRank = p;
                    only(p, Set.of("code", "name", "ranks", "amounts"), "按名次分档给金额的奖项（amounts）");
                    totalRanks(p);
                    for (YamlNode f : p.get("amounts").list()) {
                        funds.add(f.positive());
                    }
                    if (funds.isEmpty()) {
                        throw p.get("amounts").fail("至少需要第1名的金额");
                    }
                } else {
                    prizes.add(prize(p, competitions));
                }
            }
        }
        Set<AwardRules.Disqualifier> disqualify = new LinkedHashSet<>();
        if (node.get("disqualify").isPresent()) {
            for (YamlNode d : node.get("disqualify").list()) {
                if (!disqualify.add(d.enumValue(AwardRules.Disqualifier.class, null))) {
                    throw d.fail("取消评奖资格的情形 '" + d.value() + "' 重复");
                }
            }
        }
        if (!disqualify.isEmpty() && (tiered != null || byRank != null)) {
            YamlNode which = tiered != null ? tiered : byRank;
            throw which.fail("按档次加分（tiers）或按名次分档给金额（amounts）的奖项不适用取消评奖资格（disqualify）；"
                    + "需要取消资格、由下一名递补的奖项请写成 top + amount");
        }
        BigDecimal statementBelow = node.get("statement_below").isPresent() ? node.get("statement_below").positive() : null;
        return new AwardRules(List.copyOf(tiers), quota, List.copyOf(funds), prizes, disqualify, statementBelow);
    }

    private static void only(YamlNode p, Set<String> allowed, String what) {
        for (Object key : p.map().keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                throw p.get(String.valueOf(key)).fail(what + "不用此项，可用的有：" + String.join("、", allowed.stream().sorted().toList()));
            }
        }
    }

    private static void totalRanks(YamlNode p) {
        if (p.get("ranks").enumValue(AwardRules.Ranks.class, null) != AwardRules.Ranks.TOTAL) {
            throw p.get("ranks").fail("按档次加分或按名次分档给金额的奖项按全年总排名评出，应为 ranks: total");
        }
    }

    /**
     * A prize of point tiers (R-AWARD-1): the first tier whose annual rank ({@code top}) and period ranks
     * ({@code every_period_top}, in every period of every competition named in {@code period_competitions}, default
     * all that run monthly or quarterly) a unit meets is granted. Returns the 优秀 share the first tier adds.
     */
    private static BigDecimal pointTiers(YamlNode p, List<Competition> competitions, List<AwardRules.PointTier> tiers) {
        totalRanks(p);
        Set<String> named = new LinkedHashSet<>();
        YamlNode pc = p.get("period_competitions");
        if (pc.isPresent()) {
            for (YamlNode c : pc.list()) {
                String code = c.text();
                Competition comp = competitions.stream().filter(x -> x.code().equals(code)).findFirst()
                        .orElseThrow(() -> c.fail("没有代码为 '" + code + "' 的比拼"));
                if (comp.cycle() != Cycle.MONTHLY && comp.cycle() != Cycle.QUARTERLY) {
                    throw c.fail("比拼 " + comp.name() + " 不按月或按季排名，不能作为各期排名的条件");
                }
                named.add(code);
            }
        }
        BigDecimal quota = BigDecimal.ZERO;
        List<YamlNode> list = p.get("tiers").list();
        if (list.isEmpty()) {
            throw p.get("tiers").fail("至少需要一档");
        }
        for (int i = 0; i < list.size(); i++) {
            YamlNode t = list.get(i);
            t.onlyKeys(TIER_KEYS);
            tiers.add(new AwardRules.PointTier(t.get("points").positive().intValueExact(),
                    t.get("every_period_top").positive().intValueExact(), t.get("top").positive().intValueExact(),
                    named));
            YamlNode b = t.get("benefits");
            if (b.isPresent()) {
                b.onlyKeys(Set.of("excellent_quota"));
                if (i > 0) {
                    throw b.fail("年度考核优秀比例只随第一档给予");
                }
                quota = b.get("excellent_quota").share();
            }
        }
        return quota;
    }

    /** One prize: what it ranks, how many win (per competition when it ranks competitions) and the amount. */
    private static AwardRules.Prize prize(YamlNode p, List<Competition> competitions) {
        only(p, Set.of("code", "name", "ranks", "top", "top_by_competition", "amount"), "取前N名、每名同一金额的奖项（top + amount）");
        AwardRules.Ranks ranks = p.get("ranks").enumValue(AwardRules.Ranks.class, null);
        int top = p.get("top").isPresent() ? p.get("top").positiveInteger() : 3;
        Map<String, Integer> byCompetition = new LinkedHashMap<>();
        YamlNode per = p.get("top_by_competition");
        if (per.isPresent()) {
            if (ranks != AwardRules.Ranks.COMPETITIONS) {
                throw per.fail("只有按比拼（ranks: competitions）评出的奖项才能逐项规定名额");
            }
            for (Object key : per.map().keySet()) {
                String code = String.valueOf(key);
                if (competitions.stream().noneMatch(c -> c.code().equals(code))) {
                    throw per.get(code).fail("没有代码为 '" + code + "' 的比拼");
                }
                byCompetition.put(code, per.get(code).positiveInteger());
            }
        }
        return new AwardRules.Prize(p.get("code").text(), p.get("name").text(), ranks, top, byCompetition,
                p.get("amount").positive());
    }

    /** A {@code recipients:} list, the scheme's or a feature's own: name and email each. */
    public static List<Recipient> recipients(YamlNode node) {
        List<Recipient> result = new ArrayList<>();
        for (YamlNode r : node.list()) {
            r.onlyKeys(Set.of("name", "email"));
            String email = r.get("email").text();
            if (!email.matches("[^@\\s]+@[^@\\s]+")) {
                throw r.get("email").fail("邮箱地址 '" + email + "' 格式不对");
            }
            result.add(new Recipient(r.get("name").text(), email));
        }
        return List.copyOf(result);
    }
}
