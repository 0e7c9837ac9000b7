package io.windbell.notification.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.windbell.platform.paging.Page;
import io.windbell.platform.paging.QueryParams.Keyset;
import io.windbell.platform.problem.ProblemException;

/**
 * The operators' view of {@code delivery}: the log (newest first), one delivery with its attempts, and the re-drive of
 * dead (or skipped) deliveries back into the queue, each re-drive a line of the delivery's log.
 */
@ApplicationScoped
public class DeliveryLog {

    private static final Logger LOG = Logger.getLogger(DeliveryLog.class);

    // attempts restart at 0: a re-driven delivery gets the channel's full series of attempts again
    private static final String REQUEUE = "update delivery set status = 'QUEUED', attempts = 0, next_attempt_at = $1,"
            + " last_error = null, updated_at = $1, version = version + 1 where ";
    private static final String LOG_REDRIVE = " insert into delivery_attempt (delivery_id, attempt, at, outcome)"
            + " select r.id, coalesce((select max(a.attempt) from delivery_attempt a where a.delivery_id = r.id), 0)"
            + " + 1, $1, 'REDRIVEN' from r";

    private final Pool pool;
    private final DeliveryWorker worker;

    public DeliveryLog(Pool pool, DeliveryWorker worker) {
        this.pool = pool;
        this.worker = worker;
    }

    /** One page of deliveries by creation time, newest first, after the cursor's row. */
    public Uni<Page<DeliveryView>> list(DeliveryFilter filter, Keyset after, int limit) {
        List<String> conditions = new ArrayList<>();
        Tuple params = Tuple.tuple();
        condition(conditions, params, "status = ?", filter.status() == null ? null : filter.status().name());
        condition(conditions, params, "channel = ?", filter.channel() == null ? null : filter.channel().name());
        condition(conditions, params, "recipient = ?", filter.recipient());
        condition(conditions, params, "source_event_id = ?", filter.eventId());
        if (after != null) {
            params.addValue(DeliveryRows.at(after.at())).addValue(after.id());
            conditions.add("(created_at, id) < ($" + (params.size() - 1) + ", $" + params.size() + ")");
        }
        params.addValue(limit + 1);
        String sql = "select " + DeliveryRows.COLUMNS + " from delivery"
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by created_at desc, id desc limit $" + params.size();
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            List<Delivery> all = new ArrayList<>();
            rows.forEach(row -> all.add(DeliveryRows.delivery(row)));
            List<DeliveryView> items = all.stream().limit(limit).map(d -> DeliveryView.of(d, null)).toList();
            String next = all.size() > limit ? new Keyset(items.getLast().createdAt(), items.getLast().id()).encode()
                    : null;
            return new Page<>(items, next);
        });
    }

    private static void condition(List<String> conditions, Tuple params, String condition, Object value) {
        if (value != null) {
            params.addValue(value);
            conditions.add(condition.replace("?", "$" + params.size()));
        }
    }

    /** The delivery with its log, oldest line first; 404 when there is none. */
    public Uni<DeliveryView> detail(UUID id) {
        return pool.preparedQuery("select " + DeliveryRows.COLUMNS + " from delivery where id = $1")
                .execute(Tuple.of(id)).chain(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("delivery", id.toString());
                    }
                    Delivery delivery = DeliveryRows.delivery(rows.iterator().next());
                    return pool
                            .preparedQuery("select attempt, at, outcome, status_code, error from delivery_attempt"
                                    + " where delivery_id = $1 order by attempt, at")
                            .execute(Tuple.of(id)).map(lines -> {
                                List<DeliveryView.Attempt> log = new ArrayList<>();
                                lines.forEach(line -> log.add(attempt(line)));
                                return DeliveryView.of(delivery, log);
                            });
                });
    }

    private static DeliveryView.Attempt attempt(Row line) {
        return new DeliveryView.Attempt(line.getInteger("attempt"), DeliveryRows.instant(line, "at"),
                line.getString("outcome"), line.getInteger("status_code"), line.getString("error"));
    }

    /** A DEAD or SKIPPED delivery back into the queue, due at {@code now}: 404 when there is none, 409 otherwise. */
    public Uni<DeliveryView> redrive(UUID id, Instant now) {
        String sql = "with r as (" + REQUEUE + "id = $2 and status in ('DEAD', 'SKIPPED') returning id)" + LOG_REDRIVE;
        return pool.withTransaction(c -> c.preparedQuery(sql).execute(Tuple.of(DeliveryRows.at(now), id)))
                .chain(rows -> {
                    if (rows.rowCount() > 0) {
                        LOG.infof("delivery %s re-driven by an operator", id);
                        worker.wake();
                        return detail(id);
                    }
                    return detail(id).map(current -> {
                        throw ProblemException.conflict("delivery " + id + " is " + current.status()
                                + ": only DEAD or SKIPPED deliveries are re-driven");
                    });
                });
    }

    /**
     * Every DEAD delivery of {@code channel} and {@code eventType} (either may be {@code null}: any) back into the
     * queue.
     */
    public Uni<Integer> redriveDead(Channel channel, String eventType, Instant now) {
        String sql = "with r as (" + REQUEUE + "status = 'DEAD' and ($2::text is null or channel = $2)"
                + " and ($3::text is null or event_type = $3) returning id)" + LOG_REDRIVE;
        Tuple params = Tuple.tuple().addValue(DeliveryRows.at(now)).addValue(channel == null ? null : channel.name())
                .addValue(eventType);
        return pool.withTransaction(c -> c.preparedQuery(sql).execute(params)).map(rows -> rows.rowCount())
                .invoke(count -> {
                    LOG.infof("%d dead deliveries re-driven by an operator (channel %s, event type %s)", count,
                            channel == null ? "any" : channel, eventType == null ? "any" : eventType);
                    worker.wake();
                });
    }
}
