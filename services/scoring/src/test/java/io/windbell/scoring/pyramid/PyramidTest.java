package io.windbell.scoring.pyramid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.windbell.scoring.index.ExperienceIndex;
import io.windbell.scoring.index.IndexInputs;
import io.windbell.scoring.index.IndexModel;
import io.windbell.scoring.pyramid.Pyramid.Node;
import io.windbell.scoring.rollup.RollupReader.FactorKey;
import io.windbell.scoring.rollup.ScoreCounts;

/** The pyramid on a small known dataset of two periods; the arithmetic is in the comments. */
class PyramidTest {

    static final double EPS = 1e-9;
    static final String A = "WEALTH_PURCHASE";
    static final String B = "CARD_ACTIVATION";

    /** NPS answers: so many promoters (10), passives (8) and detractors (3). */
    static ScoreCounts nps(int promoters, int passives, int detractors) {
        ScoreCounts counts = ScoreCounts.forScale("NPS");
        add(counts, 10, promoters);
        add(counts, 8, passives);
        add(counts, 3, detractors);
        return counts;
    }

    static ScoreCounts scores(String scale, int score, int times, int other, int otherTimes) {
        ScoreCounts counts = ScoreCounts.forScale(scale);
        add(counts, score, times);
        add(counts, other, otherTimes);
        return counts;
    }

    static void add(ScoreCounts counts, int score, int times) {
        for (int i = 0; i < times; i++) {
            counts.add(score);
        }
    }

    static ScoreCounts sum(ScoreCounts a, ScoreCounts b) {
        ScoreCounts total = ScoreCounts.forScale("NPS");
        total.add(a);
        total.add(b);
        return total;
    }

    /**
     * This period: journey A 6P 2Pa 2D (NPS 40), B 2P 4Pa 4D (NPS -20), the bank their sum 8P 6Pa 6D (NPS 10). A's
     * factors: app.login RATING 36 fives and 4 twos (top-2 .9 → 90), app.transfer CES 10 ones (mean 1 → 100).
     */
    static IndexInputs current() {
        ScoreCounts a = nps(6, 2, 2);
        ScoreCounts b = nps(2, 4, 4);
        return new IndexInputs(Map.of("NPS", sum(a, b)), Map.of("NPS", Map.of(A, a, B, b)),
                Map.of(new FactorKey(A, "app.login", "RATING"), scores("RATING", 5, 36, 2, 4),
                        new FactorKey(A, "app.transfer", "CES"), scores("CES", 1, 10, 1, 0)),
                Map.of(), Map.of());
    }

    /**
     * The previous period: A 3P 3Pa 4D (NPS -10), B 2P 4Pa 4D (NPS -20), the bank 5P 7Pa 8D (NPS -15); app.login RATING
     * 20 fours and 20 ones (top-2 .5 → 50), app.transfer not asked.
     */
    static IndexInputs previous() {
        ScoreCounts a = nps(3, 3, 4);
        ScoreCounts b = nps(2, 4, 4);
        return new IndexInputs(Map.of("NPS", sum(a, b)), Map.of("NPS", Map.of(A, a, B, b)),
                Map.of(new FactorKey(A, "app.login", "RATING"), scores("RATING", 4, 20, 1, 20)), Map.of(), Map.of());
    }

    static Node pyramid() {
        return PyramidService.build(IndexModel.DEFAULT, 30, current(), previous(), 0.05, 30);
    }

    @Test
    void valuesDeltasAndTheTrendTest() {
        Node bank = pyramid();
        assertThat(bank.level()).isEqualTo(Pyramid.Level.NORTH_STAR);
        assertThat(bank.metric()).isEqualTo("NPS");
        assertThat(bank.value()).isCloseTo(10, within(EPS));
        assertThat(bank.previous()).isCloseTo(-15, within(EPS));
        assertThat(bank.delta()).isCloseTo(25, within(EPS));
        // var now 100² (.4 + .3 - .01) / 20 = 345, before 100² (.25 + .4 - .0225) / 20 = 313.75:
        // z = 25 / sqrt(658.75) = 0.974046, not significant
        assertThat(bank.z()).isCloseTo(25 / Math.sqrt(658.75), within(1e-9));
        assertThat(bank.significant()).isFalse();
        assertThat(bank.n()).isEqualTo(20);
        assertThat(bank.lowSample()).isTrue();
        assertThat(bank.contribution()).isNull();

        Node a = journey(bank, A);
        // A: 40 against -10; var 100² (.8 - .16) / 10 = 640 and 100² (.7 - .01) / 10 = 690: z = 50 / sqrt(1330) =
        // 1.37102
        assertThat(a.delta()).isCloseTo(50, within(EPS));
        assertThat(a.z()).isCloseTo(1.371021, within(1e-6));
        assertThat(a.significant()).isFalse();

        Node login = factor(a, "app.login");
        // 90 against 50; var .9·.1/40·100² = 22.5 and .5·.5/40·100² = 62.5: z = 40 / sqrt(85) = 4.338609, p < .001
        assertThat(login.metric()).isEqualTo("FACTOR_SCORE");
        assertThat(login.questionType()).isEqualTo("RATING");
        assertThat(login.value()).isCloseTo(90, within(EPS));
        assertThat(login.previous()).isCloseTo(50, within(EPS));
        assertThat(login.z()).isCloseTo(40 / Math.sqrt(85), within(1e-9));
        assertThat(login.pValue()).isLessThan(0.001);
        assertThat(login.significant()).isTrue();
        assertThat(login.lowSample()).isFalse();

        Node transfer = factor(a, "app.transfer");
        // not asked before: no previous value, no delta, no test
        assertThat(transfer.value()).isCloseTo(100, within(EPS));
        assertThat(transfer.previous()).isNull();
        assertThat(transfer.delta()).isNull();
        assertThat(transfer.significant()).isFalse();
        assertThat(transfer.z()).isNull();
    }

    @Test
    void journeysSplittingTheBanksAnswersContributeTheirPullAndAddUpToZero() {
        Node bank = pyramid();
        // A: (10 / 20) · (40 - 10) = 15; B: (10 / 20) · (-20 - 10) = -15; sum 0 = (10·40 + 10·(-20)) / 20 - 10
        assertThat(journey(bank, A).contribution()).isCloseTo(15, within(EPS));
        assertThat(journey(bank, B).contribution()).isCloseTo(-15, within(EPS));
        assertThat(bank.children().stream().mapToDouble(Node::contribution).sum()).isCloseTo(0, within(EPS));
        // B has no factors
        assertThat(journey(bank, B).children()).isEmpty();
    }

    @Test
    void factorsContributeInTheJourneysUnitAndAddUpToTheirWeightedMeanMinusTheJourney() {
        Node a = journey(pyramid(), A);
        // on 0..100: A's NPS 40 is (40 + 100) / 2 = 70, one point of it is 2 NPS points; shares 40/50 and 10/50:
        // login .8 · (90 - 70) · 2 = 32, transfer .2 · (100 - 70) · 2 = 12; sum 44 = 2 · ((.8·90 + .2·100) - 70)
        assertThat(factor(a, "app.login").contribution()).isCloseTo(32, within(EPS));
        assertThat(factor(a, "app.transfer").contribution()).isCloseTo(12, within(EPS));
        assertThat(a.children().stream().mapToDouble(Node::contribution).sum())
                .isCloseTo(2 * ((0.8 * 90 + 0.2 * 100) - 70), within(EPS));
    }

    @Test
    void nothingInScopeIsAnEmptyPyramid() {
        Node bank = PyramidService.build(IndexModel.DEFAULT, 30, IndexInputs.EMPTY, IndexInputs.EMPTY, 0.05, 30);
        assertThat(bank.n()).isZero();
        assertThat(bank.value()).isNull();
        assertThat(bank.children()).isEmpty();
    }

    @Test
    void anIndexNorthStarPutsTheBanksIndexAtTheTop() {
        IndexModel model = new IndexModel("BANK_TEST", 1, null, IndexModel.NorthStar.INDEX, null,
                IndexModel.DEFAULT.weights());
        Node bank = PyramidService.build(model, 5, current(), previous(), 0.05, 30);
        // only NPS is measured: the index is (10 + 100) / 2 = 55 now and (-15 + 100) / 2 = 42.5 before
        assertThat(bank.metric()).isEqualTo("INDEX");
        assertThat(bank.value()).isCloseTo(55, within(EPS));
        assertThat(bank.previous()).isCloseTo(42.5, within(EPS));
        assertThat(bank.value()).isCloseTo(ExperienceIndex.of(current().bank(), model, 5).value().value(), within(EPS));
        // A's index 70 against the bank's 55, both on 0..100: (10 / 20) · (70 - 55) = 7.5
        assertThat(journey(bank, A).contribution()).isCloseTo(7.5, within(EPS));
    }

    @Test
    void weeksStartOnMondayAndMonthsOnTheFirst() {
        // 2025-03-05 is a Wednesday
        Period week = Period.containing(Period.Kind.WEEK, LocalDate.parse("2025-03-05"));
        assertThat(week.from()).isEqualTo("2025-03-03");
        assertThat(week.to()).isEqualTo("2025-03-09");
        assertThat(week.previous().from()).isEqualTo("2025-02-24");
        Period month = Period.containing(Period.Kind.MONTH, LocalDate.parse("2024-03-31"));
        assertThat(month.from()).isEqualTo("2024-03-01");
        assertThat(month.previous())
                .isEqualTo(new Period(Period.Kind.MONTH, LocalDate.parse("2024-02-01"), LocalDate.parse("2024-02-29")));
    }

    static Node journey(Node bank, String code) {
        return bank.children().stream().filter(n -> n.code().equals(code)).findFirst().orElseThrow();
    }

    static Node factor(Node journey, String touchpoint) {
        return journey.children().stream().filter(n -> n.code().equals(touchpoint)).findFirst().orElseThrow();
    }
}
