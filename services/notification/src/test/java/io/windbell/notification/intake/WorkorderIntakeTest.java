package io.windbell.notification.intake;

import static io.windbell.notification.support.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.windbell.contracts.EventJson;
import io.windbell.contracts.Topics;
import io.windbell.contracts.workorder.Priority;
import io.windbell.contracts.workorder.WorkOrderAssigned;
import io.windbell.contracts.workorder.WorkOrderClosed;
import io.windbell.contracts.workorder.WorkOrderCreated;
import io.windbell.contracts.workorder.WorkOrderEscalated;
import io.windbell.contracts.workorder.WorkOrderSummary;
import io.windbell.messaging.consumer.DeadLetters;
import io.windbell.notification.delivery.Content;
import io.windbell.notification.digest.Digests;
import io.windbell.notification.renotify.Renotifier;
import io.windbell.notification.support.NotificationTestResource;
import io.windbell.notification.support.Orders;
import io.windbell.notification.support.Rows;
import io.windbell.testing.EventFeed;
import io.windbell.testing.TopicProbe;

/**
 * Work-order events on the real broker → inbox items and deliveries in the real database: who is told, in which
 * language, when an e-mail may go (quiet hours, the digest), the robots and webhooks, once whatever the redelivery; the
 * digest and the re-notification rounds with a fake now.
 */
@QuarkusTest
@QuarkusTestResource(NotificationTestResource.class)
class WorkorderIntakeTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static EventFeed feed;

    @Inject
    DataSource dataSource;

    @Inject
    Digests digests;

    @Inject
    Renotifier renotifier;

    Rows rows;

    @BeforeAll
    static void feed() {
        feed = new EventFeed("workorder");
    }

    @AfterAll
    static void close() {
        feed.close();
    }

    @BeforeEach
    void rows() {
        rows = new Rows(dataSource);
    }

    @Test
    void aCreatedOrderReachesItsAssigneesInboxAndMailboxInTheirLanguage() throws Exception {
        String employee = employee("created");
        String branch = branch();
        rows.staff(employee, branch, "created@bank.example");
        preference(employee, "en", null, false);
        WorkOrderSummary order = order(branch, employee, Priority.NORMAL);
        UUID eventId = feed.send(new WorkOrderCreated(order, "STD"));

        Map<String, Object> item = awaitInbox(employee, 1).getFirst();
        assertThat(item.get("source_event_id")).isEqualTo(eventId);
        assertThat(item.get("title")).isEqualTo("New work order for you: " + order.title());
        assertThat(item.get("priority")).isEqualTo("NORMAL");
        assertThat(item.get("critical")).isEqualTo(false);
        assertThat(item.get("link")).isEqualTo(order.link());
        assertThat(item.get("work_order_id")).isEqualTo(order.workOrderId());

        Map<String, Object> email = deliveries(eventId, "EMAIL").getFirst();
        assertThat(email.get("recipient")).isEqualTo(employee);
        assertThat(email.get("address")).isEqualTo("created@bank.example");
        assertThat(email.get("status")).isEqualTo("QUEUED");
        Content content = content(email);
        assertThat(content.locale()).isEqualTo("en");
        assertThat(content.subject()).isEqualTo("[Windbell] New work order for you: " + order.title());
        // the due time in the employee's zone (the bank's: they set none); Orders.DUE is 09:20Z
        assertThat(content.text()).contains("Due: 2025-11-19 17:20 (Asia/Shanghai)", order.link());
        assertThat(content.html()).contains("2025-11-19 17:20 (Asia/Shanghai)", "href=\"" + order.link() + "\"");
        assertThat(email.get("content").toString()).doesNotContain(Orders.CUSTOMER);
    }

    @Test
    void anUnassignedOrderReachesEveryKnownMemberOfItsBranch() {
        String branch = branch();
        String first = employee("queue-a");
        String second = employee("queue-b");
        rows.staff(first, branch, null);
        rows.staff(second, branch, null);
        rows.staff(employee("elsewhere"), branch(), null);
        WorkOrderSummary order = order(branch, null, Priority.NORMAL);
        UUID eventId = feed.send(new WorkOrderCreated(order, "STD"));

        for (String member : List.of(first, second)) {
            Map<String, Object> item = awaitInbox(member, 1).getFirst();
            assertThat(item.get("source_event_id")).isEqualTo(eventId);
            // the bank's language: they chose none
            assertThat(item.get("title")).isEqualTo("网点队列有新工单：" + order.title());
        }
        assertThat(rows.query("select employee_id from inbox_item where source_event_id = ?", eventId)).hasSize(2);
        // nobody has an address on file: no e-mail
        assertThat(deliveries(eventId, "EMAIL")).isEmpty();
    }

    @Test
    void anSlaBreachEscalationIsCriticalForItsTargetAndInformsTheAssignee() {
        String branch = branch();
        String assignee = employee("esc-assignee");
        String manager = employee("esc-manager");
        WorkOrderSummary order = Orders.escalated(order(branch, assignee, Priority.NORMAL), 1);
        UUID eventId = feed
                .send(new WorkOrderEscalated(order, WorkOrderEscalated.Reason.SLA_BREACHED, manager, Instant.now()));

        Map<String, Object> target = awaitInbox(manager, 1).getFirst();
        assertThat(target.get("critical")).isEqualTo(true);
        assertThat(target.get("title")).isEqualTo("工单已升级至您：" + order.title());
        Map<String, Object> informed = awaitInbox(assignee, 1).getFirst();
        assertThat(informed.get("critical")).isEqualTo(false);
        assertThat(informed.get("source_event_id")).isEqualTo(eventId);
    }

    @Test
    void theSameRecordTwiceMakesOneInboxItemAndOneDelivery() {
        String branch = branch();
        String employee = employee("twice");
        rows.staff(employee, branch, "twice@bank.example");
        WorkOrderSummary order = order(branch, employee, Priority.NORMAL);
        UUID eventId = UUID.randomUUID();
        WorkOrderCreated created = new WorkOrderCreated(order, "STD");
        feed.send(eventId, created);
        feed.send(eventId, created);
        // a later event of the same order (same partition): once it is in, both copies were consumed
        String next = employee("twice-next");
        feed.send(new WorkOrderAssigned(withAssignee(order, next), employee, null, null, Instant.now()));
        awaitInbox(next, 1);

        assertThat(rows.query("select seq from inbox_item where employee_id = ?", employee)).hasSize(1);
        assertThat(rows.query("select id from delivery where source_event_id = ?", eventId)).hasSize(1);
    }

    @Test
    void quietHoursDeferAnEmailToTheirEndButNotACriticalOne() {
        String branch = branch();
        String employee = employee("quiet");
        rows.staff(employee, branch, "quiet@bank.example");
        ZonedDateTime now = ZonedDateTime.now(SHANGHAI).truncatedTo(ChronoUnit.MINUTES);
        LocalTime start = now.minusHours(1).toLocalTime();
        LocalTime end = now.plusHours(1).toLocalTime();
        preference(employee, "zh-CN", new LocalTime[] { start, end }, false);

        UUID normal = feed.send(new WorkOrderCreated(order(branch, employee, Priority.NORMAL), "STD"));
        Map<String, Object> deferred = awaitDelivery(normal, "EMAIL");
        Instant created = instant(deferred.get("created_at"));
        assertThat(instant(deferred.get("next_attempt_at"))).isEqualTo(nextOccurrence(end, created));

        WorkOrderSummary urgent = Orders.escalated(order(branch, employee("quiet-assignee"), Priority.NORMAL), 1);
        UUID critical = feed.send(
                new WorkOrderEscalated(urgent, WorkOrderEscalated.Reason.CUSTOMER_COMPLAINT, employee, Instant.now()));
        Map<String, Object> immediate = awaitDelivery(critical, "EMAIL");
        assertThat(immediate.get("critical")).isEqualTo(true);
        // not deferred: the worker sends it now, within quiet hours (its claim moves next_attempt_at on by the lease,
        // so the row's next_attempt_at is not what to read: the worker may have claimed it before this query)
        await().atMost(WAIT).until(() -> status(immediate), "SENT"::equals);
        Instant sentAt = instant(
                rows.query("select sent_at from delivery where id = ?", immediate.get("id")).getFirst().get("sent_at"));
        assertThat(sentAt).isBefore(nextOccurrence(end, instant(immediate.get("created_at"))));
    }

    @Test
    void aLowItemIsHeldForTheDigestWhichSendsItOnce() throws Throwable {
        String branch = branch();
        String employee = employee("digest");
        rows.staff(employee, branch, "digest@bank.example");
        preference(employee, "en", null, true);
        WorkOrderSummary order = order(branch, employee, Priority.NORMAL);
        UUID closed = feed
                .send(new WorkOrderClosed(order, WorkOrderClosed.Reason.CONFIRMED, Instant.now(), null, null));
        Map<String, Object> held = awaitDelivery(closed, "EMAIL");
        assertThat(held.get("status")).isEqualTo("HELD");

        // the employee's digest time (17:30 in Shanghai) next after the item was held, and a minute later the round
        Instant digestTime = nextOccurrence(LocalTime.of(17, 30), instant(held.get("created_at")));
        Instant round = digestTime.plus(Duration.ofMinutes(1));
        assertThat(VertxContextSupport.subscribeAndAwait(() -> digests.run(digestTime.minusSeconds(60)))).isFalse();
        assertThat(status(held)).as("before the digest time").isEqualTo("HELD");

        VertxContextSupport.subscribeAndAwait(() -> digests.run(round));
        assertThat(status(held)).isEqualTo("DIGESTED");
        String date = round.atZone(SHANGHAI).toLocalDate().toString();
        UUID digestId = UUID.nameUUIDFromBytes(("digest:" + employee + ":" + date).getBytes(StandardCharsets.UTF_8));
        Map<String, Object> digest = deliveries(digestId, "EMAIL").getFirst();
        assertThat(digest.get("status")).isEqualTo("QUEUED");
        assertThat(digest.get("address")).isEqualTo("digest@bank.example");
        Content content = content(digest);
        assertThat(content.subject()).isEqualTo("[Windbell] Your digest of " + date + ": 1 notification(s)");
        assertThat(content.text()).contains("- [Windbell] Work order closed: " + order.title());

        VertxContextSupport.subscribeAndAwait(() -> digests.run(round.plusSeconds(60)));
        assertThat(rows.query("select id from delivery where recipient = ? and channel = 'EMAIL'", employee))
                .as("the held e-mail and one digest").hasSize(2);
    }

    @Test
    void robotsAndWebhooksOfTheBranchHearOfTheEventWithoutTheCustomer() {
        String branch = branch();
        UUID robot = endpoint("WECOM_ROBOT", branch);
        UUID webhook = endpoint("WEBHOOK", branch);
        endpoint("WECOM_ROBOT", branch());
        WorkOrderSummary order = order(branch, employee("robot"), Priority.HIGH);
        UUID eventId = feed.send(new WorkOrderCreated(order, "STD"));

        Map<String, Object> wecom = awaitDelivery(eventId, "WECOM");
        assertThat(wecom.get("recipient")).isEqualTo(robot.toString());
        assertThat(content(wecom).markdown()).contains("### 新工单", "> " + order.title(), "优先级：高",
                "[查看工单](" + order.link() + ")");
        Map<String, Object> hook = awaitDelivery(eventId, "WEBHOOK");
        assertThat(hook.get("recipient")).isEqualTo(webhook.toString());
        JsonNode body = content(hook).json();
        assertThat(body.get("id").asText()).isEqualTo(eventId.toString());
        assertThat(body.get("type").asText()).isEqualTo("workorder.created");
        assertThat(body.get("time").asText()).isEqualTo(order.createdAt().toString());
        assertThat(body.get("workOrder").get("id").asText()).isEqualTo(order.workOrderId().toString());
        assertThat(body.get("workOrder").get("priority").asText()).isEqualTo("HIGH");
        assertThat(body.get("workOrder").get("slaDueAt").asText()).isEqualTo(Orders.DUE.toString());
        assertThat(body.get("workOrder").fieldNames()).toIterable().containsExactly("id", "type", "title", "priority",
                "status", "branchId", "assigneeEmployeeId", "escalationLevel", "slaDueAt", "link");
        assertThat(rows.query("select content from delivery where source_event_id = ?", eventId)).hasSize(2)
                .allSatisfy(row -> assertThat(row.get("content").toString()).doesNotContain(Orders.CUSTOMER));
    }

    @Test
    void anUnacknowledgedCriticalItemIsRenotifiedOnceByEmailOrElseByTheRobots() throws Throwable {
        String branch = branch();
        UUID robot = endpoint("WECOM_ROBOT", branch);
        String noAddress = employee("renotify-robot");
        String laterAddress = employee("renotify-mail");
        WorkOrderSummary order = Orders.escalated(order(branch, null, Priority.URGENT), 1);
        UUID first = feed
                .send(new WorkOrderEscalated(order, WorkOrderEscalated.Reason.MANUAL, noAddress, Instant.now()));
        UUID second = feed.send(
                new WorkOrderEscalated(order, WorkOrderEscalated.Reason.SLA_BREACHED, laterAddress, Instant.now()));
        Instant created = instant(awaitInbox(noAddress, 1).getFirst().get("created_at"));
        awaitInbox(laterAddress, 1);
        // the address becomes known after the item was added: the second channel is e-mail
        rows.staff(laterAddress, branch, "later@bank.example");
        preference(laterAddress, "en", null, false);

        VertxContextSupport.subscribeAndAwait(() -> renotifier.run(created.plus(Duration.ofMinutes(9))));
        assertThat(rows.query(
                "select renotified_at from inbox_item where employee_id = ? and renotified_at is not null", noAddress))
                        .as("not yet").isEmpty();

        Instant later = Instant.now().plus(Duration.ofMinutes(11));
        VertxContextSupport.subscribeAndAwait(() -> renotifier.run(later));
        UUID reminder = UUID
                .nameUUIDFromBytes(("reminder:" + first + ":" + noAddress).getBytes(StandardCharsets.UTF_8));
        Map<String, Object> wecom = deliveries(reminder, "WECOM").getFirst();
        assertThat(wecom.get("recipient")).isEqualTo(robot.toString());
        assertThat(wecom.get("critical")).isEqualTo(true);
        assertThat(content(wecom).markdown()).contains("员工 " + noAddress, "[查看工单](" + order.link() + ")");

        Map<String, Object> email = deliveries(second, "EMAIL").getFirst();
        assertThat(email.get("address")).isEqualTo("later@bank.example");
        assertThat(email.get("critical")).isEqualTo(true);
        assertThat(content(email).subject()).startsWith("[Windbell] [critical] Still not acknowledged: 工单已升级至您：");

        VertxContextSupport.subscribeAndAwait(() -> renotifier.run(later.plus(Duration.ofMinutes(30))));
        assertThat(rows.query("select id from delivery where source_event_id in (?, ?, ?)", first, second, reminder))
                .as("the robot's announcements of both events, one reminder, one e-mail").hasSize(4);
        assertThat(rows.query("select id from inbox_item where employee_id in (?, ?) and renotified_at is not null",
                noAddress, laterAddress)).hasSize(2);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheChannelGoesOn() {
        String deadLetters = Topics.deadLetter(Topics.WORKORDER_EVENTS, "notification");
        String key = UUID.randomUUID().toString();
        try (TopicProbe probe = TopicProbe.on(deadLetters)) {
            feed.sendRaw(Topics.WORKORDER_EVENTS, key, "{not json".getBytes(StandardCharsets.UTF_8));
            ConsumerRecord<String, byte[]> letter = probe.await(r -> key.equals(r.key()), 1, WAIT).getFirst();
            assertThat(new String(letter.headers().lastHeader(DeadLetters.CONSUMER).value(), StandardCharsets.UTF_8))
                    .isEqualTo("notification");
        }
        String employee = employee("after-poison");
        feed.send(new WorkOrderCreated(order(branch(), employee, Priority.NORMAL), "STD"));
        awaitInbox(employee, 1);
    }

    private static WorkOrderSummary withAssignee(WorkOrderSummary o, String assignee) {
        return new WorkOrderSummary(o.workOrderId(), o.customerId(), o.branchId(), assignee, o.origin(), o.title(),
                o.priority(), o.status(), o.escalationLevel(), o.createdAt(), o.updatedAt(), o.slaDueAt(),
                o.revision() + 1, o.sourceAlertId(), o.sourceResponseId(), o.journeyInstanceId(), o.type(),
                o.regionId(), o.link());
    }

    private List<Map<String, Object>> awaitInbox(String employee, int count) {
        return await().atMost(WAIT).until(
                () -> rows.query("select * from inbox_item where employee_id = ? order by seq", employee),
                list -> list.size() >= count);
    }

    private Map<String, Object> awaitDelivery(UUID eventId, String channel) {
        return await().atMost(WAIT).until(() -> deliveries(eventId, channel), list -> !list.isEmpty()).getFirst();
    }

    private List<Map<String, Object>> deliveries(UUID eventId, String channel) {
        return rows.query("select * from delivery where source_event_id = ? and channel = ?", eventId, channel);
    }

    private String status(Map<String, Object> delivery) {
        return (String) rows.query("select status from delivery where id = ?", delivery.get("id")).getFirst()
                .get("status");
    }

    private void preference(String employee, String locale, LocalTime[] quiet, boolean digest) {
        rows.update(
                "insert into preference (employee_id, locale, quiet_start, quiet_end, time_zone,"
                        + " digest_low_priority, updated_at, version) values (?, ?, ?, ?, ?, ?, now(), 1)",
                employee, locale, quiet == null ? null : quiet[0], quiet == null ? null : quiet[1],
                quiet == null ? null : SHANGHAI.getId(), digest);
    }

    private UUID endpoint(String kind, String branch) {
        UUID id = UUID.randomUUID();
        rows.update(
                "insert into endpoint (id, kind, name, branch_id, url, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, now(), now())",
                id, kind, kind + " of " + branch, branch, "http://127.0.0.1:9/" + id);
        return id;
    }

    private static Content content(Map<String, Object> delivery) {
        try {
            return EventJson.mapper().readValue(delivery.get("content").toString(), Content.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first instant at {@code time} in Shanghai strictly after {@code after}. */
    private static Instant nextOccurrence(LocalTime time, Instant after) {
        ZonedDateTime local = after.atZone(SHANGHAI);
        ZonedDateTime candidate = local.toLocalDate().atTime(time).atZone(SHANGHAI);
        return (candidate.toInstant().isAfter(after) ? candidate : candidate.plusDays(1)).toInstant();
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant()
                : ((java.time.OffsetDateTime) value).toInstant();
    }

    private static String employee(String test) {
        return "E-" + test + "-" + UUID.randomUUID();
    }

    private static String branch() {
        return "B-" + UUID.randomUUID();
    }
}
