package io.windbell.scoring.silent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The score's arithmetic by hand: weights, half-life decay, caps, the 0..100 map, the rank key, the reasons. */
class RiskStateTest {

    static final RiskFormula FORMULA = new RiskFormula(
            Map.of(Signal.FAILURE, 3.0, Signal.INTERRUPTION, 5.0, Signal.SLOW_KEY_STEP, 2.0, Signal.ABANDONMENT, 4.0),
            Map.of(Signal.FAILURE, 12.0, Signal.INTERRUPTION, 15.0, Signal.SLOW_KEY_STEP, 6.0, Signal.ABANDONMENT,
                    12.0),
            Duration.ofDays(14), 10);
    static final Duration LOOKBACK = Duration.ofDays(30);
    static final Instant T = Instant.parse("2025-03-10T08:00:00Z");

    static RiskState.Observed failure(String code, Instant at) {
        return new RiskState.Observed(Signal.FAILURE, "loan.submit", code, at);
    }

    @Test
    void threeFailuresAndAnInterruption() {
        // 3 failures (3 points each) + 1 interruption (5) at T: P = 14; score = 100 (1 - e^-1.4) = 75.340...
        RiskState state = RiskState.EMPTY.fold(
                List.of(failure("E_TIMEOUT", T), failure("E_TIMEOUT", T), failure("E_TIMEOUT", T),
                        new RiskState.Observed(Signal.INTERRUPTION, "loan.submit", "FAILURE", T)),
                FORMULA, LOOKBACK, 10);

        assertThat(state.points()).isCloseTo(14, within(1e-12));
        assertThat(state.score(FORMULA, T)).isCloseTo(100 * (1 - Math.exp(-1.4)), within(1e-9));
        assertThat(state.entries()).extracting(RiskState.Entry::detail).containsExactly(
                "3 failures at loan.submit (E_TIMEOUT)", "1 interrupted journey at loan.submit (FAILURE)");
        // 14 days later (one half-life) P = 7: score = 100 (1 - e^-0.7) = 50.341...
        assertThat(state.score(FORMULA, T.plus(Duration.ofDays(14)))).isCloseTo(100 * (1 - Math.exp(-0.7)),
                within(1e-9));
    }

    @Test
    void olderPointsDecayToTheNewestEvent() {
        // a failure at T (3 points), then one 28 days later: 3 / 4 + 3 = 3.75 points as of T + 28 d
        RiskState first = RiskState.EMPTY.fold(List.of(failure("E1", T)), FORMULA, LOOKBACK, 10);
        RiskState second = first.fold(List.of(failure("E1", T.plus(Duration.ofDays(28)))), FORMULA, LOOKBACK, 10);

        assertThat(second.asOf()).isEqualTo(T.plus(Duration.ofDays(28)));
        assertThat(second.points()).isCloseTo(3.75, within(1e-12));
        assertThat(second.entries()).singleElement().satisfies(e -> assertThat(e.count()).isEqualTo(2));
        // an event arriving late (at T, folded after T + 28 d) counts with its own age: + 3 / 4
        assertThat(second.fold(List.of(failure("E1", T)), FORMULA, LOOKBACK, 10).points()).isCloseTo(4.5,
                within(1e-12));
    }

    @Test
    void eachSignalIsCappedAndItsEntriesScaledAlike() {
        // 5 failures at A (15) and 1 at B (3) at T: 18 > cap 12, each scaled by 12 / 18: A 10, B 2
        RiskState state = RiskState.EMPTY.fold(List.of(failure("A", T), failure("A", T), failure("A", T),
                failure("A", T), failure("A", T), failure("B", T)), FORMULA, LOOKBACK, 10);

        assertThat(state.points()).isCloseTo(12, within(1e-12));
        assertThat(state.entries().get(0).points()).isCloseTo(10, within(1e-12));
        assertThat(state.entries().get(1).points()).isCloseTo(2, within(1e-12));
    }

    @Test
    void entriesOlderThanTheLookbackAreForgotten() {
        RiskState old = RiskState.EMPTY.fold(List.of(failure("OLD", T)), FORMULA, LOOKBACK, 10);
        RiskState later = old.fold(List.of(failure("NEW", T.plus(Duration.ofDays(31)))), FORMULA, LOOKBACK, 10);

        assertThat(later.entries()).extracting(RiskState.Entry::code).containsExactly("NEW");
        assertThat(later.lastSignalAt()).isEqualTo(T.plus(Duration.ofDays(31)));
    }

    @Test
    void theRankKeyOrdersCustomersAtAnyInstant() {
        // A: 8 points as of T; B: 5 points as of T + 7 d. At T + 7 d A has 8 / sqrt(2) = 5.66 > 5: A ranks first,
        // and stays first at every later instant since both decay alike
        double a = FORMULA.rankKey(8, T);
        double b = FORMULA.rankKey(5, T.plus(Duration.ofDays(7)));
        assertThat(a).isGreaterThan(b);
        // the threshold of score 50 at T + 7 d: P >= -10 ln(0.5) = 6.93; A has 5.66 there, B 5: neither
        Instant now = T.plus(Duration.ofDays(7));
        double threshold = FORMULA.rankKeyAt(FORMULA.pointsFor(50), now);
        assertThat(a).isLessThan(threshold);
        assertThat(FORMULA.rankKey(7, now)).isGreaterThan(threshold);
        assertThat(FORMULA.score(FORMULA.pointsFor(50))).isCloseTo(50, within(1e-9));
        assertThat(FORMULA.rankKey(0, T)).isNull();
    }

    @Test
    void onlyTheEntriesWithMostPointsAreKept() {
        RiskState state = RiskState.EMPTY.fold(
                List.of(failure("A", T), new RiskState.Observed(Signal.INTERRUPTION, "loan.submit", "TIMEOUT", T),
                        new RiskState.Observed(Signal.SLOW_KEY_STEP, "loan.credit_check", null, T)),
                FORMULA, LOOKBACK, 2);

        assertThat(state.entries()).extracting(RiskState.Entry::signal).containsExactly(Signal.INTERRUPTION,
                Signal.FAILURE);
    }
}
