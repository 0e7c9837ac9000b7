package io.windbell.scoring.silent;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The silent-detractor score (docs/adr/0017): each signal adds its weight in points, points halve every
 * {@code halfLife}, each kind of signal holds at most its cap, and the sum P maps to {@code 100 (1 - e^(-P / scale))}:
 * 0 without signals, 63 at {@code P = scale}, approaching 100. Plain maths, times as parameters.
 */
public record RiskFormula(Map<Signal, Double> weights, Map<Signal, Double> caps, Duration halfLife, double scale) {

    public RiskFormula {
        weights = new EnumMap<>(weights);
        caps = new EnumMap<>(caps);
        if (halfLife.isNegative() || halfLife.isZero() || scale <= 0) {
            throw new IllegalArgumentException("half-life and scale must be positive");
        }
    }

    public double weight(Signal signal) {
        return weights.getOrDefault(signal, 0.0);
    }

    public double cap(Signal signal) {
        return caps.getOrDefault(signal, Double.POSITIVE_INFINITY);
    }

    /** The factor points keep from {@code then} to {@code now}: {@code 2^(-(now - then) / halfLife)}, at most 1. */
    public double decay(Instant then, Instant now) {
        double halfLives = (double) Duration.between(then, now).toMillis() / halfLife.toMillis();
        return Math.min(1, Math.pow(2, -halfLives));
    }

    /** The 0..100 score of {@code points}. */
    public double score(double points) {
        return points <= 0 ? 0 : 100 * (1 - Math.exp(-points / scale));
    }

    /** The points a score needs: the inverse of {@link #score}; infinite for 100 and more. */
    public double pointsFor(double score) {
        if (score <= 0) {
            return 0;
        }
        return score >= 100 ? Double.POSITIVE_INFINITY : -scale * Math.log(1 - score / 100);
    }

    /**
     * A key that orders customers by their points at any single instant, whatever instant their points were last
     * updated at: {@code log2(points) + asOf / halfLife}. All points decay at the same rate, so the order does not
     * change as time passes and the listing can sort by a stored column. {@code null} without points.
     */
    public Double rankKey(double points, Instant asOf) {
        if (points <= 0) {
            return null;
        }
        return log2(points) + (double) asOf.toEpochMilli() / halfLife.toMillis();
    }

    /** The smallest {@link #rankKey} whose points at {@code now} reach {@code points}. */
    public double rankKeyAt(double points, Instant now) {
        return points <= 0 ? Double.NEGATIVE_INFINITY
                : log2(points) + (double) now.toEpochMilli() / halfLife.toMillis();
    }

    private static double log2(double value) {
        return Math.log(value) / Math.log(2);
    }
}
