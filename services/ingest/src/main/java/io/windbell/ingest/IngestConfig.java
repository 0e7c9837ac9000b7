package io.windbell.ingest;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed configuration of the ingest service ({@code windbell.ingest.*}). */
@ConfigMapping(prefix = "windbell.ingest")
public interface IngestConfig {

    /** How far in the future {@code occurredAt} may lie (client clocks drift). */
    @WithDefault("PT5M")
    Duration maxFutureSkew();

    /** How old a late event may be and still be accepted (offline apps, branch terminals syncing at night). */
    @WithDefault("P7D")
    Duration maxEventAge();

    /** Limits of one request. */
    Limits limits();

    /** Bounds of the free-form {@code attributes} object. */
    Attributes attributes();

    /** The Kafka producer. */
    Producer producer();

    /** How often the catalog cache reloads even without a change notification. */
    @WithDefault("PT60S")
    Duration catalogRefreshInterval();

    /** Limits of one request. */
    interface Limits {
        @WithDefault("500")
        int batchEvents();

        @WithDefault("1048576")
        int batchBytes();

        @WithDefault("65536")
        int eventBytes();

        /** Events accepted but not yet acknowledged by the broker; beyond it requests get 429. */
        @WithDefault("20000")
        int inFlightEvents();

        @WithDefault("1")
        int retryAfterSeconds();
    }

    /** Bounds of the free-form {@code attributes} object. */
    interface Attributes {
        @WithDefault("32")
        int maxEntries();

        @WithDefault("3")
        int maxDepth();

        @WithDefault("4096")
        int maxBytes();
    }

    /** The Kafka producer. */
    interface Producer {
        @WithDefault("cx.touchpoint-events.v1")
        String topic();

        /** Producer properties; acks=all and idempotence are enforced whatever is set here. */
        Map<String, String> properties();

        /** How often the broker is probed to decide readiness and fail fast with 503. */
        @WithDefault("PT2S")
        Duration probeInterval();
    }
}
