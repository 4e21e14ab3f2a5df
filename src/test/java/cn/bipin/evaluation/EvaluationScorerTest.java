package cn.bipin.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * D8 over whole targets, worked by hand. Weights: groups enterprise 40, project_owner 20, peer_unit 20, leader 20;
 * items 服务企业 40, 服务项目 30, 问题清零 30; min 3 ballots a group; trim from 5.
 */
class EvaluationScorerTest {

    private final EvaluationRules rules = Rules.jinfeng(List.of("a", "b", "c"));

    @Test
    void allFourGroupsCounted() {
        List<Ballot> ballots = new ArrayList<>();
        // enterprise, 5 ballots: item 1 90, 80, 70, 60, 100 → drop 100, 60 → 240 / 3 = 80.00; items 2, 3 all 85, 70
        String[] first = {"90", "80", "70", "60", "100"};
        for (int i = 0; i < 5; i++) {
            ballots.add(Rules.ballot("e" + i, "enterprise", "a", first[i], "85", "70"));
        }
        // enterprise group = (40·80 + 30·85 + 30·70) / 100 = (3200 + 2550 + 2100) / 100 = 78.50
        // the other groups, 3 ballots each, all items equal: project_owner 60, peer_unit 90, leader 100
        for (int i = 0; i < 3; i++) {
            ballots.add(Rules.ballot("p" + i, "project_owner", "a", "60", "60", "60"));
            ballots.add(Rules.ballot("u" + i, "peer_unit", "a", "90", "90", "90"));
            ballots.add(Rules.ballot("l" + i, "leader", "a", "100", "100", "100"));
        }
        EvaluationResult.TargetResult a = EvaluationScorer.score(rules, ballots).target("a").orElseThrow();
        assertThat(a.groups()).extracting(EvaluationResult.GroupResult::ballots).containsExactly(5, 3, 3, 3);
        assertThat(a.groups().get(0).itemScores()).extracting(Object::toString).containsExactly("80.00", "85.00", "70.00");
        assertThat(a.groups().get(0).score()).isEqualByComparingTo("78.50");
        // total = (40·78.50 + 20·60 + 20·90 + 20·100) / 100 = (3140 + 1200 + 1800 + 2000) / 100 = 81.40
        assertThat(a.total()).isEqualByComparingTo("81.40");
        assertThat(a.dropped()).isEmpty();
        // item column 服务企业 = (40·80 + 20·60 + 20·90 + 20·100) / 100 = (3200 + 1200 + 1800 + 2000) / 100 = 82.00
        assertThat(a.itemScores().get(0)).isEqualByComparingTo("82.00");
    }

    @Test
    void aGroupWithFewerThanThreeBallotsIsDroppedAndTheRestRenormalised() {
        List<Ballot> ballots = new ArrayList<>();
        // enterprise 4 ballots (plain mean): item 1 95, 85, 75, 65 → 320 / 4 = 80.00; item 2 95 ×4; item 3 50 ×4
        String[] first = {"95", "85", "75", "65"};
        for (int i = 0; i < 4; i++) {
            ballots.add(Rules.ballot("e" + i, "enterprise", "b", first[i], "95", "50"));
        }
        // enterprise group = (40·80 + 30·95 + 30·50) / 100 = (3200 + 2850 + 1500) / 100 = 75.50
        // leader 3 ballots: 70, 80, 90 on every item → 80.00; peer 2 ballots → dropped; project_owner none → dropped
        ballots.add(Rules.ballot("l1", "leader", "b", "70", "70", "70"));
        ballots.add(Rules.ballot("l2", "leader", "b", "80", "80", "80"));
        ballots.add(Rules.ballot("l3", "leader", "b", "90", "90", "90"));
        ballots.add(Rules.ballot("u1", "peer_unit", "b", "10", "10", "10"));
        ballots.add(Rules.ballot("u2", "peer_unit", "b", "10", "10", "10"));
        EvaluationResult.TargetResult b = EvaluationScorer.score(rules, ballots).target("b").orElseThrow();
        assertThat(b.dropped()).extracting(EvaluationResult.GroupResult::group).containsExactly("project_owner", "peer_unit");
        assertThat(b.groups().get(2).ballots()).isEqualTo(2);
        // total = (40·75.50 + 20·80) / (40 + 20) = (3020 + 1600) / 60 = 77.00 — the peers' 10s do not count
        assertThat(b.total()).isEqualByComparingTo("77.00");
    }

    @Test
    void aTargetWithoutAnyGroupHasNoScoreAndNoRank() {
        List<Ballot> ballots = List.of(Rules.ballot("e1", "enterprise", "c", "90", "90", "90"));
        EvaluationResult result = EvaluationScorer.score(rules, ballots);
        EvaluationResult.TargetResult c = result.target("c").orElseThrow();
        assertThat(c.total()).isNull();
        assertThat(c.rank()).isNull();
        assertThat(c.groups().get(0).ballots()).isEqualTo(1);
    }

    @Test
    void aTokensLaterBallotForTheSameTargetReplacesTheEarlierOne() {
        List<Ballot> ballots = new ArrayList<>();
        ballots.add(Rules.ballot("x", "enterprise", "a", "10", "10", "10"));   // replaced below
        ballots.add(Rules.ballot("x", "enterprise", "b", "60", "60", "60"));   // another target: kept
        ballots.add(Rules.ballot("y", "enterprise", "a", "80", "80", "80"));
        ballots.add(Rules.ballot("z", "enterprise", "a", "90", "90", "90"));
        ballots.add(Rules.ballot("x", "enterprise", "a", "100", "100", "100"));
        EvaluationResult result = EvaluationScorer.score(rules, ballots);
        assertThat(result.replaced()).isEqualTo(1);
        assertThat(result.ballots()).isEqualTo(4);
        // a: 3 ballots 80, 90, 100 → 90.00 per item, group 90.00, total 90.00 (the 10s are gone)
        assertThat(result.target("a").orElseThrow().groups().get(0).ballots()).isEqualTo(3);
        assertThat(result.target("a").orElseThrow().total()).isEqualByComparingTo("90.00");
    }

    @Test
    void ranksAreStandardCompetitionRanks() {
        List<Ballot> ballots = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ballots.add(Rules.ballot("a" + i, "leader", "a", "80", "80", "80"));   // a 80.00
            ballots.add(Rules.ballot("b" + i, "leader", "b", "90", "90", "90"));   // b 90.00
            ballots.add(Rules.ballot("c" + i, "leader", "c", "80", "80", "80"));   // c 80.00
        }
        EvaluationResult result = EvaluationScorer.score(rules, ballots);
        // D6: b 1, a and c share 2, no rank 3
        assertThat(result.targets()).extracting(EvaluationResult.TargetResult::target).containsExactly("b", "a", "c");
        assertThat(result.targets()).extracting(EvaluationResult.TargetResult::rank).containsExactly(1, 2, 2);
    }
}
