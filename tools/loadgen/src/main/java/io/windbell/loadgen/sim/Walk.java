package io.windbell.loadgen.sim;

import java.util.List;

/**
 * One customer's way through one journey.
 *
 * @param events
 *            what happened, one per event id, in the order it happened
 * @param sends
 *            how it is delivered, in send order: the events, some of them late, some twice
 */
public record Walk(String journey, String customerId, List<PlannedEvent> events, List<PlannedEvent> sends,
        Ending ending, Recovery recovery, boolean anonymousStart, boolean loggedIn, boolean switchedChannel) {

    /** How a journey ends. */
    public enum Ending {
        /** reached the goal (the completion touchpoint) */
        COMPLETED,
        /** failed at a key node and did not go on */
        FAILED,
        /** the last event is ABANDONED */
        ABANDONED,
        /** stopped after a key node succeeded */
        STALLED
    }

    /** What the customer did after a failure at a key node. */
    public enum Recovery {
        /** no failure */
        NONE,
        /** tried again on the same channel and succeeded */
        RETRIED,
        /** went on in a branch, the call centre or with the relationship manager */
        SWITCHED,
        /** nothing: the journey ends with the failure */
        STOPPED
    }

    public long count(PlannedEvent.Delivery delivery) {
        return sends.stream().filter(s -> s.delivery() == delivery).count();
    }
}
