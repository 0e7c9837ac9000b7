package io.windbell.ingest.intake;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.windbell.platform.problem.Violation;

/**
 * One event as it arrived in a request, before validation: its position, the event object if it could be read, and its
 * raw text for the quarantine. {@code envelopeViolations} are problems found before the event itself (a line that is
 * not JSON, a CloudEvents envelope that is wrong).
 */
public record Submission(int index, JsonNode event, String raw, List<Violation> envelopeViolations) {

    public static Submission of(int index, JsonNode event, String raw) {
        return new Submission(index, event, raw, List.of());
    }

    public static Submission unreadable(int index, String raw, List<Violation> violations) {
        return new Submission(index, null, raw, violations);
    }
}
