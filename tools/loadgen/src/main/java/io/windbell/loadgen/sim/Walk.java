package io.windbell.loadgen.sim;

import java.util.List;

/** One customer's way through one journey: its events in order and how it ended. */
public record Walk(String journey, String customerId, List<PlannedEvent> events, Ending ending, boolean anonymousStart,
        boolean switchedChannel) {

    /** How a journey ends. */
    public enum Ending {
        COMPLETED, ABANDONED, STALLED
    }
}
