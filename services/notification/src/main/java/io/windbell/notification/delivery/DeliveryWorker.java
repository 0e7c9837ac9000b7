package io.windbell.notification.delivery;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.windbell.platform.background.Periodic;

/**
 * Sends what is due in {@code delivery}. One pass claims a batch in a short transaction ({@code FOR UPDATE SKIP
 * LOCKED}, so replicas never claim the same row) and pushes each row's {@code next_attempt_at} forward by a lease: a
 * replica that dies mid-send leaves the row to be sent again after the lease, never lost (at least once). The sends run
 * outside any transaction, a bounded number at once, through the channel's {@link Sender}; each outcome is recorded in
 * its own transaction with one {@code delivery_attempt} row. A failure is retried with {@link Backoff} until the
 * channel's last attempt, then the delivery is DEAD until an operator re-drives it.
 * <p>
 * The reactive SQL client rather than Hibernate: the sends complete on other threads than the claim, and nothing here
 * needs an entity session.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private static final String CLAIM = """
            update delivery d set next_attempt_at = $2, attempts = d.attempts + 1, updated_at = $1,
                version = d.version + 1
            from (select id from delivery where status = 'QUEUED' and next_attempt_at <= $1
                  order by next_attempt_at limit $3 for update skip locked) due
            where d.id = due.id
            returning d.*""";

    // the claim's attempts guard the row: a redrive or an acknowledgement meanwhile is not overwritten
    private static final String RECORD = """
            update delivery set status = $2, next_attempt_at = coalesce($3, next_attempt_at), last_error = $4,
                sent_at = coalesce($5, sent_at), updated_at = $6, version = version + 1, attempts = attempts - $8
            where id = $1 and status = 'QUEUED' and attempts = $7""";

    /** Appends one line to a delivery's log; {@code attempt} numbers the whole log, across re-drives. */
    static final String LOG_ATTEMPT = """
            insert into delivery_attempt (delivery_id, attempt, at, outcome, status_code, error)
            select $1, coalesce(max(attempt), 0) + 1, $2, $3, $4, $5 from delivery_attempt where delivery_id = $1""";

    /**
     * What one attempt came to: the delivery's next status and the line of its log.
     *
     * @param counts
     *            whether it counts against the channel's attempts ({@code false}: deferred on purpose)
     */
    record Outcome(DeliveryStatus status, String logged, Integer statusCode, String error, Instant nextAttemptAt,
            boolean counts) {

        Outcome(DeliveryStatus status, String logged, Integer statusCode, String error, Instant nextAttemptAt) {
            this(status, logged, statusCode, error, nextAttemptAt, true);
        }
    }

    private final Pool pool;
    private final DeliveryConfig config;
    private final Map<Channel, Sender> senders = new EnumMap<>(Channel.class);
    private Periodic loop;

    public DeliveryWorker(Pool pool, DeliveryConfig config, @Any Instance<Sender> senders) {
        this.pool = pool;
        this.config = config;
        for (Sender sender : senders) {
            Sender other = this.senders.put(sender.channel(), sender);
            if (other != null) {
                throw new IllegalStateException("two senders for channel " + sender.channel() + ": "
                        + other.getClass().getName() + " and " + sender.getClass().getName());
            }
        }
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("deliveries are not sent by this replica (windbell.notification.delivery.enabled=false)");
            return;
        }
        loop = new Periodic("delivery-worker", config.pollInterval(), config.pollInterval(),
                () -> runOnce(Instant.now()).await().indefinitely() >= config.batchSize()).start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        if (loop != null) {
            loop.close();
        }
    }

    /** Starts the next pass now rather than after the poll interval (a producer that just enqueued, a re-drive). */
    public void wake() {
        if (loop != null) {
            loop.wake();
        }
    }

    /**
     * One pass at {@code now}: claims up to {@code batch-size} due deliveries, sends them and records every outcome.
     *
     * @return how many deliveries were claimed (a full batch means more may be waiting)
     */
    public Uni<Integer> runOnce(Instant now) {
        Tuple claim = Tuple.of(DeliveryRows.at(now), DeliveryRows.at(now.plus(config.lease())), config.batchSize());
        return pool.withTransaction(connection -> connection.preparedQuery(CLAIM).execute(claim)).chain(rows -> {
            List<Delivery> claimed = rows.stream().map(DeliveryRows::delivery).toList();
            if (claimed.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            return Multi.createFrom().iterable(claimed).onItem().transformToUni(d -> attempt(d, now))
                    .merge(Math.max(1, config.concurrency())).collect().asList().replaceWith(claimed.size());
        });
    }

    private Uni<Void> attempt(Delivery delivery, Instant now) {
        return outcome(delivery, now).chain(outcome -> record(delivery, outcome, now)).onFailure()
                .recoverWithItem(e -> {
                    // the row keeps its lease: it is attempted again once the lease runs out
                    LOG.warnf("delivery %s: the outcome could not be recorded, it will be attempted again: %s",
                            delivery.id, ErrorText.of(e));
                    return null;
                });
    }

    private Uni<Outcome> outcome(Delivery delivery, Instant now) {
        if (delivery.notAfter != null && delivery.notAfter.isBefore(now)) {
            return Uni.createFrom().item(new Outcome(DeliveryStatus.SKIPPED, DeliveryStatus.SKIPPED.name(), null,
                    "not sent after " + delivery.notAfter, null));
        }
        Sender sender = senders.get(delivery.channel);
        if (sender == null) {
            return Uni.createFrom().item(new Outcome(DeliveryStatus.DEAD, DeliveryStatus.DEAD.name(), null,
                    "no sender for channel " + delivery.channel, null));
        }
        return Uni.createFrom().deferred(() -> sender.send(delivery)).ifNoItem().after(config.sendTimeout())
                .failWith(() -> new OutboundHttp.RetryableFailure("no answer within " + config.sendTimeout()))
                .map(DeliveryWorker::succeeded).onFailure().recoverWithItem(e -> failed(delivery, e, now));
    }

    private static Outcome succeeded(DeliveryStatus status) {
        return switch (status) {
        case SENT, DELIVERED -> new Outcome(status, status.name(), null, null, null);
        default -> throw new Sender.PermanentFailure("the sender answered " + status);
        };
    }

    /** The outcome of a failed attempt: retried after a backoff, or dead. */
    Outcome failed(Delivery delivery, Throwable failure, Instant now) {
        if (failure instanceof Sender.NotYet notYet) {
            return new Outcome(DeliveryStatus.QUEUED, "DEFERRED", null, notYet.getMessage(), notYet.at(), false);
        }
        if (failure instanceof Sender.NothingToSend nothing) {
            return new Outcome(DeliveryStatus.SKIPPED, DeliveryStatus.SKIPPED.name(), null, nothing.getMessage(), null);
        }
        String error = ErrorText.of(failure);
        if (failure instanceof Sender.PermanentFailure permanent) {
            return new Outcome(DeliveryStatus.DEAD, DeliveryStatus.DEAD.name(), permanent.statusCode(), error, null);
        }
        Integer statusCode = failure instanceof OutboundHttp.RetryableFailure retryable ? retryable.statusCode() : null;
        DeliveryConfig.Retry retry = config.channels().of(delivery.channel);
        if (delivery.attempts >= retry.maxAttempts()) {
            return new Outcome(DeliveryStatus.DEAD, DeliveryStatus.DEAD.name(), statusCode,
                    ErrorText.clean("attempt " + delivery.attempts + " of " + retry.maxAttempts() + ": " + error),
                    null);
        }
        Instant next = now.plus(Backoff.delay(delivery.attempts, retry.initialBackoff(), retry.maxBackoff(),
                ThreadLocalRandom.current().nextDouble()));
        return new Outcome(DeliveryStatus.QUEUED, "FAILED", statusCode, error, next);
    }

    private Uni<Void> record(Delivery delivery, Outcome outcome, Instant now) {
        boolean sent = outcome.status() == DeliveryStatus.SENT || outcome.status() == DeliveryStatus.DELIVERED;
        Tuple update = Tuple.tuple().addValue(delivery.id).addValue(outcome.status().name())
                .addValue(DeliveryRows.at(outcome.nextAttemptAt())).addValue(outcome.error())
                .addValue(sent ? DeliveryRows.at(now) : null).addValue(DeliveryRows.at(now)).addValue(delivery.attempts)
                .addValue(outcome.counts() ? 0 : 1);
        Tuple line = Tuple.tuple().addValue(delivery.id).addValue(DeliveryRows.at(now)).addValue(outcome.logged())
                .addValue(outcome.statusCode()).addValue(outcome.error());
        return pool
                .withTransaction(connection -> connection.preparedQuery(RECORD).execute(update).chain(
                        updated -> connection.preparedQuery(LOG_ATTEMPT).execute(line).replaceWith(updated.rowCount())))
                .invoke(updated -> log(delivery, outcome, updated)).replaceWithVoid();
    }

    private static void log(Delivery delivery, Outcome outcome, int updated) {
        String recipient = Recipients.shown(delivery.channel, delivery.recipient);
        if (updated == 0) {
            LOG.infof("delivery %s to %s: %s, but it changed meanwhile (acknowledged or re-driven); left as it is",
                    delivery.id, recipient, outcome.logged());
        } else if (outcome.status() == DeliveryStatus.DEAD) {
            LOG.warnf("delivery %s (%s, %s to %s) is dead: %s", delivery.id, delivery.eventType, delivery.channel,
                    recipient, outcome.error());
        } else if (outcome.status() == DeliveryStatus.QUEUED) {
            LOG.debugf("delivery %s (%s to %s) attempt %d %s, next at %s: %s", delivery.id, delivery.channel, recipient,
                    delivery.attempts, outcome.logged(), outcome.nextAttemptAt(), outcome.error());
        }
    }
}
