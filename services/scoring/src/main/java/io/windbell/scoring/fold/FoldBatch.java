package io.windbell.scoring.fold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.windbell.contracts.EventPayload;
import io.windbell.messaging.envelope.Envelope;
import io.windbell.scoring.reference.Attribution;

/**
 * The fresh events of one polled batch of one topic (already claimed in the inbox: a redelivery never gets here), in
 * the order they were polled, with what is needed to attribute them.
 *
 * @param now
 *            the processing time of the batch (event time is in each payload)
 */
public record FoldBatch(String topic, List<Envelope<EventPayload>> events, Instant now, Attribution attribution) {

    public FoldBatch {
        events = List.copyOf(events);
    }

    /** The payloads of one event type, in batch order. */
    public <T extends EventPayload> List<T> payloads(Class<T> type) {
        List<T> payloads = new ArrayList<>();
        for (Envelope<EventPayload> envelope : events) {
            if (type.isInstance(envelope.payload())) {
                payloads.add(type.cast(envelope.payload()));
            }
        }
        return payloads;
    }

    /** The envelopes of one event type, in batch order (for the trace context of what a fold emits). */
    public <T extends EventPayload> List<Envelope<T>> envelopes(Class<T> type) {
        List<Envelope<T>> envelopes = new ArrayList<>();
        for (Envelope<EventPayload> envelope : events) {
            if (type.isInstance(envelope.payload())) {
                envelopes.add(envelope.as(type));
            }
        }
        return envelopes;
    }
}
