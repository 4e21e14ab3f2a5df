package cn.bipin.award;

import cn.bipin.jdbc.RecordRows;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.bipin.results.PeriodRuns;
import cn.bipin.results.ScoreRepository;
import cn.bipin.results.ScoreRepository.RankedScore;
import cn.bipin.run.Run;
import cn.bipin.scheme.Competition;
import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Scheme;

/** Applies R-AWARD-1 to an annual run's stored results and keeps the outcome per unit. */
@Service
public class AwardService {

    private final ScoreRepository scores;
    private final PeriodRuns periodRuns;
    private final JdbcClient jdbc;

    AwardService(ScoreRepository scores, PeriodRuns periodRuns, JdbcClient jdbc) {
        this.scores = scores;
        this.periodRuns = periodRuns;
        this.jdbc = jdbc;
    }

    @Transactional
    public List<UnitAward> apply(Run annualRun, Scheme scheme) {
        Map<String, Integer> annualRanks = new LinkedHashMap<>();
        Map<String, BigDecimal> totals = new HashMap<>();
        for (RankedScore t : scores.totals(annualRun.id())) {
            annualRanks.put(t.unitCode(), t.rank());
            totals.put(t.unitCode(), t.score());
        }
        List<UnitAward> awards = AwardCalculator.apply(scheme.awards(), annualRanks, totals, periodRanks(scheme));
        jdbc.sql("DELETE FROM unit_award WHERE run_id = ?").param(annualRun.id()).update();
        for (UnitAward a : awards) {
            jdbc.sql("""
                    INSERT INTO unit_award (run_id, unit_code, annual_rank, total_score, efficiency_points,
                      excellent_quota, work_funds, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(annualRun.id(), a.unitCode(), a.annualRank(), a.totalScore(), a.efficiencyPoints(),
                            a.excellentQuota(), a.workFunds(), a.reason())
                    .update();
        }
        return awards;
    }

    public List<UnitAward> forRun(long runId) {
        return jdbc.sql("SELECT * FROM unit_award WHERE run_id = :run ORDER BY annual_rank, unit_code")
                .param("run", runId).query(RecordRows.of(UnitAward.class)).list();
    }

    /** Each unit's rank in every period of every competition it took part in, ranked in the competition's own cycle. */
    private Map<String, List<PeriodRank>> periodRanks(Scheme scheme) {
        Map<String, List<PeriodRank>> result = new HashMap<>();
        for (Cycle cycle : List.of(Cycle.MONTHLY, Cycle.QUARTERLY)) {
            List<Competition> competitions = scheme.competitions(cycle);
            if (competitions.isEmpty()) {
                continue;
            }
            for (Run run : periodRuns.require(scheme, scheme.scoredPeriods(cycle))) {
                List<RankedScore> ranked = scores.competitions(run.id());
                for (Competition c : competitions) {
                    for (RankedScore s : ranked) {
                        if (s.competitionCode().equals(c.code())) {
                            result.computeIfAbsent(s.unitCode(), u -> new ArrayList<>())
                                    .add(new PeriodRank(run.period().shortLabel() + " " + c.name(), s.rank(), c.code()));
                        }
                    }
                }
            }
        }
        return result;
    }
}
