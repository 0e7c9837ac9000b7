package io.windbell.scoring.driver;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Driver analysis ({@code windbell.scoring.drivers.*}); docs/adr/0017. */
@ConfigMapping(prefix = "windbell.scoring.drivers")
public interface DriverConfig {

    /** How long a response's observation is kept: the longest window a driver analysis can look at. */
    @WithDefault("P180D")
    Duration retention();

    /** How often expired observations are purged. */
    @WithDefault("PT1H")
    Duration purgeInterval();

    /** A factor enters the regression when at least this share of the window's responses answered it. */
    @WithDefault("0.5")
    double minCoverage();

    /** At most this many factors enter (the most answered); LMG fits 2^k subsets. */
    @WithDefault("8")
    int maxFactors();

    /** The window when the request names none (ending now). */
    @WithDefault("P90D")
    Duration defaultWindow();

    /** The longest window a request may name. */
    @WithDefault("P366D")
    Duration maxWindow();

    /** A model fitted on fewer complete observations than this many per factor is flagged {@code lowSample}. */
    @WithDefault("10")
    int observationsPerFactor();
}
