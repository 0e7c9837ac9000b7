package io.windbell.notification.intake;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The intake's settings ({@code windbell.notification.intake.*}). */
@ConfigMapping(prefix = "windbell.notification.intake")
public interface IntakeConfig {

    /** The branch whose members work the central queue: an order without a branch waits there. */
    @WithDefault("HQ")
    String centralBranch();
}
