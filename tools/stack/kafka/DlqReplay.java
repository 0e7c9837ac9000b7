import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Lists or replays a dead-letter topic ({@code <topic>.dlq.<service>}), run by tools/stack/dlq.sh in Java's
 * source-file mode on the stack's Kafka jars (not part of the build).
 *
 * <pre>
 * java -cp 'kafka-libs/*' DlqReplay.java BOOTSTRAP DLQ_TOPIC list|replay [MAX]
 * </pre>
 *
 * {@code list} prints every dead letter with where it came from and why it failed, and moves nothing. {@code replay}
 * sends each dead letter back to its original topic ({@code windbell-dlq-original-topic}) with its key, payload and
 * original headers (the {@code windbell-dlq-*} ones removed, {@code windbell-replayed-from} added), waits for the
 * broker's acknowledgement, and only then commits its position in the consumer group
 * {@code windbell-dlq-replay.<DLQ_TOPIC>}: a second replay does not send the same letters again. The consuming service
 * deduplicates on {@code ce_id}, so a letter that was applied meanwhile is not applied twice; one that still fails goes
 * back to the dead-letter topic.
 */
public final class DlqReplay {

    private static final String DLQ_PREFIX = "windbell-dlq-";
    private static final Duration IDLE = Duration.ofSeconds(5);

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || !List.of("list", "replay").contains(args[2])) {
            System.err.println("usage: DlqReplay BOOTSTRAP DLQ_TOPIC list|replay [MAX]");
            System.exit(2);
        }
        String bootstrap = args[0];
        String dlq = args[1];
        boolean replay = args[2].equals("replay");
        long max = args.length > 3 ? Long.parseLong(args[3]) : Long.MAX_VALUE;

        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "windbell-dlq-replay." + dlq);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "windbell-dlq-replay");

        long seen = 0;
        long replayed = 0;
        long skipped = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
                KafkaProducer<byte[], byte[]> producer = replay
                        ? new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())
                        : null) {
            consumer.subscribe(List.of(dlq));
            long idleSince = System.nanoTime();
            while (seen < max && System.nanoTime() - idleSince < IDLE.toNanos()) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                idleSince = System.nanoTime();
                List<Future<RecordMetadata>> sends = new ArrayList<>();
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    if (seen >= max) {
                        break;
                    }
                    seen++;
                    String origin = header(r, "windbell-dlq-original-topic");
                    System.out.printf("%s/%d@%d key=%s ce_id=%s from %s/%s@%s after %s attempt(s): %s: %s%n", r.topic(),
                            r.partition(), r.offset(), text(r.key()), header(r, "ce_id"), origin,
                            header(r, "windbell-dlq-original-partition"), header(r, "windbell-dlq-original-offset"),
                            header(r, "windbell-dlq-attempts"), header(r, "windbell-dlq-error-class"),
                            header(r, "windbell-dlq-error-message"));
                    done.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
                    if (!replay) {
                        continue;
                    }
                    if (origin == null) {
                        System.out.println("  skipped: no windbell-dlq-original-topic header");
                        skipped++;
                        continue;
                    }
                    RecordHeaders headers = new RecordHeaders();
                    for (Header h : r.headers()) {
                        if (!h.key().startsWith(DLQ_PREFIX)) {
                            headers.add(h);
                        }
                    }
                    headers.add("windbell-replayed-from", (r.topic() + "/" + r.partition() + "@" + r.offset())
                            .getBytes(StandardCharsets.UTF_8));
                    sends.add(producer.send(new ProducerRecord<>(origin, null, r.key(), r.value(), headers)));
                }
                if (replay) {
                    for (Future<RecordMetadata> send : sends) {
                        send.get();
                        replayed++;
                    }
                    // only what the broker acknowledged moves the replay group on
                    consumer.commitSync(done);
                }
            }
        }
        System.out.printf("%s: %d dead letter(s) %s%s%n", dlq, seen,
                replay ? "read, " + replayed + " replayed to their original topic" : "listed (nothing moved)",
                skipped > 0 ? ", " + skipped + " skipped" : "");
    }

    private static String header(ConsumerRecord<?, ?> r, String key) {
        Header h = r.headers().lastHeader(key);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
