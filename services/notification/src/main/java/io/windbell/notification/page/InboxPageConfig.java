package io.windbell.notification.page;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the staff inbox page sends people to log in ({@code windbell.notification.page.*}). */
@ConfigMapping(prefix = "windbell.notification.page")
public interface InboxPageConfig {

    /**
     * The realm's URL as the browser reaches it (e.g. {@code https://sso.bank.example/realms/windbell}): the page
     * redirects there to log in and fetches tokens from it, so it may differ from the service's own
     * {@code quarkus.oidc.auth-server-url} inside the cluster.
     */
    String issuer();

    /** The realm's public client with PKCE that the page logs in as. */
    @WithDefault("windbell-console")
    String clientId();
}
