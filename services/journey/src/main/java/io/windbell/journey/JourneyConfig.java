package io.windbell.journey;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** Configuration of journey reconstruction ({@code windbell.journey.*}). */
@ConfigMapping(prefix = "windbell.journey")
public interface JourneyConfig {

    /** How far behind a journey's latest activity an event may have happened and still be placed in it. */
    Duration lateness();

    /** How long after completion a journey still collects after-the-goal visits. */
    Duration postCompletionWindow();

    Timers timers();

    /** The durable timers that interrupt stalled journeys. */
    interface Timers {
        Duration pollInterval();

        int batchSize();
    }
}
