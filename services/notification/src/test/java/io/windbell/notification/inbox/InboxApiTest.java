package io.windbell.notification.inbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.windbell.notification.delivery.Channel;
import io.windbell.notification.delivery.Content;
import io.windbell.notification.delivery.Deliveries;
import io.windbell.notification.delivery.DeliveryRequest;
import io.windbell.notification.support.NotificationTestResource;
import io.windbell.testing.TestTokens;

/** The inbox API with real tokens: paging newest first, the unread filter and count, read, acknowledge, scoping. */
@QuarkusTest
@QuarkusTestResource(NotificationTestResource.class)
class InboxApiTest {

    @Inject
    Inbox inbox;

    @Inject
    Deliveries deliveries;

    @Inject
    DataSource dataSource;

    @Test
    void theInboxIsPagedNewestFirstAndFiltersUnread() throws Throwable {
        String employee = employee("paging");
        List<UUID> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(append(employee, i == 2));
        }

        JsonPath first = as(employee).queryParam("limit", 2).get("/v1/employees/me/inbox").then().statusCode(200)
                .extract().jsonPath();
        assertThat(first.getList("items.seq", Long.class)).containsExactly(5L, 4L);
        assertThat(first.getString("items[0].eventId")).isEqualTo(events.get(4).toString());
        JsonPath second = as(employee).queryParam("limit", 2).queryParam("cursor", first.getString("nextCursor"))
                .get("/v1/employees/" + employee + "/inbox").then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("items.seq", Long.class)).containsExactly(3L, 2L);
        JsonPath last = as(employee).queryParam("limit", 2).queryParam("cursor", second.getString("nextCursor"))
                .get("/v1/employees/me/inbox").then().statusCode(200).extract().jsonPath();
        assertThat(last.getList("items.seq", Long.class)).containsExactly(1L);
        assertThat(last.getString("nextCursor")).isNull();

        // every field of the view
        as(employee).get("/v1/employees/me/inbox").then().statusCode(200).body("items.size()", equalTo(5))
                .body("nextCursor", nullValue()).body("items[2].critical", equalTo(true))
                .body("items[2].eventType", equalTo("workorder.escalated")).body("items[2].branchId", equalTo("B001"))
                .body("items[2].title", equalTo("title 3")).body("items[2].body", equalTo("body"))
                .body("items[2].priority", equalTo("URGENT")).body("items[2].link", equalTo("https://console/wo/3"))
                .body("items[2].workOrderId", notNullValue()).body("items[2].id", notNullValue())
                .body("items[2].createdAt", notNullValue()).body("items[2].deliveredAt", nullValue())
                .body("items[2].readAt", nullValue()).body("items[2].acknowledgedAt", nullValue());

        String third = itemId(employee, 3);
        as(employee).post("/v1/employees/me/inbox/" + third + "/read").then().statusCode(200);
        as(employee).queryParam("unread", "true").get("/v1/employees/me/inbox").then().statusCode(200).body("items.seq",
                equalTo(List.of(5, 4, 2, 1)));
        as(employee).queryParam("unread", "false").get("/v1/employees/me/inbox").then().statusCode(200)
                .body("items.size()", equalTo(5));
        as(employee).get("/v1/employees/me/inbox/unread-count").then().statusCode(200).body("unread", equalTo(4));
    }

    @Test
    void readingIsIdempotentAndAcknowledgingStopsTheItemsDeliveries() throws Throwable {
        String employee = employee("ack");
        UUID eventId = append(employee, true);
        String item = itemId(employee, 1);
        enqueue(eventId, employee, Channel.EMAIL);
        enqueue(eventId, employee, Channel.WECOM);
        enqueue(eventId, "E-someone-else-" + UUID.randomUUID(), Channel.EMAIL);

        String readAt = as(employee).post("/v1/employees/me/inbox/" + item + "/read").then().statusCode(200)
                .body("readAt", notNullValue()).body("acknowledgedAt", nullValue()).extract().path("readAt");
        as(employee).post("/v1/employees/me/inbox/" + item + "/read").then().statusCode(200).body("readAt",
                equalTo(readAt));
        as(employee).get("/v1/employees/me/inbox/unread-count").then().body("unread", equalTo(0));

        String acknowledgedAt = as(employee).post("/v1/employees/" + employee + "/inbox/" + item + "/acknowledge")
                .then().statusCode(200).body("acknowledgedAt", notNullValue()).body("readAt", equalTo(readAt))
                .body("eventId", equalTo(eventId.toString())).extract().path("acknowledgedAt");
        as(employee).post("/v1/employees/me/inbox/" + item + "/acknowledge").then().statusCode(200)
                .body("acknowledgedAt", equalTo(acknowledgedAt));
        assertThat(statuses(eventId)).containsExactly("ACKNOWLEDGED", "ACKNOWLEDGED", "QUEUED");

        // acknowledging an unread item reads it too
        append(employee, false);
        as(employee).post("/v1/employees/me/inbox/" + itemId(employee, 2) + "/acknowledge").then().statusCode(200)
                .body("readAt", notNullValue()).body("acknowledgedAt", notNullValue());
    }

    @Test
    void anotherEmployeesInboxAndItemsDoNotExistForTheCaller() throws Throwable {
        String employee = employee("owner");
        String other = employee("intruder");
        append(employee, false);
        String item = itemId(employee, 1);
        for (String path : List.of("/v1/employees/" + employee + "/inbox",
                "/v1/employees/" + employee + "/inbox/unread-count")) {
            as(other).get(path).then().statusCode(404).contentType(startsWith("application/problem+json"));
        }
        for (String path : List.of("/v1/employees/me/inbox/" + item + "/read",
                "/v1/employees/me/inbox/" + item + "/acknowledge",
                "/v1/employees/" + employee + "/inbox/" + item + "/read",
                "/v1/employees/me/inbox/" + UUID.randomUUID() + "/acknowledge")) {
            as(other).post(path).then().statusCode(404).contentType(startsWith("application/problem+json"));
        }
        as(other).get("/v1/employees/me/inbox").then().statusCode(200).body("items.size()", equalTo(0));
        as(employee).get("/v1/employees/me/inbox/unread-count").then().body("unread", equalTo(1));
    }

    @Test
    void invalidParametersAreNamed() {
        String employee = employee("invalid");
        as(employee).queryParam("limit", 201).get("/v1/employees/me/inbox").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("violations[0].field", equalTo("limit"));
        as(employee).queryParam("unread", "yes").get("/v1/employees/me/inbox").then().statusCode(400)
                .body("violations[0].field", equalTo("unread"));
        as(employee).queryParam("cursor", "bm90LWEtc2Vx").get("/v1/employees/me/inbox").then().statusCode(400)
                .body("violations[0].field", equalTo("cursor"));
        as(employee).post("/v1/employees/me/inbox/not-a-uuid/read").then().statusCode(400).body("violations[0].field",
                equalTo("itemId"));
    }

    @Test
    @TestSecurity(user = "deliverer", roles = "survey-deliverer")
    void aServiceRoleHasNoInbox() {
        given().get("/v1/employees/me/inbox").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        given().post("/v1/employees/me/stream-tickets").then().statusCode(403);
    }

    @Test
    void aTokenWithoutEmployeeIsForbidden() {
        given().header("Authorization", TestTokens.access("frontline").bearer()).get("/v1/employees/me/inbox").then()
                .statusCode(403).contentType(startsWith("application/problem+json"));
    }

    private static String employee(String test) {
        return "E-inbox-" + test + "-" + UUID.randomUUID();
    }

    private static RequestSpecification as(String employee) {
        return given().header("Authorization",
                TestTokens.access("frontline").claim("employee_id", employee).claim("branch_id", "B001").bearer());
    }

    private UUID append(String employee, boolean critical) throws Throwable {
        UUID eventId = UUID.randomUUID();
        long n = count(employee) + 1;
        InboxEntry entry = new InboxEntry(eventId, critical ? "workorder.escalated" : "workorder.created",
                UUID.randomUUID(), "B001", "title " + n, "body", critical ? "URGENT" : "NORMAL", critical,
                "https://console/wo/" + n);
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> inbox.append(employee, entry)));
        return eventId;
    }

    private void enqueue(UUID eventId, String recipient, Channel channel) throws Throwable {
        // due in an hour, so the running delivery worker leaves them QUEUED while the test looks at them
        Content content = new Content("en", "subject", "text", null, null, null);
        DeliveryRequest request = new DeliveryRequest(eventId, "workorder.escalated", recipient, channel, null, "B001",
                true, content, Instant.now().plus(Duration.ofHours(1)), null, false);
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> deliveries.enqueue(request)));
    }

    private long count(String employee) throws Exception {
        return single("select count(*) from inbox_item where employee_id = ?", employee);
    }

    private String itemId(String employee, long seq) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c
                .prepareStatement("select id from inbox_item where employee_id = ? and seq = ?")) {
            s.setString(1, employee);
            s.setLong(2, seq);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private long single(String sql, String parameter) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The statuses of the event's deliveries, the employee's first (by channel), then others'. */
    private List<String> statuses(UUID eventId) throws Exception {
        List<String> statuses = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select status from delivery where source_event_id = ? order by recipient like 'E-someone%', channel")) {
            s.setObject(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    statuses.add(rs.getString(1));
                }
            }
        }
        return statuses;
    }
}
