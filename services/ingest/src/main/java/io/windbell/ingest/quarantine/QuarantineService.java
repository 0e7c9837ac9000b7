package io.windbell.ingest.quarantine;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.windbell.platform.paging.Cursor;
import io.windbell.platform.paging.Page;

/** Stores rejected events and lists them for CX admins, newest first. */
@ApplicationScoped
public class QuarantineService {

    private static final Logger LOG = Logger.getLogger(QuarantineService.class);

    /** Stores the records in one transaction; completes only once they are durable. */
    public Uni<Void> keep(List<QuarantinedEvent> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> QuarantinedEvent.persist(records))
                .invoke(() -> LOG.debugf("quarantined %d rejected event(s)", records.size()));
    }

    /** One page of quarantined events, newest first, optionally of one channel or client and from a time on. */
    public Uni<Page<QuarantineView>> list(String cursor, int limit, String channel, String clientId, Instant since) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (cursor != null) {
            List<String> keys = Cursor.decode(cursor, 2);
            where.append(" and (receivedAt < :at or (receivedAt = :at and id < :id))");
            try {
                params.and("at", Instant.parse(keys.get(0))).and("id", UUID.fromString(keys.get(1)));
            } catch (RuntimeException e) {
                throw Cursor.invalidCursor();
            }
        }
        if (channel != null) {
            where.append(" and channel = :channel");
            params.and("channel", channel);
        }
        if (clientId != null) {
            where.append(" and clientId = :clientId");
            params.and("clientId", clientId);
        }
        if (since != null) {
            where.append(" and receivedAt >= :since");
            params.and("since", since);
        }
        return Panache.withSession(() -> QuarantinedEvent
                .<QuarantinedEvent> find(where + " order by receivedAt desc, id desc", params).range(0, limit).list())
                .map(rows -> {
                    String next = null;
                    if (rows.size() == limit + 1) {
                        rows = rows.subList(0, limit);
                        QuarantinedEvent last = rows.get(limit - 1);
                        next = Cursor.encode(last.receivedAt.toString(), last.id.toString());
                    }
                    return new Page<>(rows.stream().map(QuarantineView::of).toList(), next);
                });
    }
}
