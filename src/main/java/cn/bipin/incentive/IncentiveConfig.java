package cn.bipin.incentive;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.bipin.scheme.Recipient;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeLoader;
import cn.bipin.scheme.YamlNode;

/**
 * The {@code incentives} section of a scheme file, validated: the ledger that once-only awards are kept in, who
 * receives the list, and every rule's numbers. The scheme loader keeps the section as read and leaves its
 * validation to this feature.
 *
 * @param ledger     the name under which once-only awards are remembered across the district's yearly schemes
 *                   (jinfeng-2024 and jinfeng-2025 share the ledger {@code jinfeng})
 * @param recipients who receives the list; the scheme's recipients when the section names none
 * @param annual     the rules of the year-end run, in rule order
 * @param quarterly  the rules of the quarterly run (INC-8's quarterly part, INC-12)
 * @param cites      rule id → how the list names the rule for leaders: the policy's own numbering and name
 *                   (附件1 二（三）1 开工入库效率奖, D24); a rule without one is named by its Chinese name alone
 */
record IncentiveConfig(String ledger, List<Recipient> recipients, List<Rule> annual, List<Rule> quarterly,
                       Map<String, String> cites) {

    static final List<String> RULE_IDS = List.of("INC-1", "INC-2", "INC-3", "INC-4", "INC-5", "INC-6", "INC-7",
            "INC-8", "INC-9", "INC-10", "INC-11", "INC-12", "INC-13", "INC-14", "INC-15");

    /** Whether the scheme file has an {@code incentives:} section at all (a scheme may run no incentive list). */
    static boolean configured(Scheme scheme) {
        return scheme.section("incentives").isPresent();
    }

    static IncentiveConfig load(Scheme scheme) {
        YamlNode section = scheme.section("incentives");
        if (!section.isPresent()) {
            throw section.fail("缺少企业奖励配置（incentives），无法计算奖励清单");
        }
        return from(section, scheme.recipients());
    }

    static IncentiveConfig from(YamlNode section, List<Recipient> fallbackRecipients) {
        section.onlyKeys(Set.of("ledger", "recipients", "rules", "cites"));
        String ledger = section.get("ledger").text();
        List<Recipient> recipients = section.get("recipients").isPresent() ? SchemeLoader.recipients(section.get("recipients"))
                : fallbackRecipients;
        YamlNode rules = section.get("rules");
        rules.onlyKeys(Set.copyOf(RULE_IDS));
        ProjectRules.InvestmentGrowth inc8 = ProjectRules.InvestmentGrowth.from(rules.get("INC-8"));
        List<Rule> annual = List.of(
                EnterpriseRules.ServiceGrowth.from(rules.get("INC-1")),
                ReferralRule.from(rules.get("INC-2")),
                BuildingRules.Featured.from(rules.get("INC-3")),
                BuildingRules.Scale.from(rules.get("INC-4")),
                BuildingRules.Service.from(rules.get("INC-5")),
                BuildingRules.Renovation.from(rules.get("INC-6")),
                ProjectRules.StartEfficiency.from(rules.get("INC-7")),
                inc8,
                ProjectRules.IdleRevival.from(rules.get("INC-9")),
                EnterpriseRules.AboveScale.from(rules.get("INC-10")),
                EnterpriseRules.TaxContribution.from(rules.get("INC-11")),
                EnterpriseRules.ServiceAboveLimit.from(rules.get("INC-13")),
                EnterpriseRules.Construction.from(rules.get("INC-14")),
                AgriRule.from(rules.get("INC-15")));
        List<Rule> quarterly = List.of(inc8.quarterlyPart(), EnterpriseRules.Trade.from(rules.get("INC-12")));
        Map<String, String> cites = new LinkedHashMap<>();
        YamlNode citeNode = section.get("cites");
        if (citeNode.isPresent()) {
            citeNode.onlyKeys(Set.copyOf(RULE_IDS));
            for (String id : RULE_IDS) {
                if (citeNode.get(id).isPresent()) {
                    cites.put(id, citeNode.get(id).text());
                }
            }
        }
        return new IncentiveConfig(ledger, List.copyOf(recipients), annual, quarterly, Map.copyOf(cites));
    }

    /** How leaders read a rule's name: its policy citation, else its Chinese name; never the rule id (D24). */
    String heading(Rule rule) {
        return cites.getOrDefault(rule.id(), rule.name());
    }

    /** {@link #heading(Rule)} by rule id, for stored lines. */
    String heading(String ruleId) {
        if (cites.containsKey(ruleId)) {
            return cites.get(ruleId);
        }
        return java.util.stream.Stream.concat(annual.stream(), quarterly.stream()).filter(r -> r.id().equals(ruleId))
                .map(Rule::name).findFirst().orElse(ruleId);
    }

    /** The rules for one run (see {@link Rule#forRun()}): a quarter's (INC-12, INC-8's quarterly part) or a year's. */
    List<Rule> rulesFor(boolean quarterlyRun) {
        return (quarterlyRun ? quarterly : annual).stream().map(Rule::forRun).toList();
    }

    /** The kinds of data a quarter's or a year's rules read, in the order of {@link Entity}. */
    Set<Entity> entitiesFor(boolean quarterlyRun) {
        Set<Entity> kinds = EnumSet.noneOf(Entity.class);
        (quarterlyRun ? quarterly : annual).forEach(r -> kinds.add(r.entity()));
        return kinds;
    }
}
