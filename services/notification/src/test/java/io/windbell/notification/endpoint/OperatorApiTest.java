package io.windbell.notification.endpoint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.windbell.notification.support.NotificationTestResource;

/**
 * The operator API: cx-admin only; endpoints with write-only secrets, field-by-field 400s and If-Match; the delivery
 * log with customers masked and the re-drive refused for a delivery that is not dead.
 */
@QuarkusTest
@QuarkusTestResource(NotificationTestResource.class)
class OperatorApiTest {

    private static final String SECRET = "s3cr3t-" + "x".repeat(40);

    @Inject
    DataSource dataSource;

    @Test
    @TestSecurity(user = "frontline.b001", roles = "frontline")
    @OidcSecurity(claims = { @Claim(key = "employee_id", value = "E0001"), @Claim(key = "branch_id", value = "B001") })
    void frontlineStaffAreRefusedEveryOperatorCall() {
        String id = UUID.randomUUID().toString();
        given().get("/v1/admin/deliveries").then().statusCode(403);
        given().get("/v1/admin/deliveries/" + id).then().statusCode(403);
        given().post("/v1/admin/deliveries/" + id + "/redrive").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{}").post("/v1/admin/deliveries/redrive").then().statusCode(403);
        given().get("/v1/admin/endpoints").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{}").post("/v1/admin/endpoints").then().statusCode(403);
        given().get("/v1/admin/endpoints/" + id).then().statusCode(403);
        given().header("If-Match", "\"1\"").delete("/v1/admin/endpoints/" + id).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void anEndpointKeepsItsSecretToItselfAndChangesWithIfMatch() throws Exception {
        Response created = given().contentType(ContentType.JSON)
                .body(Map.of("kind", "WEBHOOK", "name", "CRM hook", "branchId", "B001", "eventTypes",
                        java.util.List.of("workorder.created"), "url", "https://crm.example.com/hooks/windbell",
                        "secret", SECRET))
                .post("/v1/admin/endpoints");
        created.then().statusCode(201).header("ETag", "\"1\"").body("hasSecret", equalTo(true))
                .body("enabled", equalTo(true)).body(not(org.hamcrest.Matchers.containsString(SECRET)));
        String id = created.path("id");
        given().get("/v1/admin/endpoints/" + id).then().statusCode(200).body("secret", equalTo(null)).body("hasSecret",
                equalTo(true));
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select secret from endpoint where id = ?")) {
            s.setObject(1, UUID.fromString(id));
            try (java.sql.ResultSet rs = s.executeQuery()) {
                org.assertj.core.api.Assertions.assertThat(rs.next()).isTrue();
                org.assertj.core.api.Assertions.assertThat(rs.getString(1)).as("sealed at rest").startsWith("v1:")
                        .doesNotContain(SECRET);
            }
        }
        given().get("/v1/admin/endpoints?limit=200").then().statusCode(200).body("items.id", hasItems(id));

        Map<String, Object> change = Map.of("kind", "WEBHOOK", "name", "CRM hook (off)", "url",
                "https://crm.example.com/hooks/windbell", "enabled", false);
        given().contentType(ContentType.JSON).body(change).put("/v1/admin/endpoints/" + id).then().statusCode(428);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(change).put("/v1/admin/endpoints/" + id)
                .then().statusCode(200).header("ETag", "\"2\"").body("hasSecret", equalTo(true))
                .body("enabled", equalTo(false)).body("branchId", equalTo(null));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(change).put("/v1/admin/endpoints/" + id)
                .then().statusCode(409);
        given().header("If-Match", "\"1\"").delete("/v1/admin/endpoints/" + id).then().statusCode(409);
        given().header("If-Match", "\"2\"").delete("/v1/admin/endpoints/" + id).then().statusCode(204);
        given().get("/v1/admin/endpoints/" + id).then().statusCode(404);
        given().get("/v1/admin/endpoints/not-a-uuid").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void aRobotsKeyIsShownMaskedAndAMaskedUrlSentBackKeepsIt() throws Exception {
        String robot = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7c1d-4bc4-97a0-0ec2a1fa5aaa";
        String shown = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=****5aaa";
        Response created = given().contentType(ContentType.JSON)
                .body(Map.of("kind", "WECOM_ROBOT", "name", "B001 group", "branchId", "B001", "url", robot))
                .post("/v1/admin/endpoints");
        created.then().statusCode(201).body("url", equalTo(shown))
                .body(not(org.hamcrest.Matchers.containsString("0ec2a1fa5aaa")));
        String id = created.path("id");
        given().get("/v1/admin/endpoints/" + id).then().statusCode(200).body("url", equalTo(shown));

        // an operator who read the endpoint and sends it back changed keeps the robot's key
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("kind", "WECOM_ROBOT", "name", "B001 group (renamed)", "branchId", "B001", "url", shown))
                .put("/v1/admin/endpoints/" + id).then().statusCode(200).body("url", equalTo(shown));
        assertStoredUrl(id, robot);
        String rotated = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=11111111-2222-3333-4444-555566667777";
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .body(Map.of("kind", "WECOM_ROBOT", "name", "B001 group", "branchId", "B001", "url", rotated))
                .put("/v1/admin/endpoints/" + id).then().statusCode(200)
                .body("url", org.hamcrest.Matchers.endsWith("key=****7777"));
        assertStoredUrl(id, rotated);
    }

    private void assertStoredUrl(String id, String expected) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select url from endpoint where id = ?")) {
            s.setObject(1, UUID.fromString(id));
            try (java.sql.ResultSet rs = s.executeQuery()) {
                org.assertj.core.api.Assertions.assertThat(rs.next()).isTrue();
                org.assertj.core.api.Assertions.assertThat(rs.getString(1)).isEqualTo(expected);
            }
        }
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void anInvalidEndpointIsRefusedFieldByField() {
        given().contentType(ContentType.JSON)
                .body(Map.of("kind", "SLACK", "name", "", "branchId", "B 1", "url", "http://hooks.example.com/x"))
                .post("/v1/admin/endpoints").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("kind", "name", "branchId", "url"));
        given().contentType(ContentType.JSON)
                .body(Map.of("kind", "WEBHOOK", "name", "n", "url", "https://hooks.example.com/x", "secret", "short"))
                .post("/v1/admin/endpoints").then().statusCode(400).body("violations.field", hasItems("secret"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void theLogMasksCustomersAndOnlyDeadOrSkippedDeliveriesAreReDriven() throws Exception {
        String customer = "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        UUID sms = insert("SMS", customer, "DEAD");
        UUID delivered = insert("EMAIL", "E-api-" + UUID.randomUUID(), "DELIVERED");

        given().queryParam("recipient", customer).get("/v1/admin/deliveries").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].id", equalTo(sms.toString()))
                .body("items[0].recipient",
                        equalTo(customer.substring(0, 2) + "*".repeat(customer.length() - 4)
                                + customer.substring(customer.length() - 2)))
                .body(not(org.hamcrest.Matchers.containsString(customer)));
        given().post("/v1/admin/deliveries/" + delivered + "/redrive").then().statusCode(409)
                .contentType("application/problem+json");
        given().post("/v1/admin/deliveries/" + UUID.randomUUID() + "/redrive").then().statusCode(404);
        given().queryParam("status", "LOST").queryParam("limit", "0").get("/v1/admin/deliveries").then().statusCode(400)
                .body("violations.field", hasItems("status", "limit"));
        given().queryParam("cursor", "garbage").get("/v1/admin/deliveries").then().statusCode(400);
    }

    private UUID insert(String channel, String recipient, String status) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into delivery (id, source_event_id, event_type, recipient, channel, status, attempts,"
                        + " next_attempt_at, content, created_at, updated_at) values (?, ?, 'survey.invited', ?, ?,"
                        + " ?, 1, ?, '{}', ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            s.setObject(1, id);
            s.setObject(2, UUID.randomUUID());
            s.setString(3, recipient);
            s.setString(4, channel);
            s.setString(5, status);
            s.setTimestamp(6, now);
            s.setTimestamp(7, now);
            s.setTimestamp(8, now);
            s.executeUpdate();
        }
        return id;
    }
}
