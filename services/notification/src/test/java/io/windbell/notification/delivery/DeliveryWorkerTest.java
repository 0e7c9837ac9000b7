package io.windbell.notification.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.windbell.contracts.EventJson;
import io.windbell.notification.channel.webhook.WebhookSignature;
import io.windbell.notification.endpoint.Endpoint;
import io.windbell.notification.endpoint.SecretBox;
import io.windbell.notification.support.GreenMailResource;
import io.windbell.notification.support.HttpReceiver;
import io.windbell.notification.support.HttpReceiver.Answer;
import io.windbell.notification.support.NotificationTestResource;

/**
 * The delivery worker against real receivers: GreenMail for SMTP, a Vert.x server for robots and webhooks. The
 * background loop is off in this profile; each test drives {@link DeliveryWorker#runOnce} with the instant it chooses,
 * stepping by the channel's max backoff so that a retry is always due.
 */
@QuarkusTest
@QuarkusTestResource(NotificationTestResource.class)
@TestProfile(DeliveryWorkerTest.Worker.class)
@TestSecurity(user = "admin", roles = "cx-admin")
class DeliveryWorkerTest {

    /** The worker off, short backoffs, five webhook attempts, a real SMTP server. */
    public static class Worker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("windbell.notification.delivery.enabled", "false",
                    "windbell.notification.delivery.channels.webhook.max-attempts", "5",
                    "windbell.notification.delivery.channels.webhook.initial-backoff", "PT1S",
                    "windbell.notification.delivery.channels.webhook.max-backoff", "PT4S",
                    "windbell.notification.delivery.channels.wecom.initial-backoff", "PT1S",
                    "windbell.notification.delivery.channels.wecom.max-backoff", "PT4S");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(GreenMailResource.class));
        }
    }

    private static final Duration STEP = Duration.ofSeconds(4);
    private static final String SECRET = "whsec_" + "k".repeat(40);
    private static final String WECOM_OK = "{\"errcode\":0,\"errmsg\":\"ok\"}";
    private static HttpReceiver receiver;

    @Inject
    DeliveryWorker worker;

    @Inject
    Deliveries deliveries;

    @Inject
    DataSource dataSource;

    private DeliveryFixture fixture;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new HttpReceiver();
    }

    @AfterAll
    static void stopReceiver() throws Exception {
        receiver.close();
    }

    @BeforeEach
    void fixture() {
        fixture = new DeliveryFixture(deliveries, dataSource);
    }

    private int pass(Instant now) {
        return worker.runOnce(now).await().atMost(Duration.ofMinutes(1));
    }

    @Test
    void anEmailArrivesAtTheSmtpServerWithTextAndHtmlParts() throws Throwable {
        String address = "e-" + UUID.randomUUID() + "@bank.example";
        UUID id = fixture.enqueue(Channel.EMAIL, "E-mail-" + UUID.randomUUID(), address, null);

        pass(Instant.now());

        assertThat(fixture.row(id).status()).isEqualTo("SENT");
        assertThat(fixture.row(id).sentAt()).isNotNull();
        MimeMessage mail = List.of(GreenMailResource.server().getReceivedMessages()).stream()
                .filter(m -> recipients(m).contains(address)).findFirst().orElseThrow();
        assertThat(mail.getSubject()).isEqualTo("新工单：回访客户");
        assertThat(mail.getFrom()[0].toString()).contains("noreply@windbell.local");
        Multipart parts = (Multipart) mail.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        String text = null;
        String html = null;
        for (int i = 0; i < parts.getCount(); i++) {
            var part = parts.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                text = part.getContent().toString();
            } else if (part.isMimeType("text/html")) {
                html = part.getContent().toString();
            }
        }
        assertThat(text).contains("请在 2 小时内回访客户。");
        assertThat(html).contains("<b>2 小时</b>");
        assertThat(fixture.log(id)).extracting(DeliveryFixture.Line::outcome).containsExactly("SENT");
    }

    private static String recipients(MimeMessage message) {
        try {
            return List.of(message.getAllRecipients()).toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aWecomRobotReceivesMarkdownAndItsErrcodeDecides() throws Throwable {
        String path = "/robot-" + UUID.randomUUID();
        UUID robot = DeliveryFixture.endpoint(Endpoint.WECOM_ROBOT, receiver.path(path, n -> new Answer(200, WECOM_OK)),
                null);
        UUID ok = fixture.enqueue(Channel.WECOM, robot.toString(), null, null);

        String limitedPath = "/robot-limited-" + UUID.randomUUID();
        UUID limitedRobot = DeliveryFixture.endpoint(Endpoint.WECOM_ROBOT, receiver.path(limitedPath,
                n -> new Answer(200, n == 1 ? "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}" : WECOM_OK)),
                null);
        UUID limited = fixture.enqueue(Channel.WECOM, limitedRobot.toString(), null, null);

        String badPath = "/robot-bad-" + UUID.randomUUID() + "?key=ROBOT-KEY";
        UUID badRobot = DeliveryFixture.endpoint(Endpoint.WECOM_ROBOT,
                receiver.path(badPath.substring(0, badPath.indexOf('?')),
                        n -> new Answer(200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}"))
                        + "?key=ROBOT-KEY",
                null);
        UUID bad = fixture.enqueue(Channel.WECOM, badRobot.toString(), null, null);

        Instant t = Instant.now();
        pass(t);

        assertThat(fixture.row(ok).status()).isEqualTo("DELIVERED");
        JsonNode body = EventJson.mapper().readTree(receiver.received(path).getFirst().body());
        assertThat(body.path("msgtype").asText()).isEqualTo("markdown");
        assertThat(body.path("markdown").path("content").asText()).isEqualTo("**新工单**：回访客户");

        assertThat(fixture.row(limited).status()).as("45009 is retried").isEqualTo("QUEUED");
        assertThat(fixture.row(bad).status()).as("any other errcode is permanent").isEqualTo("DEAD");
        DeliveryFixture.Line dead = fixture.log(bad).getFirst();
        assertThat(dead.outcome()).isEqualTo("DEAD");
        assertThat(dead.error()).contains("93000").doesNotContain("ROBOT-KEY").doesNotContain("robot-bad");

        pass(t.plus(STEP));
        assertThat(fixture.row(limited).status()).isEqualTo("DELIVERED");
        assertThat(fixture.log(limited)).extracting(DeliveryFixture.Line::outcome).containsExactly("FAILED",
                "DELIVERED");
        assertThat(fixture.row(bad).status()).as("a dead delivery is not attempted again").isEqualTo("DEAD");
    }

    @Test
    void aWebhookThatFailsThreeTimesIsRetriedWithBackoffAndDelivered() throws Throwable {
        String path = "/hook-flaky-" + UUID.randomUUID();
        UUID endpoint = DeliveryFixture.endpoint(Endpoint.WEBHOOK,
                receiver.path(path, n -> new Answer(n <= 3 ? 503 : 200, "")), SECRET);
        UUID id = fixture.enqueue(Channel.WEBHOOK, endpoint.toString(), null, null);

        Instant t = Instant.now();
        for (int failure = 1; failure <= 3; failure++) {
            pass(t);
            DeliveryFixture.Row row = fixture.row(id);
            assertThat(row.status()).isEqualTo("QUEUED");
            assertThat(row.attempts()).isEqualTo(failure);
            // full jitter: somewhere in [t, t + min(4 s, 1 s * 2^(n-1))]
            Duration ceiling = Backoff.ceiling(failure, Duration.ofSeconds(1), STEP);
            assertThat(row.nextAttemptAt()).isBetween(t, t.plus(ceiling));
            t = t.plus(STEP);
        }
        pass(t);

        assertThat(fixture.row(id).status()).isEqualTo("DELIVERED");
        assertThat(fixture.log(id)).extracting(DeliveryFixture.Line::outcome).containsExactly("FAILED", "FAILED",
                "FAILED", "DELIVERED");
        assertThat(fixture.log(id).getFirst().statusCode()).isEqualTo(503);
        List<HttpReceiver.Received> calls = receiver.received(path);
        assertThat(calls).hasSize(4).allSatisfy(call -> {
            assertThat(call.headers()).containsEntry("x-windbell-delivery-id", id.toString())
                    .containsEntry("content-type", "application/json");
            assertThat(WebhookSignature.verify(SECRET, call.headers().get("x-windbell-timestamp"), call.body(),
                    call.headers().get("x-windbell-signature"), Instant.now(), WebhookSignature.DEFAULT_WINDOW))
                            .as("the receiver verifies the signature").isTrue();
            assertThat(WebhookSignature.verify("another-secret-of-enough-length-000000",
                    call.headers().get("x-windbell-timestamp"), call.body(), call.headers().get("x-windbell-signature"),
                    Instant.now(), WebhookSignature.DEFAULT_WINDOW)).isFalse();
        });
        assertThat(EventJson.mapper().readTree(calls.getFirst().body()).path("type").asText())
                .isEqualTo("workorder.created");
    }

    @Test
    void aDeadWebhookIsVisibleToOperatorsReDrivenAndDeliveredOnceTheReceiverRecovers() throws Throwable {
        AtomicBoolean recovered = new AtomicBoolean();
        String path = "/hook-down-" + UUID.randomUUID();
        UUID endpoint = DeliveryFixture.endpoint(Endpoint.WEBHOOK,
                receiver.path(path, n -> new Answer(recovered.get() ? 204 : 500, "")), SECRET);
        UUID id = fixture.enqueue(Channel.WEBHOOK, endpoint.toString(), null, null);
        UUID event = UUID.fromString(
                given().get("/v1/admin/deliveries/" + id).then().statusCode(200).extract().path("sourceEventId"));

        Instant t = Instant.now();
        for (int attempt = 1; attempt <= 5; attempt++) {
            pass(t);
            t = t.plus(STEP);
        }
        assertThat(fixture.row(id).status()).isEqualTo("DEAD");
        pass(t);
        assertThat(receiver.received(path)).as("max attempts, then no more").hasSize(5);

        given().queryParam("status", "DEAD").queryParam("eventId", event.toString()).get("/v1/admin/deliveries").then()
                .statusCode(200).body("items.id", hasItem(id.toString()))
                .body("items[0].lastError", org.hamcrest.Matchers.containsString("500"))
                .body("items[0].content", org.hamcrest.Matchers.nullValue());
        given().get("/v1/admin/deliveries/" + id).then().statusCode(200).body("attemptLog.size()", equalTo(5))
                .body("attemptLog[4].outcome", equalTo("DEAD")).body("attemptLog[4].statusCode", equalTo(500));

        recovered.set(true);
        given().post("/v1/admin/deliveries/" + id + "/redrive").then().statusCode(200).body("status", equalTo("QUEUED"))
                .body("attempts", equalTo(0));
        given().post("/v1/admin/deliveries/" + id + "/redrive").then().statusCode(409); // only DEAD or SKIPPED
        pass(Instant.now());

        assertThat(fixture.row(id).status()).isEqualTo("DELIVERED");
        assertThat(fixture.log(id)).extracting(DeliveryFixture.Line::outcome).endsWith("DEAD", "REDRIVEN", "DELIVERED");
    }

    @Test
    void aBulkReDriveRequeuesTheDeadOfAChannel() throws Throwable {
        String path = "/hook-gone-" + UUID.randomUUID();
        UUID endpoint = DeliveryFixture.endpoint(Endpoint.WEBHOOK, receiver.path(path, n -> new Answer(410, "")),
                SECRET);
        UUID first = fixture.enqueue(Channel.WEBHOOK, endpoint.toString(), null, null);
        UUID second = fixture.enqueue(Channel.WEBHOOK, endpoint.toString(), null, null);
        pass(Instant.now());
        assertThat(fixture.row(first).status()).as("410 is permanent").isEqualTo("DEAD");
        assertThat(fixture.row(second).status()).isEqualTo("DEAD");

        int redriven = given().contentType("application/json")
                .body(Map.of("channel", "WEBHOOK", "eventType", "workorder.created"))
                .post("/v1/admin/deliveries/redrive").then().statusCode(200).extract().path("redriven");
        assertThat(redriven).isGreaterThanOrEqualTo(2);
        assertThat(fixture.row(first).status()).isEqualTo("QUEUED");
        assertThat(fixture.row(second).status()).isEqualTo("QUEUED");
        given().contentType("application/json").body(Map.of("channel", "FAX")).post("/v1/admin/deliveries/redrive")
                .then().statusCode(400).body("violations.field", hasItem("channel"));
    }

    @Test
    void twoPassesRunningAtOnceSendEachDeliveryExactlyOnce() throws Throwable {
        String path = "/hook-busy-" + UUID.randomUUID();
        UUID endpoint = DeliveryFixture.endpoint(Endpoint.WEBHOOK, receiver.path(path, n -> new Answer(200, "")),
                SECRET);
        List<UUID> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(fixture.enqueue(Channel.WEBHOOK, endpoint.toString(), null, null));
        }
        Instant now = Instant.now();
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> pass(now));
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> pass(now));
        one.join();
        two.join();
        // whatever a full batch left behind (rows of other tests count too)
        while (pass(now) > 0) {
            // the claims push next_attempt_at past now: the loop ends once nothing due is left
        }

        for (UUID id : ids) {
            assertThat(fixture.row(id).status()).isEqualTo("DELIVERED");
        }
        Map<String, Long> perDelivery = receiver.received(path).stream().collect(
                Collectors.groupingBy(call -> call.headers().get("x-windbell-delivery-id"), Collectors.counting()));
        assertThat(perDelivery).hasSize(30).allSatisfy((delivery, count) -> assertThat(count).isEqualTo(1L));
        assertThat(perDelivery.keySet())
                .containsExactlyInAnyOrderElementsOf(ids.stream().map(UUID::toString).collect(Collectors.toSet()));
    }

    @Test
    void aSkippedDeliverySaysWhyItWasNotSent() throws Throwable {
        String path = "/hook-removed-" + UUID.randomUUID();
        UUID endpoint = DeliveryFixture.endpoint(Endpoint.WEBHOOK, receiver.path(path, n -> new Answer(200, "")),
                SECRET);
        UUID toRemoved = fixture.enqueue(Channel.WEBHOOK, endpoint.toString(), null, null);
        UUID noAddress = fixture.enqueue(Channel.EMAIL, "E-no-address-" + UUID.randomUUID(), null, null);
        String etag = given().get("/v1/admin/endpoints/" + endpoint).then().statusCode(200).extract().header("ETag");
        given().header("If-Match", etag).delete("/v1/admin/endpoints/" + endpoint).then().statusCode(204);

        pass(Instant.now());

        assertThat(fixture.row(toRemoved).status()).isEqualTo("SKIPPED");
        assertThat(fixture.log(toRemoved))
                .containsExactly(new DeliveryFixture.Line("SKIPPED", null, "the endpoint was removed or disabled"));
        assertThat(receiver.received(path)).isEmpty();
        assertThat(fixture.row(noAddress).status()).isEqualTo("SKIPPED");
        assertThat(fixture.log(noAddress))
                .containsExactly(new DeliveryFixture.Line("SKIPPED", null, "no e-mail address"));
        given().get("/v1/admin/deliveries/" + noAddress).then().statusCode(200).body("status", equalTo("SKIPPED"))
                .body("lastError", equalTo("no e-mail address"));
    }

    @Test
    void aSecretThatDoesNotOpenWithTheKeyDeadLettersAtOnce() throws Throwable {
        String path = "/hook-other-key-" + UUID.randomUUID();
        UUID endpoint = DeliveryFixture.endpoint(Endpoint.WEBHOOK, receiver.path(path, n -> new Answer(200, "")),
                SECRET);
        // as if sealed under another key
        String foreign = new SecretBox("another-key-than-this-service-has-0123456789").seal(SECRET);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("update endpoint set secret = ? where id = ?")) {
            s.setString(1, foreign);
            s.setObject(2, endpoint);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        UUID id = fixture.enqueue(Channel.WEBHOOK, endpoint.toString(), null, null);

        pass(Instant.now());

        assertThat(fixture.row(id).status()).isEqualTo("DEAD");
        assertThat(fixture.log(id)).singleElement()
                .satisfies(line -> assertThat(line.error()).contains("does not open with the configured key"));
        assertThat(receiver.received(path)).isEmpty();
    }

    @Test
    void aDeliveryPastItsNotAfterIsSkippedUnsent() throws Throwable {
        String path = "/hook-late-" + UUID.randomUUID();
        UUID endpoint = DeliveryFixture.endpoint(Endpoint.WEBHOOK, receiver.path(path, n -> new Answer(200, "")),
                SECRET);
        UUID id = fixture.enqueue(Channel.WEBHOOK, endpoint.toString(), null, Instant.now().minusSeconds(60));

        pass(Instant.now());

        assertThat(fixture.row(id).status()).isEqualTo("SKIPPED");
        assertThat(receiver.received(path)).isEmpty();
        assertThat(fixture.log(id)).extracting(DeliveryFixture.Line::outcome).containsExactly("SKIPPED");
    }

}
