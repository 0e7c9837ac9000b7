package io.windbell.notification.invitation;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Customer invitations ({@code windbell.notification.invitations.*}): survey's link endpoint and the adapters. */
@ConfigMapping(prefix = "windbell.notification.invitations")
public interface InvitationsConfig {

    /** survey's base URL; the link of an invitation is {@code <survey-url>/v1/invitations/<id>/link} */
    String surveyUrl();

    /**
     * The adapter that carries each survey channel ({@code APP_PUSH}, {@code IN_APP}, {@code SMS}, {@code WECHAT},
     * {@code EMAIL} → {@code app-push} or {@code sms}); an invitation on an unmapped channel is recorded as skipped.
     */
    Map<String, String> channels();

    /** Per adapter ({@code app-push}, {@code sms}): where it is and when it may contact customers. */
    Map<String, Adapter> adapters();

    /** The longest wait for survey or an adapter to answer one call. */
    @WithDefault("PT5S")
    Duration timeout();

    /** One channel adapter of the bank (the app's push service, the SMS gateway). */
    interface Adapter {

        /** where invitations are POSTed; without it every send is a permanent failure (re-drive once it is set) */
        Optional<String> url();

        /** {@code HH:mm-HH:mm} in {@code windbell.notification.time-zone}; none: any time */
        Optional<String> allowedHours();

        /** the header the API key goes in */
        @WithDefault("X-Api-Key")
        String apiKeyHeader();

        /** the adapter's API key; from the environment, never in the file without a profile */
        Optional<String> apiKey();
    }
}
