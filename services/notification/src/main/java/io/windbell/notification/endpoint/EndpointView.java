package io.windbell.notification.endpoint;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An endpoint as the operator API answers it: never the secret, only whether there is one; a robot URL's key masked.
 */
public record EndpointView(UUID id, String kind, String name, String branchId, List<String> eventTypes, String url,
        boolean hasSecret, boolean enabled, Instant createdAt, Instant updatedAt, long version) {
}
