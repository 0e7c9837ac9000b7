package io.windbell.scoring.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The X-data metrics of a score distribution, against hand-computed cases. */
class ScoreCountsTest {

    @Test
    void emptyOneAnswerAndAllPromoters() {
        ScoreCounts nps = ScoreCounts.forScale("NPS");
        assertThat(nps.n()).isZero();
        assertThat(nps.nps().defined()).isFalse();
        nps.add(6);
        // one detractor: NPS -100, variance 100² (0 + 1 - 1) / 1 = 0
        assertThat(nps.nps().value()).isEqualTo(-100);
        ScoreCounts promoters = ScoreCounts.forScale("NPS");
        promoters.add(9);
        promoters.add(10);
        promoters.add(10);
        assertThat(promoters.nps().value()).isEqualTo(100);
        assertThat(promoters.nps().marginOfError95()).isZero();
    }

    @Test
    void csatTopTwoAndMeanAndCesHardShare() {
        // CSAT 5, 4, 2, 1: top-2 = 2/4 = .5, mean 3
        ScoreCounts csat = ScoreCounts.forScale("CSAT");
        for (int score : new int[] { 5, 4, 2, 1 }) {
            assertThat(csat.add(score)).isTrue();
        }
        assertThat(csat.topTwoShare().value()).isEqualTo(0.5);
        assertThat(csat.mean().value()).isEqualTo(3);
        // s² = ((5-3)² + (4-3)² + (2-3)² + (1-3)²) / 3 = 10/3, var(mean) = 10/12
        assertThat(csat.mean().variance()).isCloseTo(10.0 / 12, within(1e-12));
        assertThat(csat.add(6)).isFalse();
        // CES 7, 5, 4, 1: hard (5..7) = 2/4
        ScoreCounts ces = ScoreCounts.forScale("CES");
        for (int score : new int[] { 7, 5, 4, 1 }) {
            ces.add(score);
        }
        assertThat(ces.hardShare().value()).isEqualTo(0.5);
        assertThat(ces.mean().value()).isEqualTo(4.25);
    }

    @Test
    void daysAddUpToTheWeek() {
        ScoreCounts monday = ScoreCounts.forScale("NPS");
        monday.add(10);
        monday.add(3);
        ScoreCounts tuesday = ScoreCounts.forScale("NPS");
        tuesday.add(8);
        ScoreCounts week = ScoreCounts.forScale("NPS");
        week.add(monday);
        week.add(tuesday);
        // 1 promoter, 1 passive, 1 detractor: NPS 0
        assertThat(week.n()).isEqualTo(3);
        assertThat(week.nps().value()).isZero();
        assertThat(week.counts()[10]).isEqualTo(1);
    }
}
