package io.windbell.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.windbell.contracts.workorder.Priority;
import io.windbell.contracts.workorder.WorkOrderCreated;
import io.windbell.contracts.workorder.WorkOrderSummary;
import io.windbell.notification.stream.SseClient;
import io.windbell.notification.support.GreenMailResource;
import io.windbell.notification.support.NotificationTestResource;
import io.windbell.notification.support.Orders;
import io.windbell.testing.EventFeed;
import io.windbell.testing.TestTokens;

/**
 * The whole staff path on the real broker, database and SMTP server: a {@code workorder.created} record reaches the
 * assignee's open SSE stream and, through the delivery worker, their mailbox in their own language (English for one who
 * chose it, Chinese for one who did not); the same record delivered again notifies nobody twice.
 */
@QuarkusTest
@QuarkusTestResource(NotificationTestResource.class)
@QuarkusTestResource(value = GreenMailResource.class, restrictToAnnotatedClass = true)
class WorkOrderToStaffTest {

    private static EventFeed feed;

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void feed() {
        feed = new EventFeed("workorder");
    }

    @AfterAll
    static void close() {
        feed.close();
    }

    @Test
    void aNewOrderReachesTheAssigneesStreamAndMailboxInTheirLanguageOnce() throws Exception {
        String english = "E-e2e-en-" + UUID.randomUUID();
        String chinese = "E-e2e-zh-" + UUID.randomUUID();
        String englishMail = english.toLowerCase() + "@bank.example";
        String chineseMail = chinese.toLowerCase() + "@bank.example";
        // the service learns who they are (and their addresses) from their tokens; one of them prefers English
        given().header("Authorization", bearer(chinese, chineseMail)).get("/v1/employees/me/preferences").then()
                .statusCode(200);
        given().header("Authorization", bearer(english, englishMail)).header("If-Match", "\"0\"")
                .contentType("application/json").body(Map.of("locale", "en", "emailEnabled", true))
                .put("/v1/employees/me/preferences").then().statusCode(200);

        WorkOrderSummary forEnglish = Orders.order("B001", english, Priority.HIGH,
                "Customer left the loan application");
        WorkOrderSummary forChinese = Orders.order("B001", chinese, Priority.HIGH, "理财赎回失败后客户打出 2 分");
        try (SseClient stream = SseClient.open(URI.create(base + "v1/employees/me/stream"),
                Map.of("Authorization", bearer(english, englishMail)))) {
            assertThat(stream.nextEvent().name()).isEqualTo("ready");

            UUID eventId = UUID.randomUUID();
            WorkOrderCreated created = new WorkOrderCreated(forEnglish, "STD");
            feed.send(eventId, created);
            feed.send(new WorkOrderCreated(forChinese, "STD"));

            SseClient.Event pushed = stream.nextEvent();
            assertThat(pushed.name()).isEqualTo("inbox-item");
            JsonPath item = JsonPath.from(pushed.data());
            assertThat(item.getString("eventId")).isEqualTo(eventId.toString());
            assertThat(item.getString("workOrderId")).isEqualTo(forEnglish.workOrderId().toString());
            assertThat(item.getString("title")).contains("Customer left the loan application");

            MimeMessage englishLetter = awaitMail(englishMail);
            assertThat(englishLetter.getSubject()).contains("New work order for you")
                    .contains("Customer left the loan application");
            assertThat(text(englishLetter)).contains("Please call the customer back").contains(forEnglish.link())
                    .doesNotContain(Orders.CUSTOMER);
            MimeMessage chineseLetter = awaitMail(chineseMail);
            assertThat(chineseLetter.getSubject()).contains("您有新工单").contains("理财赎回失败后客户打出 2 分");
            assertThat(text(chineseLetter)).contains("请在截止时间前回访客户").doesNotContain(Orders.CUSTOMER);

            // the same record again, then a marker for the same employee: once the marker is in, the repeat was seen
            feed.send(eventId, created);
            UUID marker = feed.send(new WorkOrderCreated(Orders.order("B001", english, Priority.LOW, "marker"), "STD"));
            SseClient.Event next = stream.nextEvent();
            assertThat(JsonPath.from(next.data()).getString("eventId")).as("the repeat is not pushed again")
                    .isEqualTo(marker.toString());
            await().atMost(SseClient.GUARD).until(() -> mails(englishMail).size() == 2);
            assertThat(count("select count(*) from inbox_item where source_event_id = ?", eventId)).isEqualTo(1);
            assertThat(count("select count(*) from delivery where source_event_id = ? and channel = 'EMAIL'", eventId))
                    .isEqualTo(1);
            assertThat(mails(englishMail)).extracting(MimeMessage::getSubject).filteredOn(s -> s.contains("loan"))
                    .hasSize(1);
        }
    }

    private static String bearer(String employee, String email) {
        return TestTokens.access("frontline").claim("employee_id", employee).claim("branch_id", "B001")
                .claim("email", email).bearer();
    }

    private static MimeMessage awaitMail(String address) {
        await().atMost(SseClient.GUARD).until(() -> !mails(address).isEmpty());
        return mails(address).get(0);
    }

    private static List<MimeMessage> mails(String address) {
        return List.of(GreenMailResource.server().getReceivedMessages()).stream().filter(m -> {
            try {
                return List.of(m.getRecipients(Message.RecipientType.TO)).stream()
                        .anyMatch(a -> a.toString().contains(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String text(MimeMessage mail) throws Exception {
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).isMimeType("text/plain")) {
                return parts.getBodyPart(i).getContent().toString();
            }
        }
        throw new AssertionError("no text part");
    }

    private long count(String sql, UUID eventId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
