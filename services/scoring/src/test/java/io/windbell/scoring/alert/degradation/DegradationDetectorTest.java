package io.windbell.scoring.alert.degradation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.windbell.contracts.alert.Severity;
import io.windbell.contracts.alert.TouchpointDegradedAlert;
import io.windbell.contracts.alert.TouchpointDegradedAlert.Metric;
import io.windbell.contracts.alert.TouchpointRecoveredAlert;
import io.windbell.scoring.alert.LowScoreRule;
import io.windbell.scoring.alert.degradation.DegradationDetector.Check;
import io.windbell.scoring.alert.degradation.DegradationDetector.Degraded;
import io.windbell.scoring.alert.degradation.DegradationDetector.Outcome;
import io.windbell.scoring.alert.degradation.DegradationDetector.Recovered;
import io.windbell.scoring.alert.degradation.DegradationDetector.State;
import io.windbell.scoring.alert.degradation.DegradationDetector.Status;
import io.windbell.scoring.alert.degradation.DegradationDetector.Unchanged;
import io.windbell.scoring.alert.degradation.DegradationDetector.Watching;

/** The degradation test with hand-computed z, the minimum sample, once-per-window, recovery after a normal window. */
class DegradationDetectorTest {

    /**
     * The defaults of application.properties: 1 h window, 7 days baseline, n >= 50 / 200, alpha 0.001, +50% and +2 pt.
     */
    private static final DegradationDetector DETECTOR = new DegradationDetector(
            new DegradationDetector.Settings(Duration.ofHours(1), Duration.ofDays(7), 50, 200, 0.001, 0.5, 0.02),
            new LowScoreRule(new LowScoreRule.Band(6, 2, 5), new LowScoreRule.Band(2, 1, 7), Map.of(), Severity.MEDIUM,
                    Set.of("transfer.submit")));

    private static final Instant NOW = Instant.parse("2025-03-03T10:02:30Z");
    private static final HealthCounts BASELINE = attempts(200, 4);
    private static final HealthCounts BAD_HOUR = attempts(50, 15);
    private static final HealthCounts GOOD_HOUR = attempts(60, 0);

    private static HealthCounts attempts(long n, long failures) {
        return new HealthCounts(n, failures, 0, 0, 0);
    }

    @Test
    void theWindowEndsWithTheBucketOfNowAndTheBaselinePrecedesIt() {
        DegradationDetector.Window window = DETECTOR.window(NOW);
        assertThat(window.end()).isEqualTo(Instant.parse("2025-03-03T10:05:00Z"));
        assertThat(window.start()).isEqualTo(Instant.parse("2025-03-03T09:05:00Z"));
        assertThat(window.baselineStart()).isEqualTo(Instant.parse("2025-02-24T09:05:00Z"));
        assertThat(DETECTOR.window(Instant.parse("2025-03-03T10:05:00Z")).end())
                .isEqualTo(Instant.parse("2025-03-03T10:05:00Z"));
    }

    @Test
    void theErrorRateTestMatchesTheHandComputedZ() {
        // baseline 4/200 = 0.02, window 15/50 = 0.30; pooled p = 19/250 = 0.076
        // se = sqrt(0.076 * 0.924 * (1/200 + 1/50)) = sqrt(0.070224 * 0.025) = sqrt(0.0017556) = 0.0418999
        // z = (0.30 - 0.02) / 0.0418999 = 6.6826; two-sided p = 2.35e-11 < 0.001; +28 points and 15x
        Check check = DETECTOR.checks(BASELINE, BAD_HOUR).getFirst();
        assertThat(check.metric()).isEqualTo(Metric.ERROR_RATE);
        assertThat(check.test().z()).isCloseTo(6.6826, within(1e-4));
        assertThat(check.test().pValue()).isCloseTo(2.347e-11, within(1e-13));
        assertThat(check.degraded()).isTrue();
        assertThat(check.healthy()).isFalse();
    }

    @Test
    void aLargeEffectThatIsNotSignificantDoesNotDegrade() {
        // 4/200 = 0.02 -> 4/50 = 0.08 (4x, +6 points): pooled 8/250 = 0.032,
        // se = sqrt(0.032 * 0.968 * 0.025) = 0.027828, z = 0.06 / 0.027828 = 2.1561, p = 0.0311 > 0.001
        Check check = DETECTOR.checks(BASELINE, attempts(50, 4)).getFirst();
        assertThat(check.test().z()).isCloseTo(2.1561, within(1e-4));
        assertThat(check.effect()).isTrue();
        assertThat(check.degraded()).isFalse();
    }

    @Test
    void aSignificantButSmallEffectDoesNotDegrade() {
        // 2000/100000 = 0.02 -> 300/10000 = 0.03: pooled 2300/110000 = 0.0209091,
        // se = sqrt(0.0209091 * 0.9790909 * (1/100000 + 1/10000)) = sqrt(2.25191e-6) = 0.00150064,
        // z = 0.01 / 0.00150064 = 6.6638 (p = 2.7e-11), but +1 point < the +2 points asked for
        Check check = DETECTOR.checks(attempts(100_000, 2000), attempts(10_000, 300)).getFirst();
        assertThat(check.test().z()).isCloseTo(6.6638, within(1e-4));
        assertThat(check.test().significant()).isTrue();
        assertThat(check.effect()).isFalse();
        assertThat(check.degraded()).isFalse();
    }

    @Test
    void belowTheMinimumSampleThereIsNoVerdict() {
        // 15/49 in the window and 4/199 in the baseline are as significant (z = 6.76 and 6.66) but one short
        assertThat(DETECTOR.checks(BASELINE, attempts(49, 15)).getFirst().sufficient()).isFalse();
        assertThat(DETECTOR.checks(attempts(199, 4), BAD_HOUR).getFirst().sufficient()).isFalse();
        assertThat(DETECTOR.evaluate("transfer.start", BASELINE, attempts(49, 15), State.NORMAL, NOW))
                .isInstanceOf(Unchanged.class);
    }

    @Test
    void aDegradationRaisesOneAlertWithTheWindowAndASeverityFromTheEffect() {
        Outcome outcome = DETECTOR.evaluate("transfer.start", BASELINE, BAD_HOUR, State.NORMAL, NOW);

        TouchpointDegradedAlert alert = ((Degraded) outcome).alert();
        assertThat(alert.touchpointCode()).isEqualTo("transfer.start");
        assertThat(alert.metric()).isEqualTo(Metric.ERROR_RATE);
        assertThat(alert.baseline()).isEqualTo(0.02);
        assertThat(alert.current()).isEqualTo(0.30);
        assertThat(alert.sampleSize()).isEqualTo(50);
        assertThat(alert.windowStart()).isEqualTo(Instant.parse("2025-03-03T09:05:00Z"));
        assertThat(alert.windowEnd()).isEqualTo(Instant.parse("2025-03-03T10:05:00Z"));
        assertThat(alert.raisedAt()).isEqualTo(NOW);
        // +28 points >= 20: HIGH
        assertThat(alert.severity()).isEqualTo(Severity.HIGH);
        assertThat(outcome.next()).isEqualTo(new State(Status.DEGRADED, Metric.ERROR_RATE, alert.alertId(), NOW, null));
        // a critical touchpoint is one level more
        Degraded critical = (Degraded) DETECTOR.evaluate("transfer.submit", BASELINE, BAD_HOUR, State.NORMAL, NOW);
        assertThat(critical.alert().severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void theSeverityGrowsWithTheEffect() {
        // 0.02 -> 0.04: 2x, +2 points: MEDIUM; 0.04 -> 0.07: 1.75x, +3 points: LOW; 0.02 -> 0.08: 4x: HIGH
        assertThat(DegradationDetector.severity(check(4, 200, 4, 100), false)).isEqualTo(Severity.MEDIUM);
        assertThat(DegradationDetector.severity(check(8, 200, 7, 100), false)).isEqualTo(Severity.LOW);
        assertThat(DegradationDetector.severity(check(4, 200, 8, 100), false)).isEqualTo(Severity.HIGH);
        assertThat(DegradationDetector.severity(check(8, 200, 7, 100), true)).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void theMostSignificantRateIsReportedTheDetractorShareIncluded() {
        // errors 4/200 -> 15/50 (z 6.68); abandonment 4/200 -> 10/50: pooled 14/250 = 0.056,
        // se = sqrt(0.056 * 0.944 * 0.025) = 0.036354, z = 0.18 / 0.036354 = 4.95: both degraded, errors reported
        assertThat(reportedMetric(new HealthCounts(200, 4, 4, 0, 0), new HealthCounts(50, 15, 10, 0, 0)))
                .isEqualTo(Metric.ERROR_RATE);
        // the detractor share of factor answers is tested like the behavioural rates (the same z of 6.68)
        assertThat(reportedMetric(new HealthCounts(0, 0, 0, 200, 4), new HealthCounts(0, 0, 0, 50, 15)))
                .isEqualTo(Metric.DETRACTOR_RATE);
    }

    private static Metric reportedMetric(HealthCounts baseline, HealthCounts current) {
        return ((Degraded) DETECTOR.evaluate("transfer.start", baseline, current, State.NORMAL, NOW)).alert().metric();
    }

    @Test
    void aDegradedTouchpointRaisesNothingMoreWhileItStaysDegraded() {
        State degraded = DETECTOR.evaluate("transfer.start", BASELINE, BAD_HOUR, State.NORMAL, NOW).next();
        for (Duration later : new Duration[] { Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofHours(6) }) {
            assertThat(DETECTOR.evaluate("transfer.start", BASELINE, BAD_HOUR, degraded, NOW.plus(later)))
                    .isEqualTo(new Unchanged(degraded));
        }
    }

    @Test
    void atMostOneAlertPerWindowEvenAfterARecovery() {
        State recoveredRecently = new State(Status.NORMAL, null, null, NOW.minus(Duration.ofMinutes(59)), null);
        assertThat(DETECTOR.evaluate("transfer.start", BASELINE, BAD_HOUR, recoveredRecently, NOW))
                .isInstanceOf(Unchanged.class);
        State anHourAgo = new State(Status.NORMAL, null, null, NOW.minus(Duration.ofHours(1)), null);
        assertThat(DETECTOR.evaluate("transfer.start", BASELINE, BAD_HOUR, anHourAgo, NOW))
                .isInstanceOf(Degraded.class);
    }

    @Test
    void aDegradedTouchpointRecoversAfterAFullNormalWindow() {
        Degraded first = (Degraded) DETECTOR.evaluate("transfer.start", BASELINE, BAD_HOUR, State.NORMAL, NOW);
        // the bad hour is now part of the baseline: 19/250 = 0.076 against 0/60 (z < 0): healthy
        HealthCounts baseline = BASELINE.plus(BAD_HOUR);
        Instant t1 = NOW.plus(Duration.ofHours(2));
        Outcome watching = DETECTOR.evaluate("transfer.start", baseline, GOOD_HOUR, first.next(), t1);
        assertThat(watching).isEqualTo(
                new Watching(new State(Status.DEGRADED, Metric.ERROR_RATE, first.alert().alertId(), NOW, t1)));

        Outcome tooEarly = DETECTOR.evaluate("transfer.start", baseline, GOOD_HOUR, watching.next(),
                t1.plus(Duration.ofMinutes(59)));
        assertThat(tooEarly).isInstanceOf(Unchanged.class);

        Instant t2 = t1.plus(Duration.ofHours(1));
        Recovered recovered = (Recovered) DETECTOR.evaluate("transfer.start", baseline, GOOD_HOUR, watching.next(), t2);
        TouchpointRecoveredAlert alert = recovered.alert();
        assertThat(alert.degradedAlertId()).isEqualTo(first.alert().alertId());
        assertThat(alert.metric()).isEqualTo(Metric.ERROR_RATE);
        assertThat(alert.baseline()).isEqualTo(0.076);
        assertThat(alert.current()).isEqualTo(0.0);
        assertThat(alert.sampleSize()).isEqualTo(60);
        assertThat(alert.raisedAt()).isEqualTo(t2);
        assertThat(recovered.next()).isEqualTo(new State(Status.NORMAL, null, null, NOW, null));
    }

    @Test
    void aRelapseWhileWatchingRestartsTheNormalWindow() {
        State watching = new State(Status.DEGRADED, Metric.ERROR_RATE, java.util.UUID.randomUUID(), NOW,
                NOW.plus(Duration.ofMinutes(30)));
        Outcome relapse = DETECTOR.evaluate("transfer.start", BASELINE, BAD_HOUR, watching,
                NOW.plus(Duration.ofMinutes(40)));
        assertThat(relapse).isEqualTo(new Watching(watching.normalSince(null)));
        // without enough data nothing changes either way
        assertThat(
                DETECTOR.evaluate("transfer.start", BASELINE, attempts(10, 0), watching, NOW.plus(Duration.ofHours(3))))
                        .isEqualTo(new Unchanged(watching));
    }

    private static Check check(long x0, long n0, long x1, long n1) {
        return DETECTOR.check(Metric.ERROR_RATE, x0, n0, x1, n1);
    }
}
