package io.windbell.scoring.pyramid;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the metric pyramid ({@code windbell.scoring.pyramid.*}). */
@ConfigMapping(prefix = "windbell.scoring.pyramid")
public interface PyramidConfig {

    /** The significance level of a node's change against the previous period (two-sided z test). */
    @WithDefault("0.05")
    double alpha();
}
