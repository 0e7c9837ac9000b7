package io.windbell.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.windbell.testing.LogCapture;
import io.windbell.testing.RawHttp;
import io.windbell.testing.TestTokens;

/**
 * The gateway in front of real HTTP servers (StubUpstreams): routing, the token and role rule, the headers it owns,
 * rate and size limits, down and slow upstreams, streams, the OpenAPI index and readiness. Tokens are real RS256 JWTs
 * checked as Keycloak's are (TestTokens); the real Keycloak is tools/e2e's.
 */
@QuarkusTest
@QuarkusTestResource(value = StubUpstreams.class, restrictToAnnotatedClass = true)
class GatewayTest {

    private static final String PROBLEM = "application/problem+json";

    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;

    @BeforeEach
    void forget() {
        StubUpstreams.RECEIVED.clear();
    }

    private static StubUpstreams.Received lastReceived() {
        assertThat(StubUpstreams.RECEIVED).isNotEmpty();
        return StubUpstreams.RECEIVED.get(StubUpstreams.RECEIVED.size() - 1);
    }

    @Test
    void withoutATokenTheRouteAnswers401AndTheServiceSeesNothing() {
        given().when().get("/api/workorder/v1/work-orders").then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", containsString("Bearer")).header("X-Request-Id", notNullValue())
                .body("status", equalTo(401)).body("instance", equalTo("/api/workorder/v1/work-orders"));
        assertThat(StubUpstreams.RECEIVED).isEmpty();
    }

    @Test
    void aTokenThatIsNotWindbellsIsRefusedWith401() {
        for (TestTokens token : new TestTokens[] { TestTokens.access("cx-admin").expired(),
                TestTokens.access("cx-admin").signedByAStranger(), TestTokens.access("cx-admin").audience("account"),
                TestTokens.access("cx-admin").typ("ID") }) {
            given().header("Authorization", token.bearer()).when().get("/api/journey/v1/journeys").then()
                    .statusCode(401).contentType(PROBLEM);
        }
        given().header("Authorization", "Bearer not-a-jwt").when().get("/api/journey/v1/journeys").then()
                .statusCode(401);
        assertThat(StubUpstreams.RECEIVED).isEmpty();
    }

    @Test
    void aRoleTheRouteDoesNotAdmitGets403() {
        given().header("Authorization", TestTokens.access("frontline").bearer()).contentType("application/json")
                .body("{}").when().post("/api/ingest/v1/events").then().statusCode(403).contentType(PROBLEM)
                .body("detail", containsString("ingest"));
        given().header("Authorization", TestTokens.access("channel-app").bearer()).when()
                .get("/api/workorder/v1/work-orders").then().statusCode(403);
        assertThat(StubUpstreams.RECEIVED).isEmpty();
    }

    @Test
    void theRightRoleReachesTheServiceWithThePrefixStrippedAndTheTokenForwarded() {
        String bearer = TestTokens.access("channel-app").bearer();
        given().header("Authorization", bearer).header("X-Forwarded-For", "6.6.6.6")
                .header("X-Windbell-Employee", "E0001").header("X-Original-URL", "/v1/admin")
                .header("X-Request-Id", "channel-app-retry-0001").contentType("application/json").body("{\"a\":1}")
                .when().post("/api/ingest/v1/events?dryRun=true").then().statusCode(200)
                .header("X-Request-Id", "channel-app-retry-0001").body("uri", equalTo("/v1/events?dryRun=true"))
                .body("bytes", equalTo(7));
        StubUpstreams.Received received = lastReceived();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.headers()).containsEntry("Authorization", bearer)
                .containsEntry("X-Forwarded-For", "127.0.0.1").containsEntry("X-Forwarded-Prefix", "/api/ingest")
                .containsEntry("X-Request-Id", "channel-app-retry-0001").doesNotContainKey("X-Windbell-Employee")
                .doesNotContainKey("X-Original-URL");
    }

    @Test
    void requestsAreSharedRoundRobinBetweenARoutesInstances() {
        String bearer = TestTokens.access("channel-app").claim("azp", "round-robin-client").bearer();
        for (int i = 0; i < 4; i++) {
            given().header("Authorization", bearer).when().get("/api/ingest/v1/catalog/touchpoints").then()
                    .statusCode(200);
        }
        assertThat(StubUpstreams.RECEIVED.stream()
                .collect(java.util.stream.Collectors.groupingBy(StubUpstreams.Received::port,
                        java.util.stream.Collectors.counting()))
                .values()).as("two instances, two requests each").containsExactly(2L, 2L);
    }

    @Test
    void http2ClientsAreProxiedWithTheirBodiesAndNothingGoesWrongInside() throws Exception {
        String bearer = TestTokens.access("cx-admin").claim("azp", "h2-client").bearer();
        // Java's client asks for HTTP/2 (h2c upgrade) on the first request and speaks it after
        HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        try (LogCapture log = LogCapture.ofConsole()) {
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> get = h2.send(HttpRequest.newBuilder(gateway("/api/journey/v1/definitions"))
                        .header("Authorization", bearer).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(get.statusCode()).isEqualTo(200);
                HttpResponse<String> post = h2.send(
                        HttpRequest.newBuilder(gateway("/api/journey/v1/definitions")).header("Authorization", bearer)
                                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"x\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(post.statusCode()).isEqualTo(200);
                assertThat(post.body()).contains("\"bytes\":12");
            }
            assertThat(StubUpstreams.RECEIVED).filteredOn(r -> r.method().equals("POST"))
                    .extracting(StubUpstreams.Received::bodyBytes).containsOnly(12);
            assertThat(log.lines()).noneMatch(line -> line.contains("Content-Length") || line.contains("Exception"));
        }
    }

    @Test
    void aMalformedRequestIdIsReplacedAndTheServicesOwnIsNotEchoed() {
        Response response = given().header("Authorization", TestTokens.access("cx-admin").bearer())
                .header("X-Request-Id", "bad id\twith spaces").when().get("/api/scoring/v1/metrics");
        response.then().statusCode(200);
        String id = response.header("X-Request-Id");
        assertThat(id).matches("[0-9a-f-]{36}").isNotEqualTo("from-the-service");
        assertThat(lastReceived().headers()).containsEntry("X-Request-Id", id);
    }

    @Test
    void theTraceContextGoesUpstreamInTheSameTrace() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        given().header("Authorization", TestTokens.access("cx-admin").bearer())
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").when().get("/api/journey/v1/journeys")
                .then().statusCode(200);
        assertThat(lastReceived().headers().get("traceparent")).contains(traceId);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        given().when().get("/api/workorder/v1/work-orders").then().header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY").header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", containsString("default-src 'none'"));
        given().header("Authorization", TestTokens.access("cx-admin").bearer()).when().get("/api/journey/v1/x").then()
                .statusCode(200).header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void thePublicSurveyPagesAndTheOpenApiDocumentsNeedNoLogin() {
        given().when().get("/s/some-link-token").then().statusCode(200).body("uri", equalTo("/s/some-link-token"));
        given().when().get("/v1/s/some-link-token").then().statusCode(200).body("uri",
                equalTo("/v1/s/some-link-token"));
        given().when().get("/s-assets/survey.js").then().statusCode(200).body("uri", equalTo("/s-assets/survey.js"));
        given().when().get("/api/notification/q/openapi").then().statusCode(200).body("uri", equalTo("/q/openapi"));
        given().when().get("/api/notification/inbox").then().statusCode(200).body("uri", equalTo("/inbox"));
        given().when().get("/api/notification/v1/employees/me/stream?ticket=t").then().statusCode(200).body("uri",
                equalTo("/v1/employees/me/stream?ticket=t"));
        // the public path is exactly the stream: the inbox beside it still needs a login
        given().when().get("/api/notification/v1/employees/me/inbox").then().statusCode(401);
    }

    @Test
    void dotSegmentsCannotLeaveTheRouteOrReachAPublicPathsNeighbour() {
        given().urlEncodingEnabled(false).when().get("/api/notification/inbox/../v1/admin/deliveries").then()
                .statusCode(401);
        assertThat(StubUpstreams.RECEIVED).isEmpty();
    }

    @Test
    void hostileRequestTargetsGetA4xxNeverA5xxAndNeverReachAService() {
        int port = gateway("/").getPort();
        for (String target : new String[] { "/api/journey/v1/%zz", "/api/journey/v1/%00", "/api/journey/v1/%",
                "/api/journey/..%2f..%2fworkorder/v1/work-orders", "/api/journey/%2e%2e/workorder/v1/x",
                "/api/journey/v1/" + "a".repeat(9000), "/api/journey/v1/\u00ff" }) {
            String shown = target.length() > 80 ? target.substring(0, 80) : target;
            RawHttp.Answer anonymous = RawHttp.send(port, "GET", target, java.util.Map.of(), null);
            assertThat(anonymous.status()).as(shown).isBetween(400, 499);
            assertThat(StubUpstreams.RECEIVED).as(shown).isEmpty();
            // with a token the request may reach journey, but only journey, and never as a 5xx
            RawHttp.Answer admitted = RawHttp.send(port, "GET", target,
                    java.util.Map.of("Authorization", TestTokens.access("cx-admin").bearer()), null);
            assertThat(admitted.status()).as(shown).isLessThan(500);
            assertThat(StubUpstreams.RECEIVED).extracting(StubUpstreams.Received::uri).as(shown)
                    .noneMatch(uri -> uri.startsWith("/workorder") || uri.contains("/../"));
            StubUpstreams.RECEIVED.clear();
        }
    }

    @Test
    void aRouteSwitchedOffIsNotServed() {
        given().header("Authorization", TestTokens.access("cx-admin").bearer()).when().get("/api/off/v1/x").then()
                .statusCode(404);
        given().when().get("/api/openapi").then().body("services.name", org.hamcrest.Matchers.not(hasItems("off")));
    }

    @Test
    void theIndexListsEveryServicesDocumentThroughTheGateway() {
        given().when().get("/api/openapi").then().statusCode(200)
                .body("services.name", hasItems("ingest", "journey", "survey", "scoring", "workorder", "notification"))
                .body("services.find { it.name == 'workorder' }.url", equalTo("/api/workorder/q/openapi?format=json"))
                .body("services.name", org.hamcrest.Matchers.not(hasItems("down")))
                .body("services.name", org.hamcrest.Matchers.not(hasItems("survey-pages")));
    }

    @Test
    void aClientOverItsRateGets429WithRetryAfterAndIsLetInAgainLater() {
        String bearer = TestTokens.access("cx-admin").claim("azp", "rate-test-client").bearer();
        int refused = 0;
        String retryAfter = null;
        for (int i = 0; i < 6; i++) {
            Response response = given().header("Authorization", bearer).when().get("/api/tiny/v1/thing");
            if (response.statusCode() == 429) {
                refused++;
                retryAfter = response.header("Retry-After");
                assertThat(response.contentType()).startsWith(PROBLEM);
            } else {
                assertThat(response.statusCode()).isEqualTo(200);
            }
        }
        assertThat(refused).isGreaterThanOrEqualTo(2);
        assertThat(Long.parseLong(retryAfter)).isPositive();
        // another client of the same route has its own bucket
        given().header("Authorization", TestTokens.access("cx-admin").claim("azp", "another-client").bearer()).when()
                .get("/api/tiny/v1/thing").then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).untilAsserted(
                () -> given().header("Authorization", bearer).when().get("/api/tiny/v1/thing").then().statusCode(200));
    }

    @Test
    void aBodyOverTheRoutesLimitIs413WhetherDeclaredOrStreamed() throws Exception {
        String bearer = TestTokens.access("cx-admin").claim("azp", "size-test-client").bearer();
        given().header("Authorization", bearer).contentType("application/json").body("x".repeat(2048)).when()
                .post("/api/tiny/v1/thing").then().statusCode(413).contentType(PROBLEM)
                .body("limitBytes", equalTo(1024));
        assertThat(StubUpstreams.RECEIVED).isEmpty();

        // chunked, no Content-Length: counted as it passes
        String answer = chunkedPost("/api/tiny/v1/thing", bearer, "chunked", 4, 1024);
        assertThat(answer).as(answer + " " + StubUpstreams.RECEIVED).startsWith("HTTP/1.1 413").contains(PROBLEM);
    }

    @Test
    void aChunkedBodyWithinTheLimitArrivesWholeHoweverTheEncodingIsSpelt() throws Exception {
        String bearer = TestTokens.access("cx-admin").claim("azp", "chunk-test-client").bearer();
        for (String encoding : new String[] { "chunked", "Chunked" }) {
            StubUpstreams.RECEIVED.clear();
            String answer = chunkedPost("/api/tiny/v1/thing", bearer, encoding, 3, 200);
            assertThat(answer).startsWith("HTTP/1.1 200").contains("\"bytes\":600");
            assertThat(lastReceived().bodyBytes()).isEqualTo(600);
        }
    }

    @Test
    void anUpstreamThatIsDownGives502AndOneTooSlowGives504() {
        String admin = TestTokens.access("cx-admin").claim("azp", "down-test-client").bearer();
        given().header("Authorization", admin).when().get("/api/down/v1/anything").then().statusCode(502)
                .contentType(PROBLEM).body("detail", containsString("down"));
        given().header("Authorization", admin).when().get("/api/tiny/v1/slow").then().statusCode(504)
                .contentType(PROBLEM).body("detail", containsString("500 ms"));
    }

    @Test
    void repeatedFailuresOpenTheInstancesCircuitBreaker() {
        String admin = TestTokens.access("cx-admin").claim("azp", "breaker-test-client").bearer();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("Authorization", admin).when()
                .get("/api/down/v1/anything").then().statusCode(502).body("detail", containsString("circuit breaker")));
    }

    @Test
    void readinessIsDownWhileARoutesOnlyInstanceIsAndNamesIt() {
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> given().when().get(readiness).then().statusCode(503)
                        .body("checks.find { it.name == 'upstreams' }.data.down", equalTo("0/1 up"))
                        .body("checks.find { it.name == 'upstreams' }.data.ingest", equalTo("2/2 up"))
                        .body("checks.find { it.name == 'upstreams' }.data.off", org.hamcrest.Matchers.nullValue()));
    }

    @Test
    void eventStreamsPassThroughUnbufferedAndLeaveTheOrdinaryConnectionsFree() throws Exception {
        StubUpstreams.endStream = new CountDownLatch(1);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<BufferedReader> streams = new ArrayList<>();
        try {
            // more open streams than the instance has ordinary connections (pool-size 2 in this test)
            for (int i = 0; i < 3; i++) {
                HttpResponse<InputStream> response = client.send(
                        HttpRequest.newBuilder(gateway("/api/notification/v1/employees/me/stream?ticket=t&sse=1"))
                                .header("Accept", "text/event-stream").build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                assertThat(response.statusCode()).isEqualTo(200);
                BufferedReader lines = new BufferedReader(
                        new InputStreamReader(response.body(), StandardCharsets.UTF_8));
                streams.add(lines);
                assertThat(lines.readLine()).isEqualTo("event: ready");
            }
            // every first event arrived while the service still holds its stream open
            assertThat(StubUpstreams.STREAMS_OPEN.get()).isEqualTo(3);
            // bounded, so a starved pool fails the test instead of hanging it
            HttpResponse<String> ordinary = client
                    .send(HttpRequest.newBuilder(gateway("/api/notification/v1/admin/deliveries"))
                            .header("Authorization", TestTokens.access("cx-admin").bearer())
                            .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ordinary.statusCode()).isEqualTo(200);
            StubUpstreams.endStream.countDown();
            for (BufferedReader lines : streams) {
                String line;
                boolean bye = false;
                while ((line = lines.readLine()) != null) {
                    bye |= line.equals("event: bye");
                }
                assertThat(bye).isTrue();
            }
        } finally {
            StubUpstreams.endStream.countDown();
            for (BufferedReader lines : streams) {
                lines.close();
            }
        }
    }

    @Test
    void theAccessLogMasksCustomerIdsAndNeverShowsTheTokenOrQuery() {
        String bearer = TestTokens.access("cx-admin").bearer();
        try (LogCapture log = LogCapture.ofConsole()) {
            given().header("Authorization", bearer).when()
                    .get("/api/journey/v1/customers/C000123456/timeline?customerId=C000123456").then().statusCode(200);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> log.lines().stream().anyMatch(l -> l.contains("/v1/customers/C0******56/timeline")));
            assertThat(String.join("\n", log.lines())).doesNotContain("C000123456").doesNotContain(bearer.substring(7))
                    .contains("client:cx-admin-cli");
        }
    }

    private static URI gateway(String path) {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A POST with {@code Transfer-Encoding: chunked} and no length, written chunk by chunk on a raw socket. */
    private static String chunkedPost(String path, String bearer, String encoding, int count, int size)
            throws Exception {
        URI uri = gateway(path);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: " + bearer
                    + "\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: " + encoding + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            try {
                for (int i = 0; i < count; i++) {
                    out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(new byte[size]);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (java.io.IOException closedEarly) {
                // the gateway may answer and close before the last chunk: what it answered is what counts
            }
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
