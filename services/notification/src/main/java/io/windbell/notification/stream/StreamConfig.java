package io.windbell.notification.stream;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The push stream's settings ({@code windbell.notification.stream.*}). */
@ConfigMapping(prefix = "windbell.notification.stream")
public interface StreamConfig {

    /**
     * The HMAC-SHA256 key of stream tickets; every replica needs the same one. No default: a profile or the environment
     * (Helm: a Secret) supplies it.
     */
    String ticketKey();

    /** How long a stream ticket stays valid; it may be used again until then, so an {@code EventSource} reconnects. */
    @WithDefault("PT60S")
    Duration ticketLifetime();

    /** How often every stream gets an SSE comment, so proxies keep the connection and a dead client is found. */
    @WithDefault("PT15S")
    Duration heartbeat();

    /**
     * How many events one stream may hold that its client has not taken yet. The stream reads from the database only
     * what fits, so a slow client lags instead of growing the heap; one that takes nothing for two heartbeats is
     * dropped and resumes with its {@code Last-Event-ID}.
     */
    @WithDefault("64")
    int buffer();

    /** How often the instants at which items first went out on a stream are written, in one statement for all. */
    @WithDefault("PT1S")
    Duration deliveredFlush();

    /** How long to wait before listening again when the LISTEN connection is lost or cannot be opened. */
    @WithDefault("PT1S")
    Duration listenRetry();
}
