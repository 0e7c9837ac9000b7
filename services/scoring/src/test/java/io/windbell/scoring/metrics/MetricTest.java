package io.windbell.scoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import io.windbell.scoring.rollup.Sketches;
import io.windbell.scoring.stats.Estimate;

/** The metric maths on hand-computed totals: what a summed rollup row becomes. */
class MetricTest {

    /** Response totals: n, then the cells of a 0..10 scale (CSAT and CES use the first 5 and 7). */
    private static Totals answers(long... cells) {
        long[] sums = new long[12];
        System.arraycopy(cells, 0, sums, 1, cells.length);
        sums[0] = Arrays.stream(cells).sum();
        return new Totals(sums, null, null);
    }

    @Test
    void noAnswersIsNoValue() {
        Estimate nps = Metric.NPS.read(answers()).estimate();
        assertThat(nps.n()).isZero();
        assertThat(nps.value()).isNaN();
        assertThat(nps.defined()).isFalse();
        assertThat(Metric.SUCCESS_RATE.read(new Totals(new long[6], null, null)).estimate().value()).isNaN();
        assertThat(Metric.DURATION_P50.read(new Totals(new long[6], null, null)).estimate().n()).isZero();
    }

    @Test
    void oneAnswer() {
        // one 10: NPS 100, variance 100² (1 + 0 - 1²) / 1 = 0
        Metric.Reading reading = Metric.NPS.read(answers(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1));
        assertThat(reading.estimate().value()).isEqualTo(100.0);
        assertThat(reading.estimate().n()).isEqualTo(1);
        assertThat(reading.estimate().marginOfError95()).isZero();
        assertThat(reading.components()).containsEntry("promoters", 1L).containsEntry("detractors", 0L);
    }

    @Test
    void allPromoters() {
        // five 9s and three 10s: P = 8 of 8, NPS = 100 with no sampling variance
        Estimate nps = Metric.NPS.read(answers(0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 3)).estimate();
        assertThat(nps.value()).isEqualTo(100.0);
        assertThat(nps.variance()).isZero();
        assertThat(nps.n()).isEqualTo(8);
    }

    @Test
    void npsAndItsMarginOfError() {
        // 6 promoters (9, 10), 2 passives (7, 8), 2 detractors (0, 3): p = .6, d = .2, NPS = 100 (.6 - .2) = 40
        // variance = 100² (p + d - (p - d)²) / n = 10000 (.8 - .16) / 10 = 640; MoE = 1.959964 sqrt(640) = 49.5836
        Metric.Reading reading = Metric.NPS.read(answers(1, 0, 0, 1, 0, 0, 0, 1, 1, 3, 3));
        assertThat(reading.estimate().value()).isCloseTo(40.0, within(1e-9));
        assertThat(reading.estimate().variance()).isCloseTo(640.0, within(1e-9));
        assertThat(reading.estimate().marginOfError95()).isCloseTo(49.5836, within(1e-4));
        assertThat(reading.components()).containsEntry("promoters", 6L).containsEntry("passives", 2L)
                .containsEntry("detractors", 2L);
    }

    @Test
    void csatAndCes() {
        // CSAT 1..5 counts 1,1,2,3,3: n = 10, top-2 = 6 -> .6 (variance .6 x .4 / 10 = .024);
        // mean = (1 + 2 + 6 + 12 + 15) / 10 = 3.6
        Totals csat = answers(1, 1, 2, 3, 3);
        assertThat(Metric.CSAT_TOP2.read(csat).estimate().value()).isCloseTo(0.6, within(1e-12));
        assertThat(Metric.CSAT_TOP2.read(csat).estimate().variance()).isCloseTo(0.024, within(1e-12));
        assertThat(Metric.CSAT_MEAN.read(csat).estimate().value()).isCloseTo(3.6, within(1e-12));
        // CES 1..7 counts 2,2,2,1,1,1,1: hard (5-7) = 3 of 10 -> .3; mean = (2 + 4 + 6 + 4 + 5 + 6 + 7) / 10 = 3.4
        Totals ces = answers(2, 2, 2, 1, 1, 1, 1);
        assertThat(Metric.CES_HARD_SHARE.read(ces).estimate().value()).isCloseTo(0.3, within(1e-12));
        assertThat(Metric.CES_MEAN.read(ces).estimate().value()).isCloseTo(3.4, within(1e-12));
    }

    @Test
    void factorsAreReadOnTheirOwnScale() {
        // an NPS factor: 9, 10, 3 -> (2 - 1) / 3 = 33.3; a RATING factor 1..5: 2 x 4 and 1 x 5 -> 13 / 3 = 4.333
        long[] nps = new long[12];
        nps[0] = 3;
        nps[1 + 9] = 1;
        nps[1 + 10] = 1;
        nps[1 + 3] = 1;
        assertThat(Metric.FACTOR_SCORE.read(new Totals(nps, null, "NPS")).estimate().value()).isCloseTo(100.0 / 3,
                within(1e-9));
        long[] rating = new long[12];
        rating[0] = 3;
        rating[1 + 3] = 2;
        rating[1 + 4] = 1;
        assertThat(Metric.FACTOR_SCORE.read(new Totals(rating, null, "RATING")).estimate().value()).isCloseTo(13.0 / 3,
                within(1e-9));
    }

    @Test
    void ratesOfTouchpointsJourneysAndInvitations() {
        // 10 events: 6 successes, 2 failures, 1 abandoned, 1 INFO (no outcome): denominators are 9
        Totals events = new Totals(new long[] { 10, 6, 2, 1, 0, 0 }, null, null);
        assertThat(Metric.SUCCESS_RATE.read(events).estimate().value()).isCloseTo(6.0 / 9, within(1e-12));
        assertThat(Metric.SUCCESS_RATE.read(events).estimate().n()).isEqualTo(9);
        assertThat(Metric.ERROR_RATE.read(events).estimate().value()).isCloseTo(2.0 / 9, within(1e-12));
        assertThat(Metric.ABANDONMENT_RATE.read(events).estimate().value()).isCloseTo(1.0 / 9, within(1e-12));
        assertThat(Metric.SUCCESS_RATE.read(events).components()).containsEntry("info", 1L);
        // started 10, completed 6, interrupted 2, resumed 1, ended 8, switched 2: 6/8, 2/8, 2/8
        Totals journeys = new Totals(new long[] { 10, 6, 2, 1, 8, 2, 0, 0 }, null, null);
        assertThat(Metric.COMPLETION_RATE.read(journeys).estimate().value()).isEqualTo(0.75);
        assertThat(Metric.INTERRUPTION_RATE.read(journeys).estimate().value()).isEqualTo(0.25);
        assertThat(Metric.CHANNEL_SWITCH_RATE.read(journeys).estimate().value()).isEqualTo(0.25);
        // 10 invited, 4 responded, 3 expired: .4 of n = 10
        Estimate rate = Metric.RESPONSE_RATE.read(new Totals(new long[] { 10, 4, 3 }, null, null)).estimate();
        assertThat(rate.value()).isEqualTo(0.4);
        assertThat(rate.n()).isEqualTo(10);
    }

    @Test
    void percentilesOfMergedSketchesAreWithinTheStatedError() {
        // a skewed sample (log-normal durations, fixed seed) split over two "days", each stored and read back
        Random random = new Random(42);
        long[] sample = new long[20_001];
        Histogram dayOne = Sketches.empty();
        Histogram dayTwo = Sketches.empty();
        for (int i = 0; i < sample.length; i++) {
            sample[i] = Math.round(Math.exp(6 + 1.5 * random.nextGaussian()));
            (i % 2 == 0 ? dayOne : dayTwo).recordValue(sample[i]);
        }
        Histogram merged = Sketches.empty();
        Sketches.addEncoded(merged, Sketches.encode(dayOne));
        Sketches.addEncoded(merged, Sketches.encode(dayTwo));
        Arrays.sort(sample);
        Totals totals = new Totals(new long[] { 0, 0, 0, 0, sample.length, 0 }, merged, null);
        // the exact percentile by nearest rank: the ceil(p n)-th smallest value
        long exactP50 = sample[(int) Math.ceil(0.5 * sample.length) - 1];
        long exactP90 = sample[(int) Math.ceil(0.9 * sample.length) - 1];
        assertThat(Metric.DURATION_P50.read(totals).estimate().value()).isCloseTo(exactP50,
                within(Sketches.RELATIVE_ERROR * exactP50 + 1));
        assertThat(Metric.DURATION_P90.read(totals).estimate().value()).isCloseTo(exactP90,
                within(Sketches.RELATIVE_ERROR * exactP90 + 1));
        assertThat(Metric.DURATION_P90.read(totals).estimate().n()).isEqualTo(sample.length);
    }
}
