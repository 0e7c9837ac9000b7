package io.windbell.workorder.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.windbell.contracts.CloudEvents;
import io.windbell.contracts.EventJson;
import io.windbell.contracts.EventType;
import io.windbell.contracts.Topics;
import io.windbell.testing.ContractAssertions;
import io.windbell.testing.TopicProbe;
import io.windbell.workorder.support.Orders;
import io.windbell.workorder.support.Staff;
import io.windbell.workorder.support.WorkorderTestResource;

/**
 * The commands over HTTP on real PostgreSQL and Kafka: a whole recovery with its events and history, the 409s (illegal
 * transition, stale If-Match, the loser of a race), 428 without If-Match, manual orders, reassignment, reopen and
 * cancel. Branches CB1/CB2 and employees CE1, CE2, CM1 belong to this test alone.
 */
@QuarkusTest
@QuarkusTestResource(WorkorderTestResource.class)
class OrderCommandsTest {

    private static final Duration EVENTS = Duration.ofSeconds(30);

    static RequestSpecification teller() {
        return Staff.frontline("CE1", "CB1", "CR1");
    }

    static RequestSpecification colleague() {
        return Staff.frontline("CE2", "CB1", "CR1");
    }

    static RequestSpecification manager() {
        return Staff.branchManager("CM1", "CB1", "CR1");
    }

    @Test
    void aWholeRecoveryEmitsItsEventsInOrderAndKeepsAFullHistory() throws Exception {
        try (TopicProbe probe = TopicProbe.on(Topics.WORKORDER_EVENTS)) {
            WorkOrder order = Orders.queued("CB1", "CR1", "C-cmd-full-1");
            String id = order.id.toString();
            long v = order.version;
            v = ok(send(teller(), id, "claim", null, v), "ASSIGNED");
            v = ok(send(teller(), id, "start", null, v), "IN_PROGRESS");
            v = ok(send(teller(), id, "contact-attempts",
                    "{\"channel\":\"PHONE\",\"result\":\"NO_ANSWER\",\"note\":\"voicemail\"}", v), "IN_PROGRESS");
            v = ok(send(teller(), id, "wait-for-customer", "{\"reason\":\"call back on Monday\"}", v),
                    "PENDING_CUSTOMER");
            v = ok(send(teller(), id, "resume", null, v), "IN_PROGRESS");
            v = ok(send(teller(), id, "resolve", "{\"outcome\":\"RECOVERED\",\"rootCause\":\"PROCESS\","
                    + "\"rootCauseCode\":\"KYC_REPEAT\",\"actionTaken\":\"fee refunded\"}", v), "RESOLVED");
            ok(send(manager(), id, "close", "{\"reason\":\"CONFIRMED\"}", v), "CLOSED");

            List<ConsumerRecord<String, byte[]>> records = probe
                    .await(r -> r.key().equals(id) && type(r).equals(EventType.WORKORDER_CLOSED.type()), 1, EVENTS);
            List<ConsumerRecord<String, byte[]>> mine = probe.seen().stream().filter(r -> r.key().equals(id)).toList();
            assertThat(records).hasSize(1);
            List<String> types = mine.stream().map(OrderCommandsTest::type).toList();
            assertThat(types.getFirst()).isEqualTo("workorder.created");
            assertThat(types.subList(types.size() - 3, types.size())).containsExactly("workorder.assigned",
                    "workorder.resolved", "workorder.closed");
            long revision = 0;
            for (ConsumerRecord<String, byte[]> record : mine) {
                ContractAssertions.assertValid(EventType.of(type(record)), record.value());
                long next = json(record).path("workOrder").path("revision").asLong();
                assertThat(next).as("revisions increase").isGreaterThan(revision);
                revision = next;
            }
            JsonNode resolved = json(mine.get(mine.size() - 2));
            assertThat(resolved.path("resolvedBy").asText()).isEqualTo("CE1");
            assertThat(resolved.path("outcome").asText()).isEqualTo("RECOVERED");
            assertThat(resolved.path("slaMet").asBoolean()).isTrue();
            assertThat(resolved.path("followUpRequested").asBoolean()).isTrue();
            assertThat(json(mine.getLast()).path("reason").asText()).isEqualTo("CONFIRMED");

            List<String> history = manager().get("/v1/workorders/" + id).then().statusCode(200).extract().jsonPath()
                    .getList("history.action");
            assertThat(history.subList(history.size() - 7, history.size())).containsExactly("ASSIGNED", "STARTED",
                    "CONTACT_ATTEMPT", "WAITING_FOR_CUSTOMER", "RESUMED", "RESOLVED", "CLOSED");
            manager().get("/v1/workorders/" + id).then().body("contactAttempts.size()", is(1))
                    .body("contactAttempts[0].channel", is("PHONE")).body("order.rootCause", is("PROCESS"));
        }
    }

    @Test
    void theFirstContactAttemptOnAnAssignedOrderStartsIt() {
        WorkOrder order = Orders.queued("CB1", "CR1", "C-cmd-contact-1");
        String id = order.id.toString();
        long v = ok(send(teller(), id, "claim", null, order.version), "ASSIGNED");
        send(teller(), id, "contact-attempts", "{\"channel\":\"WECHAT\",\"result\":\"REACHED\"}", v).then()
                .statusCode(200).body("status", is("IN_PROGRESS"))
                .body("firstRespondedAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void anIllegalTransitionIsA409Problem() {
        WorkOrder order = Orders.queued("CB1", "CR1", "C-cmd-illegal-1");
        String id = order.id.toString();
        long v = ok(send(teller(), id, "claim", null, order.version), "ASSIGNED");
        send(manager(), id, "close", "{}", v).then().statusCode(409).contentType(startsWith("application/problem+json"))
                .body("type", endsWith("/illegal-transition"));
        send(teller(), id, "resume", null, v).then().statusCode(409).body("type", endsWith("/illegal-transition"));
    }

    @Test
    void aStaleIfMatchIsA409AndAMissingOneA428() {
        WorkOrder order = Orders.queued("CB1", "CR1", "C-cmd-stale-1");
        String id = order.id.toString();
        long v = ok(send(teller(), id, "claim", null, order.version), "ASSIGNED");
        send(teller(), id, "start", null, v - 1).then().statusCode(409).body("type", endsWith("/stale-version"))
                .body("currentVersion", is((int) v));
        teller().post("/v1/workorders/" + id + "/start").then().statusCode(428)
                .contentType(startsWith("application/problem+json"));
        teller().header("If-Match", "\"abc\"").post("/v1/workorders/" + id + "/start").then().statusCode(400)
                .body("violations.field", hasItem("If-Match"));
        assertThat(Orders.find(order.id).status.name()).isEqualTo("ASSIGNED");
    }

    @Test
    void twoCommandsRacingOnOneVersionMakeOneWinnerAndOne409() throws Exception {
        for (int round = 0; round < 3; round++) {
            WorkOrder order = Orders.queued("CB1", "CR1", "C-cmd-race-" + round);
            String id = order.id.toString();
            long v = ok(send(teller(), id, "claim", null, order.version), "ASSIGNED");
            CountDownLatch gate = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (String text : List.of("first", "second")) {
                    Callable<Integer> call = () -> {
                        gate.await();
                        return send(teller(), id, "comments", "{\"text\":\"" + text + "\"}", v).statusCode();
                    };
                    answers.add(pool.submit(call));
                }
                gate.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get());
                }
                assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            } finally {
                pool.shutdownNow();
            }
            List<String> history = teller().get("/v1/workorders/" + id).then().statusCode(200).extract().jsonPath()
                    .getList("history.action");
            assertThat(history.stream().filter("COMMENTED"::equals)).as("no lost update, no double write").hasSize(1);
            assertThat(Orders.find(order.id).version).isEqualTo(v + 1);
        }
    }

    @Test
    void aReassignmentNamesThePreviousAssigneeAndTheFormerAssigneeNoLongerSeesTheOrder() throws Exception {
        try (TopicProbe probe = TopicProbe.on(Topics.WORKORDER_EVENTS)) {
            WorkOrder order = Orders.queued("CB1", "CR1", "C-cmd-reassign-1");
            String id = order.id.toString();
            long v = ok(send(teller(), id, "claim", null, order.version), "ASSIGNED");
            send(manager(), id, "assign", "{\"employeeId\":\"CE2\",\"reason\":\"CE1 on leave\"}", v).then()
                    .statusCode(200).body("assigneeEmployeeId", is("CE2"));
            JsonNode assigned = json(probe
                    .await(r -> r.key().equals(id) && type(r).equals("workorder.assigned")
                            && json(r).path("previousAssigneeEmployeeId").asText().equals("CE1"), 1, EVENTS)
                    .getFirst());
            assertThat(assigned.path("assignedBy").asText()).isEqualTo("CM1");
            assertThat(assigned.path("workOrder").path("assigneeEmployeeId").asText()).isEqualTo("CE2");
            teller().get("/v1/workorders/" + id).then().statusCode(404);
            colleague().get("/v1/workorders/" + id).then().statusCode(200);
        }
    }

    @Test
    void aFrontlineEmployeeWorksOnlyTheirOwnOrder() {
        WorkOrder order = Orders.queued("CB1", "CR1", "C-cmd-own-1");
        String id = order.id.toString();
        send(teller(), id, "start", null, order.version).then().statusCode(403);
        long v = ok(send(colleague(), id, "claim", null, order.version), "ASSIGNED");
        send(teller(), id, "start", null, v).then().statusCode(404);
        send(teller(), id, "close", "{}", v).then().statusCode(403);
    }

    @Test
    void reopenAndCancelEmitTheirEvents() throws Exception {
        try (TopicProbe probe = TopicProbe.on(Topics.WORKORDER_EVENTS)) {
            WorkOrder order = Orders.queued("CB1", "CR1", "C-cmd-reopen-1");
            String id = order.id.toString();
            long v = ok(send(teller(), id, "claim", null, order.version), "ASSIGNED");
            v = ok(send(teller(), id, "start", null, v), "IN_PROGRESS");
            v = ok(send(teller(), id, "resolve", "{\"outcome\":\"NOT_RECOVERED\",\"rootCause\":\"STAFF\"}", v),
                    "RESOLVED");
            send(manager(), id, "reopen", "{\"reason\":\"FOLLOW_UP_LOW_SCORE\"}", v).then().statusCode(400);
            send(manager(), id, "reopen", "{\"reason\":\"QUALITY_REVIEW\"}", v).then().statusCode(200)
                    .body("status", is("ASSIGNED")).body("assigneeEmployeeId", is("CE1"))
                    .body("outcome", org.hamcrest.Matchers.nullValue());
            JsonNode reopened = json(
                    probe.await(r -> r.key().equals(id) && type(r).equals("workorder.reopened"), 1, EVENTS).getFirst());
            assertThat(reopened.path("reason").asText()).isEqualTo("QUALITY_REVIEW");
            assertThat(reopened.path("reopenedBy").asText()).isEqualTo("CM1");

            WorkOrder duplicate = Orders.queued("CB1", "CR1", "C-cmd-cancel-1");
            String dup = duplicate.id.toString();
            send(manager(), dup, "cancel", "{\"reason\":\"CONFIRMED\"}", duplicate.version).then().statusCode(400);
            ok(send(manager(), dup, "cancel", "{\"reason\":\"DUPLICATE\"}", duplicate.version), "CLOSED");
            ConsumerRecord<String, byte[]> closed = probe
                    .await(r -> r.key().equals(dup) && type(r).equals("workorder.closed"), 1, EVENTS).getFirst();
            ContractAssertions.assertValid(EventType.WORKORDER_CLOSED, closed.value());
            assertThat(json(closed).path("reason").asText()).isEqualTo("DUPLICATE");
        }
    }

    @Test
    void anEscalationWithNobodyAboveIsA409() {
        // branch CB9 is in no directory: there is nobody to escalate to
        WorkOrder order = Orders.queued("CB9", "CR9", "C-cmd-escalate-1");
        Staff.admin().header("If-Match", "\"" + order.version + "\"").contentType("application/json")
                .body("{\"reason\":\"customer insists\"}").post("/v1/workorders/" + order.id + "/escalate").then()
                .statusCode(409).body("type", endsWith("/nobody-to-escalate-to"));
    }

    @Test
    void resolvingValidatesTheOutcomeFieldByField() {
        WorkOrder order = Orders.queued("CB1", "CR1", "C-cmd-validate-1");
        String id = order.id.toString();
        long v = ok(send(teller(), id, "claim", null, order.version), "ASSIGNED");
        send(teller(), id, "resolve", "{\"rootCause\":\"PROCESS\",\"actionTaken\":\"" + "x".repeat(2001) + "\"}", v)
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("violations.field", hasItem(endsWith("outcome")))
                .body("violations.field", hasItem(endsWith("actionTaken")));
        send(teller(), id, "resolve", "{\"outcome\":\"RECOVERED\",\"rootCause\":\"WEATHER\"}", v).then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void aManagerOpensAManualOrderInTheirBranchOnly() {
        String body = "{\"origin\":\"COMPLAINT\",\"customerId\":\"C-cmd-manual-1\",\"branchId\":\"CB1\","
                + "\"title\":\"Complaint at the counter\",\"priority\":\"HIGH\",\"journeyCode\":\"CARD_APPLY\"}";
        Response created = manager().contentType("application/json").body(body).post("/v1/workorders");
        created.then().statusCode(201).header("ETag", "\"" + created.jsonPath().getLong("version") + "\"")
                .header("Location", endsWith("/v1/workorders/" + created.jsonPath().getString("id")))
                .body("type", is("RECOVERY")).body("origin", is("COMPLAINT")).body("regionId", is("CR1"));
        manager().contentType("application/json").body(body).post("/v1/workorders").then().statusCode(409).body("type",
                endsWith("/open-recovery-exists"));
        Staff.branchManager("CM2", "CB2", "CR1").contentType("application/json").body(body).post("/v1/workorders")
                .then().statusCode(403);
        manager().contentType("application/json").body(body.replace("COMPLAINT", "LOW_SCORE_ALERT"))
                .post("/v1/workorders").then().statusCode(400).body("violations.field", hasItem("origin"));
        teller().contentType("application/json").body(body).post("/v1/workorders").then().statusCode(403);
    }

    static Response send(RequestSpecification caller, String id, String command, String body, long version) {
        RequestSpecification request = caller.header("If-Match", "\"" + version + "\"");
        if (body != null) {
            request = request.contentType("application/json").body(body);
        }
        return request.post("/v1/workorders/" + id + "/" + command);
    }

    /** Asserts a 200 in {@code status} with an ETag that is the body's version; returns it. */
    static long ok(Response response, String status) {
        response.then().statusCode(200).body("status", is(status));
        long version = response.jsonPath().getLong("version");
        assertThat(response.header("ETag")).isEqualTo("\"" + version + "\"");
        return version;
    }

    static String type(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader(CloudEvents.TYPE_HEADER).value(), StandardCharsets.UTF_8);
    }

    static JsonNode json(ConsumerRecord<String, byte[]> record) {
        try {
            return EventJson.mapper().readTree(record.value());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static UUID id(Response response) {
        return UUID.fromString(response.jsonPath().getString("id"));
    }
}
