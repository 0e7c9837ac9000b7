package io.windbell.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.windbell.e2e.suite.Api;
import io.windbell.e2e.suite.Bank;
import io.windbell.e2e.suite.Suite;

/**
 * notification's push stream through the gateway: opened with a ticket (what a browser's EventSource does, no bearer
 * token), it passes unbuffered: the {@code ready} event arrives while the stream is still open, and so does an inbox
 * item pushed later (a work order assigned to the employee). The same stream straight from notification is the
 * baseline.
 */
class StreamThroughGatewayTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theStreamPassesThroughTheGatewayUnbuffered() throws Exception {
        try (OpenStream stream = OpenStream.open(Suite.get().gatewayUrl() + "/api/notification", ticket())) {
            // ready arrives while the stream stays open: nothing waits for the end of the answer
            await().atMost(Duration.ofSeconds(30)).until(() -> stream.has("event", "ready"));
            assertThat(stream.ended).as("the stream ended").isFalse();
            assertThat(stream.lines).anySatisfy(line -> assertThat(line).startsWith("data:").contains("E0001"));

            // a live item: B001's manager opens an order for E0001, the notice is pushed
            String id = Bank.orderAssignedToE0001(Bank.newCustomer("B001"), "E2E stream check");
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> stream.lines.stream().anyMatch(line -> line.startsWith("data:") && line.contains(id)));
            assertThat(stream.has("event", "inbox-item")).isTrue();
            assertThat(stream.ended).as("the stream ended").isFalse();
        }
    }

    @Test
    void theSameStreamStraightFromNotificationSendsReadyAtOnce() throws Exception {
        try (OpenStream stream = OpenStream.open(Suite.get().service("notification").url(), ticket())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> stream.has("event", "ready"));
            assertThat(stream.ended).as("the stream ended").isFalse();
        }
    }

    @Test
    void withoutTicketOrTokenTheStreamIsRefused() {
        Api.gateway().get("/api/notification/v1/employees/me/stream").then().statusCode(401);
        Api.gateway().get("/api/notification/v1/employees/me/stream?ticket=forged").then().statusCode(401);
    }

    private static String ticket() {
        return Api.as("frontline.b001").post("/api/notification/v1/employees/me/stream-tickets").then().statusCode(201)
                .extract().path("ticket");
    }

    /** An open event stream whose lines a virtual thread collects as they arrive. */
    private static final class OpenStream implements AutoCloseable {

        final List<String> lines = new CopyOnWriteArrayList<>();
        final AtomicBoolean ended = new AtomicBoolean();
        private final InputStream body;
        private final Thread reader;

        private OpenStream(InputStream body) {
            this.body = body;
            this.reader = Thread.ofVirtual().start(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null;) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // closed by the test
                }
                ended.set(true);
            });
        }

        static OpenStream open(String base, String ticket) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest
                    .newBuilder(URI.create(base + "/v1/employees/me/stream?ticket="
                            + URLEncoder.encode(ticket, StandardCharsets.UTF_8)))
                    .header("Accept", "text/event-stream").GET().build();
            HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            return new OpenStream(response.body());
        }

        /** Whether a {@code field: value} line arrived ({@code field:value} too: the space is optional). */
        boolean has(String field, String value) {
            return lines.stream()
                    .anyMatch(line -> line.equals(field + ":" + value) || line.equals(field + ": " + value));
        }

        @Override
        public void close() throws IOException {
            body.close();
            reader.interrupt();
        }
    }
}
