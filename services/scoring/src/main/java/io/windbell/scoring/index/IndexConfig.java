package io.windbell.scoring.index;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the experience index ({@code windbell.scoring.index.*}). */
@ConfigMapping(prefix = "windbell.scoring.index")
public interface IndexConfig {

    /** How often every replica reloads the index models, to see changes made through other replicas. */
    @WithDefault("PT30S")
    Duration refreshInterval();

    /** The longest period one index query may cover, in days. */
    @WithDefault("366")
    int maxDays();
}
