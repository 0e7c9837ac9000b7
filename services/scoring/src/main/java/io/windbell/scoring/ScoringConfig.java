package io.windbell.scoring;

import java.time.Duration;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;

/** Configuration shared by every part of scoring ({@code windbell.scoring.*}); each feature maps its own group. */
@ConfigMapping(prefix = "windbell.scoring")
public interface ScoringConfig {

    /** The bank's time zone: days, weeks (ISO, from Monday) and months of every metric start at its midnight. */
    ZoneId timeZone();

    /** A metric computed from fewer answers or events than this is flagged {@code lowSample}. */
    int lowSampleSize();

    Branches branches();

    /** The branch directory every replica keeps in memory. */
    interface Branches {
        Duration refreshInterval();
    }
}
