package cn.bipin.incentive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import cn.bipin.scheme.YamlNode;

/** The rules applied to projects (附件1 二(三)); every award goes to the project's company. */
final class ProjectRules {

    private ProjectRules() {
    }

    private static Award award(String rule, String part, DataRow r, String inputs, BigDecimal amount, boolean once) {
        return new Award(rule, part, r.subjectId(), r.text("name"), r.text("owner_code"), r.text("owner_name"),
                inputs, (once ? "一次性奖励 " : "奖励 ") + Money.format(amount), "", Money.round(amount), once);
    }

    /** INC-7 开工入库效率: started and registered within N months of land acquisition (inclusive), FAI ≥ X. */
    record StartEfficiency(int months, BigDecimal minInvestment, BigDecimal amount) implements Rule {

        static StartEfficiency from(YamlNode n) {
            n.onlyKeys(Set.of("within_months", "min_investment", "amount"));
            return new StartEfficiency(n.get("within_months").positiveInteger(), n.get("min_investment").positive(),
                    n.get("amount").positive());
        }

        public String id() {
            return "INC-7";
        }

        public String name() {
            return "开工入库效率";
        }

        public String summary() {
            return "新摘地企业自摘地起" + months + "个月内完成项目开工并入库，完成固定资产投资" + Money.format(minInvestment)
                    + "元以上：一次性奖励" + Money.format(amount) + "元";
        }

        public Entity entity() {
            return Entity.PROJECT;
        }

        public void evaluate(DataRow r, RuleContext context, List<Award> out) {
            LocalDate land = r.date("land_acquired_on");
            LocalDate started = r.date("started_on");
            LocalDate registered = r.date("registered_on");
            BigDecimal fai = r.number("investment");
            if (land == null || started == null || registered == null || fai == null) {
                return;
            }
            LocalDate limit = land.plusMonths(months);
            if (started.isAfter(limit) || registered.isAfter(limit) || started.isBefore(land)
                    || fai.compareTo(minInvestment) < 0) {
                return;
            }
            out.add(award(id(), "-", r, "摘地 " + land + "，开工 " + started + "，入库 " + registered + "（期限 " + limit
                    + "）；完成固定资产投资 " + Money.format(fai) + " 元", amount, true));
        }
    }

    /** INC-8, first part: a new tax-paying social investment project with FAI over X, once. */
    record InvestmentGrowth(BigDecimal minInvestment, BigDecimal amount, BigDecimal quarterlyMin,
                            BigDecimal quarterlyAmount) implements Rule {

        static InvestmentGrowth from(YamlNode n) {
            n.onlyKeys(Set.of("min_investment", "amount", "quarterly_min_investment", "quarterly_amount"));
            return new InvestmentGrowth(n.get("min_investment").positive(), n.get("amount").positive(),
                    n.get("quarterly_min_investment").positive(), n.get("quarterly_amount").positive());
        }

        public String id() {
            return "INC-8";
        }

        public String name() {
            return "投资增长贡献";
        }

        public String summary() {
            return "新增纳税的固定资产投资超过" + Money.format(minInvestment) + "元的社会投资类项目，一次性奖励"
                    + Money.format(amount) + "元（季度部分见季度清单）";
        }

        public Entity entity() {
            return Entity.PROJECT;
        }

        public void evaluate(DataRow r, RuleContext context, List<Award> out) {
            BigDecimal fai = r.number("investment");
            if (!r.flag("social_investment") || !r.flag("new_tax_paying") || fai == null
                    || fai.compareTo(minInvestment) <= 0) {
                return;
            }
            out.add(award(id(), "新增纳税", r, "社会投资类；新增纳税；累计完成固定资产投资 " + Money.format(fai) + " 元", amount,
                    true));
        }

        /** The quarterly part as a rule of its own, applied in the quarterly run. */
        Rule quarterlyPart() {
            return new QuarterlyInvestment(this);
        }
    }

    /** INC-8, quarterly part: FAI completed in the quarter over X → an award for that quarter. */
    record QuarterlyInvestment(InvestmentGrowth config) implements Rule {

        public String id() {
            return "INC-8";
        }

        public String name() {
            return "投资增长贡献（季度）";
        }

        public String summary() {
            return "每季度累计完成固定资产投资超过" + Money.format(config.quarterlyMin()) + "元的社会投资类项目，每季度奖励"
                    + Money.format(config.quarterlyAmount()) + "元";
        }

        public Entity entity() {
            return Entity.PROJECT;
        }

        public void evaluate(DataRow r, RuleContext context, List<Award> out) {
            BigDecimal q = r.number("quarter_investment");
            if (!r.flag("social_investment") || q == null || q.compareTo(config.quarterlyMin()) <= 0) {
                return;
            }
            out.add(award(id(), context.period().code(), r, "社会投资类；" + context.period().label() + "完成固定资产投资 "
                    + Money.format(q) + " 元", config.quarterlyAmount(), false));
        }
    }

    /** INC-9 闲置资产盘活: revived with investment ≥ X; a second award if in use within N years of restarting. */
    record IdleRevival(BigDecimal minInvestment, BigDecimal amount, int years, BigDecimal inUseAmount) implements Rule {

        static IdleRevival from(YamlNode n) {
            n.onlyKeys(Set.of("min_investment", "amount", "in_use_within_years", "in_use_amount"));
            return new IdleRevival(n.get("min_investment").positive(), n.get("amount").positive(),
                    n.get("in_use_within_years").positiveInteger(), n.get("in_use_amount").positive());
        }

        public String id() {
            return "INC-9";
        }

        public String name() {
            return "闲置资产盘活";
        }

        public String summary() {
            return "接手闲置土地、楼宇等资产续建开工并完成投资不低于" + Money.format(minInvestment) + "元：一次性奖励"
                    + Money.format(amount) + "元；自开工起" + years + "年内盘活投用投产的，再奖励" + Money.format(inUseAmount) + "元";
        }

        public Entity entity() {
            return Entity.PROJECT;
        }

        public void evaluate(DataRow r, RuleContext context, List<Award> out) {
            BigDecimal fai = r.number("investment");
            if (!r.flag("idle_revival") || fai == null || fai.compareTo(minInvestment) < 0) {
                return;
            }
            String inputs = "闲置资产盘活；完成投资 " + Money.format(fai) + " 元";
            out.add(award(id(), "盘活", r, inputs, amount, true));
            LocalDate started = r.date("started_on");
            LocalDate inUse = r.date("in_use_on");
            if (started != null && inUse != null && !inUse.isAfter(started.plusYears(years))) {
                out.add(award(id(), "投用", r, inputs + "；开工 " + started + "，投用投产 " + inUse + "（期限 "
                        + started.plusYears(years) + "）", inUseAmount, true));
            }
        }
    }
}
