package io.windbell.loadgen.kafka;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.windbell.contracts.CloudEvents;
import io.windbell.contracts.EventJson;
import io.windbell.contracts.EventPayload;
import io.windbell.contracts.journey.JourneyCompleted;
import io.windbell.contracts.journey.JourneyInterrupted;
import io.windbell.contracts.survey.SurveyInvited;
import io.windbell.loadgen.LoadGenException;
import io.windbell.loadgen.catalog.Catalog;
import io.windbell.loadgen.cli.Settings;
import io.windbell.loadgen.events.EventIds;
import io.windbell.loadgen.sim.JourneyEnds;

/**
 * {@code journey-ends}: {@code journey.completed} and {@code journey.interrupted} produced straight to
 * {@code cx.journey-events.v1}, records exactly as the journey service's outbox relay publishes them, to load the
 * survey service (each one is a survey decision) without journey in front of it. Counted ({@code --count}, as fast as
 * the producer takes them) or paced ({@code --rate}, open loop); a paced run also reads {@code survey.invited} from the
 * survey topic and measures, per journey, the time from the journey event's Kafka timestamp to its invitation's.
 */
public final class KafkaJourneyEnds {

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);
    /** A paced run stops waiting for invitations once none arrived for this long after the last send. */
    static final Duration INVITED_QUIET = Duration.ofSeconds(5);

    private KafkaJourneyEnds() {
    }

    public static Map<String, Object> run(Settings s, Catalog catalog, PrintStream err) throws LoadGenException {
        System.setProperty("slf4j.internal.verbosity", System.getProperty("slf4j.internal.verbosity", "ERROR"));
        var options = s.journeyEnds();
        int partitions = KafkaJourneys.preflight(s.bootstrap(), s.topic());
        boolean paced = s.count() == 0;
        if (paced) {
            KafkaJourneys.preflight(s.bootstrap(), options.surveyTopic());
        }
        JourneyEnds ends = new JourneyEnds(catalog, s.customers(), options.firstCustomer(), options.interruptedShare(),
                s.seed(), EventIds::next);
        err.printf(
                "[journey-ends] %s to %s on %s (%d partitions), customers %d from index %d, interrupted %.2f,"
                        + " seed %d%n",
                paced ? "%.0f events/s for %ds (after a %ds warmup), invitations read from %s".formatted(s.rate(),
                        s.duration().toSeconds(), s.warmup().toSeconds(), options.surveyTopic())
                        : s.count() + " records as fast as possible",
                s.topic(), s.bootstrap(), partitions, s.customers(), options.firstCustomer(),
                options.interruptedShare(), s.seed());
        Run run = new Run(s, ends, err);
        try (Producer<String, byte[]> producer = new KafkaProducer<>(KafkaJourneys.producerProperties(s),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.partitionsFor(s.topic());
            if (paced) {
                try (Invitations invitations = new Invitations(s.bootstrap().toString(), options.surveyTopic())) {
                    invitations.start();
                    run.paced(producer);
                    invitations.awaitQuiet(run, s.drain(), err);
                    return summary(s, run, ends, invitations);
                }
            }
            run.counted(producer);
        } catch (RuntimeException e) {
            throw new LoadGenException("sending to " + s.bootstrap() + " failed: " + e, e);
        }
        return summary(s, run, ends, null);
    }

    /** The sending side: one thread sends, acknowledgements arrive on the producer's I/O thread. */
    static final class Run {

        private final Settings s;
        private final JourneyEnds ends;
        private final PrintStream err;
        final LongAdder acked = new LongAdder();
        final LongAdder measuredAcked = new LongAdder();
        final LongAdder errors = new LongAdder();
        final Map<String, LongAdder> errorTypes = new ConcurrentHashMap<>();
        final AtomicReference<String> firstError = new AtomicReference<>();
        final Histogram ackMicros = new ConcurrentHistogram(HIGHEST_MICROS, 3);
        final Histogram behindMicros = new Histogram(HIGHEST_MICROS, 3);
        /** Journey instance id -> Kafka timestamp of its event, for events scheduled after the warmup. */
        final Map<UUID, Long> sentAt = new ConcurrentHashMap<>();
        final AtomicLong lastAckMillis = new AtomicLong();
        long sent;
        long unsent;
        double seconds;
        double measuredSeconds;

        Run(Settings s, JourneyEnds ends, PrintStream err) {
            this.s = s;
            this.ends = ends;
            this.err = err;
        }

        void counted(Producer<String, byte[]> producer) {
            long start = System.nanoTime();
            long nextReport = start + 1_000_000_000L;
            long lastSent = 0;
            long bound = s.duration().toNanos();
            while (sent < s.count() && System.nanoTime() - start < bound) {
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

        void paced(Producer<String, byte[]> producer) {
            long start = System.nanoTime();
            long nextReport = start + 1_000_000_000L;
            long lastSent = 0;
            long total = s.warmup().toNanos() + s.duration().toNanos();
            double intervalNanos = 1e9 / s.rate();
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
                if (elapsed - due > s.drain().toNanos()) {
                    unsent = (long) Math.ceil(total / intervalNanos) - sent;
                    break;
                }
                if (elapsed < due) {
                    LockSupport.parkNanos(Math.min(due - elapsed, 1_000_000L));
                    continue;
                }
                behindMicros.recordValue(Math.clamp((elapsed - due) / 1_000, 0, HIGHEST_MICROS));
                send(producer, now, due >= s.warmup().toNanos());
            }
            producer.flush();
            seconds = (System.nanoTime() - start) / 1e9;
            measuredSeconds = Math.max(0, seconds - s.warmup().toNanos() / 1e9);
        }

        private void report(long elapsedNanos, long lastSecond) {
            err.printf("[journey-ends] %4ds sent=%d rate=%d/s acked=%d errors=%d%n", elapsedNanos / 1_000_000_000L,
                    sent, lastSecond, acked.sum(), errors.sum());
        }

        private void send(Producer<String, byte[]> producer, long now, boolean measured) {
            Instant wall = Instant.now();
            EventPayload event = ends.next(wall);
            UUID instance = switch (event) {
            case JourneyCompleted c -> c.journey().journeyInstanceId();
            case JourneyInterrupted i -> i.journey().journeyInstanceId();
            default -> throw new IllegalStateException("not a journey end: " + event);
            };
            ProducerRecord<String, byte[]> record = JourneyEventRecords.of(s.topic(), EventIds.next(), event, wall,
                    JourneyEventRecords.traceparent());
            sent++;
            try {
                producer.send(record, (metadata, error) -> {
                    if (error != null) {
                        failed(error);
                        return;
                    }
                    ackMicros.recordValue(Math.clamp((System.nanoTime() - now) / 1_000, 0, HIGHEST_MICROS));
                    acked.increment();
                    lastAckMillis.set(System.currentTimeMillis());
                    if (measured) {
                        measuredAcked.increment();
                        sentAt.put(instance, metadata.timestamp());
                    }
                });
            } catch (KafkaException e) {
                failed(e);
            }
        }

        private void failed(Throwable error) {
            errors.increment();
            errorTypes.computeIfAbsent(error.getClass().getSimpleName(), k -> new LongAdder()).increment();
            firstError.compareAndSet(null, String.valueOf(error));
        }
    }

    /**
     * Reads {@code survey.invited} from the survey topic (no consumer group: every partition from its end when the run
     * starts) and keeps each invitation's Kafka timestamp by journey instance.
     */
    static final class Invitations implements AutoCloseable {

        private final Consumer<String, byte[]> consumer;
        private final String topic;
        private final AtomicBoolean stop = new AtomicBoolean();
        private final Thread thread;
        final Map<UUID, Long> invitedAt = new ConcurrentHashMap<>();
        final LongAdder invited = new LongAdder();
        final LongAdder otherEvents = new LongAdder();
        final LongAdder unreadable = new LongAdder();
        final AtomicLong lastInvitedMillis = new AtomicLong();
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        Invitations(String bootstrap, String topic) {
            Map<String, Object> props = new HashMap<>();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, "windbell-loadgen-journey-ends");
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
            this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
            this.topic = topic;
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            // resolve the end offsets now, before the first journey event is sent
            partitions.forEach(consumer::position);
            this.thread = new Thread(this::loop, "journey-ends-invitations");
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        private void loop() {
            try {
                while (!stop.get()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        offer(record);
                    }
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        }

        void offer(ConsumerRecord<String, byte[]> record) {
            Header type = record.headers().lastHeader(CloudEvents.TYPE_HEADER);
            if (type == null || !SurveyInvited.TYPE.equals(new String(type.value(), StandardCharsets.UTF_8))) {
                otherEvents.increment();
                return;
            }
            SurveyInvited invitation;
            try {
                invitation = EventJson.read(record.value(), SurveyInvited.class);
            } catch (UncheckedIOException | IllegalArgumentException | NullPointerException e) {
                unreadable.increment();
                return;
            }
            invited.increment();
            lastInvitedMillis.set(System.currentTimeMillis());
            if (invitation.journeyInstanceId() != null) {
                invitedAt.putIfAbsent(invitation.journeyInstanceId(), record.timestamp());
            }
        }

        /** Waits until no invitation arrived for {@link #INVITED_QUIET} after the last send, at most {@code drain}. */
        void awaitQuiet(Run run, Duration drain, PrintStream err) {
            long deadline = System.currentTimeMillis() + drain.toMillis();
            long lastNote = 0;
            while (System.currentTimeMillis() < deadline && failure.get() == null) {
                long now = System.currentTimeMillis();
                long last = Math.max(lastInvitedMillis.get(), run.lastAckMillis.get());
                if (now - last >= INVITED_QUIET.toMillis()) {
                    break;
                }
                if (now - lastNote >= 1_000) {
                    err.printf("[journey-ends] waiting for invitations: %d seen%n", invited.sum());
                    lastNote = now;
                }
                LockSupport.parkNanos(100_000_000L);
            }
        }

        @Override
        public void close() {
            stop.set(true);
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            consumer.close(Duration.ofSeconds(2));
        }

        String topic() {
            return topic;
        }
    }

    private static Map<String, Object> summary(Settings s, Run r, JourneyEnds ends, Invitations invitations) {
        boolean paced = invitations != null;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", "journey-ends");
        json.put("mode", paced ? "rate" : "count");
        json.put("topic", s.topic());
        json.put("bootstrap", s.bootstrap().toString());
        json.put("targetRate", paced ? s.rate() : null);
        json.put("count", paced ? null : s.count());
        json.put("sent", r.sent);
        json.put("records", r.acked.sum());
        json.put("errors", r.errors.sum());
        Map<String, Long> types = new TreeMap<>();
        r.errorTypes.forEach((type, n) -> types.put(type, n.sum()));
        json.put("errorTypes", types);
        if (r.firstError.get() != null) {
            json.put("firstError", r.firstError.get());
        }
        json.put("unsent", r.unsent);
        json.put("durationS", round(r.seconds, 3));
        json.put("eventsPerS", round(
                r.measuredSeconds > 0 ? (paced ? r.measuredAcked.sum() : r.acked.sum()) / r.measuredSeconds : 0, 1));
        json.put("allEventsPerS", round(r.seconds > 0 ? r.acked.sum() / r.seconds : 0, 1));
        json.put("ackMs", millis(r.ackMicros));
        if (paced) {
            json.put("warmupS", s.warmup().toMillis() / 1000.0);
            json.put("measuredRecords", r.measuredAcked.sum());
            json.put("behindScheduleMs", millis(r.behindMicros));
            Histogram latency = new Histogram(HIGHEST_MICROS, 3);
            long matched = 0;
            for (Map.Entry<UUID, Long> e : r.sentAt.entrySet()) {
                Long invited = invitations.invitedAt.get(e.getKey());
                if (invited != null) {
                    matched++;
                    latency.recordValue(Math.clamp((invited - e.getValue()) * 1_000, 0, HIGHEST_MICROS));
                }
            }
            Map<String, Object> inv = new LinkedHashMap<>();
            inv.put("topic", invitations.topic());
            inv.put("invited", invitations.invited.sum());
            inv.put("matchedMeasured", matched);
            inv.put("otherEvents", invitations.otherEvents.sum());
            inv.put("unreadable", invitations.unreadable.sum());
            if (invitations.failure.get() != null) {
                inv.put("readError", String.valueOf(invitations.failure.get()));
            }
            inv.put("latencyMs", millis(latency));
            inv.put("note", "journey event's Kafka timestamp -> its survey.invited record's Kafka timestamp, for"
                    + " events sent after the warmup that were invited");
            json.put("invitations", inv);
        }
        json.put("customers", s.customers());
        json.put("firstCustomer", s.journeyEnds().firstCustomer());
        json.put("interruptedShare", s.journeyEnds().interruptedShare());
        json.put("seed", s.seed());
        json.put("journeys", ends.asMap());
        return json;
    }

    private static Map<String, Double> millis(Histogram micros) {
        Map<String, Double> m = new LinkedHashMap<>();
        boolean empty = micros.getTotalCount() == 0;
        m.put("p50", empty ? 0.0 : round(micros.getValueAtPercentile(50) / 1000.0, 3));
        m.put("p90", empty ? 0.0 : round(micros.getValueAtPercentile(90) / 1000.0, 3));
        m.put("p99", empty ? 0.0 : round(micros.getValueAtPercentile(99) / 1000.0, 3));
        m.put("p999", empty ? 0.0 : round(micros.getValueAtPercentile(99.9) / 1000.0, 3));
        m.put("max", empty ? 0.0 : round(micros.getMaxValue() / 1000.0, 3));
        return m;
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
