package io.windbell.loadgen.kafka;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * Sends generated records with one producer, counted (as fast as the producer takes them) or paced (open loop: record
 * {@code i} is due at {@code i / rate} seconds whatever happened before). One thread sends; acknowledgements arrive on
 * the producer's I/O thread. For records due after the warmup, the Kafka timestamp of each is kept by the key its
 * answer will carry (a {@link TopicWatch} reads the answers), so that a command can measure event to answer.
 */
final class PayloadSender {

    static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

    /**
     * The next record and the key its answer will carry: a journey instance id, a response id; {@code null} when no
     * answer is expected.
     */
    record Outgoing(ProducerRecord<String, byte[]> record, UUID key) {
    }

    private final String label;
    private final Function<Instant, Outgoing> source;
    private final PrintStream err;
    final LongAdder acked = new LongAdder();
    final LongAdder measuredAcked = new LongAdder();
    private final SendFailures failures = new SendFailures();
    final Histogram ackMicros = new ConcurrentHistogram(HIGHEST_MICROS, 3);
    final Histogram behindMicros = new Histogram(HIGHEST_MICROS, 3);
    /** Answer key -> Kafka timestamp of the record, for records due after the warmup that expect an answer. */
    final Map<UUID, Long> sentAt = new ConcurrentHashMap<>();
    final AtomicLong lastAckMillis = new AtomicLong();
    long sent;
    long unsent;
    double seconds;
    double measuredSeconds;
    private Duration warmup = Duration.ZERO;

    /**
     * @param label
     *            the progress lines' prefix, e.g. {@code journey-ends}
     * @param source
     *            the next record for a send at the given wall-clock time
     */
    PayloadSender(String label, Function<Instant, Outgoing> source, PrintStream err) {
        this.label = label;
        this.source = source;
        this.err = err;
    }

    /** Sends {@code count} records as fast as the producer takes them, for at most {@code bound}. */
    void counted(Producer<String, byte[]> producer, long count, Duration bound) {
        long start = System.nanoTime();
        long nextReport = start + 1_000_000_000L;
        long lastSent = 0;
        while (sent < count && System.nanoTime() - start < bound.toNanos()) {
            long now = System.nanoTime();
            if (now >= nextReport) {
                report(now - start, sent - lastSent);
                lastSent = sent;
                nextReport += 1_000_000_000L;
            }
            send(producer, now, false);
        }
        producer.flush();
        seconds = (System.nanoTime() - start) / 1e9;
        measuredSeconds = seconds;
    }

    /**
     * Sends {@code rate} records per second for {@code warmup + duration}; gives up on the rest once it runs more than
     * {@code drain} behind its schedule.
     */
    void paced(Producer<String, byte[]> producer, double rate, Duration warmup, Duration duration, Duration drain) {
        this.warmup = warmup;
        long start = System.nanoTime();
        long nextReport = start + 1_000_000_000L;
        long lastSent = 0;
        long total = warmup.toNanos() + duration.toNanos();
        double intervalNanos = 1e9 / rate;
        while (true) {
            long now = System.nanoTime();
            if (now >= nextReport) {
                report(now - start, sent - lastSent);
                lastSent = sent;
                nextReport += 1_000_000_000L;
            }
            long due = (long) (sent * intervalNanos);
            if (due >= total) {
                break;
            }
            long elapsed = now - start;
            if (elapsed - due > drain.toNanos()) {
                unsent = (long) Math.ceil(total / intervalNanos) - sent;
                break;
            }
            if (elapsed < due) {
                LockSupport.parkNanos(Math.min(due - elapsed, 1_000_000L));
                continue;
            }
            behindMicros.recordValue(Math.clamp((elapsed - due) / 1_000, 0, HIGHEST_MICROS));
            send(producer, now, due >= warmup.toNanos());
        }
        producer.flush();
        seconds = (System.nanoTime() - start) / 1e9;
        measuredSeconds = Math.max(0, seconds - warmup.toNanos() / 1e9);
    }

    private void report(long elapsedNanos, long lastSecond) {
        err.printf("[%s] %4ds sent=%d rate=%d/s acked=%d errors=%d%n", label, elapsedNanos / 1_000_000_000L, sent,
                lastSecond, acked.sum(), failures.count());
    }

    private void send(Producer<String, byte[]> producer, long now, boolean measured) {
        Outgoing next = source.apply(Instant.now());
        sent++;
        try {
            producer.send(next.record(), (metadata, error) -> {
                if (error != null) {
                    failures.add(error);
                    return;
                }
                ackMicros.recordValue(Math.clamp((System.nanoTime() - now) / 1_000, 0, HIGHEST_MICROS));
                acked.increment();
                lastAckMillis.set(System.currentTimeMillis());
                if (measured) {
                    measuredAcked.increment();
                    if (next.key() != null) {
                        sentAt.put(next.key(), metadata.timestamp());
                    }
                }
            });
        } catch (KafkaException e) {
            failures.add(e);
        }
    }

    /** The sending side of a command's summary: records, errors, rates, acknowledgement times, lateness when paced. */
    void summarize(Map<String, Object> json, boolean paced) {
        json.put("sent", sent);
        json.put("records", acked.sum());
        json.put("errors", failures.count());
        json.put("errorTypes", failures.byType());
        if (failures.first() != null) {
            json.put("firstError", failures.first());
        }
        json.put("unsent", unsent);
        json.put("durationS", round(seconds, 3));
        json.put("eventsPerS",
                round(measuredSeconds > 0 ? (paced ? measuredAcked.sum() : acked.sum()) / measuredSeconds : 0, 1));
        json.put("allEventsPerS", round(seconds > 0 ? acked.sum() / seconds : 0, 1));
        json.put("ackMs", millis(ackMicros));
        if (paced) {
            json.put("warmupS", warmup.toMillis() / 1000.0);
            json.put("measuredRecords", measuredAcked.sum());
            json.put("behindScheduleMs", millis(behindMicros));
        }
    }

    /** p50, p90, p99, p99.9 and max of a histogram of microseconds, in milliseconds. */
    static Map<String, Double> millis(Histogram micros) {
        Map<String, Double> m = new LinkedHashMap<>();
        boolean empty = micros.getTotalCount() == 0;
        m.put("p50", empty ? 0.0 : round(micros.getValueAtPercentile(50) / 1000.0, 3));
        m.put("p90", empty ? 0.0 : round(micros.getValueAtPercentile(90) / 1000.0, 3));
        m.put("p99", empty ? 0.0 : round(micros.getValueAtPercentile(99) / 1000.0, 3));
        m.put("p999", empty ? 0.0 : round(micros.getValueAtPercentile(99.9) / 1000.0, 3));
        m.put("max", empty ? 0.0 : round(micros.getMaxValue() / 1000.0, 3));
        return m;
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
