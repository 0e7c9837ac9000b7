package io.windbell.loadgen.sim;

import io.windbell.contracts.touchpoint.TouchpointRecorded;

/**
 * A simulated event and when it is sent, in milliseconds after the simulation starts. It happened at
 * {@code occurredMillis}, which is earlier than {@code atMillis} for a late or repeated send.
 */
public record PlannedEvent(long atMillis, long occurredMillis, TouchpointRecorded event, Delivery delivery) {

    /** How a send relates to the event. */
    public enum Delivery {
        /** the first send, as soon as the event happened */
        ON_TIME,
        /** the first send, but only after the customer's next event had been sent */
        LATE,
        /** the same event (same event id) sent again */
        DUPLICATE
    }

    /** Sent as soon as it happened. */
    static PlannedEvent onTime(long atMillis, TouchpointRecorded event) {
        return new PlannedEvent(atMillis, atMillis, event, Delivery.ON_TIME);
    }
}
