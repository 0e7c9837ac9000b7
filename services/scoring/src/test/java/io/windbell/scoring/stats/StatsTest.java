package io.windbell.scoring.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The estimates and tests against cases worked by hand (the arithmetic is in each comment). */
class StatsTest {

    @Test
    void npsAndItsMarginOfError() {
        // 5 promoters, 3 passives, 2 detractors: p = .5, d = .2, NPS = 30; var = 100² (.7 - .09) / 10 = 610
        Estimate nps = NetPromoter.of(5, 3, 2);
        assertThat(nps.value()).isCloseTo(30, within(1e-9));
        assertThat(nps.variance()).isCloseTo(610, within(1e-9));
        assertThat(nps.marginOfError95()).isCloseTo(1.959964 * 24.698178, within(1e-4));
        assertThat(nps.n()).isEqualTo(10);
    }

    @Test
    void allPromotersHaveNoSamplingVarianceAndNoAnswersNoEstimate() {
        // p = 1, d = 0: 100² (1 - 1) / 4 = 0
        assertThat(NetPromoter.of(4, 0, 0)).isEqualTo(new Estimate(100, 0, 4));
        assertThat(NetPromoter.of(0, 0, 0).defined()).isFalse();
        assertThat(NetPromoter.of(0, 0, 1).value()).isEqualTo(-100);
    }

    @Test
    void aMeanFromItsAdditiveSums() {
        // 1..5: mean 3, s² = (55 - 5·9) / 4 = 2.5, var(mean) = 2.5 / 5 = .5
        Estimate mean = Mean.of(5, 15, 55);
        assertThat(mean.value()).isEqualTo(3);
        assertThat(mean.variance()).isCloseTo(0.5, within(1e-12));
        assertThat(Mean.of(1, 4, 16).defined()).isFalse();
        assertThat(Mean.of(0, 0, 0)).isEqualTo(Estimate.EMPTY);
    }

    @Test
    void theTwoProportionTest() {
        // 45/100 vs 60/100: pooled .525, se = sqrt(.525·.475·.02) = .0706222, z = .15 / se = 2.12398, p = .03367
        Significance.Test test = Significance.twoProportions(45, 100, 60, 100, 0.05);
        assertThat(test.z()).isCloseTo(2.12398, within(1e-4));
        assertThat(test.pValue()).isCloseTo(0.03367, within(1e-4));
        assertThat(test.significant()).isTrue();
        assertThat(Significance.twoProportions(45, 100, 60, 100, 0.01).significant()).isFalse();
        assertThat(Significance.twoProportions(0, 0, 1, 1, 0.05)).isEqualTo(Significance.Test.UNDEFINED);
    }

    @Test
    void theDifferenceOfTwoEstimates() {
        // (40 - 30) / sqrt(16 + 9) = 2: p = .0455
        Significance.Test test = Significance.difference(new Estimate(30, 9, 100), new Estimate(40, 16, 100), 0.05);
        assertThat(test.z()).isCloseTo(2, within(1e-12));
        assertThat(test.pValue()).isCloseTo(0.0455, within(1e-4));
        assertThat(Significance.difference(Estimate.EMPTY, new Estimate(1, 1, 1), 0.05).significant()).isFalse();
    }

    @Test
    void aShareWithItsBinomialVariance() {
        // 3 of 4: .75, var = .75·.25 / 4 = .046875
        assertThat(Proportion.of(3, 4)).isEqualTo(new Estimate(0.75, 0.046875, 4));
        assertThat(Proportion.of(0, 0).defined()).isFalse();
    }
}
