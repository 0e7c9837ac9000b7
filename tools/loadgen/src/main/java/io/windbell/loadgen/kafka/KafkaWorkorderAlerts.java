package io.windbell.loadgen.kafka;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.windbell.contracts.CloudEvents;
import io.windbell.contracts.alert.LowScoreAlert;
import io.windbell.contracts.workorder.WorkOrderCreated;
import io.windbell.loadgen.LoadGenException;
import io.windbell.loadgen.catalog.Catalog;
import io.windbell.loadgen.cli.Settings;
import io.windbell.loadgen.cli.WorkorderAlertsOptions;
import io.windbell.loadgen.events.EventIds;
import io.windbell.loadgen.sim.LowScoreAlerts;

/**
 * {@code workorder-alerts}: the workorder service's load and its latency figure. {@code alert.low-score} records as
 * scoring's outbox relay publishes them, to the alerts topic, open loop at {@code --rate} ({@code --warmup-count}
 * first, then {@code --count} measured), each about another customer; meanwhile {@code workorder.created} is read from
 * the work-order topic (no consumer group, from its end) and matched to its alert by {@code workOrder.sourceAlertId}.
 * Per measured alert: when this process received the work order minus when it handed the alert to the producer, both on
 * this machine's monotonic clock. An alert without a work order {@code --answer-timeout} after it was sent counts as
 * unanswered.
 */
public final class KafkaWorkorderAlerts {

    private static final String LABEL = "workorder-alerts";
    /** The source of scoring's outbox relay. */
    static final String SCORING_SOURCE = CloudEvents.source("scoring");

    private KafkaWorkorderAlerts() {
    }

    public static Map<String, Object> run(Settings s, Catalog catalog, PrintStream err) throws LoadGenException {
        System.setProperty("slf4j.internal.verbosity", System.getProperty("slf4j.internal.verbosity", "ERROR"));
        WorkorderAlertsOptions o = s.workorderAlerts();
        int partitions = KafkaJourneys.preflight(s.bootstrap(), o.alertsTopic());
        KafkaJourneys.preflight(s.bootstrap(), o.workorderTopic());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", LABEL);
        json.put("bootstrap", s.bootstrap().toString());
        json.put("topic", o.alertsTopic());
        json.put("targetRate", s.rate());
        err.printf(
                "[%s] %d alert.low-score (after %d warm-up ones) at %.0f/s to %s on %s (%d partitions),"
                        + " workorder.created read from %s, customers from index %d, seed %d%n",
                LABEL, o.count(), o.warmupCount(), s.rate(), o.alertsTopic(), s.bootstrap(), partitions,
                o.workorderTopic(), o.firstCustomer(), s.seed());
        LowScoreAlerts alerts = new LowScoreAlerts(catalog, o.firstCustomer(), s.seed(), EventIds::next);
        Map<UUID, Long> sentNanos = new ConcurrentHashMap<>();
        Function<Instant, PayloadSender.Outgoing> source = measuring(alerts, o, sentNanos);
        Map<String, Object> props = KafkaJourneys.producerProperties(s);
        // a relay sends what it has at once: no batching delay in the measured time
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        try (Producer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer());
                TopicWatch<WorkOrderCreated> created = new TopicWatch<>(s.bootstrap().toString(), o.workorderTopic(),
                        "windbell-loadgen-workorder-alerts", WorkOrderCreated.TYPE, WorkOrderCreated.class,
                        c -> c.workOrder() == null ? null : c.workOrder().sourceAlertId())) {
            created.start();
            producer.partitionsFor(o.alertsTopic());
            PayloadSender sender = new PayloadSender(LABEL, source, err);
            sender.paced(producer, s.rate(), perRate(o.warmupCount(), s.rate()), perRate(o.count(), s.rate()),
                    s.drain());
            awaitAnswers(LABEL, "workorder.created", sentNanos, created.receivedNanos,
                    () -> created.failure.get() != null, o.answerTimeout(), err);
            sender.summarize(json, true);
            AlertAnswers.Result result = AlertAnswers.of(sentNanos, created.receivedNanos, o.answerTimeout());
            Map<String, Object> answers = result.asMap();
            answers.put("topic", o.workorderTopic());
            answers.put("created", created.seen.sum());
            answers.put("otherEvents", created.otherEvents.sum());
            answers.put("unreadable", created.unreadable.sum());
            if (created.failure.get() != null) {
                answers.put("readError", String.valueOf(created.failure.get()));
            }
            answers.put("note", "per alert.low-score sent after the warm-up: this process's receive time of the"
                    + " workorder.created whose workOrder.sourceAlertId is the alert's id minus the time it handed the"
                    + " alert to the producer (monotonic clock); unanswered = no such work order within "
                    + o.answerTimeout().toSeconds() + " s");
            json.put("workOrders", answers);
        } catch (RuntimeException e) {
            throw new LoadGenException("sending to " + s.bootstrap() + " failed: " + e, e);
        }
        json.put("warmupCount", o.warmupCount());
        json.put("count", o.count());
        json.put("firstCustomer", o.firstCustomer());
        json.put("answersSkipped", alerts.skipped());
        json.put("seed", s.seed());
        return json;
    }

    /**
     * The next alert's record; the send time of the {@code count} alerts after the {@code warmupCount} first is kept by
     * alert id (the sender hands the record to the producer right after). Any alert past those (the schedule's
     * rounding) is sent but not measured.
     */
    static Function<Instant, PayloadSender.Outgoing> measuring(LowScoreAlerts alerts, WorkorderAlertsOptions o,
            Map<UUID, Long> sentNanos) {
        long[] index = { 0 };
        return wall -> {
            LowScoreAlert alert = alerts.next(wall);
            long i = index[0]++;
            PayloadSender.Outgoing next = new PayloadSender.Outgoing(OutboxRecords.of(SCORING_SOURCE, o.alertsTopic(),
                    EventIds.next(), alert, wall, OutboxRecords.traceparent()), null);
            if (i >= o.warmupCount() && i < o.warmupCount() + o.count()) {
                sentNanos.put(alert.alertId(), System.nanoTime());
            }
            return next;
        };
    }

    /** {@code count} sends at {@code rate} per second take this long. */
    static Duration perRate(long count, double rate) {
        return Duration.ofNanos(Math.round(count * 1e9 / rate));
    }

    /**
     * Until every measured send has its answer (a work order, a pushed inbox item), at most {@code timeout} after the
     * last send, or until the reader failed.
     */
    static void awaitAnswers(String label, String what, Map<UUID, Long> sentNanos, Map<UUID, Long> receivedNanos,
            BooleanSupplier failed, Duration timeout, PrintStream err) {
        long start = System.nanoTime();
        long lastNote = start;
        while (System.nanoTime() - start < timeout.toNanos() && !failed.getAsBoolean()) {
            long answered = AlertAnswers.answered(sentNanos, receivedNanos);
            if (answered >= sentNanos.size()) {
                return;
            }
            if (System.nanoTime() - lastNote >= 1_000_000_000L) {
                err.printf("[%s] waiting for %s: %d of %d measured answered%n", label, what, answered,
                        sentNanos.size());
                lastNote = System.nanoTime();
            }
            LockSupport.parkNanos(50_000_000L);
        }
    }
}
