package io.windbell.workorder.rule;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The creation rules' settings ({@code windbell.workorder.rules.*}). */
@ConfigMapping(prefix = "windbell.workorder.rules")
public interface RuleConfig {

    /** How often every replica reloads the rule set, to see changes made through other replicas. */
    @WithDefault("PT30S")
    Duration refreshInterval();
}
