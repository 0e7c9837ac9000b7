package io.windbell.loadgen.kafka;

import java.io.PrintStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

import io.windbell.contracts.touchpoint.TouchpointRecorded;
import io.windbell.loadgen.engine.Ticker;
import io.windbell.loadgen.events.EventJson;
import io.windbell.loadgen.sim.PlannedEvent;
import io.windbell.loadgen.sim.PlannedEvent.Delivery;
import io.windbell.loadgen.sim.TrafficGenerator;

/**
 * Sends the simulator's timeline straight to the touchpoint topic, bypassing ingest. Paced (open loop): each record is
 * sent when its simulated time comes, whatever happened to the ones before, and how far the sender fell behind is
 * measured. Counted: a number of records as fast as the producer takes them. One thread sends; acknowledgements arrive
 * on the producer's I/O thread, so the counters are concurrent.
 */
public final class JourneyTraffic {

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

    /**
     * What to send.
     *
     * @param count
     *            records to send as fast as possible; 0 = paced by the timeline for {@code durationNanos}
     * @param durationNanos
     *            paced: how long to send; counted: an upper bound
     * @param drainNanos
     *            paced: how long the sender may run behind its schedule before it gives up on the rest
     * @param warmupNanos
     *            paced: records scheduled before this are sent but not counted in the measured rate (the timeline
     *            reaches its rate once the first journeys are under way)
     */
    public record Plan(long count, long durationNanos, long drainNanos, long warmupNanos) {

        public Plan(long count, long durationNanos, long drainNanos) {
            this(count, durationNanos, drainNanos, 0);
        }

        public boolean paced() {
            return count == 0;
        }
    }

    /**
     * The outcome of a run.
     *
     * @param sent
     *            records handed to the producer
     * @param acked
     *            records the broker acknowledged
     * @param uniqueAcked
     *            acknowledged first sends (distinct event ids)
     * @param unsent
     *            paced records given up because the sender ran more than the drain time behind
     * @param seconds
     *            from the first send until the last acknowledgement
     * @param ackMicros
     *            send to acknowledgement
     * @param behindMicros
     *            paced: how late each record was handed to the producer, against its scheduled time
     * @param measuredAcked
     *            acknowledged records scheduled after the warmup
     * @param measuredSeconds
     *            the measured window: from the end of the warmup until the last acknowledgement
     */
    public record Result(long sent, long acked, long uniqueAcked, long duplicatesAcked, long lateAcked, long errors,
            Map<String, Long> errorTypes, String firstError, long unsent, double seconds, Histogram ackMicros,
            Histogram behindMicros, long measuredAcked, double measuredSeconds) {

        /** The counts and rates of a command's summary line ({@code eventsPerS}: of the measured window). */
        public void summarize(Map<String, Object> json) {
            json.put("sent", sent);
            json.put("records", acked);
            json.put("uniqueEvents", uniqueAcked);
            json.put("duplicates", duplicatesAcked);
            json.put("late", lateAcked);
            json.put("errors", errors);
            json.put("errorTypes", errorTypes);
            if (firstError != null) {
                json.put("firstError", firstError);
            }
            json.put("unsent", unsent);
            json.put("durationS", Math.round(seconds * 1000) / 1000.0);
            json.put("eventsPerS", Math.round(measuredSeconds > 0 ? 10 * measuredAcked / measuredSeconds : 0) / 10.0);
            json.put("allEventsPerS", Math.round(seconds > 0 ? 10 * acked / seconds : 0) / 10.0);
        }
    }

    private final TrafficGenerator generator;
    private final Producer<String, byte[]> producer;
    private final String topic;
    private final OffsetDateTime wallStart;
    private final UnaryOperator<Instant> receivedAt;
    private final Ticker ticker;
    private final PrintStream err;

    private final LongAdder acked = new LongAdder();
    private final LongAdder uniqueAcked = new LongAdder();
    private final LongAdder duplicatesAcked = new LongAdder();
    private final LongAdder lateAcked = new LongAdder();
    private final LongAdder measuredAcked = new LongAdder();
    private final SendFailures failures = new SendFailures();
    private final Histogram ackMicros = new ConcurrentHistogram(HIGHEST_MICROS, 3);
    private final Histogram behindMicros = new Histogram(HIGHEST_MICROS, 3);
    private long sent;

    /**
     * @param wallStart
     *            the wall-clock time of simulated millisecond 0: events carry {@code wallStart + occurredMillis} as
     *            their {@code occurredAt}
     */
    public JourneyTraffic(TrafficGenerator generator, Producer<String, byte[]> producer, String topic,
            OffsetDateTime wallStart, Ticker ticker, PrintStream err) {
        this(generator, producer, topic, wallStart, occurred -> Instant.now(), ticker, err);
    }

    /**
     * @param receivedAt
     *            when ingest received an event that happened at the given time: now for live traffic or a backlog,
     *            shortly after it happened for a replay of history
     */
    public JourneyTraffic(TrafficGenerator generator, Producer<String, byte[]> producer, String topic,
            OffsetDateTime wallStart, UnaryOperator<Instant> receivedAt, Ticker ticker, PrintStream err) {
        this.generator = generator;
        this.producer = producer;
        this.topic = topic;
        this.wallStart = wallStart;
        this.receivedAt = receivedAt;
        this.ticker = ticker;
        this.err = err;
    }

    public Result run(Plan plan) {
        long start = ticker.nanoTime();
        long nextReport = start + 1_000_000_000L;
        long lastSent = 0;
        long unsent = 0;
        while (true) {
            long now = ticker.nanoTime();
            if (now >= nextReport) {
                long second = (now - start) / 1_000_000_000L;
                err.printf("[journeys] %4ds sent=%d rate=%d/s acked=%d errors=%d%n", second, sent, sent - lastSent,
                        acked.sum(), failures.count());
                lastSent = sent;
                nextReport += 1_000_000_000L;
            }
            if (!plan.paced()) {
                if (sent >= plan.count() || now - start >= plan.durationNanos()) {
                    break;
                }
                send(generator.next(), now, true);
                continue;
            }
            PlannedEvent next = generator.peek();
            long due = next.atMillis() * 1_000_000L;
            if (due >= plan.durationNanos()) {
                break;
            }
            long elapsed = now - start;
            if (elapsed - due > plan.drainNanos()) {
                // hopelessly behind: count what is left of the schedule and stop
                while (generator.peek().atMillis() * 1_000_000L < plan.durationNanos()) {
                    generator.next();
                    unsent++;
                }
                break;
            }
            if (elapsed < due) {
                LockSupport.parkNanos(Math.min(due - elapsed, 1_000_000L));
                continue;
            }
            generator.next();
            behindMicros.recordValue(Math.clamp((elapsed - due) / 1_000, 0, HIGHEST_MICROS));
            send(next, now, due >= plan.warmupNanos());
        }
        producer.flush();
        double seconds = (ticker.nanoTime() - start) / 1e9;
        double measuredSeconds = plan.paced() ? Math.max(0, seconds - plan.warmupNanos() / 1e9) : seconds;
        return new Result(sent, acked.sum(), uniqueAcked.sum(), duplicatesAcked.sum(), lateAcked.sum(),
                failures.count(), failures.byType(), failures.first(), unsent, seconds, ackMicros, behindMicros,
                measuredAcked.sum(), measuredSeconds);
    }

    private void send(PlannedEvent planned, long now, boolean measured) {
        TouchpointRecorded event = EventJson.at(planned.event(),
                wallStart.plusNanos(planned.occurredMillis() * 1_000_000));
        ProducerRecord<String, byte[]> record = TouchpointRecords.of(topic,
                TouchpointRecords.received(event, receivedAt.apply(event.occurredAt().toInstant())));
        Delivery delivery = planned.delivery();
        sent++;
        try {
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    failures.add(error);
                    return;
                }
                ackMicros.recordValue(Math.clamp((ticker.nanoTime() - now) / 1_000, 0, HIGHEST_MICROS));
                acked.increment();
                if (measured) {
                    measuredAcked.increment();
                }
                switch (delivery) {
                case DUPLICATE -> duplicatesAcked.increment();
                case LATE -> {
                    lateAcked.increment();
                    uniqueAcked.increment();
                }
                case ON_TIME -> uniqueAcked.increment();
                }
            });
        } catch (KafkaException e) {
            failures.add(e);
        }
    }

}
