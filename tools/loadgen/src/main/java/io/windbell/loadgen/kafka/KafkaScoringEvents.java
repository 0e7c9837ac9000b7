package io.windbell.loadgen.kafka;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.windbell.contracts.CloudEvents;
import io.windbell.contracts.alert.LowScoreAlert;
import io.windbell.contracts.survey.SurveyResponded;
import io.windbell.loadgen.LoadGenException;
import io.windbell.loadgen.catalog.Catalog;
import io.windbell.loadgen.cli.ScoringEventsOptions;
import io.windbell.loadgen.cli.Settings;
import io.windbell.loadgen.engine.Ticker;
import io.windbell.loadgen.events.EventIds;
import io.windbell.loadgen.sim.Population;
import io.windbell.loadgen.sim.SurveyResponses;
import io.windbell.loadgen.sim.TrafficGenerator;

/**
 * {@code scoring-events}: the scoring service's load, straight to the broker as its producers publish it. Counted: the
 * history of the last {@code --days} days, written as fast as the producer takes it — {@code --touchpoints N}
 * {@code touchpoint.recorded} as ingest publishes them (the simulator's journeys, spread evenly over the days), then
 * {@code --responses M} {@code survey.responded} as survey's outbox relay publishes them. Paced ({@code --rate}):
 * answers as they happen, open loop, while {@code alert.low-score} is read back from the alerts topic: per low score
 * sent after the warmup, the alert's Kafka timestamp minus the response's. The same seed gives the same customers
 * (tier, home branch) to touchpoints and answers.
 */
public final class KafkaScoringEvents {

    private static final String LABEL = "scoring-events";
    private static final double SECONDS_PER_DAY = 86_400;
    /** Ingest stamps receivedAt on arrival: for a replay of history, shortly after the event happened. */
    private static final Duration INGEST_DELAY = Duration.ofMillis(150);
    /** The source of survey's outbox relay. */
    static final String SURVEY_SOURCE = CloudEvents.source("survey");

    private KafkaScoringEvents() {
    }

    public static Map<String, Object> run(Settings s, Catalog catalog, PrintStream err) throws LoadGenException {
        System.setProperty("slf4j.internal.verbosity", System.getProperty("slf4j.internal.verbosity", "ERROR"));
        ScoringEventsOptions o = s.scoringEvents();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", LABEL);
        json.put("mode", o.paced() ? "rate" : "count");
        json.put("bootstrap", s.bootstrap().toString());
        SurveyResponses responses = new SurveyResponses(catalog, s.customers(), o.interruptedShare(), s.seed(),
                EventIds::next);
        try (Producer<String, byte[]> producer = new KafkaProducer<>(KafkaJourneys.producerProperties(s),
                new StringSerializer(), new ByteArraySerializer())) {
            if (o.paced()) {
                paced(s, producer, responses, json, err);
            } else {
                Instant end = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                if (o.touchpoints() > 0) {
                    json.put("touchpoints", touchpoints(s, catalog, producer, end, err));
                }
                if (o.responses() > 0) {
                    json.put("responses", counted(s, producer, responses, end, err));
                }
            }
        } catch (RuntimeException e) {
            throw new LoadGenException("sending to " + s.bootstrap() + " failed: " + e, e);
        }
        json.put("customers", s.customers());
        json.put("days", o.paced() ? null : o.days());
        json.put("interruptedShare", o.interruptedShare());
        json.put("seed", s.seed());
        return json;
    }

    /**
     * The simulator's traffic at a rate that spreads {@code --touchpoints} events over {@code --days}, ending a second
     * before {@code end}; a dry run of the same timeline finds where it ends (event ids do not draw from the seed).
     */
    private static Map<String, Object> touchpoints(Settings s, Catalog catalog, Producer<String, byte[]> producer,
            Instant end, PrintStream err) throws LoadGenException {
        ScoringEventsOptions o = s.scoringEvents();
        int partitions = KafkaJourneys.preflight(s.bootstrap(), o.touchpointTopic());
        double rate = o.touchpoints() / (o.days() * SECONDS_PER_DAY);
        long span = KafkaJourneys.timelineSpanMillis(catalog, s.customers(), s.seed(), s.profile(), rate,
                o.touchpoints());
        OffsetDateTime wallStart = OffsetDateTime.ofInstant(end.minusMillis(span + 1_000), ZoneOffset.UTC);
        err.printf(
                "[%s] %d touchpoints as fast as possible to %s on %s (%d partitions), %s to %s, %d customers,"
                        + " seed %d%n",
                LABEL, o.touchpoints(), o.touchpointTopic(), s.bootstrap(), partitions, wallStart, end.minusSeconds(1),
                s.customers(), s.seed());
        TrafficGenerator generator = new TrafficGenerator(catalog, new Population(s.customers(), s.seed()), s.profile(),
                rate, s.seed(), EventIds::next, Long.MAX_VALUE);
        producer.partitionsFor(o.touchpointTopic());
        JourneyTraffic traffic = new JourneyTraffic(generator, producer, o.touchpointTopic(), wallStart,
                occurred -> occurred.plus(INGEST_DELAY), Ticker.SYSTEM, err);
        JourneyTraffic.Result r = traffic
                .run(new JourneyTraffic.Plan(o.touchpoints(), s.duration().toNanos(), s.drain().toNanos()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("topic", o.touchpointTopic());
        r.summarize(json);
        json.put("ackMs", PayloadSender.millis(r.ackMicros()));
        json.put("from", wallStart.toInstant().toString());
        json.put("to", end.minusSeconds(1).toString());
        json.put("journeys", generator.tally().asMap());
        return json;
    }

    /** {@code --responses} answers, evenly spaced over {@code --days} up to {@code end}, as fast as possible. */
    private static Map<String, Object> counted(Settings s, Producer<String, byte[]> producer, SurveyResponses responses,
            Instant end, PrintStream err) throws LoadGenException {
        ScoringEventsOptions o = s.scoringEvents();
        int partitions = KafkaJourneys.preflight(s.bootstrap(), o.surveyTopic());
        long count = o.responses();
        Instant from = end.minus(Duration.ofDays(o.days()));
        double stepMillis = o.days() * SECONDS_PER_DAY * 1000 / count;
        err.printf("[%s] %d responses as fast as possible to %s on %s (%d partitions), %s to %s, seed %d%n", LABEL,
                count, o.surveyTopic(), s.bootstrap(), partitions, from, end, s.seed());
        long[] index = { 0 };
        PayloadSender sender = new PayloadSender(LABEL, wall -> {
            Instant at = from.plusMillis((long) ((index[0]++ + 0.5) * stepMillis));
            return new PayloadSender.Outgoing(record(o.surveyTopic(), responses.next(at)), null);
        }, err);
        producer.partitionsFor(o.surveyTopic());
        sender.counted(producer, count, s.duration());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("topic", o.surveyTopic());
        sender.summarize(json, false);
        json.put("from", from.toString());
        json.put("to", end.toString());
        json.putAll(responses.asMap());
        return json;
    }

    /** Answers at {@code --rate}, each sent as it happens; low scores are matched to their alerts by response id. */
    private static void paced(Settings s, Producer<String, byte[]> producer, SurveyResponses responses,
            Map<String, Object> json, PrintStream err) throws LoadGenException {
        ScoringEventsOptions o = s.scoringEvents();
        int partitions = KafkaJourneys.preflight(s.bootstrap(), o.surveyTopic());
        KafkaJourneys.preflight(s.bootstrap(), o.alertsTopic());
        err.printf(
                "[%s] %.0f responses/s for %ds (after a %ds warmup) to %s on %s (%d partitions), alerts read"
                        + " from %s, seed %d%n",
                LABEL, s.rate(), s.duration().toSeconds(), s.warmup().toSeconds(), o.surveyTopic(), s.bootstrap(),
                partitions, o.alertsTopic(), s.seed());
        Function<Instant, PayloadSender.Outgoing> source = wall -> {
            SurveyResponded response = responses.next(wall);
            boolean low = SurveyResponses.lowScore(response.anchorMetric(), response.anchorScore());
            return new PayloadSender.Outgoing(record(o.surveyTopic(), response), low ? response.responseId() : null);
        };
        PayloadSender sender = new PayloadSender(LABEL, source, err);
        producer.partitionsFor(o.surveyTopic());
        try (TopicWatch<LowScoreAlert> alerts = new TopicWatch<>(s.bootstrap().toString(), o.alertsTopic(),
                "windbell-loadgen-scoring-events", LowScoreAlert.TYPE, LowScoreAlert.class,
                LowScoreAlert::responseId)) {
            alerts.start();
            sender.paced(producer, s.rate(), s.warmup(), s.duration(), s.drain());
            alerts.awaitQuiet(sender, s.drain(), LABEL, err);
            json.put("topic", o.surveyTopic());
            json.put("targetRate", s.rate());
            sender.summarize(json, true);
            Map<String, Object> matched = alerts.latency(sender.sentAt, "alerts");
            matched.put("lowScoresMeasured", sender.sentAt.size());
            matched.put("lowScoresSent", responses.lowScores());
            matched.put("note", "survey.responded's Kafka timestamp -> its alert.low-score record's Kafka timestamp,"
                    + " for low scores (NPS <= 6, CSAT <= 2, CES >= 5) sent after the warmup; alerts counts every"
                    + " alert.low-score read, lowScoresSent every low score sent (warmup included)");
            json.put("alerts", matched);
            json.put("responses", responses.asMap());
        }
    }

    /** The record survey's outbox relay publishes for an answer: ce_time is when it was submitted. */
    private static ProducerRecord<String, byte[]> record(String topic, SurveyResponded response) {
        return OutboxRecords.of(SURVEY_SOURCE, topic, EventIds.next(), response, response.respondedAt(),
                OutboxRecords.traceparent());
    }
}
