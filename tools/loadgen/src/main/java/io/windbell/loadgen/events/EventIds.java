package io.windbell.loadgen.events;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random (version 4) event ids from a fast non-cryptographic generator: an idempotency key must be unique, not
 * unguessable, and {@link UUID#randomUUID()} would cost the generator more than building the event.
 */
public final class EventIds {

    private EventIds() {
    }

    public static UUID next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
