package io.windbell.notification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.windbell.notification.endpoint.RobotUrls;

/**
 * A delivery as the operator API shows it: customers' recipients and addresses masked, a robot's key masked
 * ({@link RobotUrls}), never the content (an invitation's content carries its survey link, which is a credential).
 *
 * @param attempts
 *            its log, oldest first: only in the answer about one delivery
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryView(UUID id, UUID sourceEventId, String eventType, String recipient, Channel channel,
        String address, String branchId, boolean critical, DeliveryStatus status, int attempts, Instant nextAttemptAt,
        Instant notAfter, String lastError, Instant createdAt, Instant updatedAt, Instant sentAt,
        List<Attempt> attemptLog) {

    /** One line of a delivery's log. */
    public record Attempt(int attempt, Instant at, String outcome, Integer statusCode, String error) {
    }

    static DeliveryView of(Delivery d, List<Attempt> log) {
        boolean customer = Recipients.CUSTOMER_CHANNELS.contains(d.channel);
        return new DeliveryView(d.id, d.sourceEventId, d.eventType, Recipients.shown(d.channel, d.recipient), d.channel,
                customer && d.address != null ? Recipients.shown(d.channel, d.address) : RobotUrls.shown(d.address),
                d.branchId, d.critical, d.status, d.attempts, d.nextAttemptAt, d.notAfter, d.lastError, d.createdAt,
                d.updatedAt, d.sentAt, log);
    }
}
