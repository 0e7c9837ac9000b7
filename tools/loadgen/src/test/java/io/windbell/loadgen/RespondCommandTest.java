package io.windbell.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.windbell.contracts.EventJson;
import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.DeliveryChannel;
import io.windbell.contracts.survey.InvitationReason;
import io.windbell.contracts.survey.SurveyInvited;

/**
 * {@code respond} in process: survey.invited records on a real KRaft broker in this JVM, a stand-in for the survey
 * service's respondent API on 127.0.0.1, and what the command counts and sends.
 */
class RespondCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "cx.survey-events.v1";
    private static final String SURVEY = """
            {"invitationId":"i","surveyCode":"S","locale":"en","locales":["en","zh-CN"],"anchorMetric":"NPS",
             "status":"SENT","questions":[
               {"id":"nps","type":"NPS","text":"?","options":[],"min":0,"max":10,"required":true,"showIf":null},
               {"id":"why","type":"MULTIPLE_CHOICE","text":"?","options":[{"id":"slow","label":"Slow"}],
                "required":true,"showIf":{"questionId":"nps","min":0,"max":6}}]}
            """;

    private static KafkaClusterTestKit kafka;
    private static String bootstrap;
    private static HttpServer survey;
    private static final ConcurrentLinkedQueue<JsonNode> posted = new ConcurrentLinkedQueue<>();
    private static final ConcurrentLinkedQueue<String> linksAskedFor = new ConcurrentLinkedQueue<>();
    private static final String DELIVERER_TOKEN = "deliverer-token";

    @BeforeAll
    static void start() throws Exception {
        kafka = TestBroker.start(2, TOPIC);
        bootstrap = kafka.bootstrapServers();
        survey = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        survey.createContext("/v1/s/", RespondCommandTest::serve);
        survey.createContext("/v1/invitations/", RespondCommandTest::link);
        survey.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (survey != null) {
            survey.stop(0);
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    /** The deliverer's link request: only with the deliverer's token, as survey does. */
    private static void link(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        boolean deliverer = ("Bearer " + DELIVERER_TOKEN)
                .equals(exchange.getRequestHeaders().getFirst("Authorization"));
        String id = path.substring("/v1/invitations/".length(), path.length() - "/link".length());
        linksAskedFor.add(id);
        byte[] body = ("{\"linkUrl\":\"http://127.0.0.1:8083/s/secret-link-" + id + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(deliverer ? 200 : 401, deliverer ? body.length : -1);
        if (deliverer) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private static void serve(HttpExchange exchange) throws IOException {
        byte[] body;
        int status;
        if (exchange.getRequestMethod().equals("POST") && exchange.getRequestURI().getPath().endsWith("/responses")) {
            posted.add(JSON.readTree(exchange.getRequestBody()));
            status = 201;
            body = "{\"responseId\":\"r\"}".getBytes(StandardCharsets.UTF_8);
        } else {
            status = 200;
            body = SURVEY.getBytes(StandardCharsets.UTF_8);
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Test
    void answersInvitationsFromTheTopicAndCountsTheRest() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        // a new consumer group starts at the end of the topic: keep inviting while the command runs
        Thread producer = new Thread(() -> {
            try (var p = new KafkaProducer<>(Map.<String, Object> of("bootstrap.servers", bootstrap),
                    new StringSerializer(), new ByteArraySerializer())) {
                while (running.get()) {
                    p.send(record("survey.invited", EventJson.toBytes(invited())));
                    p.send(record("survey.responded", "{}".getBytes(StandardCharsets.UTF_8)));
                    Thread.sleep(150);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        producer.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            exit = LoadGen.run(
                    new String[] { "respond", "--bootstrap", bootstrap, "--base-url",
                            "http://127.0.0.1:" + survey.getAddress().getPort(), "--response-rate", "1", "--max-delay",
                            "0s", "--duration", "6s", "--group", "test-" + UUID.randomUUID(), "--seed", "5", "--token",
                            DELIVERER_TOKEN },
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
        } finally {
            running.set(false);
            producer.join();
        }
        String errText = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(errText).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        JsonNode summary = JSON.readTree(lines[lines.length - 1]);
        assertThat(summary.get("command").asText()).isEqualTo("respond");
        long invited = summary.get("invited").asLong();
        assertThat(invited).as(errText).isPositive();
        assertThat(summary.get("answered").asLong()).isEqualTo(invited);
        assertThat(summary.get("skipped").asLong()).isZero();
        assertThat(summary.get("errors").asLong()).as(summary.toString()).isZero();
        assertThat(summary.get("otherEvents").asLong()).isPositive();
        assertThat(posted).hasSize((int) invited).allSatisfy(body -> {
            assertThat(body.path("locale").asText()).isEqualTo("zh-CN");
            assertThat(body.path("answers").get(0).path("questionId").asText()).isEqualTo("nps");
        });
        assertThat(linksAskedFor).hasSize((int) invited);
        assertThat(errText).contains("[respond]").doesNotContain("C000123456").doesNotContain("secret-link");
    }

    @Test
    void withoutTheDeliverersCredentialsItDoesNotStart() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = LoadGen.run(
                new String[] { "respond", "--bootstrap", bootstrap, "--base-url",
                        "http://127.0.0.1:" + survey.getAddress().getPort(), "--duration", "1s" },
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("survey-deliverer");
    }

    private static ProducerRecord<String, byte[]> record(String type, byte[] value) {
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(TOPIC, "C000123456", value);
        r.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        return r;
    }

    private static SurveyInvited invited() {
        Instant now = Instant.now();
        return new SurveyInvited(UUID.randomUUID(), "C000123456", UUID.randomUUID(), "S", AnchorMetric.NPS,
                DeliveryChannel.APP_PUSH, "zh-CN", now, now.plus(Duration.ofDays(3)), List.of("nps", "why"),
                List.of(new InvitationReason(InvitationReason.Code.TOUCHPOINT_FAILED, null, null, null)), null);
    }
}
