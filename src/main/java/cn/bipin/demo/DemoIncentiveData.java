package cn.bipin.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The enterprise data of the full-year demo (附件1 二): about seventy enterprises of 金凤区 with plausible names and
 * valid unified social credit codes, the district's state-owned companies (excluded from INC-1), buildings, projects,
 * referrals and agricultural operators. Most rules award something; some subjects sit exactly on a threshold
 * (以上/达到 include it, 超过 does not, D7) and some just below; three rows are typed wrong, so the list's
 * rejected-rows file has something to show.
 *
 * <p>Who the subjects are and the figures that decide a rule are data, in {@code demo/incentives/} (featured
 * enterprises and filler names in {@code enterprises.yaml}, one CSV per other kind); what is drawn from the fixed seed
 * — credit codes, the fillers and their figures — and what follows from the figures is here. Rows are maps from the
 * templates' column titles (see {@code cn.bipin.incentive.Entity}) to values: strings, {@link BigDecimal} amounts in
 * 元 and rates as fractions (0.85 = 85%), {@link LocalDate}s and {@link Boolean} flags. The same year gives the same
 * data.
 */
final class DemoIncentiveData {

    // the templates' column titles
    static final String CODE = "统一社会信用代码";
    static final String NAME = "企业名称";
    static final String INDUSTRY = "行业";
    static final String SOE = "区属国有企业";
    static final String REGISTERED = "注册日期";
    static final String ABOVE_SCALE = "四上企业";
    static final String ABOVE_SCALE_SINCE = "纳入四上日期";
    static final String REVENUE = "本年营业收入";
    static final String REVENUE_LAST = "上年营业收入";
    static final String CONTRIBUTION = "本年辖区经济贡献";
    static final String CONTRIBUTION_LAST = "上年辖区经济贡献";
    static final String TAX_GRADE = "纳税信用等级";
    static final String TAX = "区级纳税贡献";
    static final String TAX_GROWTH = "纳税同比增速";
    static final String RETAIL = "本季度商品零售额";
    static final String RETAIL_LAST = "上年同季度商品零售额";
    static final String ATTRACTED = "招商引资企业";
    static final String ABOVE_LIMIT = "纳入限额以上统计";
    static final String QUALIFICATION = "建筑业资质";
    static final String CONSTRUCTION_MAIN = "营业执照前三项为建筑业";
    static final String IN_STATISTICS = "已入统计库";
    static final String OUTPUT = "当年产值";

    /** The data kinds by the templates' file-name prefix (the kind's label in {@code Entity}). */
    static final String ENTERPRISES = "企业";
    static final String BUILDINGS = "楼宇";
    static final String PROJECTS = "项目";
    static final String REFERRALS = "招商推荐";
    static final String AGRI = "农业经营主体";

    private static final String FILES = "incentives/";
    /** Scratch key: a firm's tax as a share of its contribution, until {@link #deriveFigures}. */
    private static final String TAX_SHARE = "_tax_share";
    /** Scratch key: a project's investment in Q2, Q3 and Q4, taken out before the annual file is written. */
    private static final String QUARTERS = "_quarters";
    private static final long SEED = 20240601L;
    /** 银川市金凤区; the district's firms also register in the city (640100) and the region (640000). */
    private static final String DISTRICT = "640106";

    private final int year;
    private final Random random = new Random(SEED);
    private final DemoCreditCodes codes = new DemoCreditCodes(random);
    private final List<Map<String, Object>> enterprises = new ArrayList<>();
    private final Map<String, Map<String, Object>> byName = new LinkedHashMap<>();

    /** The projects with their quarterly investment under {@link #QUARTERS}, for {@link #quarter}. */
    private final List<Map<String, Object>> projects;
    private final Map<String, List<Map<String, Object>>> annual;

    DemoIncentiveData(int year) {
        this.year = year;
        Map<String, Object> file = DemoResources.yaml(FILES + "enterprises.yaml");
        featuredEnterprises(list(file.get("featured")));
        fillerEnterprises(map(file.get("fillers")), ((Number) file.get("total")).intValue());
        deriveFigures();
        projects = projects();
        annual = buildAnnual();
    }

    // ------------------------------------------------------------------------------------------------ annual

    /** The year's five data kinds, by file-name prefix. */
    Map<String, List<Map<String, Object>>> annual() {
        return annual;
    }

    private Map<String, List<Map<String, Object>>> buildAnnual() {
        Map<String, List<Map<String, Object>>> kinds = new LinkedHashMap<>();
        List<Map<String, Object>> firms = new ArrayList<>();
        for (Map<String, Object> e : enterprises) {
            Map<String, Object> row = new LinkedHashMap<>(e);
            row.remove(RETAIL);
            row.remove(RETAIL_LAST);
            firms.add(row);
        }
        // two rows typed wrong: a code copied with the last character wrong, a revenue with a letter O for a zero
        Map<String, Object> typo = firms.get(firms.size() - 4);
        typo.put(CODE, DemoCreditCodes.wrongCheckDigit((String) typo.get(CODE)));
        firms.get(firms.size() - 9).put(REVENUE, "12,3O0");
        kinds.put(ENTERPRISES, firms);
        kinds.put(BUILDINGS, buildings());
        List<Map<String, Object>> annualProjects = new ArrayList<>();
        for (Map<String, Object> p : projects) {
            Map<String, Object> row = new LinkedHashMap<>(p);
            row.remove(QUARTERS);
            annualProjects.add(row);
        }
        kinds.put(PROJECTS, annualProjects);
        kinds.put(REFERRALS, referrals());
        kinds.put(AGRI, agri());
        return kinds;
    }

    /**
     * The enterprises that make a rule fire or just miss it, in the file's order: each gets ordinary figures drawn
     * from the seed, then the file's values and generated figures overwrite them, key by key.
     */
    private void featuredEnterprises(List<Object> featured) {
        for (Object o : featured) {
            Map<String, Object> entry = map(o);
            Object division = entry.getOrDefault("division", DISTRICT);
            Firm f = firm((String) entry.get(NAME), String.valueOf(division), '1', (String) entry.get(INDUSTRY));
            entry.forEach((key, value) -> {
                switch (key) {
                    case NAME, INDUSTRY, "division" -> {
                    }
                    case "figures" -> {
                        List<Object> v = list(value);
                        f.figures(whole(v.get(0)), whole(v.get(1)), whole(v.get(2)), whole(v.get(3)));
                    }
                    case "retail" -> {
                        List<Object> v = list(value);
                        f.retail(whole(v.get(0)), fraction(v.get(1)), fraction(v.get(2)), fraction(v.get(3)));
                    }
                    case "construction" -> {
                        Map<String, Object> c = map(value);
                        f.newConstruction((LocalDate) DemoResources.value(c.get("registered"), year),
                                (String) c.get("qualification"), whole(c.get("output")));
                    }
                    default -> f.set(key, DemoResources.value(value, year));
                }
            });
        }
    }

    /**
     * What follows from the final figures unless set: tax as a share of the district contribution, output from
     * revenue.
     */
    private void deriveFigures() {
        for (Map<String, Object> e : enterprises) {
            double share = (Double) e.remove(TAX_SHARE);
            if (!e.containsKey(TAX) && e.get(CONTRIBUTION) instanceof BigDecimal c) {
                e.put(TAX, BigDecimal.valueOf(Math.round(c.doubleValue() * share / 100) * 100));
            }
            if (!e.containsKey(OUTPUT) && e.get(REVENUE) instanceof BigDecimal r) {
                e.put(OUTPUT, BigDecimal.valueOf(Math.round(r.doubleValue() * 1.05 / 10_000) * 10_000));
            }
        }
    }

    /**
     * The rest of the district's enterprises, up to {@code total}: names from the file's places and trades, ordinary
     * figures, growth below INC-1's bar, tax for INC-11.
     */
    private void fillerEnterprises(Map<String, Object> fillers, int total) {
        List<String> places = texts(fillers.get("places"));
        List<List<String>> trades = new ArrayList<>();
        list(fillers.get("trades")).forEach(t -> trades.add(texts(t)));
        Set<String> names = new HashSet<>(byName.keySet());
        while (enterprises.size() < total) {
            List<String> trade = trades.get(random.nextInt(trades.size()));
            String place = places.get(random.nextInt(places.size()));
            String prefix = random.nextInt(3) == 0 ? "银川" : "宁夏";
            String name = prefix + place + trade.get(1 + random.nextInt(3))
                    + (random.nextInt(5) == 0 ? "有限责任公司" : "有限公司");
            if (!names.add(name)) {
                continue;
            }
            Firm f = firm(name, random.nextInt(4) == 0 ? "640100" : DISTRICT, '1', trade.get(0));
            if (random.nextInt(3) == 0) {
                int quarterEnd = 3 * (1 + random.nextInt(4));
                f.aboveScale(LocalDate.of(2012 + random.nextInt(year - 2012), quarterEnd, 1).plusMonths(1).minusDays(1));
            }
            if (trade.get(0).equals("批发和零售业") || trade.get(0).equals("住宿和餐饮业")) {
                f.retail(2_000_000 + 500_000 * random.nextInt(40), growth(), growth(), growth());
            }
        }
    }

    /** A filler's quarterly retail growth: −10% to +25%. */
    private double growth() {
        return Math.round((-0.10 + 0.35 * random.nextDouble()) * 1000) / 1000.0;
    }

    /** An enterprise with ordinary figures drawn from the seed, to be adjusted by the caller. */
    private Firm firm(String name, String division, char kind, String industry) {
        Firm f = new Firm(new LinkedHashMap<>());
        f.set(CODE, codes.next(division, '9', kind)).set(NAME, name).set(INDUSTRY, industry).set(SOE, false)
                .set(REGISTERED, LocalDate.of(2006 + random.nextInt(year - 2006), 1 + random.nextInt(12),
                        1 + random.nextInt(28)))
                .set(ABOVE_SCALE, false);
        double size = Math.pow(10, 6.5 + 2 * random.nextDouble()); // revenue 3 million to 300 million
        long revenueLast = Math.round(size / 10_000) * 10_000;
        long revenue = Math.round(revenueLast * (0.9 + 0.25 * random.nextDouble()) / 10_000) * 10_000;
        long contributionLast = Math.round(revenueLast * (0.04 + 0.06 * random.nextDouble()) / 1_000) * 1_000;
        long contribution = Math.round(contributionLast * (0.88 + 0.30 * random.nextDouble()) / 1_000) * 1_000;
        f.figures(revenue, revenueLast, contribution, contributionLast);
        int g = random.nextInt(10);
        f.set(TAX_GRADE, g < 4 ? "A" : g < 8 ? "B" : g < 9 ? "M" : "C").set(TAX_SHARE, 0.45 + 0.3 * random.nextDouble())
                .rate(TAX_GROWTH, Math.round((-0.15 + 0.40 * random.nextDouble()) * 1000) / 1000.0);
        f.set(ATTRACTED, false).set(ABOVE_LIMIT, random.nextInt(3) == 0).set(QUALIFICATION, "无")
                .set(CONSTRUCTION_MAIN, false).set(IN_STATISTICS, true);
        enterprises.add(f.row());
        byName.put(name, f.row());
        return f;
    }

    /** An enterprise row being built. */
    private final class Firm {
        private final Map<String, Object> row;

        Firm(Map<String, Object> row) {
            this.row = row;
        }

        Map<String, Object> row() {
            return row;
        }

        Firm set(String column, Object value) {
            row.put(column, value);
            return this;
        }

        Firm money(String column, long yuan) {
            return set(column, BigDecimal.valueOf(yuan));
        }

        Firm rate(String column, double fraction) {
            return set(column, BigDecimal.valueOf(fraction));
        }

        Firm aboveScale(LocalDate since) {
            return set(ABOVE_SCALE, true).set(ABOVE_SCALE_SINCE, since);
        }

        /** A construction firm; one registered this year has no figures for last year. */
        Firm newConstruction(LocalDate registered, String qualification, long output) {
            set(REGISTERED, registered).set(QUALIFICATION, qualification).set(CONSTRUCTION_MAIN, true)
                    .set(IN_STATISTICS, true).money(OUTPUT, output)
                    .money(REVENUE, round(output * 0.92, 10_000)).money(CONTRIBUTION, round(output * 0.03, 1_000));
            if (registered.getYear() == year) {
                row.remove(REVENUE_LAST);
                row.remove(CONTRIBUTION_LAST);
                row.remove(TAX_GROWTH);
            } else {
                money(REVENUE_LAST, round(output * 0.85, 10_000)).money(CONTRIBUTION_LAST, round(output * 0.027, 1_000));
            }
            return this;
        }

        /** Revenue and contribution of this year and last. */
        Firm figures(long revenue, long revenueLast, long contribution, long contributionLast) {
            return money(REVENUE, revenue).money(REVENUE_LAST, revenueLast).money(CONTRIBUTION, contribution)
                    .money(CONTRIBUTION_LAST, contributionLast);
        }

        /**
         * Retail sales of the year's second quarter last year, and this year's growth in Q2, Q3 and Q4; the year's
         * revenue and contribution follow from them.
         */
        Firm retail(long q2Last, double q2, double q3, double q4) {
            row.put(RETAIL_LAST, q2Last);
            row.put(RETAIL, new double[] {q2, q3, q4});
            long revenueLast = round(q2Last * 4.3, 10_000);
            long revenue = round(revenueLast * (1 + (q2 + q3 + q4) / 3), 10_000);
            return figures(revenue, revenueLast, round(revenue * 0.025, 1_000), round(revenueLast * 0.025, 1_000));
        }
    }

    // ------------------------------------------------------------------------------------------------ quarters

    /** A quarter's data (2 = Q2 … 4 = Q4): the retailers' sales (INC-12) and the projects' investment (INC-8). */
    Map<String, List<Map<String, Object>>> quarter(int quarter) {
        Map<String, List<Map<String, Object>>> kinds = new LinkedHashMap<>();
        List<Map<String, Object>> firms = new ArrayList<>();
        double[] season = {0.92, 1.0, 1.06, 1.31}; // Q1 … Q4: the year-end shopping season
        int q = Math.min(2, Math.max(0, quarter - 2)); // the data has Q2–Q4; a scheme starting earlier reuses Q2's
        for (Map<String, Object> e : enterprises) {
            if (!(e.get(RETAIL) instanceof double[] growth)) {
                continue;
            }
            long base = (Long) e.get(RETAIL_LAST);
            long last = Math.round(base * season[quarter - 1] / 1_000) * 1_000;
            long now = Math.round(last * (1 + growth[q]));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put(CODE, e.get(CODE));
            row.put(NAME, e.get(NAME));
            row.put(INDUSTRY, e.get(INDUSTRY));
            row.put(RETAIL, BigDecimal.valueOf(now));
            row.put(RETAIL_LAST, BigDecimal.valueOf(last));
            firms.add(row);
        }
        if (quarter == 3 && firms.size() > 1) {
            firms.add(new LinkedHashMap<>(firms.get(1))); // a row pasted twice
        }
        kinds.put(ENTERPRISES, firms);
        List<Map<String, Object>> investment = new ArrayList<>();
        for (Map<String, Object> p : projects) {
            if (p.get(QUARTERS) instanceof long[] amounts && amounts[q] > 0) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (String column : List.of("项目编号", "项目名称", "项目单位统一社会信用代码", "项目单位名称", "社会投资类项目")) {
                    row.put(column, p.get(column));
                }
                row.put("本季度完成固定资产投资", BigDecimal.valueOf(amounts[q]));
                investment.add(row);
            }
        }
        kinds.put(PROJECTS, investment);
        return kinds;
    }

    // ------------------------------------------------------------------------------------------------ other kinds

    /** INC-3 to INC-6; the operator's code is the named demo enterprise's. */
    private List<Map<String, Object>> buildings() {
        return table("buildings.csv", (row, cells) -> row.put("运营企业统一社会信用代码", code((String) row.get("运营企业名称"))));
    }

    /**
     * INC-7 to INC-9; the owner's code is the named demo enterprise's. Each project keeps its investment in Q2, Q3
     * and Q4 (columns {@code q2_investment} …) for the quarterly files.
     */
    private List<Map<String, Object>> projects() {
        return table("projects.csv", (row, cells) -> {
            row.put("项目单位统一社会信用代码", code((String) row.get("项目单位名称")));
            row.put(QUARTERS, new long[] {Long.parseLong(cells.get("q2_investment")),
                    Long.parseLong(cells.get("q3_investment")), Long.parseLong(cells.get("q4_investment"))});
        });
    }

    /**
     * INC-2: a new code for each newcomer; the referrer's code is the named demo enterprise's unless the file gives
     * one (a person's resident identity number).
     */
    private List<Map<String, Object>> referrals() {
        return table("referrals.csv", (row, cells) -> {
            row.put("新入驻企业统一社会信用代码", codes.next(DISTRICT, '9', '1'));
            String referrer = cells.get("招引企业信用代码或个人身份证号");
            row.put("招引企业信用代码或个人身份证号",
                    referrer.isEmpty() ? code((String) row.get("招引企业或个人名称")) : referrer);
        });
    }

    /** INC-15: a new code for each operator, of the kind in column {@code org_kind} (1 企业, 2 个体工商户, 3 合作社). */
    private List<Map<String, Object>> agri() {
        return table("agri.csv", (row, cells) -> row.put(CODE, codes.next(DISTRICT, '9', cells.get("org_kind").charAt(0))));
    }

    /**
     * A CSV file's rows as template rows: every column but the note and the columns {@code complete} reads
     * ({@code q2_investment}, {@code org_kind}), typed as a clerk would type them; {@code complete} then fills in
     * what is generated, given the row and the file's cells.
     */
    private List<Map<String, Object>> table(String file, BiConsumer<Map<String, Object>, Map<String, String>> complete) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, String> cells : DemoResources.csv(FILES + file)) {
            Map<String, Object> row = new LinkedHashMap<>();
            cells.forEach((column, cell) -> {
                if (!column.equals(DemoResources.NOTE) && !column.matches("[a-z0-9_]+")) {
                    row.put(column, DemoResources.value(cell, year));
                }
            });
            complete.accept(row, cells);
            rows.add(row);
        }
        return rows;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private String code(String enterprise) {
        Map<String, Object> row = byName.get(enterprise);
        if (row == null) {
            throw new IllegalArgumentException("演示数据中没有企业 " + enterprise);
        }
        return (String) row.get(CODE);
    }

    private static long round(double v, long unit) {
        return Math.round(v / unit) * unit;
    }

    private static long whole(Object yaml) {
        return ((Number) yaml).longValue();
    }

    private static double fraction(Object yaml) {
        return ((Number) yaml).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object yaml) {
        return (Map<String, Object>) yaml;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object yaml) {
        return (List<Object>) yaml;
    }

    private static List<String> texts(Object yaml) {
        return list(yaml).stream().map(String::valueOf).toList();
    }
}
