package io.windbell.loadgen.kafka;

import java.io.PrintStream;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.windbell.loadgen.LoadGenException;
import io.windbell.loadgen.catalog.Catalog;
import io.windbell.loadgen.cli.Settings;
import io.windbell.loadgen.engine.Ticker;
import io.windbell.loadgen.events.EventIds;
import io.windbell.loadgen.sim.Population;
import io.windbell.loadgen.sim.SimProfile;
import io.windbell.loadgen.sim.TrafficGenerator;

/**
 * {@code journeys}: simulated touchpoint traffic produced straight to {@code cx.touchpoint-events.v1}, records exactly
 * as ingest publishes them, to load the journey service without ingest in front of it. Paced ({@code --rate}, open
 * loop) or counted ({@code --count}, as fast as possible).
 */
public final class KafkaJourneys {

    /**
     * With {@code --count}, the simulated timeline runs at this many events per second and ends when the run starts:
     * the records describe the last minutes of customers' lives, delivered in one burst (a backlog to catch up on).
     */
    static final double COUNT_TIMELINE_RATE = 2_000;
    private static final int PREFLIGHT_SECONDS = 10;

    private KafkaJourneys() {
    }

    public static Map<String, Object> run(Settings s, Catalog catalog, PrintStream err) throws LoadGenException {
        // kafka-clients logs through SLF4J, which has no binding here: keep its "no providers" notice off stderr.
        // Send failures are counted and reported by type instead.
        System.setProperty("slf4j.internal.verbosity", System.getProperty("slf4j.internal.verbosity", "ERROR"));
        int partitions = preflight(s);
        boolean paced = s.count() == 0;
        double timelineRate = paced ? s.rate() : COUNT_TIMELINE_RATE;
        long durationMillis = (paced ? s.warmup().toMillis() : 0) + s.duration().toMillis();
        TrafficGenerator generator = new TrafficGenerator(catalog, new Population(s.customers(), s.seed()), s.profile(),
                timelineRate, s.seed(), EventIds::next, paced ? durationMillis : Long.MAX_VALUE);
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.MILLIS);
        // counted: the timeline ends a second before the first send, so that every event happened before ingest
        // would have received it
        OffsetDateTime wallStart = paced ? now
                : now.minusNanos((timelineSpanMillis(s, catalog, timelineRate) + 1_000) * 1_000_000);
        err.printf("[journeys] %s to %s on %s (%d partitions), %d customers, seed %d%n",
                paced ? "%.0f events/s for %ds (after a %ds warmup)".formatted(s.rate(), s.duration().toSeconds(),
                        s.warmup().toSeconds()) : s.count() + " records as fast as possible",
                s.topic(), s.bootstrap(), partitions, s.customers(), s.seed());

        JourneyTraffic.Result result;
        try (Producer<String, byte[]> producer = new KafkaProducer<>(producerProperties(s), new StringSerializer(),
                new ByteArraySerializer())) {
            // metadata before the clock starts, so the first paced sends do not wait for it
            producer.partitionsFor(s.topic());
            JourneyTraffic traffic = new JourneyTraffic(generator, producer, s.topic(), wallStart, Ticker.SYSTEM, err);
            // with a warmup, the timeline runs for warmup + duration and only the duration is measured
            long warmup = paced ? s.warmup().toNanos() : 0;
            result = traffic.run(
                    new JourneyTraffic.Plan(s.count(), warmup + s.duration().toNanos(), s.drain().toNanos(), warmup));
        } catch (RuntimeException e) {
            throw new LoadGenException("sending to " + s.bootstrap() + " failed: " + e, e);
        }
        return summary(s, result, paced, generator);
    }

    /**
     * When the last of the first {@code count} events happened, in simulated milliseconds: a dry run of the same
     * timeline (event ids do not draw from the seeded generator, so the timeline is the same).
     */
    static long timelineSpanMillis(Settings s, Catalog catalog, double timelineRate) {
        return timelineSpanMillis(catalog, s.customers(), s.seed(), s.profile(), timelineRate, s.count());
    }

    /** The same for any population, traffic mix and count. */
    static long timelineSpanMillis(Catalog catalog, int customers, long seed, SimProfile profile, double timelineRate,
            long count) {
        UUID none = new UUID(0, 0);
        TrafficGenerator dry = new TrafficGenerator(catalog, new Population(customers, seed), profile, timelineRate,
                seed, () -> none, 0);
        long last = 0;
        for (long i = 0; i < count; i++) {
            last = Math.max(last, dry.next().occurredMillis());
        }
        return last;
    }

    static Map<String, Object> producerProperties(Settings s) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrap().toString());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "windbell-loadgen");
        // the settings of ingest's producer, so that the broker sees the same batches
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 131_072);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 67_108_864L);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(15_000, s.drain().toMillis()));
        return props;
    }

    /** The broker answers and the topic exists: fails early, with a sentence, instead of blocking on metadata. */
    public static int preflight(Settings s) throws LoadGenException {
        return preflight(s.bootstrap(), s.topic());
    }

    /** The broker answers and {@code topicName} exists: its number of partitions. */
    public static int preflight(KafkaTarget bootstrap, String topicName) throws LoadGenException {
        Map<String, Object> props = new HashMap<>();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap.toString());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, PREFLIGHT_SECONDS * 1_000);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "windbell-loadgen-preflight");
        try (Admin admin = Admin.create(props)) {
            TopicDescription topic = admin.describeTopics(List.of(topicName)).allTopicNames()
                    .get(PREFLIGHT_SECONDS, TimeUnit.SECONDS).get(topicName);
            return topic.partitions().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new LoadGenException("topic " + topicName + " does not exist on " + bootstrap
                        + " (the local stack creates it: make run)", e);
            }
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw new LoadGenException(
                        "no Kafka broker answered at " + bootstrap + " within " + PREFLIGHT_SECONDS + "s", e);
            }
            throw new LoadGenException("Kafka at " + bootstrap + " did not answer: " + e.getCause(), e);
        } catch (TimeoutException e) {
            throw new LoadGenException(
                    "no Kafka broker answered at " + bootstrap + " within " + PREFLIGHT_SECONDS + "s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadGenException("interrupted", e);
        } catch (RuntimeException e) {
            throw new LoadGenException("cannot reach Kafka at " + bootstrap + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> summary(Settings s, JourneyTraffic.Result r, boolean paced,
            TrafficGenerator generator) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", "journeys");
        json.put("mode", paced ? "rate" : "count");
        json.put("topic", s.topic());
        json.put("bootstrap", s.bootstrap().toString());
        json.put("targetRate", paced ? s.rate() : null);
        json.put("count", paced ? null : s.count());
        r.summarize(json);
        if (paced) {
            json.put("warmupS", s.warmup().toMillis() / 1000.0);
            json.put("measuredRecords", r.measuredAcked());
        }
        json.put("ackMs", millis(r.ackMicros()));
        if (paced) {
            json.put("behindScheduleMs", millis(r.behindMicros()));
        }
        json.put("customers", s.customers());
        json.put("seed", s.seed());
        json.put("journeys", generator.tally().asMap());
        return json;
    }

    private static Map<String, Double> millis(Histogram micros) {
        Map<String, Double> m = new LinkedHashMap<>();
        boolean empty = micros.getTotalCount() == 0;
        m.put("p50", empty ? 0.0 : round(micros.getValueAtPercentile(50) / 1000.0, 3));
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
