package io.windbell.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;

import io.windbell.contracts.EventJson;

/**
 * Publishes the outbox to Kafka: takes the oldest rows, sends them, waits for the broker's acknowledgement and only
 * then deletes them, in one database transaction. A crash between the ack and the commit publishes a batch twice
 * (consumers deduplicate on the CloudEvents id); nothing is ever lost.
 * <p>
 * Every replica runs a relay, but a transaction-scoped advisory lock lets only one of them work at a time, so events
 * leave in the order they were written and no row is sent by two replicas. The others stand by and take over at their
 * next poll when the active one dies.
 */
public final class OutboxRelay implements AutoCloseable {

    /**
     * @param batchSize
     *            rows per transaction
     * @param idlePoll
     *            how long an idle relay waits before looking again when nobody {@link #wake() woke} it: bounds the
     *            delay for rows written by another replica
     * @param sendTimeout
     *            how long to wait for the broker's acks before giving the batch back
     * @param lockKey
     *            the advisory lock that elects the active relay; one per database
     * @param vacuumAfter
     *            rows the relay deletes between its own {@code VACUUM}s of the outbox; 0: it leaves that to autovacuum
     */
    public record Settings(int batchSize, Duration idlePoll, Duration sendTimeout, long lockKey, int vacuumAfter) {

        /** A relay that leaves vacuuming to autovacuum. */
        public Settings(int batchSize, Duration idlePoll, Duration sendTimeout, long lockKey) {
            this(batchSize, idlePoll, sendTimeout, lockKey, 0);
        }
    }

    /** What the relay has done, for health checks and logs. */
    public record Status(boolean running, long published, Instant lastSuccess, String lastError, long vacuums) {
    }

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String SELECT = "SELECT seq, id, topic, msg_key, headers::text, payload FROM outbox ORDER BY seq LIMIT ?";
    private static final String DELETE = "DELETE FROM outbox WHERE seq = ANY(?)";
    // SKIP_LOCKED: a vacuum that is already running (autovacuum) makes this one a no-op instead of a wait
    private static final String VACUUM = "VACUUM (SKIP_LOCKED) outbox";
    // the warning of a vacuum skipped for SKIP_LOCKED; any other warning means the table is not ours to vacuum
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final DataSource dataSource;
    private final Producer<String, byte[]> producer;
    private final Settings settings;
    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong vacuums = new AtomicLong();
    private long deletedSinceVacuum;
    private boolean vacuumRefused;
    private volatile Instant lastSuccess;
    private volatile String lastError;
    private volatile boolean running;
    private Thread thread;

    public OutboxRelay(DataSource dataSource, Producer<String, byte[]> producer, Settings settings) {
        this.dataSource = dataSource;
        this.producer = producer;
        this.settings = settings;
    }

    /** Starts the relay on a thread of its own. */
    public synchronized void start(String threadName) {
        running = true;
        thread = Thread.ofPlatform().name(threadName).daemon().start(this::run);
    }

    /** Tells the relay that rows were just committed, so it does not wait for its next poll. */
    public void wake() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    public Status status() {
        return new Status(running, published.get(), lastSuccess, lastError, vacuums.get());
    }

    /**
     * Publishes one batch if this replica holds the relay lock.
     *
     * @return the number of events published; 0 when the outbox is empty or another replica is relaying
     */
    public int relayOnce() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int sent = relay(connection);
                connection.commit();
                if (sent > 0) {
                    published.addAndGet(sent);
                }
                lastSuccess = Instant.now();
                lastError = null;
                return sent;
            } catch (Exception e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private int relay(Connection connection) throws Exception {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, settings.lockKey());
            try (ResultSet rows = lock.executeQuery()) {
                rows.next();
                if (!rows.getBoolean(1)) {
                    return 0;
                }
            }
        }
        List<Long> seqs = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setInt(1, settings.batchSize());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    seqs.add(rows.getLong(1));
                    Future<RecordMetadata> ack = producer.send(record(rows));
                    acks.add(ack);
                    if (ack.isDone()) {
                        // failed before it left (no metadata within max.block.ms, record too large): give the batch
                        // back now instead of blocking once more for every remaining row
                        ack.get();
                    }
                }
            }
        }
        if (seqs.isEmpty()) {
            return 0;
        }
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
            delete.setArray(1, connection.createArrayOf("bigint", seqs.toArray()));
            delete.executeUpdate();
        }
        return seqs.size();
    }

    private static ProducerRecord<String, byte[]> record(ResultSet row) throws SQLException {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.getString(3), row.getString(4),
                row.getBytes(6));
        for (Map.Entry<String, String> header : headers(row.getString(5)).entrySet()) {
            record.headers().add(header.getKey(), header.getValue().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private static Map<String, String> headers(String json) {
        try {
            return EventJson.mapper().readValue(json, new TypeReference<Map<String, String>>() {
            });
        } catch (Exception e) {
            throw new IllegalStateException("outbox headers are not a JSON object of strings", e);
        }
    }

    private void run() {
        Duration backoff = Duration.ofMillis(100);
        while (running) {
            try {
                int sent = relayOnce();
                backoff = Duration.ofMillis(100);
                vacuumWhenDue(sent);
                if (sent < settings.batchSize()) {
                    wakeUp.tryAcquire(settings.idlePoll().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                if (!e.toString().equals(lastError)) {
                    LOG.warnf("outbox relay failed, events stay in the outbox and are retried: %s", e.toString());
                }
                lastError = e.toString();
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5)
                        : backoff.multipliedBy(2);
            }
        }
    }

    /**
     * The outbox is a queue: each row is read once and deleted seconds after it was written, so between autovacuum runs
     * (a minute apart by default, {@code autovacuum_naptime}) it holds tens of thousands of dead rows and few live
     * ones, and the ordered read walks the dead ones. Measured in journey at 2,000 events/s: 72,651 dead rows against
     * 1,177 live made each read cost 14.8 ms and 15,246 buffers, half of PostgreSQL's time (docs/benchmarks.md). So the
     * relay vacuums the table itself after every {@code vacuumAfter} rows it deleted, between two batches. An error is
     * logged and leaves the table to autovacuum until the next time; PostgreSQL's warning that the user may not vacuum
     * the table, for good.
     */
    private void vacuumWhenDue(int deleted) {
        deletedSinceVacuum += deleted;
        if (settings.vacuumAfter() <= 0 || vacuumRefused || deletedSinceVacuum < settings.vacuumAfter()) {
            return;
        }
        deletedSinceVacuum = 0;
        try (Connection connection = dataSource.getConnection(); Statement vacuum = connection.createStatement()) {
            connection.setAutoCommit(true);
            vacuum.execute(VACUUM);
            SQLWarning skipped = vacuum.getWarnings();
            if (skipped == null) {
                vacuums.incrementAndGet();
            } else if (!LOCK_NOT_AVAILABLE.equals(skipped.getSQLState())) {
                // PostgreSQL skips a table the user may not vacuum with a warning, not an error: stop asking
                vacuumRefused = true;
                LOG.warnf("outbox relay cannot vacuum the outbox, leaving it to autovacuum: %s", skipped.getMessage());
            }
        } catch (SQLException e) {
            LOG.warnf("outbox relay could not vacuum the outbox, autovacuum will: %s", e.toString());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        Thread relayThread;
        synchronized (this) {
            running = false;
            relayThread = thread;
        }
        if (relayThread != null) {
            relayThread.interrupt();
            relayThread.join(Duration.ofSeconds(10));
        }
    }
}
