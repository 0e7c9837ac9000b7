package io.windbell.ingest.intake;

import java.util.List;

import io.windbell.contracts.touchpoint.TouchpointRecorded;
import io.windbell.platform.problem.Violation;

/** The verdict on one submitted event: the event to publish, or why it was rejected. */
public sealed interface Validated {

    /** A valid event, ready to publish. */
    record Accepted(TouchpointRecorded event) implements Validated {
    }

    /** A rejected event; {@code eventId} and {@code channel} are what could be read of it, for the quarantine. */
    record Rejected(String eventId, String channel, List<Violation> violations) implements Validated {
    }
}
