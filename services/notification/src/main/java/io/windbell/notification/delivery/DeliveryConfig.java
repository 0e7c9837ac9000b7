package io.windbell.notification.delivery;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The delivery worker's settings and every channel's retry policy ({@code windbell.notification.delivery.*}). */
@ConfigMapping(prefix = "windbell.notification.delivery")
public interface DeliveryConfig {

    /**
     * Whether this replica runs the background worker (tests that drive {@code DeliveryWorker.runOnce} turn it off).
     */
    @WithDefault("true")
    boolean enabled();

    /** How long an idle worker waits before it looks for due deliveries again (a full batch looks again at once). */
    @WithDefault("PT1S")
    Duration pollInterval();

    /** How many due deliveries one pass claims. */
    @WithDefault("50")
    int batchSize();

    /**
     * How far a claim pushes {@code next_attempt_at}: a replica that dies mid-send leaves its rows to be sent again
     * after this, never lost. Longer than {@link #sendTimeout()}.
     */
    @WithDefault("PT2M")
    Duration lease();

    /** How many sends of one pass run at once. */
    @WithDefault("8")
    int concurrency();

    /** A send that has not answered after this counts as a retryable failure. */
    @WithDefault("PT30S")
    Duration sendTimeout();

    /** The timeout of one HTTP call of a sender (robots, webhooks). */
    @WithDefault("PT10S")
    Duration httpTimeout();

    /** The retry policy of each channel. */
    Channels channels();

    /** The retry policy of each channel ({@code channels.<email|wecom|webhook|app-push|sms>.*}). */
    interface Channels {
        Retry email();

        Retry wecom();

        Retry webhook();

        Retry appPush();

        Retry sms();

        /** customer invitations on WeChat: no sender yet, so only a re-driven one is ever attempted (and dies) */
        Retry wechat();

        default Retry of(Channel channel) {
            return switch (channel) {
            case EMAIL -> email();
            case WECOM -> wecom();
            case WEBHOOK -> webhook();
            case APP_PUSH -> appPush();
            case SMS -> sms();
            case WECHAT -> wechat();
            };
        }
    }

    /** How often and how patiently one channel is retried. */
    interface Retry {
        /** Attempts in all, the first included; a failure of the last one makes the delivery DEAD. */
        @WithDefault("6")
        int maxAttempts();

        /** The ceiling of the delay after the first failure; it doubles with every further failure. */
        @WithDefault("PT10S")
        Duration initialBackoff();

        /** The highest ceiling a delay can reach. */
        @WithDefault("PT30M")
        Duration maxBackoff();
    }
}
