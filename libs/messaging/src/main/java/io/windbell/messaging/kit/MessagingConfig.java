package io.windbell.messaging.kit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What a service declares to the kit ({@code windbell.messaging.*}); its channels are declared as SmallRye channels
 * ({@code mp.messaging.incoming.<channel>.*}) on top of the kit's connector defaults.
 */
@ConfigMapping(prefix = "windbell.messaging")
public interface MessagingConfig {

    /** The service's name: dead-letter topics {@code <topic>.dlq.<service>}, client id {@code windbell-<service>}. */
    String service();

    Relay relay();

    Producer producer();

    Consumer consumer();

    Inbox inbox();

    /** The outbox relay. */
    interface Relay {
        /**
         * The name of the advisory lock that elects the one relaying replica; its ASCII bytes (at most 8) are the lock
         * key. Defaults to the service name.
         */
        Optional<String> lock();

        /** Rows per transaction. */
        @WithDefault("500")
        int batchSize();

        /** How long an idle relay waits before looking again: bounds the delay for rows another replica wrote. */
        @WithDefault("PT0.2S")
        Duration idlePoll();

        /** How long to wait for the broker's acks before giving a batch back. */
        @WithDefault("PT10S")
        Duration sendTimeout();

        /**
         * Rows the relay deletes between its own {@code VACUUM}s of the outbox (a queue table: its dead rows slow the
         * relay's read long before autovacuum comes round); 0 leaves it to autovacuum.
         */
        @WithDefault("10000")
        int vacuumAfter();
    }

    /** The producer of the relay and of dead letters; acks=all and idempotence are forced on in code. */
    interface Producer {
        Map<String, String> properties();
    }

    /** The failure policy of every channel of the service. */
    interface Consumer {
        /** Tries of a failing batch before it is split and the poison record dead-lettered. */
        @WithDefault("3")
        int maxAttempts();

        @WithDefault("PT0.1S")
        Duration backoff();

        @WithDefault("PT5S")
        Duration maxBackoff();
    }

    /** The processed-message ledger of every channel. */
    interface Inbox {
        /** How long a claim is kept: longer than the consumed topics' retention. */
        @WithDefault("P8D")
        Duration retention();

        @WithDefault("PT1H")
        Duration purgeInterval();
    }

    /** The relay's advisory-lock key: the lock name's ASCII bytes, e.g. {@code journey} is {@code 0x6a6f75726e6579}. */
    default long relayLockKey() {
        byte[] name = relay().lock().orElse(service()).getBytes(StandardCharsets.US_ASCII);
        long key = 0;
        for (int i = 0; i < Math.min(8, name.length); i++) {
            key = (key << 8) | (name[i] & 0xff);
        }
        return key;
    }
}
