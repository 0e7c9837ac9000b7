package io.windbell.contracts.journey;

/** Why the journey service declared a journey interrupted. */
public enum InterruptionReason {
    /** Stalled at a key node longer than the definition allows, with no channel switch seen. */
    TIMEOUT,
    /** A touchpoint failed with an error the customer could not get past. */
    FAILURE,
    /** The customer explicitly left (cancelled, closed the flow) before the journey's goal. */
    ABANDONED
}
