package io.windbell.scoring.silent;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Silent detractors ({@code windbell.scoring.silent.*}): the score's weights and decay; docs/adr/0017. */
@ConfigMapping(prefix = "windbell.scoring.silent")
public interface SilentConfig {

    /** Points one event of each signal adds. */
    PerSignal weights();

    /** The most points each signal can hold (so fifty slow steps do not outweigh everything else). */
    PerSignal caps();

    /** Points halve every this long. */
    @WithDefault("P14D")
    Duration halfLife();

    /**
     * Signals older than this are forgotten; a customer who answered a survey this recently is not silent and is not
     * listed.
     */
    @WithDefault("P30D")
    Duration lookback();

    /** The points that score 63 ({@code 100 (1 - 1/e)}); the score is {@code 100 (1 - e^(-points / scale))}. */
    @WithDefault("10")
    double scale();

    /** The listing's {@code minScore} when the request names none. */
    @WithDefault("40")
    int minScore();

    /** The most (signal, touchpoint, code) entries kept per customer: the reasons shown. */
    @WithDefault("12")
    int maxEntries();

    Slow slow();

    /** How often customers with nothing inside the lookback are purged. */
    @WithDefault("PT1H")
    Duration purgeInterval();

    /** One number per signal. */
    interface PerSignal {
        double failure();

        double interruption();

        double slowKeyStep();

        double abandonment();
    }

    /** When a key-node visit is slow. */
    interface Slow {

        /** A visit is slow above this percentile of the touchpoint's durations. */
        @WithDefault("90")
        double percentile();

        /** Below this many durations of a touchpoint, {@link #fallbackThreshold()} applies instead. */
        @WithDefault("50")
        long minSamples();

        @WithDefault("PT60S")
        Duration fallbackThreshold();
    }
}
