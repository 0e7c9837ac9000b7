package io.windbell.notification.stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.windbell.notification.inbox.Inbox;
import io.windbell.notification.support.NotificationTestResource;
import io.windbell.testing.TestTokens;

/**
 * The push stream over real HTTP, read line by line: fan-out to every device, exact replay, isolation between
 * employees, delivery that follows commits (also another replica's, and across a lost LISTEN connection), tickets and
 * heartbeats.
 */
@QuarkusTest
@QuarkusTestResource(NotificationTestResource.class)
class StreamTest {

    @Inject
    Inbox inbox;

    @Inject
    DataSource dataSource;

    @Inject
    InboxListener listener;

    @Inject
    StreamTickets tickets;

    @Inject
    StreamRegistry registry;

    @TestHTTPResource("/")
    URI base;

    StreamFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new StreamFixture(inbox, dataSource, base);
    }

    @Test
    void anItemReachesEveryDeviceOfItsEmployeeAndNoOtherEmployee() throws Throwable {
        String employee = StreamFixture.employee("devices");
        String other = StreamFixture.employee("devices-other");
        try (SseClient phone = fixture.open(employee, Map.of()); SseClient laptop = fixture.open(employee, Map.of());
                SseClient stranger = fixture.open(other, Map.of())) {
            assertThat(phone.contentType()).startsWith("text/event-stream");
            for (SseClient client : List.of(phone, laptop)) {
                SseClient.Event ready = client.nextEvent();
                assertThat(ready.name()).isEqualTo("ready");
                assertThat(ready.id()).isNull();
                assertThat(JsonPath.from(ready.data()).getString("employeeId")).isEqualTo(employee);
                assertThat(JsonPath.from(ready.data()).getLong("lastSeq")).isZero();
            }
            assertThat(stranger.nextEvent().name()).isEqualTo("ready");

            UUID eventId = fixture.append(employee);

            for (SseClient client : List.of(phone, laptop)) {
                SseClient.Event item = client.nextEvent();
                assertThat(item.id()).isEqualTo("1");
                assertThat(item.name()).isEqualTo("inbox-item");
                JsonPath data = JsonPath.from(item.data());
                assertThat(data.getString("eventId")).isEqualTo(eventId.toString());
                assertThat(data.getLong("seq")).isEqualTo(1);
                assertThat(data.getString("title")).isEqualTo("Call the customer back");
                assertThat(data.getString("priority")).isEqualTo("HIGH");
                assertThat(data.getBoolean("critical")).isFalse();
                assertThat(data.getString("createdAt")).isNotNull();
            }
            // the stranger's stream is ordered: had it seen the first employee's item, that would come first
            UUID strangersOwn = fixture.append(other);
            SseClient.Event next = stranger.nextEvent();
            assertThat(JsonPath.from(next.data()).getString("eventId")).isEqualTo(strangersOwn.toString());
            assertThat(stranger.hasEventWaiting()).isFalse();
            assertThat(registry.count(employee)).isEqualTo(2);
            assertThat(registry.count(other)).isEqualTo(1);
        }
        // a client that leaves leaves nothing behind
        await().atMost(SseClient.GUARD).until(() -> registry.count(employee) == 0 && registry.count(other) == 0);
        // the first time it went out, written in the next flush
        await().atMost(SseClient.GUARD).until(() -> fixture.deliveredAt(employee, 1) != null);
    }

    @Test
    void reconnectingWithLastEventIdReplaysExactlyWhatWasMissedAndNothingTwice() throws Throwable {
        String employee = StreamFixture.employee("replay");
        try (SseClient first = fixture.open(employee, Map.of())) {
            first.nextEvent();
            fixture.append(employee);
            assertThat(first.nextEvent().id()).isEqualTo("1");
        }
        List<UUID> missed = List.of(fixture.append(employee), fixture.append(employee), fixture.append(employee));

        try (SseClient again = fixture.open(employee, StreamFixture.lastEventId(1))) {
            SseClient.Event ready = again.nextEvent();
            assertThat(ready.name()).isEqualTo("ready");
            assertThat(JsonPath.from(ready.data()).getLong("lastSeq")).isEqualTo(4);
            List<String> ids = new ArrayList<>();
            List<String> events = new ArrayList<>();
            for (int i = 0; i < missed.size(); i++) {
                SseClient.Event item = again.nextEvent();
                ids.add(item.id());
                events.add(JsonPath.from(item.data()).getString("eventId"));
            }
            assertThat(ids).containsExactly("2", "3", "4");
            assertThat(events).containsExactlyElementsOf(missed.stream().map(UUID::toString).toList());

            UUID live = fixture.append(employee);
            SseClient.Event fifth = again.nextEvent();
            assertThat(fifth.id()).as("the next item, not a replayed one").isEqualTo("5");
            assertThat(JsonPath.from(fifth.data()).getString("eventId")).isEqualTo(live.toString());
        }

        // ?after= for clients that keep their own cursor; Last-Event-ID wins over it
        try (SseClient after = SseClient.open(fixture.stream(employee, "after=3"),
                Map.of("Authorization", StreamFixture.bearer(employee)))) {
            after.nextEvent();
            assertThat(after.nextEvent().id()).isEqualTo("4");
            assertThat(after.nextEvent().id()).isEqualTo("5");
        }
        try (SseClient both = SseClient.open(fixture.stream(employee, "after=1"),
                Map.of("Authorization", StreamFixture.bearer(employee), "Last-Event-ID", "4"))) {
            both.nextEvent();
            assertThat(both.nextEvent().id()).isEqualTo("5");
        }

        // neither: only what commits from now on
        try (SseClient fresh = fixture.open(employee, Map.of())) {
            assertThat(JsonPath.from(fresh.nextEvent().data()).getLong("lastSeq")).isEqualTo(5);
            fixture.append(employee);
            assertThat(fresh.nextEvent().id()).isEqualTo("6");
        }
    }

    @Test
    void anItemCommittedByAnotherReplicaReachesTheStream() throws Throwable {
        String employee = StreamFixture.employee("replica");
        try (SseClient client = fixture.open(employee, Map.of())) {
            client.nextEvent();
            UUID eventId = fixture.appendElsewhere(employee);
            SseClient.Event item = client.nextEvent();
            assertThat(item.id()).isEqualTo("1");
            assertThat(JsonPath.from(item.data()).getString("eventId")).isEqualTo(eventId.toString());
            assertThat(JsonPath.from(item.data()).getString("eventType")).isEqualTo("workorder.escalated");

            // a NOTIFY for an item the stream has sent, or for a seq nobody committed, sends nothing
            fixture.notify(employee + ":1");
            fixture.notify(employee + ":not-a-seq");
            fixture.append(employee);
            assertThat(client.nextEvent().id()).isEqualTo("2");
        }
    }

    @Test
    void afterTheListenConnectionIsLostEveryStreamReadsWhatItMissed() throws Throwable {
        String employee = StreamFixture.employee("relisten");
        try (SseClient client = fixture.open(employee, Map.of())) {
            client.nextEvent();
            await().atMost(SseClient.GUARD).until(listener::listening);
            assertThat(listener.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(listener.call().getData().orElseThrow().get("streams")).isEqualTo((long) registry.count());
            assertThat(fixture.terminateListener()).isEqualTo(1);
            await().atMost(SseClient.GUARD).until(() -> !listener.listening());
            assertThat(listener.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            // committed and notified while nobody listens: the NOTIFY is lost, the item is not
            UUID eventId = fixture.appendElsewhere(employee);
            SseClient.Event item = client.nextEvent();
            assertThat(JsonPath.from(item.data()).getString("eventId")).isEqualTo(eventId.toString());
            assertThat(listener.listening()).isTrue();
        }
    }

    @Test
    void aTicketOpensTheStreamOfItsEmployeeOnly() throws Throwable {
        String employee = StreamFixture.employee("ticket");
        String ticket = given().header("Authorization", StreamFixture.bearer(employee))
                .post("/v1/employees/me/stream-tickets").then().statusCode(201)
                .body("expiresAt", org.hamcrest.Matchers.notNullValue()).extract().path("ticket");

        // without a token, as EventSource does; and again with the same ticket, as EventSource reconnects
        for (String path : List.of(employee, "me")) {
            try (SseClient client = SseClient.open(fixture.stream(path, "ticket=" + ticket), Map.of())) {
                assertThat(JsonPath.from(client.nextEvent().data()).getString("employeeId")).isEqualTo(employee);
                fixture.append(employee);
                assertThat(client.nextEvent().name()).isEqualTo("inbox-item");
            }
        }

        String other = StreamFixture.employee("ticket-other");
        given().queryParam("ticket", ticket).get("/v1/employees/" + other + "/stream").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));

        String forged = ticket.substring(0, ticket.length() - 2) + (ticket.endsWith("AA") ? "BB" : "AA");
        String expired = tickets.encode(new StreamTickets.Ticket(employee, "B001", Instant.now().minusSeconds(1)));
        for (String refused : List.of(forged, expired, "not-a-ticket", "")) {
            given().queryParam("ticket", refused).get("/v1/employees/" + employee + "/stream").then().statusCode(401)
                    .contentType(startsWith("application/problem+json")).header("WWW-Authenticate", "Bearer")
                    .body("status", equalTo(401));
        }
        given().get("/v1/employees/" + employee + "/stream").then().statusCode(401)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void strangersGetNoStream() {
        String employee = StreamFixture.employee("strangers");
        given().header("Authorization", StreamFixture.bearer(employee))
                .get("/v1/employees/" + StreamFixture.employee("someone") + "/stream").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        given().header("Authorization", TestTokens.access("survey-deliverer").claim("employee_id", employee).bearer())
                .get("/v1/employees/" + employee + "/stream").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        given().header("Authorization", TestTokens.access("frontline").bearer()).get("/v1/employees/me/stream").then()
                .statusCode(403).contentType(startsWith("application/problem+json"));
        given().header("Authorization",
                TestTokens.access("frontline").claim("employee_id", employee).expired().bearer())
                .get("/v1/employees/me/stream").then().statusCode(401);
        given().header("Authorization", StreamFixture.bearer(employee)).header("Last-Event-ID", "-1")
                .get("/v1/employees/me/stream").then().statusCode(400)
                .body("violations[0].field", equalTo("Last-Event-ID"));
        given().header("Authorization", StreamFixture.bearer(employee)).queryParam("after", "x")
                .get("/v1/employees/me/stream").then().statusCode(400).body("violations[0].field", equalTo("after"));
    }

    @Test
    void aHeartbeatKeepsAnIdleStreamAlive() throws Throwable {
        String employee = StreamFixture.employee("heartbeat");
        try (SseClient client = fixture.open(employee, Map.of())) {
            assertThat(client.next().name()).isEqualTo("ready");
            SseClient.Event beat = client.next();
            assertThat(beat.comment()).isEqualTo("heartbeat");
            // still open: what commits after the beat arrives
            fixture.append(employee);
            assertThat(client.nextEvent().id()).isEqualTo("1");
        }
    }
}
