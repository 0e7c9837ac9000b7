package io.windbell.ingest.quarantine;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.windbell.platform.problem.Violation;

/** A quarantined event as the API shows it to CX admins. */
public record QuarantineView(UUID id, Instant receivedAt, String clientId, String contentType, Integer batchIndex,
        String eventId, String channel, List<Violation> violations, String payload, boolean payloadTruncated) {

    static QuarantineView of(QuarantinedEvent q) {
        return new QuarantineView(q.id, q.receivedAt, q.clientId, q.contentType, q.batchIndex, q.eventId, q.channel,
                q.reasons == null ? List.of() : q.reasons.violations(), q.payload, q.payloadTruncated);
    }
}
