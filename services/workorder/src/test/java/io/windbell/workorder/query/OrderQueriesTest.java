package io.windbell.workorder.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.windbell.workorder.order.WorkOrder;
import io.windbell.workorder.support.Orders;
import io.windbell.workorder.support.Staff;
import io.windbell.workorder.support.WorkorderTestResource;

/**
 * Lists, detail, statistics and export over orders seeded with SQL at known times (branches QB1–QB3, QBIG, region
 * QR1/QR2 belong to this test alone). The statistics are checked against numbers worked out by hand below.
 */
@QuarkusTest
@QuarkusTestResource(WorkorderTestResource.class)
class OrderQueriesTest {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final ZoneId BANK = ZoneId.of("Asia/Shanghai");
    static UUID a;
    static UUID b;
    static UUID c;
    static UUID d;
    static UUID e;
    static UUID f;
    static UUID task;

    /**
     * QB1: A open 1h old (first response due in 1h); B in progress 10h old (responded after 1h of 2h); C resolved, 2
     * days old (responded after 3h of 2h, breached; resolved after 20h of 24h; recovered); D closed, 5 days old
     * (responded at its 2h due time; resolved after 30h of 24h, breached; not recovered); E waiting for the customer, 5
     * days old (responded after 4h, no SLA). QB2 (same region): F assigned a day ago, first response 2h overdue.
     */
    @BeforeAll
    static void seed() {
        if (a != null) {
            return;
        }
        a = order("QB1", "QR1", "branch:QB1", null, "OPEN", hours(-1));
        set(a, "first_response_due_at = created_at + interval '2 hours'");
        b = order("QB1", "QR1", "branch:QB1", "QE1", "IN_PROGRESS", hours(-10));
        set(b, "first_responded_at = created_at + interval '1 hour', first_response_due_at = created_at + interval "
                + "'2 hours', resolution_due_at = created_at + interval '24 hours'");
        c = order("QB1", "QR1", "branch:QB1", "QE1", "RESOLVED", hours(-48));
        set(c, "first_responded_at = created_at + interval '3 hours', first_response_due_at = created_at + interval "
                + "'2 hours', first_response_breached = true, resolved_at = created_at + interval '20 hours', "
                + "resolution_due_at = created_at + interval '24 hours', recovered = true");
        d = order("QB1", "QR1", "branch:QB1", "QE2", "CLOSED", hours(-120));
        set(d, "first_responded_at = created_at + interval '2 hours', first_response_due_at = created_at + interval "
                + "'2 hours', resolved_at = created_at + interval '30 hours', resolution_due_at = created_at + "
                + "interval '24 hours', resolution_breached = true, recovered = false");
        e = order("QB1", "QR1", "branch:QB1", "QE2", "PENDING_CUSTOMER", hours(-121));
        set(e, "first_responded_at = created_at + interval '4 hours'");
        f = order("QB2", "QR1", "branch:QB2", "QE3", "ASSIGNED", hours(-24));
        set(f, "first_response_due_at = created_at + interval '2 hours'");
        task = order("QB3", "QR2", "central", null, "OPEN", hours(-200));
        set(task, "type = 'SPECIAL_TASK', customer_id = null");
        set(c, "special_task_id = '" + task + "'");
        Orders.sql(
                "insert into work_order_signal (source_id, work_order_id, kind, at, detail) values (?1, ?2, "
                        + "'LOW_SCORE', ?3, cast(cast(?4 as text) as jsonb))",
                UUID.randomUUID(), b, hours(-10), "{\"score\":2}");
        set(b, "context = cast('{\"journeyCode\":\"WEALTH_PURCHASE\",\"channels\":[\"APP\",\"BRANCH\"]}' as jsonb)");
        // more rows than one export may hold
        Orders.sql("insert into work_order (id, type, origin, status, priority, title, branch_id, region_id, queue, "
                + "created_at, updated_at) select gen_random_uuid(), 'RECOVERY', 'MANUAL', 'CLOSED', 'LOW', 'bulk', "
                + "'QBIG', 'QR9', 'branch:QBIG', ?1, ?1 from generate_series(1, 10001)", hours(-300));
    }

    @Test
    void theStatisticsMatchTheNumbersWorkedOutByHand() {
        JsonPath all = Staff.branchManager("QM1", "QB1", "QR1").get("/v1/workorders/stats").then().statusCode(200)
                .extract().jsonPath();
        assertThat(all.getList("$")).hasSize(1);
        assertThat(all.getInt("[0].total")).isEqualTo(5);
        assertThat(all.getMap("[0].byStatus")).containsEntry("OPEN", 1).containsEntry("ASSIGNED", 0)
                .containsEntry("IN_PROGRESS", 1).containsEntry("PENDING_CUSTOMER", 1).containsEntry("RESOLVED", 1)
                .containsEntry("CLOSED", 1);
        // first response due for B, C, D (A's is still ahead, E has none); met by B and D
        assertThat(all.getMap("[0].firstResponse")).containsEntry("due", 3).containsEntry("met", 2);
        assertThat(all.getDouble("[0].firstResponse.rate")).isCloseTo(2.0 / 3,
                org.assertj.core.data.Offset.offset(1e-6));
        // resolution due for C and D (B's is ahead); met by C
        assertThat(all.getMap("[0].resolution")).containsEntry("due", 2).containsEntry("met", 1);
        // open: A 1h, B 10h, E 5 days
        assertThat(all.getMap("[0].backlog"))
                .isEqualTo(Map.of("under4h", 1, "from4hTo24h", 1, "from1dTo3d", 0, "over3d", 1));
        // first responses after 1h, 3h, 2h, 4h: mean 2.5h = 9000s; p90 at 0.9 x 3 = 2.7 between 3h and 4h: 13320s
        assertThat(all.getInt("[0].timeToFirstResponse.n")).isEqualTo(4);
        assertThat(all.getDouble("[0].timeToFirstResponse.meanSeconds")).isEqualTo(9000.0);
        assertThat(all.getDouble("[0].timeToFirstResponse.p90Seconds")).isEqualTo(13320.0);
        // resolved after 20h and 30h: mean 90000s; p90 at 0.9 between them: 72000 + 0.9 x 36000 = 104400s
        assertThat(all.getDouble("[0].timeToResolve.meanSeconds")).isEqualTo(90000.0);
        assertThat(all.getDouble("[0].timeToResolve.p90Seconds")).isEqualTo(104400.0);
        // follow-ups answered for C (recovered) and D (not)
        assertThat(all.getMap("[0].recovery")).containsEntry("n", 2).containsEntry("hits", 1);
    }

    @Test
    void statisticsGroupByEmployeeAndStayInTheCallersScope() {
        JsonPath byEmployee = Staff.branchManager("QM1", "QB1", "QR1").queryParam("groupBy", "employee")
                .get("/v1/workorders/stats").then().statusCode(200).extract().jsonPath();
        assertThat(byEmployee.getList("group")).containsExactly("QE1", "QE2", null);
        assertThat(byEmployee.getList("total", Integer.class)).containsExactly(2, 2, 1);
        assertThat(byEmployee.getInt("[0].recovery.hits")).isEqualTo(1);

        List<String> branches = Staff.analyst().queryParam("regionId", "QR1").queryParam("groupBy", "branch")
                .get("/v1/workorders/stats").then().statusCode(200).extract().jsonPath().getList("group");
        assertThat(branches).containsExactly("QB1", "QB2");
        List<String> mine = Staff.branchManager("QM1", "QB1", "QR1").queryParam("regionId", "QR1")
                .queryParam("groupBy", "branch").get("/v1/workorders/stats").then().statusCode(200).extract().jsonPath()
                .getList("group");
        assertThat(mine).containsExactly("QB1");
        Staff.branchManager("QM1", "QB1", "QR1").queryParam("groupBy", "weekday").get("/v1/workorders/stats").then()
                .statusCode(400).body("violations.field", hasItem("groupBy"));
    }

    @Test
    void filtersNarrowTheList() {
        assertThat(ids(Map.of("branchId", "QB1"), "status", "OPEN", "PENDING_CUSTOMER")).containsExactly(str(a),
                str(e));
        assertThat(ids(Map.of("regionId", "QR1", "overdue", "true"))).containsExactly(str(f));
        assertThat(ids(Map.of("branchId", "QB1", "assignee", "QE2"))).containsExactly(str(d), str(e));
        String lastIncluded = LocalDate.ofInstant(NOW.minus(Duration.ofDays(3)), BANK).toString();
        assertThat(ids(Map.of("branchId", "QB1", "createdTo", lastIncluded))).containsExactly(str(d), str(e));
        assertThat(ids(Map.of("branchId", "QB1", "createdFrom", lastIncluded, "createdTo", lastIncluded))).isEmpty();
        Staff.admin().queryParam("status", "NEW_ISH").queryParam("createdFrom", "2026-02-30")
                .queryParam("queue", "nowhere").get("/v1/workorders").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("violations.field", org.hamcrest.Matchers.hasItems("status", "createdFrom", "queue"));
    }

    @Test
    void pagesFollowTheCursorWithoutGapsOrRepeats() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = Staff.admin().queryParam("branchId", "QB1").queryParam("limit", "2");
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/v1/workorders").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly(str(a), str(b), str(c), str(d), str(e));
        assertThat(ids(Map.of("branchId", "QB1", "sort", "createdAt"))).containsExactly(str(e), str(d), str(c), str(b),
                str(a));
    }

    @Test
    void theDetailShowsContextSignalsHistoryAndLinkedOrdersWithinTheScope() {
        WorkOrder opened = Orders.queued("QB4", "QR4", "C-query-detail-1");
        Staff.branchManager("QM4", "QB4", "QR4").get("/v1/workorders/" + opened.id).then().statusCode(200)
                .header("ETag", "\"" + opened.version + "\"").body("history[0].action", is("CREATED"))
                .body("history[1].action", is("ROUTED")).body("order.customerId", is("C-query-detail-1"));
        Staff.branchManager("QM1", "QB1", "QR1").get("/v1/workorders/" + b).then().statusCode(200)
                .body("order.context.channels", org.hamcrest.Matchers.contains("APP", "BRANCH"))
                .body("signals.size()", is(1)).body("signals[0].kind", is("LOW_SCORE"))
                .body("signals[0].detail.score", is(2));
        Staff.admin().get("/v1/workorders/" + task).then().statusCode(200).body("linkedCases.id",
                org.hamcrest.Matchers.contains(str(c)));
        Staff.admin().get("/v1/workorders/" + c).then().statusCode(200).body("specialTask.id", is(str(task)));
        // the special task belongs to QB3: QB1's manager sees the case, not the task
        Staff.branchManager("QM1", "QB1", "QR1").get("/v1/workorders/" + c).then().statusCode(200).body("specialTask",
                nullValue());
        Staff.branchManager("QM1", "QB1", "QR1").get("/v1/workorders/" + task).then().statusCode(404).body("type",
                endsWith("/not-found"));
        Staff.admin().get("/v1/workorders/" + UUID.randomUUID()).then().statusCode(404);
        Staff.admin().get("/v1/workorders/not-a-uuid").then().statusCode(400).body("violations.field", hasItem("id"));
    }

    @Test
    void theExportIsTheScopedListAsCsvAndRefusesTooManyRows() {
        String csv = Staff.branchManager("QM1", "QB1", "QR1").queryParam("branchId", "QB1").get("/v1/workorders/export")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(6);
        assertThat(lines[0]).startsWith("id,type,origin,status");
        assertThat(lines[1]).startsWith(str(a) + ",RECOVERY,MANUAL,OPEN");
        assertThat(csv).contains("C-" + a).doesNotContain(str(f));
        Staff.admin().queryParam("branchId", "QBIG").get("/v1/workorders/export").then().statusCode(400).body("type",
                endsWith("/export-too-large"));
    }

    private static List<String> ids(Map<String, String> filters, String repeated, String... values) {
        var request = Staff.admin().queryParam("limit", "200");
        for (var filter : filters.entrySet()) {
            request = request.queryParam(filter.getKey(), filter.getValue());
        }
        if (repeated != null) {
            request = request.queryParam(repeated, (Object[]) values);
        }
        return request.get("/v1/workorders").then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    private static List<String> ids(Map<String, String> filters) {
        return ids(filters, null);
    }

    private static UUID order(String branch, String region, String queue, String assignee, String status,
            Instant created) {
        return Orders.insert(branch, region, queue, assignee, status, created);
    }

    private static void set(UUID id, String assignments) {
        Orders.sql("update work_order set " + assignments + " where id = ?1", id);
    }

    private static Instant hours(int hours) {
        return NOW.plus(Duration.ofHours(hours));
    }

    private static String str(UUID id) {
        return id.toString();
    }
}
