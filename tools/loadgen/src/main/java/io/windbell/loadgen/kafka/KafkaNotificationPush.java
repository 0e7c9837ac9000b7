package io.windbell.loadgen.kafka;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.windbell.contracts.CloudEvents;
import io.windbell.contracts.workorder.Priority;
import io.windbell.contracts.workorder.WorkOrderCreated;
import io.windbell.contracts.workorder.WorkOrderOrigin;
import io.windbell.contracts.workorder.WorkOrderStatus;
import io.windbell.contracts.workorder.WorkOrderSummary;
import io.windbell.contracts.workorder.WorkOrderType;
import io.windbell.loadgen.LoadGenException;
import io.windbell.loadgen.cli.NotificationPushOptions;
import io.windbell.loadgen.cli.Settings;
import io.windbell.loadgen.events.EventIds;
import io.windbell.loadgen.sse.BenchTokens;
import io.windbell.loadgen.sse.SseStreams;

/**
 * {@code notification-push}: the notification service's push latency with many streams held. Opens {@code --streams}
 * SSE streams, one per employee {@code E-bench-00001}…, paced at {@code --connect-rate}; reads notification's RSS
 * before and with them ({@code --service-pid}); then publishes {@code workorder.created} as workorder's outbox relay
 * does, open loop at {@code --rate} ({@code --warmup-count} first, then {@code --count} measured), each assigned to a
 * random employee whose stream is ready. Per measured event: when its {@code inbox-item} (matched by
 * {@code workOrderId}) arrived on the stream minus when the record was handed to the producer, both on this process's
 * monotonic clock.
 */
public final class KafkaNotificationPush {

    private static final String LABEL = "notification-push";
    /** The source of workorder's outbox relay. */
    static final String WORKORDER_SOURCE = CloudEvents.source("workorder");
    static final String BENCH_BRANCH = "B-BENCH";

    private KafkaNotificationPush() {
    }

    public static Map<String, Object> run(Settings s, PrintStream err) throws LoadGenException {
        System.setProperty("slf4j.internal.verbosity", System.getProperty("slf4j.internal.verbosity", "ERROR"));
        NotificationPushOptions o = s.notificationPush();
        int partitions = KafkaJourneys.preflight(s.bootstrap(), o.workorderTopic());
        BenchTokens tokens = new BenchTokens(BenchTokens.readKey(o.signingKey()), o.issuer(), o.audience(),
                Duration.ofHours(2));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", LABEL);
        json.put("baseUrl", "http://" + s.base().host() + ":" + s.base().port());
        json.put("topic", o.workorderTopic());
        json.put("targetRate", s.rate());
        err.printf(
                "[%s] %d streams at %.0f/s to %s:%d, then %d workorder.created (after %d warm-up ones) at %.0f/s to"
                        + " %s on %s (%d partitions), seed %d%n",
                LABEL, o.streams(), o.connectRate(), s.base().host(), s.base().port(), o.count(), o.warmupCount(),
                s.rate(), o.workorderTopic(), s.bootstrap(), partitions, s.seed());
        Map<String, Object> memory = new LinkedHashMap<>();
        Long rssBefore = rssKb(o.servicePid());
        memory.put("rssBeforeMb", mb(rssBefore));
        try (SseStreams streams = new SseStreams(s.base(), o.streams(), o.eventLoops(),
                employee -> tokens.frontline(employee, BENCH_BRANCH))) {
            long connectStart = System.nanoTime();
            streams.open(o.streams(), o.connectRate(),
                    (long) (o.streams() / o.connectRate() * 1e9) + Duration.ofSeconds(60).toNanos(), err);
            json.put("connectS", PayloadSender.round((System.nanoTime() - connectStart) / 1e9, 2));
            List<String> ready = streams.ready;
            err.printf("[%s] %d of %d streams ready (%d failed); idle for %ds%n", LABEL, ready.size(), o.streams(),
                    streams.failed.sum(), o.settle().toSeconds());
            if (ready.isEmpty()) {
                json.put("streams", streams.summary(o.streams()));
                throw new LoadGenException("no stream became ready: " + streams.summary(o.streams()), null);
            }
            LockSupport.parkNanos(o.settle().toNanos());
            Long rssWith = rssKb(o.servicePid());
            memory.put("rssWithStreamsMb", mb(rssWith));
            if (rssBefore != null && rssWith != null) {
                memory.put("perStreamKb", PayloadSender.round((rssWith - rssBefore) / (double) ready.size(), 1));
            }
            Map<UUID, Long> sentNanos = new ConcurrentHashMap<>();
            Function<Instant, PayloadSender.Outgoing> source = measuring(List.copyOf(ready), o, s.seed(), sentNanos);
            Map<String, Object> props = KafkaJourneys.producerProperties(s);
            // a relay sends what it has at once: no batching delay in the measured time
            props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            try (Producer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                    new ByteArraySerializer())) {
                producer.partitionsFor(o.workorderTopic());
                PayloadSender sender = new PayloadSender(LABEL, source, err);
                sender.paced(producer, s.rate(), KafkaWorkorderAlerts.perRate(o.warmupCount(), s.rate()),
                        KafkaWorkorderAlerts.perRate(o.count(), s.rate()), s.drain());
                KafkaWorkorderAlerts.awaitAnswers(LABEL, "inbox-item", sentNanos, streams.receivedNanos, () -> false,
                        o.answerTimeout(), err);
                sender.summarize(json, true);
            } catch (RuntimeException e) {
                throw new LoadGenException("sending to " + s.bootstrap() + " failed: " + e, e);
            }
            Map<String, Object> pushed = AlertAnswers.of(sentNanos, streams.receivedNanos, o.answerTimeout()).asMap();
            pushed.put("note", "per workorder.created published after the warm-up: this process's receive time of the"
                    + " inbox-item whose workOrderId is the order's minus the time it handed the record to the producer"
                    + " (monotonic clock); unanswered = not pushed within " + o.answerTimeout().toSeconds() + " s");
            json.put("pushed", pushed);
            json.put("streams", streams.summary(o.streams()));
            memory.put("rssEndMb", mb(rssKb(o.servicePid())));
            json.put("memory", memory);
        }
        json.put("warmupCount", o.warmupCount());
        json.put("count", o.count());
        json.put("seed", s.seed());
        return json;
    }

    /**
     * The next {@code workorder.created}, assigned to a random ready employee; the send time of the {@code count} after
     * the {@code warmupCount} first is kept by work order id.
     */
    static Function<Instant, PayloadSender.Outgoing> measuring(List<String> employees, NotificationPushOptions o,
            long seed, Map<UUID, Long> sentNanos) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] index = { 0 };
        return wall -> {
            long i = index[0]++;
            String employee = employees.get(random.nextInt(employees.size()));
            WorkOrderCreated created = created(employee, i, wall);
            PayloadSender.Outgoing next = new PayloadSender.Outgoing(OutboxRecords.of(WORKORDER_SOURCE,
                    o.workorderTopic(), EventIds.next(), created, wall, OutboxRecords.traceparent()), null);
            if (i >= o.warmupCount() && i < o.warmupCount() + o.count()) {
                sentNanos.put(created.workOrder().workOrderId(), System.nanoTime());
            }
            return next;
        };
    }

    /** A recovery order opened for a bench customer and assigned to {@code employee}; NORMAL, so no re-notification. */
    static WorkOrderCreated created(String employee, long i, Instant now) {
        UUID id = EventIds.next();
        WorkOrderSummary order = new WorkOrderSummary(id, String.format("C-bench-%08d", i), BENCH_BRANCH, employee,
                WorkOrderOrigin.LOW_SCORE_ALERT, "bench push #" + i, Priority.NORMAL, WorkOrderStatus.ASSIGNED, 0, now,
                now, now.plus(Duration.ofHours(24)), 1, null, null, null, WorkOrderType.RECOVERY, "R-BENCH", null);
        return new WorkOrderCreated(order, "BENCH");
    }

    /** VmRSS of a process in kB, or null without one (pid 0) or when it cannot be read. */
    static Long rssKb(long pid) {
        if (pid <= 0) {
            return null;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static Double mb(Long kb) {
        return kb == null ? null : PayloadSender.round(kb / 1024.0, 1);
    }
}
