package io.windbell.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.windbell.contracts.EventType;
import io.windbell.contracts.workorder.WorkOrderCreated;
import io.windbell.testing.ContractAssertions;

/**
 * {@code notification-push} in process against a real KRaft broker in this JVM, with a stand-in for notification on
 * 127.0.0.1 that checks each stream's bearer token, holds the streams open and pushes an {@code inbox-item} to the
 * assignee of every {@code workorder.created} it reads from the topic.
 */
class NotificationPushCommandTest {

    private static final String PUSHED = "pushed-workorders";
    private static final String REFUSED = "refused-workorders";
    private static final int STREAMS = 20;
    private static final int WARMUP = 5;
    private static final int COUNT = 40;

    @RegisterExtension
    static final TestBroker.PerClass KAFKA = new TestBroker.PerClass(3, PUSHED, REFUSED);

    /**
     * Every stream becomes ready; every record published (warm-up and measured) goes to one of the streamed employees
     * and comes back as an inbox item; only the measured ones are in the figures.
     */
    @Test
    void pushesEachWorkOrderToItsAssigneesStreamAndMeasuresThoseAfterTheWarmUp(@TempDir Path dir) throws Exception {
        KeyPair keys = rsaKeys();
        Path pem = pkcs8Pem(dir.resolve("key.pem"), keys.getPrivate());
        Set<String> employees = IntStream.rangeClosed(1, STREAMS).mapToObj(i -> String.format("E-bench-%05d", i))
                .collect(Collectors.toSet());

        CommandRun result;
        List<ConsumerRecord<String, byte[]>> records;
        try (NotificationStandIn notification = NotificationStandIn.start(KAFKA.bootstrap(), PUSHED,
                keys.getPublic())) {
            result = CommandRun.of("notification-push", "--base-url", notification.baseUrl(), "--bootstrap",
                    KAFKA.bootstrap(), "--workorder-topic", PUSHED, "--signing-key", pem.toString(), "--streams",
                    Integer.toString(STREAMS), "--connect-rate", "200", "--rate", "50", "--count",
                    Integer.toString(COUNT), "--warmup-count", Integer.toString(WARMUP), "--settle", "0s",
                    "--answer-timeout", "60s", "--service-pid", Long.toString(ProcessHandle.current().pid()), "--seed",
                    "11");
            assertThat(result.exit()).as(result.err()).isZero();
            // the command published everything before it returned: the stand-in reads it all
            await().atMost(Duration.ofSeconds(60)).until(() -> notification.records.size() >= WARMUP + COUNT);
            records = List.copyOf(notification.records);

            assertThat(notification.refusals).as("streams refused").isEmpty();
            assertThat(notification.accepted).containsExactlyInAnyOrderElementsOf(employees);
            assertThat(notification.accepts).hasSize(STREAMS).containsOnly("text/event-stream");
            assertThat(notification.undelivered.get()).as("records whose assignee had no open stream").isZero();
            assertThat(notification.pushed.get()).isEqualTo(WARMUP + COUNT);
        }

        JsonNode summary = result.summary();
        assertThat(summary.get("command").asText()).isEqualTo("notification-push");
        assertThat(summary.get("topic").asText()).isEqualTo(PUSHED);
        assertThat(summary.get("warmupCount").asLong()).isEqualTo(WARMUP);
        assertThat(summary.get("count").asLong()).isEqualTo(COUNT);
        assertThat(summary.get("sent").asLong()).isEqualTo(WARMUP + COUNT);
        assertThat(summary.get("records").asLong()).isEqualTo(WARMUP + COUNT);
        assertThat(summary.get("errors").asLong()).isZero();
        assertThat(summary.get("unsent").asLong()).isZero();

        JsonNode streams = summary.get("streams");
        assertThat(streams.get("requested").asInt()).isEqualTo(STREAMS);
        assertThat(streams.get("ready").asInt()).isEqualTo(STREAMS);
        assertThat(streams.get("failed").asLong()).isZero();
        assertThat(streams.get("closedEarly").asLong()).isZero();
        // every measured item has arrived; a warm-up one may still be on its way when the summary is taken
        assertThat(streams.get("inboxItems").asLong()).isBetween((long) COUNT, (long) WARMUP + COUNT);

        // the warm-up records were pushed too, but only the measured ones are in the figures
        JsonNode pushed = summary.get("pushed");
        assertThat(pushed.get("measured").asLong()).isEqualTo(COUNT).isEqualTo(records.size() - WARMUP);
        assertThat(pushed.get("matched").asLong()).isEqualTo(COUNT);
        assertThat(pushed.get("unanswered").asLong()).isZero();
        assertThat(pushed.get("late").asLong()).isZero();
        double p50 = pushed.at("/latencyMs/p50").asDouble(-1);
        assertThat(p50).isNotNegative();
        assertThat(pushed.at("/latencyMs/p90").asDouble(-1)).isGreaterThanOrEqualTo(p50);
        assertThat(pushed.at("/latencyMs/p99").asDouble(-1))
                .isGreaterThanOrEqualTo(pushed.at("/latencyMs/p90").asDouble());
        assertThat(pushed.at("/latencyMs/max").asDouble(-1))
                .isGreaterThanOrEqualTo(pushed.at("/latencyMs/p99").asDouble());

        // this JVM is the "service": its RSS is read before the streams, with them and at the end
        JsonNode memory = summary.get("memory");
        assertThat(memory.get("rssBeforeMb").isNumber()).as(memory.toString()).isTrue();
        assertThat(memory.get("rssBeforeMb").asDouble()).isPositive();
        assertThat(memory.get("rssWithStreamsMb").isNumber()).as(memory.toString()).isTrue();
        assertThat(memory.get("rssWithStreamsMb").asDouble()).isPositive();
        assertThat(memory.get("perStreamKb").isNumber()).as(memory.toString()).isTrue();
        assertThat(memory.get("rssEndMb").asDouble()).isPositive();

        // what went to the topic is what workorder's relay publishes: one work order each, assigned to a streamed
        // employee, numbered 0..warmup+count-1 in the customer id
        assertThat(records).hasSize(WARMUP + COUNT);
        Set<String> orders = new HashSet<>();
        Set<String> customers = new HashSet<>();
        Set<String> assignees = new HashSet<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            ContractAssertions.assertValid(EventType.WORKORDER_CREATED, r.value());
            assertThat(CommandRun.header(r, "ce_type")).isEqualTo(WorkOrderCreated.TYPE);
            assertThat(CommandRun.header(r, "ce_source")).isEqualTo("/windbell/workorder");
            assertThat(CommandRun.header(r, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
            JsonNode order = NotificationStandIn.JSON.readTree(r.value()).get("workOrder");
            assertThat(r.key()).isEqualTo(order.get("workOrderId").asText());
            assertThat(orders.add(order.get("workOrderId").asText())).isTrue();
            assertThat(order.get("assigneeEmployeeId").asText()).isIn(employees);
            assignees.add(order.get("assigneeEmployeeId").asText());
            customers.add(order.get("customerId").asText());
        }
        assertThat(customers).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, WARMUP + COUNT).mapToObj(i -> String.format("C-bench-%08d", i)).toList());
        // random ready employees, not one
        assertThat(assignees).hasSizeGreaterThan(1);
    }

    /** A notification that trusts another key answers 401 to every stream: nothing is published, the run fails. */
    @Test
    void failsWhenNoStreamBecomesReady(@TempDir Path dir) throws Exception {
        Path pem = pkcs8Pem(dir.resolve("key.pem"), rsaKeys().getPrivate());
        CommandRun result;
        try (NotificationStandIn notification = NotificationStandIn.start(KAFKA.bootstrap(), REFUSED,
                rsaKeys().getPublic())) {
            result = CommandRun.of("notification-push", "--base-url", notification.baseUrl(), "--bootstrap",
                    KAFKA.bootstrap(), "--workorder-topic", REFUSED, "--signing-key", pem.toString(), "--streams", "5",
                    "--connect-rate", "200", "--rate", "50", "--count", "10", "--warmup-count", "0", "--settle", "0s");

            assertThat(notification.accepted).isEmpty();
            assertThat(notification.refusals).hasSize(5).allMatch(why -> why.endsWith("bad signature"));
        }

        assertThat(result.exit()).as(result.err()).isEqualTo(1);
        assertThat(result.err()).contains("loadgen: no stream became ready").contains("HTTP 401=5");
        assertThat(result.out()).isBlank();
        assertThat(endOffsets(REFUSED)).as("records on " + REFUSED).isZero();
    }

    private static KeyPair rsaKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** The key as {@code openssl genpkey -algorithm RSA} writes it. */
    private static Path pkcs8Pem(Path file, PrivateKey key) throws IOException {
        String base64 = Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(key.getEncoded());
        return Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n",
                StandardCharsets.US_ASCII);
    }

    /** The records a topic holds, all partitions together. */
    private static long endOffsets(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                NotificationStandIn.consumerProps(KAFKA.bootstrap()), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(60)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions, Duration.ofSeconds(60)).values().stream().mapToLong(Long::longValue)
                    .sum();
        }
    }

    /**
     * A stand-in for notification: {@code GET /v1/employees/{id}/stream} with an RS256 bearer token signed by the
     * trusted key and whose {@code employee_id} is the path's answers {@code event: ready} and stays open; anything
     * else gets 401. Reads the work-order topic from its start (no consumer group) and writes an {@code inbox-item}
     * with the order's {@code workOrderId} to every open stream of its assignee.
     */
    static final class NotificationStandIn implements AutoCloseable {

        static final ObjectMapper JSON = new ObjectMapper();
        private static final Pattern STREAM = Pattern.compile("/v1/employees/([^/]+)/stream");
        private static final Base64.Decoder B64 = Base64.getUrlDecoder();

        private record Stream(Context context, HttpServerResponse response) {
        }

        private final PublicKey trusted;
        private final Vertx vertx = Vertx.vertx();
        private final HttpServer server;
        private final Map<String, Queue<Stream>> open = new ConcurrentHashMap<>();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final Thread reader;
        private final AtomicLong sequence = new AtomicLong();

        /** Employees whose stream was accepted. */
        final Queue<String> accepted = new ConcurrentLinkedQueue<>();
        /** The Accept header of each accepted stream. */
        final Queue<String> accepts = new ConcurrentLinkedQueue<>();
        /** {@code employee: why} of each stream answered 401. */
        final Queue<String> refusals = new ConcurrentLinkedQueue<>();
        /** Every record read from the topic, in the order read. */
        final Queue<ConsumerRecord<String, byte[]>> records = new ConcurrentLinkedQueue<>();
        /** Inbox items written to a stream. */
        final AtomicLong pushed = new AtomicLong();
        /** Records whose assignee had no open stream. */
        final AtomicLong undelivered = new AtomicLong();

        private NotificationStandIn(String bootstrap, String topic, PublicKey trusted) throws Exception {
            this.trusted = trusted;
            server = vertx.createHttpServer().requestHandler(this::handle);
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
            reader = new Thread(() -> read(bootstrap, topic), "notification-stand-in");
            reader.start();
        }

        static NotificationStandIn start(String bootstrap, String topic, PublicKey trusted) throws Exception {
            return new NotificationStandIn(bootstrap, topic, trusted);
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.actualPort();
        }

        static Properties consumerProps(String bootstrap) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            return props;
        }

        private void handle(HttpServerRequest request) {
            Matcher m = STREAM.matcher(request.path());
            if (request.method() != HttpMethod.GET || !m.matches()) {
                request.response().setStatusCode(404).end();
                return;
            }
            String employee = m.group(1);
            String why = refusal(request.getHeader("Authorization"), employee);
            if (why != null) {
                refusals.add(employee + ": " + why);
                request.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer").end();
                return;
            }
            accepted.add(employee);
            accepts.add(String.valueOf(request.getHeader("Accept")));
            HttpServerResponse response = request.response().setChunked(true)
                    .putHeader("Content-Type", "text/event-stream").putHeader("Cache-Control", "no-cache");
            Stream stream = new Stream(Vertx.currentContext(), response);
            Queue<Stream> streams = open.computeIfAbsent(employee, e -> new ConcurrentLinkedQueue<>());
            streams.add(stream);
            response.closeHandler(v -> streams.remove(stream));
            response.write("event: ready\ndata: {}\n\n");
        }

        /** Why a stream of {@code employee} is refused, or null: notification's checks of a bench token. */
        private String refusal(String authorization, String employee) {
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                return "no bearer token";
            }
            String[] parts = authorization.substring("Bearer ".length()).split("\\.", -1);
            if (parts.length != 3) {
                return "not a compact JWT";
            }
            try {
                if (!"RS256".equals(JSON.readTree(B64.decode(parts[0])).path("alg").asText())) {
                    return "not RS256";
                }
                Signature rsa = Signature.getInstance("SHA256withRSA");
                rsa.initVerify(trusted);
                rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
                if (!rsa.verify(B64.decode(parts[2]))) {
                    return "bad signature";
                }
                JsonNode claims = JSON.readTree(B64.decode(parts[1]));
                if (!employee.equals(claims.path("employee_id").asText(null))) {
                    return "employee_id " + claims.path("employee_id") + " is not the path's";
                }
                if (!"windbell-bench".equals(claims.path("iss").asText())) {
                    return "issuer " + claims.path("iss");
                }
                List<String> audience = new ArrayList<>();
                claims.path("aud").forEach(a -> audience.add(a.asText()));
                if (!audience.contains("windbell-api")) {
                    return "audience " + claims.path("aud");
                }
                if (claims.path("exp").asLong() <= Instant.now().getEpochSecond()) {
                    return "expired";
                }
                return null;
            } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
                return e.toString();
            }
        }

        private void read(String bootstrap, String topic) {
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProps(bootstrap),
                    new StringDeserializer(), new ByteArrayDeserializer())) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(60)).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                while (!stop.get()) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                        records.add(r);
                        push(r.value());
                    }
                }
            }
        }

        private void push(byte[] value) {
            JsonNode order;
            try {
                order = JSON.readTree(value).path("workOrder");
            } catch (IOException e) {
                undelivered.incrementAndGet();
                return;
            }
            String assignee = order.path("assigneeEmployeeId").asText(null);
            Queue<Stream> streams = assignee == null ? null : open.get(assignee);
            if (streams == null || streams.isEmpty()) {
                undelivered.incrementAndGet();
                return;
            }
            for (Stream stream : streams) {
                String item = "id: " + sequence.incrementAndGet() + "\nevent: inbox-item\ndata: {\"workOrderId\":\""
                        + order.path("workOrderId").asText() + "\"}\n\n";
                stream.context().runOnContext(v -> stream.response().write(item));
                pushed.incrementAndGet();
            }
        }

        @Override
        public void close() throws Exception {
            stop.set(true);
            reader.join(60_000);
            vertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        }
    }
}
