package io.windbell.messaging.consumer;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import io.windbell.contracts.EventPayload;
import io.windbell.contracts.EventType;
import io.windbell.messaging.envelope.Envelope;
import io.windbell.messaging.envelope.PoisonException;

/**
 * Applies one polled batch of a channel durably, the same way in every service: each record is decoded into an
 * {@link Envelope} (a record of a type the channel ignores is skipped before decoding, without a transaction); the
 * {@link UnitOfWork} claims the envelopes' ids in the inbox and applies the new ones (the stream processors: one JDBC
 * transaction per batch, {@link UnitOfWork#jdbc}; entity services: one reactive transaction per envelope);
 * {@link #process} returns only once every record is applied or dead-lettered, so the caller may then acknowledge
 * (commit) the whole batch.
 * <p>
 * Failure policy:
 * <ul>
 * <li>a record that cannot be decoded, or that the channel's check rejects, is dead-lettered at once: retrying cannot
 * fix its bytes;</li>
 * <li>a transient failure ({@link Failures#isTransient}) is retried with backoff for as long as it lasts: an outage
 * must not empty the topic into the dead-letter topic;</li>
 * <li>content the database refuses ({@link Failures#isRefusedContent}: a NUL in text, a value too long) fails the same
 * way on every try: the batch is split at once and the record that carries it dead-lettered after one attempt;</li>
 * <li>any other failure is retried {@code maxAttempts} times; then the batch is split and applied record by record, so
 * the one poison record is dead-lettered alone and the others are applied.</li>
 * </ul>
 *
 * @param <R>
 *            the messaging framework's handle of a record (dead-lettering goes through it)
 * @param <T>
 *            the payload type the channel carries
 */
public final class BatchProcessor<R, T extends EventPayload> {

    /** The service's use case for a batch, on the batch's transaction. */
    public interface Handler<T extends EventPayload> {
        /**
         * Applies the envelopes not processed before (already claimed in the inbox, in batch order) on the caller's
         * transaction; throwing rolls back the claims with everything else.
         */
        void apply(Connection connection, List<Envelope<T>> fresh) throws SQLException;

        /** After the transaction committed: wake what the change concerns, record figures. */
        default void committed(List<Envelope<T>> applied) {
        }
    }

    /** Rejects an envelope the channel's contract does not accept, by throwing {@link PoisonException}. */
    @FunctionalInterface
    public interface Check<T extends EventPayload> {
        void check(Envelope<T> envelope);
    }

    /** Puts one record on the dead-letter topic and returns once it is durably there. */
    @FunctionalInterface
    public interface DeadLetterSink<R> {
        void send(R record, Throwable error, int attempts) throws Exception;
    }

    /**
     * @param channel
     *            the channel name, for logs and readiness
     * @param inboxConsumer
     *            the consumer's name in the inbox ledger (e.g. {@code journey.touchpoints})
     * @param maxAttempts
     *            tries of a non-transient failure before the batch is split and the poison record dead-lettered
     * @param backoff
     *            first wait between tries; doubles up to {@code maxBackoff}
     */
    public record Settings(String channel, String inboxConsumer, int maxAttempts, Duration backoff,
            Duration maxBackoff) {
    }

    /**
     * What the channel has done, for readiness and logs.
     *
     * @param skipped
     *            records that were processed before (a redelivery) and changed nothing
     * @param ignored
     *            records of types the channel does not take, acknowledged without a transaction
     */
    public record Status(String channel, long applied, long skipped, long deadLettered, Instant lastBatch,
            String lastError, long ignored) {
    }

    /** Thrown out of {@link #process} when the processor closes while a batch waits for a retry. */
    public static final class ClosedException extends Exception {
        public ClosedException(String channel) {
            super("channel " + channel + " is closing; the batch in hand stays uncommitted");
        }
    }

    private static final Logger LOG = Logger.getLogger(BatchProcessor.class);

    private record Item<R, T extends EventPayload>(R handle, ConsumerRecord<String, byte[]> record,
            Envelope<T> envelope) {
    }

    private final Settings settings;
    private final Class<T> payloadType;
    private final Selection<T> selection;
    private final Check<T> check;
    private final UnitOfWork<T> work;
    private final Function<R, ConsumerRecord<String, byte[]>> unwrap;
    private final DeadLetterSink<R> deadLetters;
    private final Runnable afterCommit;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong ignored = new AtomicLong();
    private volatile Instant lastBatch;
    private volatile String lastError;
    private volatile boolean closing;

    /**
     * A processor of the JDBC flavour taking every type of its topic: one JDBC transaction per batch.
     *
     * @param unwrap
     *            the Kafka record behind a framework handle
     * @param afterCommit
     *            runs after every transaction that applied something (the kit wakes the outbox relay)
     */
    public BatchProcessor(DataSource dataSource, Settings settings, Class<T> payloadType, Check<T> check,
            Handler<T> handler, Function<R, ConsumerRecord<String, byte[]>> unwrap, DeadLetterSink<R> deadLetters,
            Runnable afterCommit) {
        this(settings, payloadType, Selection.all(), check,
                UnitOfWork.jdbc(dataSource, settings.inboxConsumer(), handler), unwrap, deadLetters, afterCommit);
    }

    /**
     * @param selection
     *            the records the channel takes; another record of the topic is acknowledged without a transaction (e.g.
     *            the high-volume {@code journey.progressed} for a consumer of interruptions, without even decoding it)
     * @param work
     *            how the envelopes become durable (claim + apply)
     * @param unwrap
     *            the Kafka record behind a framework handle
     * @param afterCommit
     *            runs after every transaction that applied something (the kit wakes the outbox relay)
     */
    public BatchProcessor(Settings settings, Class<T> payloadType, Selection<T> selection, Check<T> check,
            UnitOfWork<T> work, Function<R, ConsumerRecord<String, byte[]>> unwrap, DeadLetterSink<R> deadLetters,
            Runnable afterCommit) {
        this.settings = settings;
        this.payloadType = payloadType;
        this.selection = selection;
        this.check = check;
        this.work = work;
        this.unwrap = unwrap;
        this.deadLetters = deadLetters;
        this.afterCommit = afterCommit;
    }

    /**
     * Applies or dead-letters every record of the batch; safe to call from several threads (one per consumer), each
     * with its own batches.
     *
     * @throws ClosedException
     *             when closing interrupted a retry: nothing of the batch may be acknowledged
     */
    public void process(List<R> records) throws ClosedException {
        List<Item<R, T>> batch = new ArrayList<>(records.size());
        for (R handle : records) {
            ConsumerRecord<String, byte[]> record = unwrap.apply(handle);
            if (ignores(record)) {
                ignored.incrementAndGet();
                continue;
            }
            Envelope<T> envelope;
            try {
                envelope = decode(record);
            } catch (RuntimeException e) {
                deadLetter(new Item<>(handle, record, null), e, 1);
                continue;
            }
            if (!selection.envelopes().test(envelope)) {
                ignored.incrementAndGet();
                continue;
            }
            batch.add(new Item<>(handle, record, envelope));
        }
        if (!batch.isEmpty()) {
            apply(batch);
        }
        lastBatch = Instant.now();
    }

    public Status status() {
        return new Status(settings.channel(), applied.get(), skipped.get(), deadLettered.get(), lastBatch, lastError,
                ignored.get());
    }

    /** Stops retrying: a batch waiting for its next try gives up uncommitted. */
    public void close() {
        closing = true;
    }

    /** A known type of the record's topic that the channel does not take; anything else is decoded (poison or not). */
    private boolean ignores(ConsumerRecord<String, byte[]> record) {
        Optional<EventType> type = Envelope.typeOf(record);
        return type.isPresent() && type.get().topic().equals(record.topic()) && !selection.types().test(type.get());
    }

    private Envelope<T> decode(ConsumerRecord<String, byte[]> record) {
        Envelope<EventPayload> decoded = Envelope.decode(record);
        if (!payloadType.isInstance(decoded.payload())) {
            throw new PoisonException(decoded.type().type() + " is not a " + payloadType.getSimpleName()
                    + " as channel " + settings.channel() + " expects");
        }
        Envelope<T> envelope = decoded.as(payloadType);
        check.check(envelope);
        return envelope;
    }

    private void apply(List<Item<R, T>> batch) throws ClosedException {
        Duration backoff = settings.backoff();
        int attempts = 0;
        while (true) {
            try {
                transaction(batch);
                lastError = null;
                return;
            } catch (Exception e) {
                lastError = e.toString();
                if (Failures.isTransient(e)) {
                    LOG.warnf("channel %s: transient failure applying %d records, retrying in %d ms: %s",
                            settings.channel(), batch.size(), backoff.toMillis(), e.toString());
                } else if (++attempts >= settings.maxAttempts() || Failures.isRefusedContent(e)) {
                    if (batch.size() == 1) {
                        deadLetter(batch.getFirst(), e, attempts);
                        return;
                    }
                    LOG.warnf("channel %s: a batch of %d records failed %d time(s) (%s); applying them one by one",
                            settings.channel(), batch.size(), attempts, e.toString());
                    for (Item<R, T> item : batch) {
                        apply(List.of(item));
                    }
                    return;
                } else {
                    LOG.warnf("channel %s: attempt %d of %d failed, retrying in %d ms: %s", settings.channel(),
                            attempts, settings.maxAttempts(), backoff.toMillis(), e.toString());
                }
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff()
                        : backoff.multipliedBy(2);
            }
        }
    }

    private void transaction(List<Item<R, T>> batch) throws Exception {
        work.apply(batch.stream().map(Item::envelope).toList(), (fresh, redelivered) -> {
            applied.addAndGet(fresh.size());
            skipped.addAndGet(redelivered);
            if (!fresh.isEmpty()) {
                afterCommit.run();
            }
        });
    }

    private void deadLetter(Item<R, T> item, Exception error, int attempts) throws ClosedException {
        ConsumerRecord<String, byte[]> record = item.record();
        LOG.errorf("channel %s: dead-lettering %s-%d@%d after %d attempt(s): %s", settings.channel(), record.topic(),
                record.partition(), record.offset(), attempts, error.toString());
        Duration backoff = settings.backoff();
        while (true) {
            try {
                deadLetters.send(item.handle(), error, attempts);
                deadLettered.incrementAndGet();
                return;
            } catch (Exception e) {
                // the record must land somewhere before its offset is committed
                lastError = e.toString();
                LOG.warnf("channel %s: dead-letter topic unreachable, retrying: %s", settings.channel(), e.toString());
                pause(backoff);
                backoff = settings.maxBackoff();
            }
        }
    }

    private void pause(Duration duration) throws ClosedException {
        long until = System.nanoTime() + duration.toNanos();
        while (!closing) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                Thread.sleep(Duration.ofNanos(Math.min(left, 50_000_000L)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClosedException(settings.channel());
            }
        }
        throw new ClosedException(settings.channel());
    }
}
