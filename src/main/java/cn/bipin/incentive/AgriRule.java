package cn.bipin.incentive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import cn.bipin.scheme.YamlNode;

/** INC-15 农业: a new agricultural operator's investment in the year falls in a band A ≤ v < B (D7). */
record AgriRule(List<Band> bands) implements Rule {

    /** {@code to} null: no upper bound. */
    record Band(BigDecimal from, BigDecimal to, BigDecimal amount) {
        boolean contains(BigDecimal v) {
            return v.compareTo(from) >= 0 && (to == null || v.compareTo(to) < 0);
        }

        String label() {
            return Money.format(from) + (to == null ? " 元及以上" : " 至 " + Money.format(to) + " 元（不含）");
        }
    }

    static AgriRule from(YamlNode n) {
        n.onlyKeys(Set.of("bands"));
        List<Band> bands = new ArrayList<>();
        for (YamlNode b : n.get("bands").list()) {
            b.onlyKeys(Set.of("from", "to", "amount"));
            BigDecimal to = b.get("to").isPresent() ? b.get("to").positive() : null;
            Band band = new Band(b.get("from").nonNegative(), to, b.get("amount").positive());
            if (to != null && to.compareTo(band.from()) <= 0) {
                throw b.get("to").fail("应大于 from " + band.from().toPlainString());
            }
            bands.add(band);
        }
        if (bands.isEmpty()) {
            throw n.get("bands").fail("至少需要一档");
        }
        bands.sort(Comparator.comparing(Band::from));
        for (int i = 1; i < bands.size(); i++) {
            Band prev = bands.get(i - 1);
            if (prev.to() == null || prev.to().compareTo(bands.get(i).from()) > 0) {
                throw n.get("bands").fail("各档区间重叠：" + prev.label() + " 与 " + bands.get(i).label());
            }
        }
        return new AgriRule(List.copyOf(bands));
    }

    public String id() {
        return "INC-15";
    }

    public String name() {
        return "农业";
    }

    public String summary() {
        StringBuilder sb = new StringBuilder("新型农业经营主体来辖区落户投资，年内投资金额");
        for (int i = 0; i < bands.size(); i++) {
            sb.append(i == 0 ? "" : "；").append(bands.get(i).label()).append("奖励").append(Money.format(bands.get(i).amount()))
                    .append("元");
        }
        return sb.toString();
    }

    public Entity entity() {
        return Entity.AGRI;
    }

    public void evaluate(DataRow r, RuleContext context, List<Award> out) {
        BigDecimal v = r.number("investment");
        // "来辖区落户投资，年内投资…": an operator that settled in an earlier year is not a new one
        LocalDate settled = r.date("settled_on");
        if (v == null || settled != null && settled.getYear() != context.year()) {
            return;
        }
        for (Band b : bands) {
            if (b.contains(v)) {
                out.add(new Award(id(), "-", r.subjectId(), r.text("name"), r.subjectId(), r.text("name"),
                        "年内投资金额 " + Money.format(v) + " 元，在 " + b.label() + " 档",
                        "奖励 " + Money.format(b.amount()), "", Money.round(b.amount()), false));
                return;
            }
        }
    }
}
