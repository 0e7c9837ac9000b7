package io.windbell.notification.inbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Every employee's inbox ({@code inbox_item}), the source of the push stream. An item's {@code seq} is the employee's
 * own counter, taken under the row lock of {@code inbox_counter}: two transactions adding to one employee's inbox
 * commit in the order of their numbers, so "everything after seq N" (a stream's {@code Last-Event-ID}) never skips an
 * item that commits late. The {@code NOTIFY} on {@link #CHANNEL} is sent by PostgreSQL when the transaction commits, to
 * every replica's listener (ADR 0025).
 */
@ApplicationScoped
public class Inbox {

    /** The PostgreSQL notification channel; the payload is {@code <employeeId>:<seq>}. */
    public static final String CHANNEL = "windbell_inbox";

    /**
     * Appends {@code entry} to {@code employeeId}'s inbox inside the caller's reactive transaction. Nothing happens
     * when that event is already in that inbox (the answer is then {@code false}).
     */
    public Uni<Boolean> append(String employeeId, InboxEntry entry) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery(
                        "select count(*) from inbox_item where source_event_id = ?1 and employee_id = ?2", Long.class)
                .setParameter(1, entry.sourceEventId()).setParameter(2, employeeId).getSingleResult()
                .chain(existing -> existing > 0 ? Uni.createFrom().item(false) : session
                        .createNativeQuery("insert into inbox_counter as c (employee_id, last_seq) values (?1, 1)"
                                + " on conflict (employee_id) do update set last_seq = c.last_seq + 1 returning last_seq",
                                Long.class)
                        .setParameter(1, employeeId).getSingleResult()
                        .chain(seq -> session.createNativeQuery("insert into inbox_item (id, employee_id, seq,"
                                + " source_event_id, event_type, work_order_id, branch_id, title, body, priority,"
                                + " critical, link, created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
                                + " ?11, ?12, ?13) on conflict do nothing").setParameter(1, UUID.randomUUID())
                                .setParameter(2, employeeId).setParameter(3, seq).setParameter(4, entry.sourceEventId())
                                .setParameter(5, entry.eventType()).setParameter(6, entry.workOrderId())
                                .setParameter(7, entry.branchId()).setParameter(8, entry.title())
                                .setParameter(9, entry.body()).setParameter(10, entry.priority())
                                .setParameter(11, entry.critical()).setParameter(12, entry.link())
                                .setParameter(13, Instant.now()).executeUpdate()
                                .chain(inserted -> inserted == 0 ? Uni.createFrom().item(false)
                                        : session.createNativeQuery("select pg_notify(?1, ?2)").setParameter(1, CHANNEL)
                                                .setParameter(2, employeeId + ":" + seq).getSingleResult()
                                                .replaceWith(true)))));
    }
}
