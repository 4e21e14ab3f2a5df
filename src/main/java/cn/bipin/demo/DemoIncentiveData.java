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

import cn.bipin.incentive.CreditCode;

/**
 * The enterprise data of the full-year demo (附件1 二): about sixty enterprises of 金凤区 with plausible names and
 * valid unified social credit codes (GB 32100, with the organisation code's own GB 11714 check character), the
 * district's state-owned companies (excluded from INC-1), buildings, projects, referrals and agricultural operators.
 * Most rules award something; some subjects sit exactly on a threshold (以上/达到 include it, 超过 does not, D7) and
 * some just below; three rows are typed wrong, so the list's rejected-rows file has something to show.
 *
 * <p>Rows are maps from the templates' column titles (see {@code cn.bipin.incentive.Entity}) to values: strings,
 * {@link BigDecimal} amounts in 元 and rates as fractions (0.85 = 85%), {@link LocalDate}s and {@link Boolean} flags.
 * Everything is drawn from one fixed seed: the same year gives the same data.
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

    /** Scratch key: a firm's tax as a share of its contribution, until {@link #deriveFigures}. */
    private static final String TAX_SHARE = "_tax_share";
    private static final long SEED = 20240601L;
    /** 银川市金凤区; the district's firms also register in the city (640100) and the region (640000). */
    private static final String DISTRICT = "640106";
    private static final String ORG_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private final int year;
    private final Random random = new Random(SEED);
    private final Set<String> codes = new HashSet<>();
    private final List<Map<String, Object>> enterprises = new ArrayList<>();
    private final Map<String, Map<String, Object>> byName = new LinkedHashMap<>();

    /** The projects with their quarterly investment under {@code quarters}, for {@link #quarter}. */
    private final List<Map<String, Object>> projects;
    private final Map<String, List<Map<String, Object>>> annual;

    DemoIncentiveData(int year) {
        this.year = year;
        featuredEnterprises();
        fillerEnterprises();
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
        typo.put(CODE, wrongCheckDigit((String) typo.get(CODE)));
        firms.get(firms.size() - 9).put(REVENUE, "12,3O0");
        kinds.put(ENTERPRISES, firms);
        kinds.put(BUILDINGS, buildings());
        List<Map<String, Object>> annualProjects = new ArrayList<>();
        for (Map<String, Object> p : projects) {
            Map<String, Object> row = new LinkedHashMap<>(p);
            row.remove("quarters");
            annualProjects.add(row);
        }
        kinds.put(PROJECTS, annualProjects);
        kinds.put(REFERRALS, referrals());
        kinds.put(AGRI, agri());
        return kinds;
    }

    /**
     * Enterprises, each with a few figures that decide the year's rules: INC-1 (service growth), INC-10 (first year
     * as a 四上 enterprise), INC-11 (tax; most figures come from the fillers), INC-13 (attracted, above the trade
     * limit), INC-14 (new construction firms).
     */
    private void featuredEnterprises() {
        // INC-1 服务业扩增提速
        firm("宁夏塞上检验检测技术有限公司", DISTRICT, '1', "科学研究和技术服务")
                .figures(86_400_000, 71_200_000, 6_480_000, 5_100_000);
        firm("银川阅海企业管理咨询有限公司", DISTRICT, '1', "商务服务") // exactly 20% more (达到: included)
                .figures(42_000_000, 35_500_000, 3_300_000, 2_750_000)
                .set(ATTRACTED, true).set(ABOVE_LIMIT, true); // 商务服务 is not one of INC-13's trade industries
        firm("宁夏凤城职业技能培训学校有限公司", DISTRICT, '1', "教育")
                .figures(12_600_000, 11_800_000, 980_000, 760_000);
        firm("银川市金凤区康宁医院管理有限公司", DISTRICT, '1', "卫生") // 5% is over the cap
                .figures(210_000_000, 168_000_000, 24_600_000, 16_900_000);
        firm("宁夏贺兰山生态环境科技有限公司", DISTRICT, '1', "科学研究和技术服务") // 19.9%: just below
                .figures(31_500_000, 27_900_000, 4_796_000, 4_000_000);
        firm("宁夏宁安口腔医院有限公司", DISTRICT, '1', "卫生") // revenue fell
                .figures(15_000_000, 15_800_000, 1_250_000, 1_000_000);
        // the district's own companies: excluded from INC-1 however much they grow
        firm("银川市金凤区城市建设投资发展集团有限公司", DISTRICT, '1', "商务服务").set(SOE, true)
                .figures(380_000_000, 320_000_000, 28_000_000, 21_000_000)
                .date(REGISTERED, LocalDate.of(2009, 4, 16));
        firm("银川市金凤区国有资本运营管理有限公司", DISTRICT, '1', "商务服务").set(SOE, true)
                .figures(96_000_000, 88_000_000, 7_600_000, 6_100_000)
                .date(REGISTERED, LocalDate.of(2016, 9, 1));

        // INC-10 纳规入库
        firm("宁夏数智云信息技术有限公司", DISTRICT, '1', "信息传输、软件和信息技术服务业")
                .aboveScale(LocalDate.of(year, 3, 31))
                .figures(52_000_000, 36_000_000, 2_900_000, 1_800_000); // not a service industry of INC-1
        firm("宁夏六盘山新材料科技有限公司", "640100", '1', "制造业").aboveScale(LocalDate.of(year - 1, 12, 31));

        // INC-13 商贸服务入限 (and INC-10)
        firm("银川丝路优选商贸有限公司", DISTRICT, '1', "批发和零售业").aboveScale(LocalDate.of(year, 6, 30))
                .set(ATTRACTED, true).set(ABOVE_LIMIT, true).retail(18_000_000, 0.31, 0.22, 0.099);
        firm("宁夏鸣翠湖餐饮管理有限公司", DISTRICT, '1', "住宿和餐饮业").aboveScale(LocalDate.of(year, 9, 30))
                .set(ATTRACTED, true).set(ABOVE_LIMIT, true).retail(6_500_000, 0.10, 0.18, 0.26);
        firm("宁夏悦家家政服务有限公司", DISTRICT, '1', "居民服务业").set(ATTRACTED, true).set(ABOVE_LIMIT, true);
        firm("宁夏金沙湾酒店管理有限公司", DISTRICT, '1', "住宿和餐饮业").set(ATTRACTED, true).set(ABOVE_LIMIT, false)
                .retail(9_200_000, -0.05, 0.15, 0.30);
        firm("宁夏新百汇购物中心有限公司", "640100", '1', "批发和零售业")
                .retail(120_000_000, 0.28, 0.35, 0.12);
        firm("银川凤城优品超市连锁有限公司", DISTRICT, '1', "批发和零售业").retail(42_000_000, 0.21, 0.08, 0.17);
        firm("宁夏塞上粮油贸易有限公司", DISTRICT, '1', "批发和零售业").retail(26_000_000, 0.04, 0.12, 0.095);
        firm("宁夏凤凰城百货有限公司", "640100", '1', "批发和零售业").retail(35_000_000, 0.12, 0.19, 0.205);
        firm("银川阅海湾奥特莱斯商业有限公司", DISTRICT, '1', "批发和零售业").retail(88_000_000, 0.36, 0.05, 0.30);
        firm("宁夏老银川餐饮连锁有限公司", DISTRICT, '1', "住宿和餐饮业").retail(4_800_000, 0.335, 0.21, -0.02);
        firm("宁夏宁安医药连锁有限公司", DISTRICT, '1', "批发和零售业").retail(15_500_000, 0.085, 0.11, 0.14);

        // INC-14 建筑业 (and INC-10)
        firm("宁夏嘉禾建设工程有限公司", DISTRICT, '1', "建筑业").newConstruction(LocalDate.of(year, 2, 26), "总承包", 46_800_000)
                .aboveScale(LocalDate.of(year, 12, 31));
        firm("宁夏朔方路桥工程有限公司", DISTRICT, '1', "建筑业") // exactly 30,000,000 (以上: included)
                .newConstruction(LocalDate.of(year, 5, 13), "专业承包", 30_000_000);
        firm("宁夏黄河水利水电工程有限公司", "640000", '1', "建筑业") // 29,600,000: just below
                .newConstruction(LocalDate.of(year, 4, 8), "总承包", 29_600_000);
        firm("宁夏贺兰山建筑安装工程有限公司", DISTRICT, '1', "建筑业") // registered years ago
                .newConstruction(LocalDate.of(2021, 7, 1), "总承包", 58_000_000);
        firm("宁夏锦绣装饰工程有限公司", DISTRICT, '1', "建筑业") // no contracting qualification
                .newConstruction(LocalDate.of(year, 3, 18), "无", 31_200_000);

        // INC-11 纳税贡献: the near misses (the winners come from the whole field)
        firm("宁夏银凤乳业有限公司", "640100", '1', "制造业").figures(420_000_000, 401_000_000, 15_600_000, 14_900_000)
                .set(TAX_GRADE, "A").money(TAX, 9_800_000)
                .rate(TAX_GROWTH, 0.099); // 9.9%: just below
        firm("宁夏恒通汽车销售服务有限公司", DISTRICT, '1', "批发和零售业")
                .figures(610_000_000, 540_000_000, 14_200_000, 12_000_000).set(TAX_GRADE, "M").money(TAX, 8_600_000)
                .rate(TAX_GROWTH, 0.24); // grade M
        firm("宁夏沙湖文化旅游发展有限公司", DISTRICT, '1', "文化、体育和娱乐业").figures(3_200_000, 2_600_000, 120_000, 95_000)
                .set(TAX_GRADE, "A").money(TAX, 60_000)
                .rate(TAX_GROWTH, 0.35); // far down the ranking
        firm("宁夏中卫云计算服务有限公司", "640000", '1', "信息传输、软件和信息技术服务业")
                .figures(260_000_000, 228_000_000, 19_800_000, 17_500_000).set(TAX_GRADE, "A")
                .money(TAX, 12_400_000).rate(TAX_GROWTH, 0.10); // exactly 10% (达到: included)

        // building operators, project owners and referrers
        firm("宁夏阅海湾商务楼宇运营有限公司", DISTRICT, '1', "房地产业");
        firm("宁夏凤凰科创园区管理有限公司", DISTRICT, '1', "商务服务");
        firm("宁夏会展物业服务有限公司", DISTRICT, '1', "房地产业");
        firm("宁夏数字经济产业园发展有限公司", DISTRICT, '1', "商务服务");
        firm("宁夏黄河总部经济投资有限公司", "640100", '1', "商务服务");
        firm("宁夏满城文创产业发展有限公司", DISTRICT, '1', "文化、体育和娱乐业");
        firm("宁夏塞上新能源装备制造有限公司", DISTRICT, '1', "制造业");
        firm("宁夏冷链物流产业园有限公司", DISTRICT, '1', "交通运输、仓储和邮政业");
        firm("宁夏阅海湾数据科技有限公司", DISTRICT, '1', "信息传输、软件和信息技术服务业");
        firm("宁夏艾依河文旅酒店投资有限公司", DISTRICT, '1', "住宿和餐饮业");
        firm("宁夏艾依河智慧农业装备有限公司", "640000", '1', "制造业");
        firm("宁夏金凤纺织新材料有限公司", DISTRICT, '1', "制造业");
        firm("宁夏丰登仓储服务有限公司", DISTRICT, '1', "交通运输、仓储和邮政业");
        firm("宁夏良田商业管理有限公司", DISTRICT, '1', "商务服务");
        firm("宁夏宁安大街商业综合体开发有限公司", DISTRICT, '1', "房地产业");
    }

    private static final String[] PLACES = {"凤城", "阅海", "宁安", "黄河", "西夏", "六盘", "鸣翠", "金沙", "丝路", "朔方",
            "贺兰", "艾依", "凤凰", "良田", "丰登", "塞北", "长城", "汇通", "宏远", "瑞丰", "嘉和", "华泰", "恒信", "鑫源"};
    private static final String[][] TRADES = {
            {"信息传输、软件和信息技术服务业", "信息技术", "软件科技", "网络科技"},
            {"批发和零售业", "商贸", "贸易", "医药连锁"},
            {"制造业", "机械制造", "新材料", "食品"},
            {"住宿和餐饮业", "餐饮管理", "酒店管理", "餐饮连锁"},
            {"交通运输、仓储和邮政业", "物流", "供应链管理", "运输"},
            {"科学研究和技术服务", "工程设计", "检测技术", "环境技术"},
            {"商务服务", "企业管理", "人力资源服务", "广告"},
            {"房地产业", "物业服务", "置业", "房地产经纪"},
            {"文化、体育和娱乐业", "文化传媒", "体育发展", "影视"},
            {"金融业", "融资担保", "小额贷款", "融资租赁"},
    };

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

    /** The rest of the district's enterprises: ordinary figures, growth below INC-1's bar, tax for INC-11. */
    private void fillerEnterprises() {
        Set<String> names = new HashSet<>(byName.keySet());
        while (enterprises.size() < 68) {
            String[] trade = TRADES[random.nextInt(TRADES.length)];
            String place = PLACES[random.nextInt(PLACES.length)];
            String prefix = random.nextInt(3) == 0 ? "银川" : "宁夏";
            String name = prefix + place + trade[1 + random.nextInt(3)] + (random.nextInt(5) == 0 ? "有限责任公司" : "有限公司");
            if (!names.add(name)) {
                continue;
            }
            Firm f = firm(name, random.nextInt(4) == 0 ? "640100" : DISTRICT, '1', trade[0]);
            if (random.nextInt(3) == 0) {
                int quarterEnd = 3 * (1 + random.nextInt(4));
                f.aboveScale(LocalDate.of(2012 + random.nextInt(year - 2012), quarterEnd, 1).plusMonths(1).minusDays(1));
            }
            if (trade[0].equals("批发和零售业") || trade[0].equals("住宿和餐饮业")) {
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
        f.set(CODE, creditCode(division, '9', kind)).set(NAME, name).set(INDUSTRY, industry).set(SOE, false)
                .date(REGISTERED, LocalDate.of(2006 + random.nextInt(year - 2006), 1 + random.nextInt(12),
                        1 + random.nextInt(28)))
                .set(ABOVE_SCALE, false);
        double size = Math.pow(10, 6.5 + 2 * random.nextDouble()); // revenue 3 million to 300 million
        long revenueLast = Math.round(size / 10_000) * 10_000;
        long revenue = Math.round(revenueLast * (0.9 + 0.25 * random.nextDouble()) / 10_000) * 10_000;
        long contributionLast = Math.round(revenueLast * (0.04 + 0.06 * random.nextDouble()) / 1_000) * 1_000;
        long contribution = Math.round(contributionLast * (0.88 + 0.30 * random.nextDouble()) / 1_000) * 1_000;
        f.money(REVENUE, revenue).money(REVENUE_LAST, revenueLast).money(CONTRIBUTION, contribution)
                .money(CONTRIBUTION_LAST, contributionLast);
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

        Firm date(String column, LocalDate date) {
            return set(column, date);
        }

        Firm aboveScale(LocalDate since) {
            return set(ABOVE_SCALE, true).date(ABOVE_SCALE_SINCE, since);
        }

        /** A construction firm; one registered this year has no figures for last year. */
        Firm newConstruction(LocalDate registered, String qualification, long output) {
            date(REGISTERED, registered).set(QUALIFICATION, qualification).set(CONSTRUCTION_MAIN, true)
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
            if (p.get("quarters") instanceof long[] amounts && amounts[q] > 0) {
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

    // ------------------------------------------------------------------------------------------------ buildings

    /** INC-3 to INC-6; the last row has its occupancy typed as 92 instead of 92%. */
    private List<Map<String, Object>> buildings() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(building("JF-LY-001", "阅海湾金融中心A座", "宁夏阅海湾商务楼宇运营有限公司", true, 0.93, 0.96, 0.78,
                128_500_000, true, 0.975, 0)); // INC-3, both INC-4 thresholds, INC-5
        rows.add(building("JF-LY-002", "金凤区科技创业大厦", "宁夏凤凰科创园区管理有限公司", true, 0.85, 0.90, 0.70,
                16_200_000, true, 0.949, 3_260_000)); // INC-3 exactly on all three thresholds; INC-5 just below
        rows.add(building("JF-LY-003", "宁夏国际会展商务中心", "宁夏会展物业服务有限公司", false, 0.95, 0.97, 0.88,
                9_980_000, true, 0.95, 14_800_000)); // not a lead industry; INC-4 just below; INC-6 over the cap
        rows.add(building("JF-LY-004", "凤凰数字经济产业园3号楼", "宁夏数字经济产业园发展有限公司", true, 0.846, 0.92,
                0.81, 7_300_000, false, 0.0, 0)); // occupancy 84.6%: just below
        rows.add(building("JF-LY-005", "黄河东路总部经济大厦", "宁夏黄河总部经济投资有限公司", true, 0.91, 0.93, 0.72,
                42_000_000, true, 0.96, 0));
        Map<String, Object> typo = building("JF-LY-006", "满城北街文创大楼", "宁夏满城文创产业发展有限公司", true, 0.92, 0.91,
                0.75, 5_600_000, true, 0.93, 1_150_000);
        typo.put("入驻率", "92");
        rows.add(typo);
        return rows;
    }

    private Map<String, Object> building(String id, String name, String operator, boolean lead, double occupancy,
            double registration, double specialisation, long contribution, boolean centre, double satisfaction,
            long renovation) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("楼宇编号", id);
        row.put("楼宇名称", name);
        row.put("运营企业统一社会信用代码", code(operator));
        row.put("运营企业名称", operator);
        row.put("符合主导产业", lead);
        row.put("入驻率", BigDecimal.valueOf(occupancy));
        row.put("注册率", BigDecimal.valueOf(registration));
        row.put("专业集中度", BigDecimal.valueOf(specialisation));
        row.put("年度辖区经济贡献", BigDecimal.valueOf(contribution));
        row.put("建立综合服务中心", centre);
        row.put("入驻企业好评度", centre ? BigDecimal.valueOf(satisfaction) : null);
        row.put("改造复核工程价款", renovation > 0 ? BigDecimal.valueOf(renovation) : null);
        return row;
    }

    // ------------------------------------------------------------------------------------------------ projects

    /**
     * INC-7 to INC-9, each project with its investment in Q2, Q3 and Q4 under the key {@code quarters} (taken out
     * before the annual file is written).
     */
    private List<Map<String, Object>> projects() {
        int y = year;
        List<Map<String, Object>> rows = new ArrayList<>();
        // INC-7: started and registered within 3 months of the land; also INC-8 (over 100 million, new tax)
        rows.add(project("JF-XM-" + y + "-001", "塞上新能源装备制造项目", "宁夏塞上新能源装备制造有限公司", true,
                LocalDate.of(y, 3, 12), LocalDate.of(y, 5, 28), LocalDate.of(y, 6, 10), 186_000_000, true, false, null,
                62_000_000, 96_000_000, 28_000_000));
        // started one day after the 3 months
        rows.add(project("JF-XM-" + y + "-002", "金凤区冷链物流园项目", "宁夏冷链物流产业园有限公司", true,
                LocalDate.of(y, 2, 1), LocalDate.of(y, 5, 2), LocalDate.of(y, 5, 20), 68_000_000, false, false, null,
                21_000_000, 26_000_000, 21_000_000));
        // in time, but 14.9 million is below INC-7's 15 million
        rows.add(project("JF-XM-" + y + "-003", "阅海湾数据中心二期项目", "宁夏阅海湾数据科技有限公司", true,
                LocalDate.of(y, 4, 15), LocalDate.of(y, 6, 20), LocalDate.of(y, 7, 10), 14_900_000, false, false, null,
                4_000_000, 7_500_000, 3_400_000));
        // exactly 100 million: INC-8 needs more (超过)
        rows.add(project("JF-XM-" + y + "-004", "艾依河文旅酒店综合体项目", "宁夏艾依河文旅酒店投资有限公司", true,
                LocalDate.of(y - 1, 9, 1), LocalDate.of(y - 1, 11, 15), LocalDate.of(y, 1, 20), 100_000_000, true, false,
                null, 45_000_000, 40_000_000, 300_000_000));
        // INC-8 once, and the quarterly INC-8 in Q3 and Q4
        rows.add(project("JF-XM-" + y + "-005", "艾依河智慧农业装备产业园项目", "宁夏艾依河智慧农业装备有限公司", true,
                LocalDate.of(y - 1, 8, 1), LocalDate.of(y - 1, 10, 20), LocalDate.of(y - 1, 12, 5), 325_000_000, true,
                false, null, 120_000_000, 318_000_000, 302_000_000));
        // INC-9: revived and in use within 2 years of restarting
        rows.add(project("JF-XM-" + y + "-006", "原金凤纺织厂闲置厂房盘活项目", "宁夏金凤纺织新材料有限公司", true, null,
                LocalDate.of(y - 1, 3, 15), LocalDate.of(y - 1, 4, 2), 126_000_000, false, true, LocalDate.of(y, 11, 20),
                30_000_000, 18_000_000, 9_000_000));
        // INC-9: exactly 100 million (不低于: included), not in use yet
        rows.add(project("JF-XM-" + y + "-007", "丰登镇闲置仓储用地续建项目", "宁夏丰登仓储服务有限公司", true, null,
                LocalDate.of(y, 4, 1), LocalDate.of(y, 4, 26), 100_000_000, false, true, null, 38_000_000, 35_000_000,
                27_000_000));
        // INC-9: 82 million is below
        rows.add(project("JF-XM-" + y + "-008", "良田镇闲置商业楼盘活项目", "宁夏良田商业管理有限公司", true, null,
                LocalDate.of(y, 5, 10), LocalDate.of(y, 6, 3), 82_000_000, false, true, null, 30_000_000, 28_000_000,
                24_000_000));
        // INC-9: revived, but in use more than 2 years after restarting
        rows.add(project("JF-XM-" + y + "-009", "宁安大街商业综合体续建项目", "宁夏宁安大街商业综合体开发有限公司", true, null,
                LocalDate.of(y - 3, 6, 1), LocalDate.of(y - 3, 7, 1), 150_000_000, false, true, LocalDate.of(y, 6, 30),
                35_000_000, 55_000_000, 60_000_000));
        // the district's own project: not social investment, so no INC-8 however large
        rows.add(project("JF-XM-" + y + "-010", "金凤区城市更新及基础设施提升项目", "银川市金凤区城市建设投资发展集团有限公司", false,
                null, LocalDate.of(y, 3, 1), LocalDate.of(y, 3, 20), 640_000_000, false, false, null, 150_000_000,
                410_000_000, 80_000_000));
        return rows;
    }

    private Map<String, Object> project(String id, String name, String owner, boolean social, LocalDate land,
            LocalDate started, LocalDate registered, long investment, boolean newTax, boolean idle, LocalDate inUse,
            long q2, long q3, long q4) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("项目编号", id);
        row.put("项目名称", name);
        row.put("项目单位统一社会信用代码", code(owner));
        row.put("项目单位名称", owner);
        row.put("社会投资类项目", social);
        row.put("摘地日期", land);
        row.put("开工日期", started);
        row.put("入库日期", registered);
        row.put("累计完成固定资产投资", BigDecimal.valueOf(investment));
        row.put("新增纳税", newTax);
        row.put("闲置资产盘活", idle);
        row.put("投用投产日期", inUse);
        row.put("quarters", new long[] {q2, q3, q4});
        return row;
    }

    // ------------------------------------------------------------------------------------------------ referrals

    /** INC-2: each class, the output steps on and just past 100 and 200 million, the cap, a person as referrer. */
    private List<Map<String, Object>> referrals() {
        int y = year;
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(referral("宁夏智汇云数据科技有限公司", "宁夏数智云信息技术有限公司", LocalDate.of(y, 3, 8), "一般企业", true,
                8_600_000));
        rows.add(referral("宁夏凤栖文化创意有限公司", "宁夏凤凰科创园区管理有限公司", LocalDate.of(y, 4, 22), "楼宇特色产业企业",
                true, 12_000_000));
        rows.add(referral("国储能源科技（宁夏）有限公司", "宁夏黄河总部经济投资有限公司", LocalDate.of(y, 5, 6), "总部企业", true,
                150_000_000));
        rows.add(referral("西北丝路供应链管理（宁夏）有限公司", "银川丝路优选商贸有限公司", LocalDate.of(y, 6, 18), "总部企业",
                true, 200_000_000));
        rows.add(referral("宁夏瀚海新能源科技有限公司", "宁夏塞上新能源装备制造有限公司", LocalDate.of(y, 7, 1), "一般企业", true,
                200_000_001));
        rows.add(referral("宁夏银川国际陆港物流有限公司", "宁夏冷链物流产业园有限公司", LocalDate.of(y, 8, 12), "总部企业", true,
                1_250_000_000));
        rows.add(referral("宁夏青禾餐饮连锁有限公司", "宁夏鸣翠湖餐饮管理有限公司", LocalDate.of(y, 10, 9), "一般企业", false,
                2_400_000)); // no district contribution yet
        Map<String, Object> person = referral("宁夏禾泰商贸有限公司", null, LocalDate.of(y, 9, 2), "一般企业", true, 3_000_000);
        person.put("招引企业信用代码或个人身份证号", "64010619780315231" + CreditCode.identityCheck("64010619780315231"));
        person.put("招引企业或个人名称", "王建国");
        rows.add(person);
        return rows;
    }

    private Map<String, Object> referral(String newcomer, String referrer, LocalDate settled, String cls,
            boolean contribution, long output) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("新入驻企业统一社会信用代码", creditCode(DISTRICT, '9', '1'));
        row.put("新入驻企业名称", newcomer);
        row.put("招引企业信用代码或个人身份证号", referrer == null ? null : code(referrer));
        row.put("招引企业或个人名称", referrer);
        row.put("入驻日期", settled);
        row.put("新入驻企业类别", cls);
        row.put("在辖区产生经济贡献", contribution);
        row.put("入驻当年辖区产值", BigDecimal.valueOf(output));
        return row;
    }

    // ------------------------------------------------------------------------------------------------ agri

    /** INC-15: each band, on and just below its lower bound. */
    private List<Map<String, Object>> agri() {
        int y = year;
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(agri("金凤区良田镇禾丰家庭农场", '2', LocalDate.of(y, 3, 1), 5_000_000));
        rows.add(agri("宁夏塞上田园农业科技有限公司", '1', LocalDate.of(y, 4, 16), 9_800_000));
        rows.add(agri("金凤区丰登镇绿源蔬菜种植专业合作社", '3', LocalDate.of(y, 2, 20), 10_000_000));
        rows.add(agri("宁夏艾依河现代农业发展有限公司", '1', LocalDate.of(y, 5, 28), 18_500_000));
        rows.add(agri("宁夏贺兰山东麓葡萄酒庄有限公司", '1', LocalDate.of(y, 6, 6), 26_000_000));
        rows.add(agri("金凤区良田镇稻渔空间家庭农场", '2', LocalDate.of(y, 7, 12), 4_980_000));
        return rows;
    }

    private Map<String, Object> agri(String name, char kind, LocalDate settled, long investment) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(CODE, creditCode(DISTRICT, '9', kind));
        row.put("经营主体名称", name);
        row.put("落户日期", settled);
        row.put("年内投资金额", BigDecimal.valueOf(investment));
        return row;
    }

    // ------------------------------------------------------------------------------------------------ codes

    private String code(String enterprise) {
        Map<String, Object> row = byName.get(enterprise);
        if (row == null) {
            throw new IllegalArgumentException("演示数据中没有企业 " + enterprise);
        }
        return (String) row.get(CODE);
    }

    /**
     * A unified social credit code (GB 32100): registering authority ({@code 9} = market regulation), kind
     * ({@code 1} enterprise, {@code 2} sole trader, {@code 3} farmers' cooperative), division, the organisation
     * code with its GB 11714 check character, and the GB 32100 check character.
     */
    private String creditCode(String division, char authority, char kind) {
        while (true) {
            StringBuilder org = new StringBuilder(9);
            for (int i = 0; i < 8; i++) {
                org.append((char) ('0' + random.nextInt(10)));
            }
            org.append(organisationCheck(org));
            String first17 = "" + authority + kind + division + org;
            String code = first17 + CreditCode.checkDigit(first17);
            if (codes.add(code)) {
                return code;
            }
        }
    }

    /** GB 11714: weights 3 7 9 10 5 8 4 2, check = 11 − sum mod 11, 10 → X, 11 → 0. */
    private static char organisationCheck(CharSequence first8) {
        int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += ORG_ALPHABET.indexOf(first8.charAt(i)) * weights[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }

    /** The code as a clerk mistyped it: the last character one off. */
    private static String wrongCheckDigit(String code) {
        char last = code.charAt(17);
        char wrong = last == '9' ? '8' : last == 'Y' ? 'X' : Character.isDigit(last) ? (char) (last + 1) : '1';
        return code.substring(0, 17) + wrong;
    }

    private static long round(double v, long unit) {
        return Math.round(v / unit) * unit;
    }
}
