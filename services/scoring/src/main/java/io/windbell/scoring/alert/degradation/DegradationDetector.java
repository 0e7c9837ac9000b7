package io.windbell.scoring.alert.degradation;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.windbell.contracts.alert.Severity;
import io.windbell.contracts.alert.TouchpointDegradedAlert;
import io.windbell.contracts.alert.TouchpointDegradedAlert.Metric;
import io.windbell.contracts.alert.TouchpointRecoveredAlert;
import io.windbell.scoring.alert.AlertsConfig;
import io.windbell.scoring.alert.LowScoreRule;
import io.windbell.scoring.stats.Significance;

/**
 * Decides, for one touchpoint at {@code now}, whether it degraded or recovered against its own baseline. Each rate
 * (error, abandonment, detractor share of factor answers) of the window {@code [end - window, end)} is compared with
 * the same rate over the baseline before the window by the two-proportion z test; a rate is <em>degraded</em> when the
 * test is significant at {@code alpha}, the rate went up, and the increase is at least {@code minRelativeIncrease} and
 * {@code minAbsoluteIncrease} (a strict alpha alone would still fire on tiny effects at high volume). A NORMAL
 * touchpoint with a degraded rate raises one alert (the most significant rate) unless it raised one less than a window
 * ago; a DEGRADED one recovers when its rate has been neither significantly up nor up by the effect size for a full
 * window. Without the minimum sample on both sides a rate gets no verdict. Plain: {@code now} is a parameter.
 */
public final class DegradationDetector {

    /** The buckets of {@code touchpoint_health}, aligned to the epoch (UTC). */
    public static final Duration BUCKET = Duration.ofMinutes(5);

    /** The detector's settings; see {@link AlertsConfig.Degradation}. */
    public record Settings(Duration window, Duration baseline, long minWindowSample, long minBaselineSample,
            double alpha, double minRelativeIncrease, double minAbsoluteIncrease) {

        public Settings {
            if (window.isZero() || window.toSeconds() % BUCKET.toSeconds() != 0) {
                throw new IllegalArgumentException("the degradation window must be a multiple of " + BUCKET);
            }
        }

        public static Settings of(AlertsConfig.Degradation config) {
            return new Settings(config.window(), config.baseline(), config.minWindowSample(),
                    config.minBaselineSample(), config.alpha(), config.minRelativeIncrease(),
                    config.minAbsoluteIncrease());
        }
    }

    /** Where a touchpoint stands. */
    public enum Status {
        NORMAL, DEGRADED
    }

    /**
     * A touchpoint's state between runs.
     *
     * @param metric
     *            the degraded metric, while DEGRADED
     * @param degradedAlertId
     *            the alert that reported the degradation, while DEGRADED
     * @param lastAlertAt
     *            when the touchpoint last raised a degradation alert (at most one per window)
     * @param normalSince
     *            while DEGRADED, since when the metric has looked normal
     */
    public record State(Status status, Metric metric, UUID degradedAlertId, Instant lastAlertAt, Instant normalSince) {

        public static final State NORMAL = new State(Status.NORMAL, null, null, null, null);

        State normalSince(Instant since) {
            return new State(status, metric, degradedAlertId, lastAlertAt, since);
        }
    }

    /** The observed window {@code [start, end)} and the baseline {@code [baselineStart, start)}. */
    public record Window(Instant baselineStart, Instant start, Instant end) {
    }

    /** One rate of the window against the baseline. */
    public record Check(Metric metric, long baselineCount, long baselineN, long currentCount, long currentN,
            boolean sufficient, Significance.Test test, boolean effect) {

        public double baselineRate() {
            return baselineN == 0 ? 0 : (double) baselineCount / baselineN;
        }

        public double currentRate() {
            return currentN == 0 ? 0 : (double) currentCount / currentN;
        }

        private boolean significantlyUp() {
            return test.significant() && test.z() > 0;
        }

        /** Significantly up by at least the effect size, on enough data. */
        public boolean degraded() {
            return sufficient && significantlyUp() && effect;
        }

        /** Neither significantly up nor up by the effect size, on enough data. */
        public boolean healthy() {
            return sufficient && !significantlyUp() && !effect;
        }
    }

    /** What a run does with one touchpoint: the state to keep, and the alert to raise if any. */
    public sealed interface Outcome {
        State next();
    }

    /** Nothing to write. */
    public record Unchanged(State next) implements Outcome {
    }

    /** The state changes (a DEGRADED touchpoint started or stopped looking normal); no alert. */
    public record Watching(State next) implements Outcome {
    }

    /** Raise {@code alert}. */
    public record Degraded(State next, TouchpointDegradedAlert alert) implements Outcome {
    }

    /** Raise {@code alert}. */
    public record Recovered(State next, TouchpointRecoveredAlert alert) implements Outcome {
    }

    private final Settings settings;
    private final LowScoreRule criticality;

    public DegradationDetector(Settings settings, LowScoreRule criticality) {
        this.settings = settings;
        this.criticality = criticality;
    }

    /** The bucket an instant falls in. */
    public static Instant bucketStart(Instant at) {
        long size = BUCKET.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), size) * size);
    }

    /** The window ending with the bucket {@code now} falls in (so the newest events count at once). */
    public Window window(Instant now) {
        Instant start = bucketStart(now);
        Instant end = start.equals(now) ? now : start.plus(BUCKET);
        Instant windowStart = end.minus(settings.window());
        return new Window(windowStart.minus(settings.baseline()), windowStart, end);
    }

    /** The three rates, compared. */
    public List<Check> checks(HealthCounts baseline, HealthCounts current) {
        return List.of(
                check(Metric.ERROR_RATE, baseline.failures(), baseline.attempts(), current.failures(),
                        current.attempts()),
                check(Metric.ABANDONMENT_RATE, baseline.abandoned(), baseline.attempts(), current.abandoned(),
                        current.attempts()),
                check(Metric.DETRACTOR_RATE, baseline.detractors(), baseline.answers(), current.detractors(),
                        current.answers()));
    }

    Check check(Metric metric, long x0, long n0, long x1, long n1) {
        boolean sufficient = n0 >= settings.minBaselineSample() && n1 >= settings.minWindowSample();
        Significance.Test test = Significance.twoProportions(x0, n0, x1, n1, settings.alpha());
        double p0 = n0 == 0 ? 0 : (double) x0 / n0;
        double p1 = n1 == 0 ? 0 : (double) x1 / n1;
        boolean effect = p1 - p0 >= settings.minAbsoluteIncrease() && p1 >= p0 * (1 + settings.minRelativeIncrease());
        return new Check(metric, x0, n0, x1, n1, sufficient, test, effect);
    }

    /** One touchpoint's run. */
    public Outcome evaluate(String touchpoint, HealthCounts baseline, HealthCounts current, State state, Instant now) {
        Window window = window(now);
        List<Check> checks = checks(baseline, current);
        if (state.status() == Status.NORMAL) {
            Optional<Check> worst = checks.stream().filter(Check::degraded)
                    .max(Comparator.comparingDouble(c -> c.test().z()));
            boolean quiet = state.lastAlertAt() != null && now.isBefore(state.lastAlertAt().plus(settings.window()));
            if (worst.isEmpty() || quiet) {
                return new Unchanged(state);
            }
            Check check = worst.get();
            UUID id = UUID.randomUUID();
            TouchpointDegradedAlert alert = new TouchpointDegradedAlert(id, touchpoint, null, null, check.metric(),
                    check.baselineRate(), check.currentRate(), window.start(), window.end(), check.currentN(),
                    severity(check, criticality.isCritical(touchpoint)), now);
            return new Degraded(new State(Status.DEGRADED, check.metric(), id, now, null), alert);
        }
        Check check = checks.stream().filter(c -> c.metric() == state.metric()).findFirst().orElse(null);
        if (check == null || !check.sufficient()) {
            return new Unchanged(state);
        }
        if (!check.healthy()) {
            return state.normalSince() == null ? new Unchanged(state) : new Watching(state.normalSince(null));
        }
        if (state.normalSince() == null) {
            return new Watching(state.normalSince(now));
        }
        if (now.isBefore(state.normalSince().plus(settings.window()))) {
            return new Unchanged(state);
        }
        TouchpointRecoveredAlert alert = new TouchpointRecoveredAlert(UUID.randomUUID(), touchpoint,
                state.degradedAlertId(), state.metric(), check.baselineRate(), check.currentRate(), window.start(),
                window.end(), check.currentN(), now);
        return new Recovered(new State(Status.NORMAL, null, null, state.lastAlertAt(), null), alert);
    }

    /**
     * The severity of a degradation: HIGH when the rate went up by 20 points or fourfold, MEDIUM when it at least
     * doubled, LOW otherwise; one level more at a critical touchpoint.
     */
    public static Severity severity(Check check, boolean critical) {
        double p0 = check.baselineRate();
        double p1 = check.currentRate();
        double ratio = p0 == 0 ? Double.POSITIVE_INFINITY : p1 / p0;
        Severity base = p1 - p0 >= 0.20 || ratio >= 4 ? Severity.HIGH : ratio >= 2 ? Severity.MEDIUM : Severity.LOW;
        return LowScoreRule.raise(base, critical ? 1 : 0);
    }
}
