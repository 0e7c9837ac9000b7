package io.windbell.workorder.sla;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The SLA timers' and policies' settings ({@code windbell.workorder.sla.*}). */
@ConfigMapping(prefix = "windbell.workorder.sla")
public interface SlaConfig {

    /** Whether this replica fires due SLA timers (tests switch it off and call {@code SlaTimers.fireDue}). */
    @WithDefault("true")
    boolean enabled();

    /** How long an idle worker waits before it looks for due timers again (a full batch looks again at once). */
    @WithDefault("PT5S")
    Duration pollInterval();

    /** How many due timers one transaction claims. */
    @WithDefault("50")
    int batchSize();

    /** How often every replica reloads the SLA policies, to see changes made through other replicas. */
    @WithDefault("PT30S")
    Duration policyRefreshInterval();
}
