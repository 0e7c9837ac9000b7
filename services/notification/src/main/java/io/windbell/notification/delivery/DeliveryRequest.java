package io.windbell.notification.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * One message to enqueue: {@code (sourceEventId, recipient, channel)} is its idempotency key.
 *
 * @param recipient
 *            an employee id, an endpoint id, or a customer id
 * @param address
 *            the e-mail address or URL; {@code null} when the channel's sender resolves it (customer adapters)
 * @param notBefore
 *            the earliest attempt (quiet hours, an invitation's window); {@code null} = now
 * @param notAfter
 *            never attempted after this instant (an invitation's expiry); {@code null} = no limit
 * @param held
 *            kept for the recipient's digest ({@link DeliveryStatus#HELD}) instead of queued
 */
public record DeliveryRequest(UUID sourceEventId, String eventType, String recipient, Channel channel, String address,
        String branchId, boolean critical, Content content, Instant notBefore, Instant notAfter, boolean held) {
}
