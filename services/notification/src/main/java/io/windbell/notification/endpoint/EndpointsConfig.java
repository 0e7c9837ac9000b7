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

    /**
     * The key webhook secrets are sealed with in the database (AES-256-GCM, {@link SecretBox}); at least 32 characters,
     * the same on every replica, kept as long as the stored secrets (another key cannot open them). No default in prod.
     */
    String secretKey();
}
