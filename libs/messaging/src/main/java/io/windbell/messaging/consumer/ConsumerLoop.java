package io.windbell.messaging.consumer;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Runs one Kafka consumer on a thread of its own: poll a batch, decode it, hand it to the handler, and commit the
 * offsets only after the handler returned (its work is durable by then).
 * <p>
 * Failure policy, the same for every service:
 * <ul>
 * <li>a record that cannot be decoded goes to the dead-letter topic at once: retrying cannot fix its bytes;</li>
 * <li>a transient failure (database or broker unreachable, deadlock, serialization conflict) is retried with backoff
 * for as long as it lasts, without committing: an outage must not empty the topic into the DLQ;</li>
 * <li>any other failure is retried {@code maxAttempts} times; then the batch is split and retried record by record, so
 * the one poison record goes to the DLQ and the others are applied. A poison record never blocks its partition.</li>
 * </ul>
 */
public final class ConsumerLoop<T> implements AutoCloseable {

    /** Turns a record into the handler's type; throwing marks the record as poison. */
    @FunctionalInterface
    public interface Decoder<T> {
        T decode(ConsumerRecord<String, byte[]> record) throws Exception;
    }

    /** Applies a batch durably (typically one database transaction) or throws. */
    @FunctionalInterface
    public interface Handler<T> {
        void handle(List<Delivery<T>> batch) throws Exception;
    }

    /**
     * @param maxAttempts
     *            tries of a non-transient failure before the record is dead-lettered
     * @param backoff
     *            first wait between tries; doubles up to {@code maxBackoff}
     */
    public record Settings(String topic, Duration pollTimeout, int maxAttempts, Duration backoff, Duration maxBackoff) {
    }

    /** What the loop has done, for health checks and logs. */
    public record Status(boolean running, Instant lastPoll, long applied, long deadLettered, String lastError) {
    }

    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);

    private final Consumer<String, byte[]> consumer;
    private final DeadLetters deadLetters;
    private final Settings settings;
    private final Decoder<T> decoder;
    private final Handler<T> handler;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private volatile boolean running;
    private volatile Instant lastPoll;
    private volatile String lastError;
    private Thread thread;

    public ConsumerLoop(Consumer<String, byte[]> consumer, DeadLetters deadLetters, Settings settings,
            Decoder<T> decoder, Handler<T> handler) {
        this.consumer = consumer;
        this.deadLetters = deadLetters;
        this.settings = settings;
        this.decoder = decoder;
        this.handler = handler;
    }

    /** Subscribes and starts polling on a thread of its own. */
    public synchronized void start(String threadName) {
        running = true;
        thread = Thread.ofPlatform().name(threadName).start(this::run);
    }

    public Status status() {
        return new Status(running, lastPoll, applied.get(), deadLettered.get(), lastError);
    }

    /** Whether a failure is worth waiting out rather than dead-lettering the record that met it. */
    public static boolean isTransient(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof RetriableException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08 connection, 40 serialization/deadlock, 53 resources, 57 operator intervention (shutdown),
                // 23505 a concurrent insert of the same row: the retry sees it
                if (state.startsWith("08") || state.startsWith("40") || state.startsWith("53") || state.startsWith("57")
                        || state.equals("23505")) {
                    return true;
                }
            }
        }
        return false;
    }

    private void run() {
        try {
            consumer.subscribe(List.of(settings.topic()));
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(settings.pollTimeout());
                lastPoll = Instant.now();
                if (records.isEmpty()) {
                    continue;
                }
                process(records);
                commit(records);
            }
        } catch (WakeupException | InterruptedException e) {
            // closing
        } catch (Exception e) {
            lastError = e.toString();
            LOG.errorf(e, "consumer of %s stopped", settings.topic());
        } finally {
            running = false;
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void process(ConsumerRecords<String, byte[]> records) throws Exception {
        List<Delivery<T>> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            T value;
            try {
                value = decoder.decode(record);
            } catch (Exception e) {
                deadLetter(record, e, 1);
                continue;
            }
            batch.add(new Delivery<>(record, value));
        }
        if (!batch.isEmpty()) {
            apply(batch);
        }
    }

    private void apply(List<Delivery<T>> batch) throws Exception {
        Duration backoff = settings.backoff();
        int attempts = 0;
        while (true) {
            try {
                handler.handle(batch);
                applied.addAndGet(batch.size());
                lastError = null;
                return;
            } catch (Exception e) {
                lastError = e.toString();
                if (!isTransient(e)) {
                    attempts++;
                    if (attempts >= settings.maxAttempts()) {
                        if (batch.size() == 1) {
                            deadLetter(batch.getFirst().record(), e, attempts);
                            return;
                        }
                        LOG.warnf("a batch of %d records failed %d times (%s); applying them one by one", batch.size(),
                                attempts, e.toString());
                        for (Delivery<T> delivery : batch) {
                            apply(List.of(delivery));
                        }
                        return;
                    }
                } else {
                    LOG.warnf("transient failure applying %d records, retrying in %d ms: %s", batch.size(),
                            backoff.toMillis(), e.toString());
                }
                if (!running) {
                    throw new InterruptedException("closing");
                }
                Thread.sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff()
                        : backoff.multipliedBy(2);
            }
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, Exception error, int attempts) throws Exception {
        LOG.errorf("dead-lettering %s-%d@%d after %d attempt(s): %s", record.topic(), record.partition(),
                record.offset(), attempts, error.toString());
        Duration backoff = settings.backoff();
        while (true) {
            try {
                deadLetters.send(record, error, attempts);
                deadLettered.incrementAndGet();
                return;
            } catch (Exception e) {
                // the record must land somewhere before its offset is committed
                if (!running) {
                    throw new InterruptedException("closing");
                }
                LOG.warnf("dead-letter topic unreachable, retrying: %s", e.toString());
                Thread.sleep(backoff);
                backoff = settings.maxBackoff();
            }
        }
    }

    private void commit(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> partitionRecords = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(partitionRecords.getLast().offset() + 1));
        }
        try {
            consumer.commitSync(offsets);
        } catch (CommitFailedException e) {
            // the partitions moved to another consumer while we worked; it re-reads from the last commit and the
            // inbox makes the repeat a no-op
            LOG.infof("offset commit lost to a rebalance: %s", e.getMessage());
        }
    }

    @Override
    public void close() throws InterruptedException {
        Thread loopThread;
        synchronized (this) {
            running = false;
            loopThread = thread;
        }
        if (loopThread != null) {
            consumer.wakeup();
            loopThread.join(Duration.ofSeconds(15));
        }
    }
}
