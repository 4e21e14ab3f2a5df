package cn.bipin.cycle;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.batch.core.job.Job;
import org.springframework.stereotype.Component;

import cn.bipin.bulletin.BulletinMail;
import cn.bipin.results.PeriodRuns;
import cn.bipin.run.PeriodNotScoredException;
import cn.bipin.run.RunDefinition;
import cn.bipin.run.RunKind;
import cn.bipin.run.RunRequestException;
import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.run.Commands;

/** What the scoring runs of every cycle share: the checks before a run may start, and where its revisions write. */
@Component
class ScoreRuns {

    private final PeriodRuns periodRuns;
    private final BulletinMail mail;

    ScoreRuns(PeriodRuns periodRuns, BulletinMail mail) {
        this.periodRuns = periodRuns;
        this.mail = mail;
    }

    RunDefinition definition(Cycle cycle, Job job) {
        return definition(Set.of(cycle), job);
    }

    RunDefinition definition(Set<Cycle> cycles, Job job) {
        return new RunDefinition(RunKind.SCORE, cycles, job, this::check, Period::code, mail::deliver, null);
    }

    /** The cycles a scheme runs, each with its first period, e.g. 2019-H1（半年）、2019（年度）. */
    static String runnable(Scheme scheme) {
        return java.util.Arrays.stream(Cycle.values()).filter(scheme::runs)
                .map(c -> scheme.scoredPeriods(c).stream().findFirst().map(Period::code).orElse("-")
                        + (c == Cycle.ANNUAL ? "" : " 等") + "（" + c.label() + "）")
                .collect(Collectors.joining("、"));
    }

    /**
     * A period of the scheme's year, not before its campaign started, of a cycle the scheme scores; a quarter or a
     * year only once every period it is built from has a completed run (D22) — refused before anything is read or
     * recorded, naming the periods to run first.
     */
    void check(Scheme scheme, Period period) {
        if (period.year() != scheme.year()) {
            throw new PeriodNotScoredException("期间 " + period.code() + " 不在方案 " + scheme.id() + " 的年度 " + scheme.year() + " 内");
        }
        if (period.lastMonth().isBefore(scheme.campaignStart())) {
            throw new PeriodNotScoredException("期间 " + period.code() + " 早于方案开始的 " + scheme.campaignStart()
                    + "（动员部署阶段），不计分");
        }
        if (!scheme.runs(period.cycle())) {
            throw new RunRequestException("方案 " + scheme.id() + " 没有" + period.cycle().label() + "比拼，不按"
                    + period.cycle().label() + "运行；可运行的期间：" + runnable(scheme));
        }
        List<Period> missing = periodRuns.missingInputs(scheme, period);
        if (!missing.isEmpty()) {
            throw new RunRequestException(period.label() + "的" + period.cycle().label() + "运行要用到 "
                    + missing.stream().map(Period::code).collect(Collectors.joining("、")) + " 的结果，它们还没有完成的运行；"
                    + "请先依次运行（" + Commands.run(scheme.id(), missing.get(0)) + " 等），本次未运行");
        }
    }
}
