package cn.bipin.cycle;

import java.util.Set;

import org.springframework.batch.core.job.Job;

import cn.bipin.run.PeriodNotScoredException;
import cn.bipin.run.RunDefinition;
import cn.bipin.run.RunKind;
import cn.bipin.run.RunRequestException;
import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;

/** What the scoring runs of every cycle share: the checks before a run may start, and where its revisions write. */
final class ScoreRuns {

    private ScoreRuns() {
    }

    static RunDefinition definition(Cycle cycle, Job job) {
        return new RunDefinition(RunKind.SCORE, Set.of(cycle), job, ScoreRuns::check, Period::code, null);
    }

    /** A period of the scheme's year, not before its campaign started, of a cycle the scheme scores. */
    static void check(Scheme scheme, Period period) {
        if (period.year() != scheme.year()) {
            throw new PeriodNotScoredException("期间 " + period.code() + " 不在方案 " + scheme.id() + " 的年度 " + scheme.year() + " 内");
        }
        if (period.lastMonth().isBefore(scheme.campaignStart())) {
            throw new PeriodNotScoredException("期间 " + period.code() + " 早于方案开始的 " + scheme.campaignStart()
                    + "（动员部署阶段），不计分");
        }
        if (scheme.competitions(period.cycle()).isEmpty() && period.cycle() != Cycle.ANNUAL) {
            throw new RunRequestException("方案 " + scheme.id() + " 没有" + period.cycle().label() + "比拼");
        }
    }
}
