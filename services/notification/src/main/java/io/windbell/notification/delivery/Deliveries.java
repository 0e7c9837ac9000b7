package io.windbell.notification.delivery;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.windbell.contracts.EventJson;

/**
 * The durable delivery queue ({@code delivery}): producers enqueue inside their transaction, the delivery worker sends
 * what is due once it has committed.
 */
@ApplicationScoped
public class Deliveries {

    /**
     * Enqueues {@code request} inside the caller's reactive transaction. Nothing happens when a delivery with the same
     * {@code (sourceEventId, recipient, channel)} exists (the answer is then {@code false}).
     */
    public Uni<Boolean> enqueue(DeliveryRequest request) {
        Instant now = Instant.now();
        String content;
        try {
            content = EventJson.mapper().writeValueAsString(request.content());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        Instant due = request.notBefore() == null || request.notBefore().isBefore(now) ? now : request.notBefore();
        return Panache.getSession().chain(session -> session.createNativeQuery("insert into delivery (id,"
                + " source_event_id, event_type, recipient, channel, address, branch_id, critical, status, attempts,"
                + " next_attempt_at, not_after, content, created_at, updated_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
                + " ?9, 0, ?10, ?11, ?12, ?13, ?13) on conflict (source_event_id, recipient, channel) do nothing")
                .setParameter(1, UUID.randomUUID()).setParameter(2, request.sourceEventId())
                .setParameter(3, request.eventType()).setParameter(4, request.recipient())
                .setParameter(5, request.channel().name()).setParameter(6, request.address())
                .setParameter(7, request.branchId()).setParameter(8, request.critical())
                .setParameter(9, (request.held() ? DeliveryStatus.HELD : DeliveryStatus.QUEUED).name())
                .setParameter(10, due).setParameter(11, request.notAfter()).setParameter(12, content)
                .setParameter(13, now).executeUpdate()).map(inserted -> inserted > 0);
    }

    /**
     * The employee acknowledged the item of {@code sourceEventId}: its deliveries to them that have not gone out are
     * not sent any more, and the log shows every one as acknowledged. Inside the caller's transaction.
     */
    public Uni<Integer> acknowledged(UUID sourceEventId, String employeeId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("update delivery set status = 'ACKNOWLEDGED', updated_at = ?3, version = version + 1"
                        + " where source_event_id = ?1 and recipient = ?2"
                        + " and status in ('QUEUED', 'HELD', 'SENT', 'DELIVERED')")
                .setParameter(1, sourceEventId).setParameter(2, employeeId).setParameter(3, Instant.now())
                .executeUpdate());
    }

    /**
     * Records {@code request} as {@link DeliveryStatus#SKIPPED} with {@code reason}, inside the caller's transaction:
     * nothing is sent, and operators see the row and why (e.g. an invitation on a channel no adapter carries).
     * Idempotent like {@link #enqueue}.
     */
    public Uni<Boolean> skip(DeliveryRequest request, String reason) {
        return enqueue(request)
                .call(inserted -> !inserted ? Uni.createFrom().voidItem()
                        : Panache.getSession().chain(session -> session
                                .createNativeQuery("update delivery set status = 'SKIPPED', last_error = ?4"
                                        + " where source_event_id = ?1 and recipient = ?2 and channel = ?3")
                                .setParameter(1, request.sourceEventId()).setParameter(2, request.recipient())
                                .setParameter(3, request.channel().name()).setParameter(4, reason).executeUpdate()));
    }
}
