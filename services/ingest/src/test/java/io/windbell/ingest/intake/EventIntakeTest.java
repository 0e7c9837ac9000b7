package io.windbell.ingest.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.windbell.contracts.EventType;
import io.windbell.contracts.Text;
import io.windbell.contracts.Topics;
import io.windbell.ingest.support.Events;
import io.windbell.ingest.support.IngestTestResource;
import io.windbell.testing.ContractAssertions;
import io.windbell.testing.TopicProbe;

@QuarkusTest
@QuarkusTestResource(value = IngestTestResource.class, restrictToAnnotatedClass = true)
class EventIntakeTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @TestSecurity(user = "service-account-channel-app", roles = "channel-app")
    void anAcceptedEventIsOnTheTopicKeyedByCustomerWithCloudEventsHeadersAndTraceContext() throws Exception {
        Events event = Events.valid();

        given().contentType(ContentType.JSON).body(event.build()).when().post("/v1/events").then().statusCode(202)
                .body("eventId", equalTo(event.eventId())).body("status", equalTo("ACCEPTED"));

        try (TopicProbe probe = TopicProbe.on(Topics.TOUCHPOINT_EVENTS)) {
            ConsumerRecord<String, byte[]> record = probe
                    .await(r -> event.customerId().equals(r.key()), 1, Duration.ofSeconds(15)).getFirst();
            Map<String, String> headers = headers(record);
            assertThat(headers).containsEntry("ce_specversion", "1.0").containsEntry("ce_id", event.eventId())
                    .containsEntry("ce_type", "touchpoint.recorded").containsEntry("ce_subject", event.customerId())
                    .containsEntry("content-type", "application/json").containsKey("ce_time")
                    .containsKey("traceparent");
            assertThat(headers.get("ce_dataschema")).isEqualTo(EventType.TOUCHPOINT_RECORDED.dataSchema());
            ContractAssertions.assertValid(EventType.TOUCHPOINT_RECORDED, record.value());
            JsonNode payload = JSON.readTree(record.value());
            assertThat(payload.get("occurredAt").asText()).as("the customer's offset is kept").endsWith("+08:00");
            assertThat(payload.get("eventId").asText()).isEqualTo(event.eventId());
            assertThat(payload.get("touchpoint").asText()).isEqualTo("wealth.risk_assessment");
            assertThat(payload.get("receivedAt").asText()).isNotBlank();
            assertThat(payload.get("attributes").get("os").asText()).isEqualTo("iOS");
        }
    }

    @Test
    @TestSecurity(user = "service-account-channel-app", roles = "channel-app")
    void anInvalidEventGets400WithFieldLevelReasonsAndIsQuarantined() {
        Events event = Events.valid().with("outcome", "MAYBE").with("touchpoint", "wealth.nope");

        String quarantineId = given().contentType(ContentType.JSON).body(event.build()).when().post("/v1/events").then()
                .statusCode(400).contentType("application/problem+json").body("status", equalTo(400))
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("outcome", "touchpoint"))
                .body("quarantineId", notNullValue()).extract().path("quarantineId");

        assertThat(QuarantineQueries.byId(quarantineId)).satisfies(q -> {
            assertThat(q.get("eventId")).isEqualTo(event.eventId());
            assertThat((String) q.get("payload")).contains("MAYBE");
            assertThat(q.get("clientId")).isEqualTo("service-account-channel-app");
        });
    }

    @Test
    @TestSecurity(user = "service-account-channel-app", roles = "channel-app")
    void aBatchReportsEachItemByIndexAndPublishesTheGoodOnes() {
        Events good1 = Events.valid();
        Events bad = Events.valid().with("occurredAt", "yesterday");
        Events good2 = Events.valid().with("channel", "BRANCH").with("branchId", "B001").with("employeeId", "E0001");

        given().contentType(ContentType.JSON).body(List.of(good1.build(), bad.build(), good2.build())).when()
                .post("/v1/events/batch").then().statusCode(207).body("accepted", equalTo(2))
                .body("rejected", equalTo(1)).body("items[0].status", equalTo("ACCEPTED"))
                .body("items[1].status", equalTo("REJECTED")).body("items[1].errors[0].field", equalTo("occurredAt"))
                .body("items[1].quarantineId", notNullValue()).body("items[2].index", equalTo(2));

        try (TopicProbe probe = TopicProbe.on(Topics.TOUCHPOINT_EVENTS)) {
            probe.await(r -> r.key().equals(good1.customerId()) || r.key().equals(good2.customerId()), 2,
                    Duration.ofSeconds(15));
            assertThat(probe.seen()).noneMatch(r -> r.key().equals(bad.customerId()));
        }
    }

    @Test
    @TestSecurity(user = "service-account-channel-app", roles = "channel-app")
    void allAcceptedBatchesAre202InEveryFormat() {
        given().contentType(ContentType.JSON).body(List.of(Events.valid().build(), Events.valid().build())).when()
                .post("/v1/events/batch").then().statusCode(202).body("accepted", equalTo(2));

        String ndjson = List.of(Events.valid().build(), Events.valid().build()).stream().map(EventIntakeTest::json)
                .collect(Collectors.joining("\n"));
        given().contentType("application/x-ndjson").body(ndjson.getBytes(StandardCharsets.UTF_8)).when()
                .post("/v1/events/batch").then().statusCode(202).body("accepted", equalTo(2));

        String ce = "[" + cloudEvent(Events.valid().without("eventId").build()) + ","
                + cloudEvent(Events.valid().without("eventId").build()) + "]";
        given().contentType("application/cloudevents-batch+json").body(ce).when().post("/v1/events/batch").then()
                .statusCode(202).body("items", hasSize(2));
    }

    @Test
    @TestSecurity(user = "service-account-channel-app", roles = "channel-app")
    void cloudEventsStructuredAndBinaryModes() {
        given().contentType("application/cloudevents+json").body(cloudEvent(Events.valid().without("eventId").build()))
                .when().post("/v1/events").then().statusCode(202);

        Map<String, Object> data = Events.valid().without("eventId").without("occurredAt").build();
        given().contentType(ContentType.JSON).header("ce-specversion", "1.0").header("ce-type", "touchpoint.recorded")
                .header("ce-id", java.util.UUID.randomUUID().toString()).header("ce-source", "/apps/ios")
                .header("ce-time", java.time.OffsetDateTime.now().minusSeconds(1).toString()).body(data).when()
                .post("/v1/events").then().statusCode(202);
    }

    @Test
    @TestSecurity(user = "service-account-channel-app", roles = "channel-app")
    void malformedJsonIs400ProblemAndTheBodyIsKept() {
        String quarantineId = given().contentType(ContentType.JSON).body("{\"eventId\": \"x\",").when()
                .post("/v1/events").then().statusCode(400).contentType("application/problem+json")
                .body("type", startsWith("https://windbell.io/problems/malformed-body"))
                .body("violations[0].field", equalTo("$")).extract().path("quarantineId");
        assertThat(QuarantineQueries.byId(quarantineId).get("payload")).isEqualTo("{\"eventId\": \"x\",");
    }

    @Test
    @TestSecurity(user = "service-account-channel-app", roles = "channel-app")
    void aNulInAFreeTextFieldIsRefusedAtItsPathAndKeptInsteadOfAcceptedAndLost() {
        Events event = Events.valid().with("sessionId", "sess\u0000ion");

        String quarantineId = given().contentType(ContentType.JSON).body(event.build()).when().post("/v1/events").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.contains("sessionId"))
                .body("violations.message", org.hamcrest.Matchers.contains(Text.RULE)).extract().path("quarantineId");

        Map<String, Object> kept = QuarantineQueries.byId(quarantineId);
        assertThat(kept.get("eventId")).isEqualTo(event.eventId());
        assertThat((String) kept.get("payload")).contains("\"sess\\u0000ion\"");
    }

    @Test
    @TestSecurity(user = "service-account-channel-app", roles = "channel-app")
    void aNulInACodeIsA400AndKeptNotA500() {
        Events event = Events.valid().with("touchpoint", "wealth.\u0000x");

        String quarantineId = given().contentType(ContentType.JSON).body(event.build()).when().post("/v1/events").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.contains("touchpoint")).extract().path("quarantineId");

        assertThat((String) QuarantineQueries.byId(quarantineId).get("reasons")).contains("touchpoint")
                .doesNotContain("\\u0000");
    }

    @Test
    @TestSecurity(user = "service-account-channel-app", roles = "channel-app")
    void aBodyOfAnyBytesIsKeptExactlyAsItCame() {
        String id = java.util.UUID.randomUUID().toString();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("{\"eventId\":\"" + id + "\",\"sessionId\":\"raw").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[] { 0x00, (byte) 0xC3, 0x28, (byte) 0xED, (byte) 0xA0, (byte) 0x80 });
        body.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));

        String quarantineId = given().contentType(ContentType.JSON).body(body.toByteArray()).when().post("/v1/events")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", startsWith("https://windbell.io/problems/malformed-body")).extract().path("quarantineId");

        assertThat((byte[]) QuarantineQueries.byId(quarantineId).get("bytes")).isEqualTo(body.toByteArray());
    }

    @Test
    @TestSecurity(user = "service-account-channel-app", roles = "channel-app")
    void aKeyTwiceIsRefusedByNameAndKeptInsteadOfTakingTheLast() {
        String body = "{\"eventId\":\"" + java.util.UUID.randomUUID()
                + "\",\"outcome\":\"SUCCESS\",\"outcome\":\"FAILURE\"}";

        String quarantineId = given().contentType(ContentType.JSON).body(body).when().post("/v1/events").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.contains("outcome")).extract().path("quarantineId");

        assertThat(QuarantineQueries.byId(quarantineId).get("payload")).isEqualTo(body);
    }

    @Test
    @TestSecurity(user = "service-account-channel-app", roles = "channel-app")
    void aBatchRefusesTheEventWithARefusedAttributeAndPublishesTheOthers() {
        Events good = Events.valid();
        Events bad = Events.valid().with("attributes", Map.of("device", Map.of("model", "x\uD800")));

        given().contentType(ContentType.JSON).body(List.of(good.build(), bad.build())).when().post("/v1/events/batch")
                .then().statusCode(207).body("items[0].status", equalTo("ACCEPTED"))
                .body("items[1].status", equalTo("REJECTED"))
                .body("items[1].errors.field", org.hamcrest.Matchers.contains("attributes.device.model"))
                .body("items[1].quarantineId", notNullValue());
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void theQuarantineShowsTextAsTextAndAnyOtherBytesAsBase64() {
        String client = "bytes-" + java.util.UUID.randomUUID();
        byte[] binary = { '{', '"', 'a', '"', ':', '"', 0x00, (byte) 0xFF, '"', '}' };
        QuarantineQueries.seedPayload(client, binary);
        String text = "{\"note\":\"理财 \\u0000 escaped is text\"}";
        QuarantineQueries.seedPayload(client + "-text", text.getBytes(StandardCharsets.UTF_8));

        given().queryParam("clientId", client).when().get("/v1/quarantine").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].payloadEncoding", equalTo("base64"))
                .body("items[0].payload", equalTo(java.util.Base64.getEncoder().encodeToString(binary)));
        given().queryParam("clientId", client + "-text").when().get("/v1/quarantine").then().statusCode(200)
                .body("items[0].payloadEncoding", equalTo("utf-8")).body("items[0].payload", equalTo(text));
    }

    @Test
    @TestSecurity(user = "service-account-channel-app", roles = "channel-app")
    void oversizeBatchesAre413ProblemAndKept() {
        List<Map<String, Object>> tooMany = java.util.stream.IntStream.range(0, 501)
                .mapToObj(i -> Events.valid().build()).toList();
        given().contentType(ContentType.JSON).body(tooMany).when().post("/v1/events/batch").then().statusCode(413)
                .contentType("application/problem+json").body("quarantineId", notNullValue());

        String huge = "{\"attributes\":\"" + "x".repeat(70_000) + "\"}";
        given().contentType(ContentType.JSON).body(huge).when().post("/v1/events").then().statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "service-account-channel-app", roles = "channel-app")
    void wrongMediaTypeIs415() {
        given().contentType("text/csv").body("a,b").when().post("/v1/events").then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void withoutATokenIs401() {
        given().contentType(ContentType.JSON).body(Events.valid().build()).when().post("/v1/events").then()
                .statusCode(401);
        given().when().get("/v1/quarantine").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void aTokenThatDoesNotVerifyIs401WithAProblem() {
        given().header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJub2JvZHkifQ.c2lnbmF0dXJl")
                .contentType(ContentType.JSON).body(Events.valid().build()).when().post("/v1/events").then()
                .statusCode(401).contentType("application/problem+json").body("status", is(401))
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void onlyChannelAppsMayPostEvents() {
        given().contentType(ContentType.JSON).body(Events.valid().build()).when().post("/v1/events").then()
                .statusCode(403);
        given().contentType(ContentType.JSON).body(List.of(Events.valid().build())).when().post("/v1/events/batch")
                .then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "service-account-channel-app", roles = "channel-app")
    void channelAppsCannotReadTheQuarantine() {
        given().when().get("/v1/quarantine").then().statusCode(403).contentType("application/problem+json")
                .body("instance", is("/v1/quarantine"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void quarantineIsPagedByCursorNewestFirst() {
        List<String> ids = QuarantineQueries.seedRejected(3);
        String first = given().queryParam("limit", 2).when().get("/v1/quarantine").then().statusCode(200)
                .body("items", hasSize(2)).body("nextCursor", notNullValue()).extract().path("nextCursor");
        List<String> firstPage = given().queryParam("limit", 2).when().get("/v1/quarantine").then().extract()
                .path("items.eventId");
        List<String> secondPage = given().queryParam("limit", 2).queryParam("cursor", first).when()
                .get("/v1/quarantine").then().statusCode(200).extract().path("items.eventId");
        assertThat(firstPage).containsExactly(ids.get(2), ids.get(1));
        assertThat(secondPage).first().isEqualTo(ids.get(0));

        given().queryParam("cursor", "garbage!").when().get("/v1/quarantine").then().statusCode(400)
                .body("violations.field", hasItem("cursor"));
    }

    @Test
    void theOpenApiDocumentIsServed() {
        // readiness: HealthTest (management interface)
        given().when().get("/q/openapi?format=json").then().statusCode(200).body("paths",
                org.hamcrest.Matchers.hasKey("/v1/events/batch"));
    }

    static String cloudEvent(Map<String, Object> data) {
        return json(Map.of("specversion", "1.0", "id", java.util.UUID.randomUUID().toString(), "source", "/apps/ios",
                "type", "touchpoint.recorded", "datacontenttype", "application/json", "data", data));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> map = new java.util.HashMap<>();
        for (Header h : record.headers()) {
            map.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
        }
        return map;
    }
}
