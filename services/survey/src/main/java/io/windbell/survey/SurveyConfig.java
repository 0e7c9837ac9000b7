package io.windbell.survey;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the survey service ({@code windbell.survey.*}). */
@ConfigMapping(prefix = "windbell.survey")
public interface SurveyConfig {

    Budget budget();

    Invitations invitations();

    FollowUp followUp();

    Norms norms();

    Catalog catalog();

    Decisions decisions();

    Throttle throttle();

    /** The contact budget that protects a customer from survey fatigue. */
    interface Budget {
        /** At most {@code max} invitations within each sliding {@code window}; follow-ups are exempt. */
        List<Cap> caps();

        /** No second survey about the same journey definition within this time. */
        Duration journeyCooldown();

        QuietHours quietHours();

        /** For customers without a stored preference. */
        String defaultTimeZone();

        String defaultLocale();

        interface Cap {
            Duration window();

            int max();
        }

        /** Local times of the customer between which nothing is delivered; may span midnight. */
        interface QuietHours {
            LocalTime start();

            LocalTime end();
        }
    }

    /** Survey links and the scheduler that sends and expires invitations. */
    interface Invitations {
        /** The HMAC key signing link tokens; the same on every replica. */
        String tokenKey();

        /** Where customers open {@code /s/{token}} (the gateway's public address in production). */
        String publicBaseUrl();

        Duration pollInterval();

        int batchSize();
    }

    /** The one-question follow-up after a resolved recovery work order. */
    interface FollowUp {
        Duration delay();

        Duration expiry();
    }

    /** The per-touchpoint duration percentiles that make a visit "slow". */
    interface Norms {
        Duration window();

        Duration refreshInterval();

        /** Below this many observed durations a touchpoint has no norm and no visit to it counts as slow. */
        int minSamples();
    }

    /** The in-memory copy of question bank, rules and display names. */
    interface Catalog {
        Duration refreshInterval();
    }

    /**
     * The decision log ({@code GET /v1/decisions}): why a customer was or was not asked. It answers complaints ("why do
     * you keep surveying me?") and audits, so it is kept for more than a year by default.
     */
    interface Decisions {
        @WithDefault("P400D")
        Duration retention();

        @WithDefault("PT1H")
        Duration purgeInterval();
    }

    /**
     * Per-client-address throttling of the public survey link endpoints ({@code /s/*}, {@code /v1/s/*}): a token bucket
     * per address, see {@code PublicLinkThrottle}. Behind a reverse proxy the address is the forwarded one only where
     * {@code quarkus.http.proxy.*} trusts that proxy.
     */
    interface Throttle {
        /** Requests per second an address may make on average. */
        @WithDefault("1")
        double rate();

        /** Requests an address may make at once (a respondent's page, drafts and submit fit easily). */
        @WithDefault("60")
        int burst();

        /** Addresses remembered at most (the least recently active beyond that are forgotten). */
        @WithDefault("50000")
        int maxAddresses();
    }
}
