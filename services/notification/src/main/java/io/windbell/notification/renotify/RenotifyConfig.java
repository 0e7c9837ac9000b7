package io.windbell.notification.renotify;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.windbell.notification.sweep.SweepConfig;

/** Re-notification of unacknowledged critical items ({@code windbell.notification.renotify.*}). */
@ConfigMapping(prefix = "windbell.notification.renotify")
public interface RenotifyConfig extends SweepConfig {

    /** Whether this replica runs the job (tests call it themselves with a fake now). */
    @WithDefault("true")
    @Override
    boolean enabled();

    /** How long a critical item may wait unacknowledged before it is sent on a second channel. */
    @WithDefault("PT10M")
    Duration after();

    /** How often the job looks. */
    @WithDefault("PT1M")
    @Override
    Duration interval();

    /** At most this many items per round. */
    @WithDefault("100")
    int batchSize();
}
