package io.windbell.journey;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of journey reconstruction ({@code windbell.journey.*}). */
@ConfigMapping(prefix = "windbell.journey")
public interface JourneyConfig {

    /** How far behind a journey's latest activity an event may have happened and still be placed in it. */
    Duration lateness();

    /** How long after completion a journey still collects after-the-goal visits. */
    Duration postCompletionWindow();

    Timers timers();

    Consumer consumer();

    Relay relay();

    Producer producer();

    Inbox inbox();

    /** The processed-message ledger of the touchpoint consumer. */
    interface Inbox {
        /** How long a claim is kept: longer than the touchpoint topic's retention. */
        @WithDefault("P8D")
        Duration retention();

        @WithDefault("PT1H")
        Duration purgeInterval();
    }

    /** The durable timers that interrupt stalled journeys. */
    interface Timers {
        Duration pollInterval();

        int batchSize();
    }

    /** The touchpoint consumer. */
    interface Consumer {
        String topic();

        String group();

        /** Consumer threads in this replica; together with other replicas at most the topic's partition count. */
        @WithDefault("1")
        int instances();

        /** Tries of a failing record before it goes to the dead-letter topic. */
        @WithDefault("3")
        int maxAttempts();

        /** Kafka consumer properties; offsets are always committed by the service after the state is durable. */
        Map<String, String> properties();
    }

    /** The outbox relay publishing journey events. */
    interface Relay {
        int batchSize();

        Duration idlePoll();
    }

    /** The producer of the relay and the dead-letter topic; acks=all and idempotence are forced on in code. */
    interface Producer {
        Map<String, String> properties();
    }
}
