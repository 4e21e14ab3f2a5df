package cn.bipin.incentive;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Period;

/**
 * Applies the rules of a run to the period's accepted data, streamed kind by kind from the database, and stores the
 * list with the once-only ledger. The annual run applies all rules but INC-12; the quarterly run INC-12 and INC-8's
 * quarterly part.
 */
@Service
class IncentiveEvaluator {

    private static final Logger log = LoggerFactory.getLogger(IncentiveEvaluator.class);

    private final IncentiveStore store;

    IncentiveEvaluator(IncentiveStore store) {
        this.store = store;
    }

    Evaluation.Result evaluate(String scheme, IncentiveConfig config, Period period, long runId) {
        List<Rule> rules = config.rulesFor(period.cycle() == Cycle.QUARTERLY);
        Map<String, String> granted = store.onceGranted(config.ledger(), scheme, period.code());
        Evaluation evaluation = new Evaluation(rules, new RuleContext(period), granted);
        for (Entity entity : config.entitiesFor(period.cycle() == Cycle.QUARTERLY)) {
            int[] n = {0};
            store.acceptedRows(scheme, period.code(), entity.key, raw -> {
                DataRow.Parsed parsed = DataRow.parse(entity, DataRow.split(raw, entity.columns.size()), null);
                if (parsed.ok()) {
                    evaluation.accept(parsed.row());
                    n[0]++;
                } else {
                    // cannot happen for a row accepted by the same parser; never let it pass silently
                    throw new IllegalStateException("accepted row no longer parses: " + parsed.errors());
                }
            });
            log.info("企业奖励：{}数据 {} 行已按规则计算", entity.label, n[0]);
        }
        Evaluation.Result result = evaluation.finish();
        store.saveAwards(runId, config.ledger(), scheme, period.code(), result);
        log.info("企业奖励：{} 项奖励，{} 项一次性奖励此前已发放", result.granted().size(), result.withheld().size());
        return result;
    }
}
