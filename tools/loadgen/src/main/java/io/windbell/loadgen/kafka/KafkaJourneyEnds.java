package io.windbell.loadgen.kafka;

import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

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

    private static final String LABEL = "journey-ends";

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
        PayloadSender sender = new PayloadSender(LABEL, wall -> next(s.topic(), ends, wall), err);
        try (Producer<String, byte[]> producer = new KafkaProducer<>(KafkaJourneys.producerProperties(s),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.partitionsFor(s.topic());
            if (paced) {
                try (TopicWatch<SurveyInvited> invitations = new TopicWatch<>(s.bootstrap().toString(),
                        options.surveyTopic(), "windbell-loadgen-journey-ends", SurveyInvited.TYPE, SurveyInvited.class,
                        SurveyInvited::journeyInstanceId)) {
                    invitations.start();
                    sender.paced(producer, s.rate(), s.warmup(), s.duration(), s.drain());
                    invitations.awaitQuiet(sender, s.drain(), LABEL, err);
                    return summary(s, sender, ends, invitations);
                }
            }
            sender.counted(producer, s.count(), s.duration());
        } catch (RuntimeException e) {
            throw new LoadGenException("sending to " + s.bootstrap() + " failed: " + e, e);
        }
        return summary(s, sender, ends, null);
    }

    /** The next journey end as journey's relay would publish it, matched to its invitation by journey instance. */
    private static PayloadSender.Outgoing next(String topic, JourneyEnds ends, Instant wall) {
        EventPayload event = ends.next(wall);
        UUID instance = switch (event) {
        case JourneyCompleted c -> c.journey().journeyInstanceId();
        case JourneyInterrupted i -> i.journey().journeyInstanceId();
        default -> throw new IllegalStateException("not a journey end: " + event);
        };
        return new PayloadSender.Outgoing(
                JourneyEventRecords.of(topic, EventIds.next(), event, wall, JourneyEventRecords.traceparent()),
                instance);
    }

    private static Map<String, Object> summary(Settings s, PayloadSender sender, JourneyEnds ends,
            TopicWatch<SurveyInvited> invitations) {
        boolean paced = invitations != null;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", "journey-ends");
        json.put("mode", paced ? "rate" : "count");
        json.put("topic", s.topic());
        json.put("bootstrap", s.bootstrap().toString());
        json.put("targetRate", paced ? s.rate() : null);
        json.put("count", paced ? null : s.count());
        sender.summarize(json, paced);
        if (paced) {
            Map<String, Object> inv = invitations.latency(sender.sentAt, "invited");
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
}
