package io.windbell.scoring.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.windbell.scoring.index.ExperienceIndex.Part;
import io.windbell.scoring.rollup.RollupReader.FactorKey;
import io.windbell.scoring.rollup.RollupReader.JourneyTotals;
import io.windbell.scoring.rollup.RollupReader.TouchpointTotals;
import io.windbell.scoring.rollup.ScoreCounts;
import io.windbell.scoring.stats.Estimate;

/** The experience index on a small known dataset; the arithmetic is in the comments. */
class ExperienceIndexTest {

    static final double EPS = 1e-9;

    /** 5 promoters (10), 3 passives (8), 2 detractors (3): NPS 30, n 10. */
    static ScoreCounts nps() {
        return counts("NPS", 10, 10, 10, 10, 10, 8, 8, 8, 3, 3);
    }

    static ScoreCounts counts(String scale, int... scores) {
        ScoreCounts counts = ScoreCounts.forScale(scale);
        for (int score : scores) {
            counts.add(score);
        }
        return counts;
    }

    /**
     * The bank: NPS 30 (n 10), CSAT 5,4,2,1 (n 4, below the minimum of 5), no CES; touchpoints 80 of 100 succeeded, 10
     * abandoned; journeys 40 of 50 ended completed, 10 interrupted.
     */
    static IndexInputs bank() {
        return new IndexInputs(Map.of("NPS", nps(), "CSAT", counts("CSAT", 5, 4, 2, 1)), Map.of(), Map.of(),
                Map.of("app.login", new TouchpointTotals(100, 80, 20, 10)),
                Map.of("WEALTH_PURCHASE", new JourneyTotals(60, 40, 10, 50)));
    }

    @Test
    void theWeightedMeanOfThePresentComponentsRenormalised() {
        ExperienceIndex.Result result = ExperienceIndex.of(bank().bank(), IndexModel.DEFAULT, 5);
        // normalised: NPS (30 + 100) / 2 = 65; success 80; abandonment (1 - .1) 100 = 90; completion 40/50 = 80;
        // interruption (1 - 10/50) 100 = 80; CSAT (n 4 < 5) and CES (none) are dropped.
        // used weights .25 + .15 + .10 + .15 + .10 = .75 of 1.00:
        // value = (.25·65 + .15·80 + .10·90 + .15·80 + .10·80) / .75 = 57.25 / .75 = 76.3333…
        assertThat(result.value().value()).isCloseTo(57.25 / 0.75, within(EPS));
        assertThat(result.coverage()).isCloseTo(0.75, within(EPS));
        // variances on 0..100: NPS 100²(.7 - .09)/10 = 610 → ·.5² = 152.5; success .8·.2/100·100² = 16; abandonment
        // .1·.9/100·100² = 9; completion .8·.2/50·100² = 32; interruption .2·.8/50·100² = 32
        // var = (1/3)²·152.5 + (.2)²·16 + (2/15)²·9 + (.2)²·32 + (2/15)²·32 = 16.94444 + .64 + .16 + 1.28 + .56889
        assertThat(result.value().variance()).isCloseTo(152.5 / 9 + 0.64 + 0.16 + 1.28 + 32 * 4.0 / 225, within(1e-9));
        // n: the largest sample of a used component (100 touchpoint events)
        assertThat(result.value().n()).isEqualTo(100);
        Part nps = part(result, Component.NPS);
        assertThat(nps.raw().value()).isCloseTo(30, within(EPS));
        assertThat(nps.normalised().value()).isCloseTo(65, within(EPS));
        assertThat(nps.effectiveWeight()).isCloseTo(0.25 / 0.75, within(EPS));
        assertThat(nps.used()).isTrue();
    }

    @Test
    void aComponentBelowTheMinimumSampleIsDroppedAndFlaggedAndAMissingOneIsNotFlagged() {
        ExperienceIndex.Result result = ExperienceIndex.of(bank().bank(), IndexModel.DEFAULT, 5);
        Part csat = part(result, Component.CSAT);
        // top-2-box 2/4 = .5 → 50, measured but on 4 < 5 answers
        assertThat(csat.normalised().value()).isCloseTo(50, within(EPS));
        assertThat(csat.lowSample()).isTrue();
        assertThat(csat.used()).isFalse();
        assertThat(csat.effectiveWeight()).isZero();
        Part ces = part(result, Component.CES);
        assertThat(ces.raw().n()).isZero();
        assertThat(ces.lowSample()).isFalse();
        assertThat(ces.used()).isFalse();
        // with a minimum of 4, CSAT enters: (57.25 + .15·50) / .90 = 64.75 / .9 = 71.9444…, coverage .9
        ExperienceIndex.Result lower = ExperienceIndex.of(bank().bank(), IndexModel.DEFAULT, 4);
        assertThat(lower.value().value()).isCloseTo(64.75 / 0.9, within(EPS));
        assertThat(lower.coverage()).isCloseTo(0.9, within(EPS));
    }

    @Test
    void nothingMeasuredIsNoIndexWithNoCoverage() {
        ExperienceIndex.Result result = ExperienceIndex.of(IndexInputs.EMPTY.bank(), IndexModel.DEFAULT, 1);
        assertThat(result.value()).isEqualTo(Estimate.EMPTY);
        assertThat(result.coverage()).isZero();
        assertThat(result.parts()).hasSize(7).noneMatch(Part::used);
    }

    @Test
    void aJourneyHasItsAnswersAndEndsAndATouchpointItsQuestionsAndOutcomes() {
        IndexInputs inputs = new IndexInputs(Map.of(), Map.of("NPS", Map.of("WEALTH_PURCHASE", nps())),
                Map.of(new FactorKey("WEALTH_PURCHASE", "app.login", "RATING"), counts("RATING", 5, 5, 4, 1),
                        new FactorKey("CARD_ACTIVATION", "app.login", "CSAT"), counts("CSAT", 2, 2, 2, 2),
                        new FactorKey("WEALTH_PURCHASE", "app.login", "CES"), counts("CES", 1, 4)),
                Map.of("app.login", new TouchpointTotals(100, 80, 20, 10)),
                Map.of("WEALTH_PURCHASE", new JourneyTotals(60, 40, 10, 50)));
        // the journey: NPS 65, completion 80, interruption 80; weights .25 + .15 + .10 = .50 of the applicable .75
        // (NPS, CSAT, CES, completion, interruption): (.25·65 + .15·80 + .10·80) / .5 = 36.25 / .5 = 72.5
        ExperienceIndex.Result journey = ExperienceIndex.of(inputs.journey("WEALTH_PURCHASE"), IndexModel.DEFAULT, 2);
        assertThat(journey.parts()).extracting(Part::component).containsExactly(Component.NPS, Component.CSAT,
                Component.CES, Component.COMPLETION_RATE, Component.INTERRUPTION_RATE);
        assertThat(journey.value().value()).isCloseTo(72.5, within(EPS));
        assertThat(journey.coverage()).isCloseTo(0.5 / 0.75, within(EPS));
        // the touchpoint: RATING 5,5,4,1 and CSAT 2,2,2,2 add up as CSAT: top-2 3/8 → 37.5; CES mean (1 + 4) / 2 =
        // 2.5 → (7 - 2.5) / 6 · 100 = 75; success 80; abandonment 90. Applicable: CSAT, CES, success, abandonment
        // (.15 + .10 + .15 + .10 = .5, NPS not measured): (.15·37.5 + .10·75 + .15·80 + .10·90) / .5
        // = (5.625 + 7.5 + 12 + 9) / .5 = 68.25
        ExperienceIndex.Result touchpoint = ExperienceIndex.of(inputs.touchpoint("app.login"), IndexModel.DEFAULT, 2);
        assertThat(part(touchpoint, Component.CSAT).raw().n()).isEqualTo(8);
        assertThat(part(touchpoint, Component.CES).normalised().value()).isCloseTo(75, within(EPS));
        assertThat(touchpoint.value().value()).isCloseTo(68.25, within(EPS));
        assertThat(touchpoint.coverage()).isCloseTo(0.5 / 0.75, within(EPS));
    }

    @Test
    void theNormalisationsAreLinearAndCarryTheVariance() {
        // CES mean 4 on 1..7 → (7 - 4) / 6 · 100 = 50; var(mean) 0.09 → (100/6)² · .09 = 25
        Estimate ces = Component.CES.normalise(new Estimate(4, 0.09, 20));
        assertThat(ces.value()).isCloseTo(50, within(EPS));
        assertThat(ces.variance()).isCloseTo(25, within(EPS));
        // NPS -100 → 0, 100 → 100; abandonment .25 → 75
        assertThat(Component.NPS.normalise(new Estimate(-100, 0, 1)).value()).isZero();
        assertThat(Component.NPS.normalise(new Estimate(100, 0, 1)).value()).isEqualTo(100);
        assertThat(Component.ABANDONMENT_RATE.normalise(new Estimate(0.25, 0, 4)).value()).isCloseTo(75, within(EPS));
        assertThat(Component.INTERRUPTION_RATE.normalise(Estimate.EMPTY)).isEqualTo(Estimate.EMPTY);
    }

    @Test
    void aModelWeighsOnlyWhatItNames() {
        IndexModel model = new IndexModel("BANK_TEST", 1, null, IndexModel.NorthStar.NPS, null,
                Map.of(Component.NPS, 1.0, Component.SUCCESS_RATE, 3.0));
        // (1·65 + 3·80) / 4 = 76.25; every other component weighs 0, so the coverage is 4 / 4
        ExperienceIndex.Result result = ExperienceIndex.of(bank().bank(), model, 5);
        assertThat(result.value().value()).isCloseTo(76.25, within(EPS));
        assertThat(result.coverage()).isEqualTo(1);
    }

    private static Part part(ExperienceIndex.Result result, Component component) {
        return result.parts().stream().filter(p -> p.component() == component).findFirst().orElseThrow();
    }
}
