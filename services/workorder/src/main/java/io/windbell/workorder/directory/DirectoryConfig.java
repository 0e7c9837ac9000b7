package io.windbell.workorder.directory;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The staff directory's settings ({@code windbell.workorder.directory.*}). */
@ConfigMapping(prefix = "windbell.workorder.directory")
public interface DirectoryConfig {

    /** The most rows one import may hold; a bigger HR extract is split (413 otherwise). */
    @WithDefault("10000")
    int importMaxRows();

    /** The largest import body in bytes (413 otherwise); below {@code quarkus.http.limits.max-body-size}. */
    @WithDefault("5242880")
    int importMaxBytes();

    /** The capacity (most open orders at once) of an imported employee whose row leaves it empty. */
    @WithDefault("10")
    int defaultCapacity();
}
