package io.windbell.messaging.consumer;

import java.util.Set;
import java.util.function.Predicate;

import io.windbell.contracts.EventPayload;
import io.windbell.contracts.EventType;
import io.windbell.messaging.envelope.Envelope;

/**
 * Which records of its topic a channel takes; the others are acknowledged without a transaction and counted as ignored.
 * {@code types} is tested before the payload is decoded (a type the channel never takes costs no parsing),
 * {@code envelopes} after (e.g. only the survey answers that are follow-ups).
 */
public record Selection<T extends EventPayload>(Predicate<EventType> types, Predicate<Envelope<T>> envelopes) {

    /** Every record of the topic. */
    public static <T extends EventPayload> Selection<T> all() {
        return new Selection<>(type -> true, envelope -> true);
    }

    /** Only records of these types. */
    public static <T extends EventPayload> Selection<T> types(EventType... types) {
        Set<EventType> taken = Set.of(types);
        return new Selection<>(taken::contains, envelope -> true);
    }

    /** Of the selected records, only those whose envelope also passes {@code relevant}. */
    public Selection<T> where(Predicate<Envelope<T>> relevant) {
        return new Selection<>(types, envelopes.and(relevant));
    }
}
