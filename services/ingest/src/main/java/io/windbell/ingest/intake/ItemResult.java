package io.windbell.ingest.intake;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.windbell.platform.problem.Violation;

/** What became of one submitted event: accepted (published), or rejected with its reasons and quarantine id. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ItemResult(int index, String eventId, Status status, List<Violation> errors, UUID quarantineId) {

    /** Accepted events were acknowledged by the broker; rejected ones are in the quarantine. */
    public enum Status {
        ACCEPTED, REJECTED
    }

    static ItemResult accepted(int index, String eventId) {
        return new ItemResult(index, eventId, Status.ACCEPTED, List.of(), null);
    }

    static ItemResult rejected(int index, String eventId, List<Violation> errors, UUID quarantineId) {
        return new ItemResult(index, eventId, Status.REJECTED, errors, quarantineId);
    }
}
