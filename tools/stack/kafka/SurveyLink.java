import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Finds a survey invitation that is still open, for a person to try the hosted page; run by tools/stack/survey-link.sh
 * in Java's source-file mode on the stack's Kafka jars (not part of the build).
 *
 * <pre>
 * java -cp 'kafka-libs/*' SurveyLink.java BOOTSTRAP TOPIC MIN_AGE_SECONDS
 * </pre>
 *
 * Reads the survey topic from the beginning up to its end at the start (no consumer group, nothing committed), keeps
 * the {@code survey.invited} whose invitation has no {@code survey.responded} or {@code survey.expired} yet and has not
 * passed its {@code expiresAt}, and prints the newest one that is at least MIN_AGE_SECONDS old (the simulated customers
 * of {@code loadgen respond} have decided about it by then and left it alone), else the newest open one: one line,
 * {@code <invitationId> <age in s>}. Exit status 3 when there is none. Prints no customer id. The event carries no
 * link (ADR 0013): survey-link.sh fetches it from survey with the deliverer's token.
 */
public final class SurveyLink {

    private static final Pattern INVITATION_ID = Pattern.compile("\"invitationId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EXPIRES_AT = Pattern.compile("\"expiresAt\"\\s*:\\s*\"([^\"]+)\"");

    record Open(String invitationId, long timestamp) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: SurveyLink BOOTSTRAP TOPIC MIN_AGE_SECONDS");
            System.exit(2);
        }
        long minAgeMillis = Long.parseLong(args[2]) * 1000;
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000");
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "windbell-survey-link");

        Map<String, Open> open = new LinkedHashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(args[1], Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                System.err.println("no topic " + args[1]);
                System.exit(2);
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    System.err.println("reading " + args[1] + " took longer than 60 s");
                    System.exit(1);
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() >= end.get(new TopicPartition(r.topic(), r.partition())) || r.value() == null) {
                        continue;
                    }
                    String json = new String(r.value(), StandardCharsets.UTF_8);
                    String id = field(INVITATION_ID, json);
                    if (id == null) {
                        continue;
                    }
                    String type = type(r);
                    if ("survey.invited".equals(type)) {
                        String expires = field(EXPIRES_AT, json);
                        if (expires == null || Instant.parse(expires).isAfter(Instant.now())) {
                            open.put(id, new Open(id, r.timestamp()));
                        }
                    } else if ("survey.responded".equals(type) || "survey.expired".equals(type)) {
                        open.remove(id);
                    }
                }
            }
        }
        long now = System.currentTimeMillis();
        Open chosen = open.values().stream().filter(o -> now - o.timestamp() >= minAgeMillis)
                .max((a, b) -> Long.compare(a.timestamp(), b.timestamp()))
                .orElseGet(() -> open.values().stream().max((a, b) -> Long.compare(a.timestamp(), b.timestamp()))
                        .orElse(null));
        if (chosen == null) {
            System.exit(3);
        }
        System.out.println(chosen.invitationId() + " " + (now - chosen.timestamp()) / 1000);
    }

    private static String type(ConsumerRecord<byte[], byte[]> r) {
        Header h = r.headers().lastHeader("ce_type");
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String field(Pattern pattern, String json) {
        Matcher m = pattern.matcher(json);
        return m.find() ? m.group(1) : null;
    }
}
