package io.windbell.ingest.intake;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.windbell.platform.problem.Violation;

/**
 * One event as it arrived in a request, before validation: its position, the event object if it could be read, and its
 * raw bytes (its slice of the request body, exactly as sent) for the quarantine. {@code envelopeViolations} are
 * problems found before the event itself (a line that is not JSON, a CloudEvents envelope that is wrong).
 */
public record Submission(int index, JsonNode event, byte[] raw, List<Violation> envelopeViolations) {

    public static Submission of(int index, JsonNode event, byte[] raw) {
        return new Submission(index, event, raw, List.of());
    }

    public static Submission unreadable(int index, byte[] raw, List<Violation> violations) {
        return new Submission(index, null, raw, violations);
    }
}
