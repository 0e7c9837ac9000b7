package io.windbell.scoring.alert;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.windbell.contracts.alert.Severity;

/** The alert rules ({@code windbell.scoring.alerts.*}); defaults and their reasons are in application.properties. */
@ConfigMapping(prefix = "windbell.scoring.alerts")
public interface AlertsConfig {

    /** Scores that raise an {@code alert.low-score}. */
    Thresholds low();

    /** The worst scores: one severity level above the tier's. */
    Thresholds extreme();

    /** Severity by customer tier. */
    Map<String, Severity> tierSeverity();

    /** The severity of a customer whose tier is unknown or not in {@link #tierSeverity()}. */
    Severity unknownTierSeverity();

    /** Touchpoint codes whose failure weighs more: one level up on a low score, and on a degradation. */
    Optional<List<String>> criticalTouchpoints();

    Degradation degradation();

    /** Score limits of one band per anchor metric (scales: NPS 0..10, CSAT 1..5, CES 1..7 where 7 is hardest). */
    interface Thresholds {
        /** An NPS at or below this. */
        int npsMax();

        /** A CSAT (and a 1..5 RATING) at or below this. */
        int csatMax();

        /** A CES at or above this. */
        int cesMin();
    }

    /** The touchpoint degradation detector. */
    interface Degradation {

        /** Whether this replica runs the detector (every replica may: one run at a time holds the lock). */
        boolean enabled();

        /** How often the detector runs. */
        Duration interval();

        /** The window a touchpoint's current rates are measured over; a multiple of 5 minutes. */
        Duration window();

        /** The baseline: this long before the window. */
        Duration baseline();

        /** Fewer attempts or answers than this in the window: no verdict for that metric. */
        long minWindowSample();

        /** Fewer attempts or answers than this in the baseline: no verdict for that metric. */
        long minBaselineSample();

        /** The two-proportion z test's significance level (two-sided). */
        double alpha();

        /** The least relative increase of a rate that counts (0.5 = +50%). */
        double minRelativeIncrease();

        /** The least absolute increase of a rate that counts (0.02 = +2 points). */
        double minAbsoluteIncrease();
    }
}
