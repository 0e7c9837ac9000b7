package io.windbell.notification.delivery;

import java.util.UUID;

/** What the delivery log is filtered by; every part is optional. */
public record DeliveryFilter(DeliveryStatus status, Channel channel, String recipient, UUID eventId) {
}
