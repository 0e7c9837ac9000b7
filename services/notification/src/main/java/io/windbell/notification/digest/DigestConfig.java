package io.windbell.notification.digest;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.windbell.notification.sweep.SweepConfig;

/** The digest job ({@code windbell.notification.digest.*}). */
@ConfigMapping(prefix = "windbell.notification.digest")
public interface DigestConfig extends SweepConfig {

    /** Whether this replica runs the job (tests call it themselves with a fake now). */
    @WithDefault("true")
    @Override
    boolean enabled();

    /** How often the job looks for due digests. */
    @WithDefault("PT1M")
    @Override
    Duration interval();

    /** At most this many held deliveries per round. */
    @WithDefault("500")
    int batchSize();
}
