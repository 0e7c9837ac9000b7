package io.windbell.notification.endpoint;

import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The rules for configured robots and webhooks ({@code windbell.notification.endpoints.*}). */
@ConfigMapping(prefix = "windbell.notification.endpoints")
public interface EndpointsConfig {

    /** Hosts an endpoint may reach over plain http (local receivers, tests); every other URL must be https. */
    @WithDefault("127.0.0.1,localhost")
    Set<String> insecureHosts();
}
