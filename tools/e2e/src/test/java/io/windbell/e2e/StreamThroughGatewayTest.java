package io.windbell.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import io.windbell.e2e.suite.Api;
import io.windbell.e2e.suite.Suite;

/**
 * notification's push stream through the gateway: opened with a ticket (what a browser's EventSource does, no bearer
 * token), it passes unbuffered: the {@code ready} event arrives while the stream is still open, and so does an inbox
 * item pushed later (a work order claimed by the employee).
 */
class StreamThroughGatewayTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theStreamPassesThroughUnbuffered() throws Exception {
        String ticket = Api.as("frontline.b001").post("/api/notification/v1/employees/me/stream-tickets").then()
                .statusCode(201).extract().path("ticket");
        HttpRequest request = HttpRequest
                .newBuilder(URI.create(Suite.get().gatewayUrl() + "/api/notification/v1/employees/me/stream?ticket="
                        + URLEncoder.encode(ticket, StandardCharsets.UTF_8)))
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));

        List<String> lines = new CopyOnWriteArrayList<>();
        AtomicBoolean ended = new AtomicBoolean();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null;) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                // closed by the test at its end
            }
            ended.set(true);
        });
        try {
            // ready arrives while the stream stays open: nothing waits for the end of the answer
            await().atMost(Duration.ofSeconds(30)).until(() -> lines.contains("event: ready"));
            assertThat(ended).as("the stream ended").isFalse();
            assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("data:").contains("E0001"));

            // a live item: B001's manager opens an order, E0001 claims it, the assignment is pushed
            String customer = "CE2ESSE" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
            Response created = Api
                    .as("manager.b001").contentType("application/json").body(Map.of("origin", "MANUAL", "customerId",
                            customer, "branchId", "B001", "title", "E2E stream check", "priority", "NORMAL"))
                    .post("/api/workorder/v1/workorders");
            created.then().statusCode(201);
            String id = created.path("id");
            Api.as("frontline.b001").header("If-Match", created.header("ETag"))
                    .post("/api/workorder/v1/workorders/" + id + "/claim").then().statusCode(200);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> lines.stream().anyMatch(line -> line.startsWith("data:") && line.contains(id)));
            assertThat(lines).contains("event: inbox-item");
            assertThat(ended).as("the stream ended").isFalse();
        } finally {
            response.body().close();
            reader.interrupt();
        }
    }

    @Test
    void withoutTicketOrTokenTheStreamIsRefused() {
        Api.gateway().get("/api/notification/v1/employees/me/stream").then().statusCode(401);
        Api.gateway().get("/api/notification/v1/employees/me/stream?ticket=forged").then().statusCode(401);
    }
}
