package io.windbell.notification.digest;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The digest job ({@code windbell.notification.digest.*}). */
@ConfigMapping(prefix = "windbell.notification.digest")
public interface DigestConfig {

    /** Whether this replica runs the job (tests call it themselves with a fake now). */
    @WithDefault("true")
    boolean enabled();

    /** How often the job looks for due digests. */
    @WithDefault("PT1M")
    Duration interval();

    /** At most this many held deliveries per round. */
    @WithDefault("500")
    int batchSize();
}
