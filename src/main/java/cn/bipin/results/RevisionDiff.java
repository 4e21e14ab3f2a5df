package cn.bipin.results;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.bipin.results.ScoreRepository.DimensionScoreRow;
import cn.bipin.results.ScoreRepository.RankedScore;
import cn.bipin.run.Run;
import cn.bipin.run.RunRepository;
import cn.bipin.submission.SubmissionRows;
import cn.bipin.submission.SubmissionRows.RowSource;

/**
 * What a revision changed against the revision published before it: the inputs (values used for scoring) and
 * the scores and ranks, in every competition and the total. Drives the 更正 bulletin and the decision whether a
 * re-run needs mailing at all.
 */
@Service
public class RevisionDiff {

    /** A value used for scoring that changed, with where the new value came from. */
    public record InputChange(String competitionCode, String dimensionCode, String unitCode, BigDecimal oldValue,
            BigDecimal newValue, String fileName, LocalDateTime receivedAt) {
    }

    /** A score or rank that changed; {@code competitionCode} null for the total. */
    public record ScoreChange(String competitionCode, String unitCode, BigDecimal oldScore, BigDecimal newScore,
            Integer oldRank, Integer newRank) {
    }

    /** The changes of {@code run} against {@code previous}. */
    public record Diff(Run run, Run previous, List<InputChange> inputs, List<ScoreChange> scores) {
        public boolean unchanged() {
            return inputs.isEmpty() && scores.isEmpty();
        }
    }

    private final ScoreRepository scoreRepository;
    private final RunRepository runs;
    private final SubmissionRows rows;

    RevisionDiff(ScoreRepository scoreRepository, RunRepository runs, SubmissionRows rows) {
        this.scoreRepository = scoreRepository;
        this.runs = runs;
        this.rows = rows;
    }

    /** The diff against the latest completed earlier revision, or empty for a first revision. */
    public Optional<Diff> againstPrevious(Run run) {
        return runs.previousCompletedRevision(run).map(previous -> diff(run, previous));
    }

    Diff diff(Run run, Run previous) {
        Map<String, DimensionScoreRow> before = new HashMap<>();
        scoreRepository.dimensions(previous.id()).forEach(d -> before.put(d.dimensionCode() + "|" + d.unitCode(), d));
        List<InputChange> inputs = new ArrayList<>();
        for (DimensionScoreRow now : scoreRepository.dimensions(run.id())) {
            DimensionScoreRow was = before.get(now.dimensionCode() + "|" + now.unitCode());
            BigDecimal oldValue = was == null ? null : was.value();
            if (!same(oldValue, now.value())) {
                RowSource source = now.sourceRowId() == null ? null : rows.source(now.sourceRowId()).orElse(null);
                inputs.add(new InputChange(now.competitionCode(), now.dimensionCode(), now.unitCode(), oldValue, now.value(),
                        source == null ? null : source.fileName(), source == null ? null : source.receivedAt()));
            }
        }
        List<ScoreChange> changes = new ArrayList<>();
        compare(scoreRepository.competitions(previous.id()), scoreRepository.competitions(run.id()), changes);
        compare(scoreRepository.totals(previous.id()), scoreRepository.totals(run.id()), changes);
        return new Diff(run, previous, inputs, changes);
    }

    private static void compare(List<RankedScore> before, List<RankedScore> now, List<ScoreChange> into) {
        Map<String, RankedScore> was = new HashMap<>();
        before.forEach(s -> was.put(s.competitionCode() + "|" + s.unitCode(), s));
        for (RankedScore s : now) {
            RankedScore w = was.get(s.competitionCode() + "|" + s.unitCode());
            if (w == null || !same(w.score(), s.score()) || w.rank() != s.rank()) {
                into.add(new ScoreChange(s.competitionCode(), s.unitCode(), w == null ? null : w.score(), s.score(),
                        w == null ? null : w.rank(), s.rank()));
            }
        }
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return Objects.equals(a, b) || (a != null && b != null && a.compareTo(b) == 0);
    }
}
