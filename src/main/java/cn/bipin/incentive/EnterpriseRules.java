package cn.bipin.incentive;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

import cn.bipin.scheme.YamlNode;

/** The rules applied to enterprise rows (附件1 二(一)、(四)、(五)). */
final class EnterpriseRules {

    private static final String ONE = "-";

    private EnterpriseRules() {
    }

    /** INC-1 服务业扩增提速: 5% of this year's contribution, capped per award. */
    record ServiceGrowth(List<String> industries, BigDecimal minGrowth, BigDecimal rate, BigDecimal cap) implements Rule {

        static ServiceGrowth from(YamlNode n) {
            n.onlyKeys(Set.of("industries", "min_contribution_growth", "rate", "cap"));
            return new ServiceGrowth(n.get("industries").texts(), n.get("min_contribution_growth").nonNegative(),
                    n.get("rate").share(), n.get("cap").positive());
        }

        public String id() {
            return "INC-1";
        }

        public String name() {
            return "服务业扩增提速";
        }

        public String summary() {
            return "行业为" + String.join("、", industries) + "（不含区属国有企业），营业收入正增长，辖区经济贡献较上年增长"
                    + Money.percent(minGrowth) + "及以上：按当年辖区经济贡献的" + Money.percent(rate) + "奖励，单次不超过"
                    + Money.format(cap) + "元";
        }

        public Entity entity() {
            return Entity.ENTERPRISE;
        }

        public void evaluate(DataRow r, RuleContext context, List<Award> out) {
            String industry = r.text("industry");
            BigDecimal revenue = r.number("revenue");
            BigDecimal revenueLast = r.number("revenue_last");
            BigDecimal contribution = r.number("contribution");
            BigDecimal contributionLast = r.number("contribution_last");
            if (!Industries.among(industries, industry) || r.flag("district_soe")
                    || revenue == null || revenueLast == null || revenueLast.signum() <= 0
                    || revenue.compareTo(revenueLast) <= 0
                    || contribution == null || contributionLast == null || contributionLast.signum() <= 0
                    || contribution.compareTo(contributionLast.multiply(BigDecimal.ONE.add(minGrowth))) < 0) {
                return;
            }
            BigDecimal raw = Money.round(contribution.multiply(rate));
            boolean capped = raw.compareTo(cap) > 0;
            out.add(new Award(id(), ONE, r.subjectId(), r.text("name"), r.subjectId(), r.text("name"),
                    "行业 " + industry + "，非区属国企；营业收入 " + Money.format(revenue) + "（上年 "
                            + Money.format(revenueLast) + "，增长 " + Money.growth(revenue, revenueLast) + "）；辖区经济贡献 "
                            + Money.format(contribution) + "（上年 " + Money.format(contributionLast) + "，增长 "
                            + Money.growth(contribution, contributionLast) + "）",
                    Money.format(contribution) + " × " + Money.percent(rate) + " = " + Money.format(raw),
                    capped ? "单次不超过 " + Money.format(cap) + " 元，按上限" : "",
                    capped ? Money.round(cap) : raw, false));
        }
    }

    /** INC-10 纳规入库: first became a 四上 enterprise in the year. */
    record AboveScale(BigDecimal amount) implements Rule {

        static AboveScale from(YamlNode n) {
            n.onlyKeys(Set.of("amount"));
            return new AboveScale(n.get("amount").positive());
        }

        public String id() {
            return "INC-10";
        }

        public String name() {
            return "纳规入库";
        }

        public String summary() {
            return "年内由成长型企业首次转为“四上企业”：每户一次性奖励" + Money.format(amount) + "元";
        }

        public Entity entity() {
            return Entity.ENTERPRISE;
        }

        public void evaluate(DataRow r, RuleContext context, List<Award> out) {
            var since = r.date("above_scale_since");
            if (!r.flag("above_scale") || since == null || since.getYear() != context.year()) {
                return;
            }
            out.add(new Award(id(), ONE, r.subjectId(), r.text("name"), r.subjectId(), r.text("name"),
                    "四上企业，纳入四上日期 " + since, "一次性奖励 " + Money.format(amount), "", Money.round(amount), true));
        }
    }

    /**
     * INC-11 纳税贡献: good tax-credit grade, district tax contribution rank ≤ N among all enterprises of the data
     * (ties share a rank, D6), growth ≥ G. The rank needs every row, so candidates wait for {@link #finish}.
     */
    static final class TaxContribution implements Rule {

        private final List<String> grades;
        private final int maxRank;
        private final BigDecimal minGrowth;
        private final BigDecimal amount;
        /** The largest {@code maxRank} contributions seen, smallest on top. */
        private final PriorityQueue<BigDecimal> top = new PriorityQueue<>();
        private final List<Candidate> candidates = new ArrayList<>();

        private record Candidate(String id, String name, String grade, BigDecimal contribution, BigDecimal growth) {
        }

        TaxContribution(List<String> grades, int maxRank, BigDecimal minGrowth, BigDecimal amount) {
            this.grades = grades;
            this.maxRank = maxRank;
            this.minGrowth = minGrowth;
            this.amount = amount;
        }

        static TaxContribution from(YamlNode n) {
            n.onlyKeys(Set.of("grades", "max_rank", "min_growth", "amount"));
            return new TaxContribution(n.get("grades").texts(), n.get("max_rank").positiveInteger(),
                    n.get("min_growth").decimal(), n.get("amount").positive());
        }

        /** A fresh copy: the rule collects state during one evaluation. */
        @Override
        public Rule forRun() {
            return new TaxContribution(grades, maxRank, minGrowth, amount);
        }

        public String id() {
            return "INC-11";
        }

        public String name() {
            return "纳税贡献";
        }

        public String summary() {
            return "纳税信用等级为" + String.join("、", grades) + "级，年度纳税区级贡献排名前" + maxRank + "且同比增速达到"
                    + Money.percent(minGrowth) + "以上：每户奖励" + Money.format(amount) + "元";
        }

        public Entity entity() {
            return Entity.ENTERPRISE;
        }

        public void evaluate(DataRow r, RuleContext context, List<Award> out) {
            BigDecimal tax = r.number("tax_contribution");
            if (tax == null) {
                return;
            }
            if (top.size() < maxRank) {
                top.add(tax);
            } else if (tax.compareTo(top.peek()) > 0) {
                top.poll();
                top.add(tax);
            }
            BigDecimal growth = r.number("tax_growth");
            String grade = r.text("tax_grade");
            if (grade != null && grades.contains(grade) && growth != null && growth.compareTo(minGrowth) >= 0) {
                candidates.add(new Candidate(r.subjectId(), r.text("name"), grade, tax, growth));
            }
        }

        @Override
        public void finish(RuleContext context, List<Award> out) {
            // rank = 1 + number of enterprises with a strictly greater contribution; all of those are in `top`
            // whenever the rank is ≤ maxRank.
            BigDecimal threshold = top.size() < maxRank ? null : top.peek();
            for (Candidate c : candidates) {
                if (threshold != null && c.contribution().compareTo(threshold) < 0) {
                    continue;
                }
                long rank = 1 + top.stream().filter(v -> v.compareTo(c.contribution()) > 0).count();
                out.add(new Award(id(), ONE, c.id(), c.name(), c.id(), c.name(),
                        "纳税信用等级 " + c.grade() + "；区级纳税贡献 " + Money.format(c.contribution()) + " 元，排名第 " + rank
                                + "（前" + maxRank + "）；同比增长 " + Money.percent(c.growth()),
                        "奖励 " + Money.format(amount), "", Money.round(amount), false));
            }
        }
    }

    /** INC-12 商贸发展 (quarterly): a growth band, and 1% of new retail sales beyond the industry's normal growth. */
    record Trade(List<Band> bands, BigDecimal minNewRetail, BigDecimal rate, Map<String, BigDecimal> industryGrowth)
            implements Rule {

        record Band(BigDecimal minGrowth, BigDecimal amount) {
        }

        static Trade from(YamlNode n) {
            n.onlyKeys(Set.of("bands", "min_new_retail", "new_retail_rate", "industry_growth"));
            List<Band> bands = new ArrayList<>();
            for (YamlNode b : n.get("bands").list()) {
                b.onlyKeys(Set.of("min_growth", "amount"));
                bands.add(new Band(b.get("min_growth").positive(), b.get("amount").positive()));
            }
            if (bands.isEmpty()) {
                throw n.get("bands").fail("至少需要一档");
            }
            bands.sort(Comparator.comparing(Band::minGrowth).reversed());
            Map<String, BigDecimal> growth = new LinkedHashMap<>();
            YamlNode g = n.get("industry_growth");
            for (Object key : g.map().keySet()) {
                growth.put(String.valueOf(key), g.get(String.valueOf(key)).decimal());
            }
            if (!growth.containsKey("default")) {
                throw g.fail("缺少 default（未单列行业的正常增速）");
            }
            return new Trade(List.copyOf(bands), n.get("min_new_retail").positive(), n.get("new_retail_rate").share(),
                    growth);
        }

        public String id() {
            return "INC-12";
        }

        public String name() {
            return "商贸发展";
        }

        public String summary() {
            StringBuilder sb = new StringBuilder("当季度商品零售额同比增长");
            for (int i = 0; i < bands.size(); i++) {
                sb.append(i == 0 ? "" : "、").append(Money.percent(bands.get(i).minGrowth())).append("以上");
            }
            sb.append("分别奖励");
            for (int i = 0; i < bands.size(); i++) {
                sb.append(i == 0 ? "" : "、").append(Money.format(bands.get(i).amount()));
            }
            return sb.append("元；同比新增零售额").append(Money.format(minNewRetail)).append("元以上的，按新增额（剔除同行业正常增速）的")
                    .append(Money.percent(rate)).append("奖励；按季度兑现").toString();
        }

        public Entity entity() {
            return Entity.ENTERPRISE;
        }

        public void evaluate(DataRow r, RuleContext context, List<Award> out) {
            BigDecimal now = r.number("retail");
            BigDecimal last = r.number("retail_last");
            if (now == null || last == null) {
                return;
            }
            String sales = "本季度商品零售额 " + Money.format(now) + " 元，上年同季度 " + Money.format(last) + " 元";
            if (last.signum() > 0) {
                for (Band b : bands) {
                    if (now.compareTo(last.multiply(BigDecimal.ONE.add(b.minGrowth()))) >= 0) {
                        out.add(new Award(id(), "增速", r.subjectId(), r.text("name"), r.subjectId(), r.text("name"),
                                sales + "，同比增长 " + Money.growth(now, last),
                                "增长达到 " + Money.percent(b.minGrowth()) + " 档：" + Money.format(b.amount()), "",
                                Money.round(b.amount()), false));
                        break;
                    }
                }
            }
            BigDecimal added = now.subtract(last);
            if (added.compareTo(minNewRetail) >= 0) {
                String industry = r.text("industry");
                BigDecimal g = Industries.lookup(industryGrowth, industry, "default");
                BigDecimal base = now.subtract(last.multiply(BigDecimal.ONE.add(g)));
                BigDecimal amount = Money.round(base.multiply(rate));
                if (amount.signum() > 0) {
                    out.add(new Award(id(), "新增额", r.subjectId(), r.text("name"), r.subjectId(), r.text("name"),
                            sales + "，新增 " + Money.format(added) + " 元；行业（" + (industry == null ? "未填" : industry)
                                    + "）正常增速 " + Money.percent(g),
                            "(" + Money.format(now) + " − " + Money.format(last) + " × (1 + " + Money.percent(g) + ")) × "
                                    + Money.percent(rate) + " = " + Money.format(amount), "", amount, false));
                }
            }
        }
    }

    /** INC-13 商贸服务入限: an attracted service firm registered here and counted in 限额以上 statistics. */
    record ServiceAboveLimit(List<String> industries, BigDecimal amount) implements Rule {

        static ServiceAboveLimit from(YamlNode n) {
            n.onlyKeys(Set.of("industries", "amount"));
            return new ServiceAboveLimit(n.get("industries").isPresent() ? n.get("industries").texts() : List.of(),
                    n.get("amount").positive());
        }

        public String id() {
            return "INC-13";
        }

        public String name() {
            return "商贸服务入限";
        }

        public String summary() {
            return "在区内注册成立法人企业且纳入限额以上统计的招商引资服务企业"
                    + (industries.isEmpty() ? "" : "（行业：" + String.join("、", industries) + "）")
                    + "：一次性奖励" + Money.format(amount) + "元";
        }

        public Entity entity() {
            return Entity.ENTERPRISE;
        }

        public void evaluate(DataRow r, RuleContext context, List<Award> out) {
            String industry = r.text("industry");
            if (!r.flag("attracted") || !r.flag("above_limit")
                    || (!industries.isEmpty() && !Industries.among(industries, industry))) {
                return;
            }
            out.add(new Award(id(), ONE, r.subjectId(), r.text("name"), r.subjectId(), r.text("name"),
                    "招商引资企业；纳入限额以上统计" + (industry == null ? "" : "；行业 " + industry),
                    "一次性奖励 " + Money.format(amount), "", Money.round(amount), true));
        }
    }

    /** INC-14 建筑业: registered this year, qualified, construction its main business, in the database, output ≥ X. */
    record Construction(List<String> qualifications, BigDecimal minOutput, BigDecimal amount) implements Rule {

        static Construction from(YamlNode n) {
            n.onlyKeys(Set.of("qualifications", "min_output", "amount"));
            return new Construction(n.get("qualifications").texts(), n.get("min_output").positive(),
                    n.get("amount").positive());
        }

        public String id() {
            return "INC-14";
        }

        public String name() {
            return "建筑业";
        }

        public String summary() {
            return "当年在区内注册，具有" + String.join("或", qualifications) + "资质，营业执照前三项为建筑业，完成入库且当年产值达到"
                    + Money.format(minOutput) + "元以上：一次性奖励" + Money.format(amount) + "元";
        }

        public Entity entity() {
            return Entity.ENTERPRISE;
        }

        public void evaluate(DataRow r, RuleContext context, List<Award> out) {
            var registered = r.date("registered_on");
            String qualification = r.text("qualification");
            BigDecimal output = r.number("output");
            if (registered == null || registered.getYear() != context.year() || qualification == null
                    || !qualifications.contains(qualification) || !r.flag("construction_main")
                    || !r.flag("in_statistics") || output == null || output.compareTo(minOutput) < 0) {
                return;
            }
            out.add(new Award(id(), ONE, r.subjectId(), r.text("name"), r.subjectId(), r.text("name"),
                    "注册日期 " + registered + "；" + qualification + "资质；主营建筑业；已入库；当年产值 " + Money.format(output) + " 元",
                    "一次性奖励 " + Money.format(amount), "", Money.round(amount), true));
        }
    }
}
