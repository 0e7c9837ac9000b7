package io.windbell.notification.inbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.windbell.notification.delivery.Deliveries;
import io.windbell.platform.paging.Cursor;
import io.windbell.platform.paging.Page;
import io.windbell.platform.problem.ProblemException;

/** An employee's inbox: the newest items first, the unread count, marking read, acknowledging. */
@ApplicationScoped
public class InboxService {

    private final Deliveries deliveries;

    InboxService(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    /**
     * One page of {@code employeeId}'s items by {@code seq}, newest first, starting below {@code beforeSeq} (all when
     * {@code null}); only unread ones when {@code unreadOnly}.
     */
    @WithSession
    public Uni<Page<InboxItemView>> list(String employeeId, boolean unreadOnly, Long beforeSeq, int limit) {
        String query = "employeeId = ?1 and seq < ?2" + (unreadOnly ? " and readAt is null" : "")
                + " order by seq desc";
        long before = beforeSeq == null ? Long.MAX_VALUE : beforeSeq;
        // one row more than the page: whether there is a next page, without a count
        return InboxItem.<InboxItem> find(query, employeeId, before).range(0, limit).list().map(rows -> {
            List<InboxItemView> items = rows.stream().limit(limit).map(InboxItemView::of).toList();
            String next = rows.size() > limit ? Cursor.encode(Long.toString(items.get(limit - 1).seq())) : null;
            return new Page<>(items, next);
        });
    }

    /** How many of {@code employeeId}'s items are unread. */
    @WithSession
    public Uni<Long> unreadCount(String employeeId) {
        return InboxItem.count("employeeId = ?1 and readAt is null", employeeId);
    }

    /** Marks the item read (once: a second call changes nothing); 404 when it is not {@code employeeId}'s. */
    @WithTransaction
    public Uni<InboxItemView> markRead(String employeeId, UUID itemId) {
        Instant now = now();
        return own(employeeId, itemId).map(item -> {
            if (item.readAt == null) {
                item.readAt = now;
            }
            return InboxItemView.of(item);
        });
    }

    /**
     * Acknowledges the item (and marks it read) once; its deliveries to the employee that have not gone out are not
     * sent any more, in the same transaction. 404 when it is not {@code employeeId}'s.
     */
    @WithTransaction
    public Uni<InboxItemView> acknowledge(String employeeId, UUID itemId) {
        Instant now = now();
        return own(employeeId, itemId).call(item -> {
            if (item.acknowledgedAt == null) {
                item.acknowledgedAt = now;
            }
            if (item.readAt == null) {
                item.readAt = now;
            }
            // every time, not only the first: a delivery enqueued after the first acknowledgement is stopped too
            return deliveries.acknowledged(item.sourceEventId, employeeId);
        }).map(InboxItemView::of);
    }

    /** Now, as PostgreSQL keeps it (microseconds): the first answer shows what every later one shows. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static Uni<InboxItem> own(String employeeId, UUID itemId) {
        return InboxItem.<InboxItem> find("id = ?1 and employeeId = ?2", itemId, employeeId).firstResult().onItem()
                .ifNull().failWith(() -> ProblemException.notFound("inbox item", itemId.toString()));
    }
}
