package cn.bipin.incentive;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import cn.bipin.scheme.YamlNode;

/** The rules applied to buildings (附件1 二(二) 2–5); every award goes to the building's operator. */
final class BuildingRules {

    private static final String ONE = "-";

    private BuildingRules() {
    }

    private static Award award(String rule, String part, DataRow r, String inputs, String formula, String cap,
                               BigDecimal amount, boolean once) {
        return new Award(rule, part, r.subjectId(), r.text("name"), r.text("operator_code"), r.text("operator_name"),
                inputs, formula, cap, amount, once);
    }

    /** INC-3 特色聚集: lead industry, occupancy, registration and specialisation at or above the thresholds. */
    record Featured(BigDecimal minOccupancy, BigDecimal minRegistration, BigDecimal minSpecialisation,
                    BigDecimal amount) implements Rule {

        static Featured from(YamlNode n) {
            n.onlyKeys(Set.of("min_occupancy", "min_registration", "min_specialisation", "amount"));
            return new Featured(n.get("min_occupancy").share(), n.get("min_registration").share(),
                    n.get("min_specialisation").share(), n.get("amount").positive());
        }

        public String id() {
            return "INC-3";
        }

        public String name() {
            return "特色聚集";
        }

        public String summary() {
            return "楼宇符合主导产业体系，入驻率" + Money.percent(minOccupancy) + "以上、注册率" + Money.percent(minRegistration)
                    + "以上、专业集中度" + Money.percent(minSpecialisation) + "以上：给予楼宇运营企业一次性奖励"
                    + Money.format(amount) + "元";
        }

        public Entity entity() {
            return Entity.BUILDING;
        }

        public void evaluate(DataRow r, RuleContext context, List<Award> out) {
            BigDecimal occupancy = r.number("occupancy");
            BigDecimal registration = r.number("registration_rate");
            BigDecimal specialisation = r.number("specialisation");
            if (!r.flag("lead_industry") || occupancy == null || registration == null || specialisation == null
                    || occupancy.compareTo(minOccupancy) < 0 || registration.compareTo(minRegistration) < 0
                    || specialisation.compareTo(minSpecialisation) < 0) {
                return;
            }
            out.add(award(id(), ONE, r, "符合主导产业；入驻率 " + Money.percent(occupancy) + "；注册率 "
                            + Money.percent(registration) + "；专业集中度 " + Money.percent(specialisation),
                    "一次性奖励 " + Money.format(amount), "", Money.round(amount), true));
        }
    }

    /** INC-4 规模经营: each contribution threshold, the first time the building reaches it. */
    record Scale(List<Threshold> thresholds) implements Rule {

        record Threshold(BigDecimal contribution, BigDecimal amount) {
        }

        static Scale from(YamlNode n) {
            n.onlyKeys(Set.of("thresholds"));
            List<Threshold> list = new ArrayList<>();
            for (YamlNode t : n.get("thresholds").list()) {
                t.onlyKeys(Set.of("contribution", "amount"));
                list.add(new Threshold(t.get("contribution").positive(), t.get("amount").positive()));
            }
            if (list.isEmpty()) {
                throw n.get("thresholds").fail("至少需要一档");
            }
            list.sort(Comparator.comparing(Threshold::contribution));
            return new Scale(List.copyOf(list));
        }

        public String id() {
            return "INC-4";
        }

        public String name() {
            return "规模经营";
        }

        public String summary() {
            StringBuilder sb = new StringBuilder("楼宇辖区年度经济贡献首次达到");
            for (int i = 0; i < thresholds.size(); i++) {
                sb.append(i == 0 ? "" : "、").append(Money.format(thresholds.get(i).contribution()));
            }
            sb.append("元的，分别奖励楼宇运营企业");
            for (int i = 0; i < thresholds.size(); i++) {
                sb.append(i == 0 ? "" : "、").append(Money.format(thresholds.get(i).amount()));
            }
            return sb.append("元（每档每栋楼宇仅一次）").toString();
        }

        public Entity entity() {
            return Entity.BUILDING;
        }

        public void evaluate(DataRow r, RuleContext context, List<Award> out) {
            BigDecimal c = r.number("contribution");
            if (c == null) {
                return;
            }
            for (Threshold t : thresholds) {
                if (c.compareTo(t.contribution()) >= 0) {
                    out.add(award(id(), "达到" + Money.format(t.contribution()), r,
                            "年度辖区经济贡献 " + Money.format(c) + " 元，首次达到 " + Money.format(t.contribution()) + " 元",
                            "奖励 " + Money.format(t.amount()), "", Money.round(t.amount()), true));
                }
            }
        }
    }

    /** INC-5 优质服务: a service centre and tenant satisfaction at or above the threshold. */
    record Service(BigDecimal minSatisfaction, BigDecimal amount) implements Rule {

        static Service from(YamlNode n) {
            n.onlyKeys(Set.of("min_satisfaction", "amount"));
            return new Service(n.get("min_satisfaction").share(), n.get("amount").positive());
        }

        public String id() {
            return "INC-5";
        }

        public String name() {
            return "优质服务";
        }

        public String summary() {
            return "建立楼宇综合服务中心，入驻企业好评度达到" + Money.percent(minSatisfaction) + "以上：一次性奖励"
                    + Money.format(amount) + "元";
        }

        public Entity entity() {
            return Entity.BUILDING;
        }

        public void evaluate(DataRow r, RuleContext context, List<Award> out) {
            BigDecimal s = r.number("satisfaction");
            if (!r.flag("service_centre") || s == null || s.compareTo(minSatisfaction) < 0) {
                return;
            }
            out.add(award(id(), ONE, r, "建立综合服务中心；入驻企业好评度 " + Money.percent(s),
                    "一次性奖励 " + Money.format(amount), "", Money.round(amount), true));
        }
    }

    /** INC-6 改造升级: a share of the audited renovation cost, capped per building. */
    record Renovation(BigDecimal rate, BigDecimal cap) implements Rule {

        static Renovation from(YamlNode n) {
            n.onlyKeys(Set.of("rate", "cap"));
            return new Renovation(n.get("rate").share(), n.get("cap").positive());
        }

        public String id() {
            return "INC-6";
        }

        public String name() {
            return "改造升级";
        }

        public String summary() {
            return "楼宇整体改造升级，按第三方复核后工程价款的" + Money.percent(rate) + "奖励，单栋楼宇最高不超过"
                    + Money.format(cap) + "元";
        }

        public Entity entity() {
            return Entity.BUILDING;
        }

        public void evaluate(DataRow r, RuleContext context, List<Award> out) {
            BigDecimal cost = r.number("renovation_cost");
            if (cost == null || cost.signum() <= 0) {
                return;
            }
            BigDecimal raw = Money.round(cost.multiply(rate));
            boolean capped = raw.compareTo(cap) > 0;
            out.add(award(id(), ONE, r, "复核后工程价款 " + Money.format(cost) + " 元",
                    Money.format(cost) + " × " + Money.percent(rate) + " = " + Money.format(raw),
                    capped ? "单栋不超过 " + Money.format(cap) + " 元，按上限" : "", capped ? Money.round(cap) : raw, false));
        }
    }
}
