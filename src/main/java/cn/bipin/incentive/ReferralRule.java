package cn.bipin.incentive;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import cn.bipin.scheme.YamlNode;

/**
 * INC-2 招强育优: each newcomer with district contribution earns its referrer a base amount by class, plus a bonus for
 * every full step of first-year output that the output exceeds (超过1亿 +1万, 超过2亿 +2万: 150M → 1 step,
 * 200M → 1 step, 200,000,001 → 2 steps), capped per award.
 */
record ReferralRule(BigDecimal base, BigDecimal featured, BigDecimal headquarters, BigDecimal outputStep,
                    BigDecimal bonusPerStep, BigDecimal cap) implements Rule {

    static ReferralRule from(YamlNode n) {
        n.onlyKeys(Set.of("base", "featured", "headquarters", "output_step", "bonus_per_step", "cap"));
        return new ReferralRule(n.get("base").positive(), n.get("featured").positive(),
                n.get("headquarters").positive(), n.get("output_step").positive(), n.get("bonus_per_step").positive(),
                n.get("cap").positive());
    }

    public String id() {
        return "INC-2";
    }

    public String name() {
        return "招强育优";
    }

    public String summary() {
        return "每新增入驻一家在辖区产生经济贡献的企业，奖励招引企业（含个人）" + Money.format(base) + "元；楼宇特色产业企业"
                + Money.format(featured) + "元；总部企业分支机构或宁蒙甘陕中小企业总部" + Money.format(headquarters)
                + "元；入驻当年产值每超过" + Money.format(outputStep) + "元的整数倍追加" + Money.format(bonusPerStep)
                + "元；单次最高不超过" + Money.format(cap) + "元";
    }

    public Entity entity() {
        return Entity.REFERRAL;
    }

    /** How many multiples of the step the output exceeds: ceil(output / step) − 1, and 0 for no output. */
    int steps(BigDecimal output) {
        if (output == null || output.signum() <= 0) {
            return 0;
        }
        return output.divide(outputStep, 0, RoundingMode.CEILING).intValueExact() - 1;
    }

    public void evaluate(DataRow r, RuleContext context, List<Award> out) {
        // "每新增入驻一家企业…入驻当年": a company that settled in an earlier year is not a newcomer of this one
        LocalDate settled = r.date("settled_on");
        if (!r.flag("has_contribution") || settled != null && settled.getYear() != context.year()) {
            return;
        }
        String cls = r.text("newcomer_class");
        BigDecimal classAmount = "楼宇特色产业企业".equals(cls) ? featured : "总部企业".equals(cls) ? headquarters : base;
        BigDecimal output = r.number("first_year_output");
        int n = steps(output);
        BigDecimal raw = classAmount.add(bonusPerStep.multiply(BigDecimal.valueOf(n)));
        boolean capped = raw.compareTo(cap) > 0;
        out.add(new Award(id(), "-", r.subjectId(), r.text("newcomer_name"), r.text("referrer_id"),
                r.text("referrer_name"),
                "新入驻企业 " + r.text("newcomer_name") + "（" + (cls == null ? "一般企业" : cls) + "）在辖区产生经济贡献；入驻当年产值 "
                        + (output == null ? "未填" : Money.format(output) + " 元"),
                Money.format(classAmount) + " + " + Money.format(bonusPerStep) + " × " + n + " = " + Money.format(raw),
                capped ? "单次不超过 " + Money.format(cap) + " 元，按上限" : "", Money.round(capped ? cap : raw), false));
    }
}
