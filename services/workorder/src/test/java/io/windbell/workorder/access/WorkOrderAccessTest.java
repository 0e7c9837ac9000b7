package io.windbell.workorder.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.specification.RequestSpecification;
import io.windbell.testing.TestTokens;
import io.windbell.workorder.support.Commands;
import io.windbell.workorder.support.Orders;
import io.windbell.workorder.support.Staff;
import io.windbell.workorder.support.WorkorderTestResource;

/**
 * The access rule: its two forms (one order, a SQL filter) agree on a table of orders and callers; frontline staff see
 * their own orders and their branch queue's; another scope's order is a 404 on the detail and on every command; CX
 * analysts read statistics only. Branches AB1–AB3 and employees AE1–AE3 belong to this test alone.
 */
@QuarkusTest
@QuarkusTestResource(WorkorderTestResource.class)
class WorkOrderAccessTest {

    /** The table of orders, by name: branch, region, queue, assignee. */
    static final Map<String, String[]> ROWS = new LinkedHashMap<>();
    static final Map<String, UUID> IDS = new LinkedHashMap<>();

    static {
        ROWS.put("ab1-queue", new String[] { "AB1", "AR1", "branch:AB1", null });
        ROWS.put("ab1-ae1", new String[] { "AB1", "AR1", "branch:AB1", "AE1" });
        ROWS.put("ab1-ae2", new String[] { "AB1", "AR1", "branch:AB1", "AE2" });
        ROWS.put("ab2-queue", new String[] { "AB2", "AR1", "branch:AB2", null });
        ROWS.put("ab2-ae1", new String[] { "AB2", "AR1", "branch:AB2", "AE1" });
        ROWS.put("ab3-region-queue", new String[] { "AB3", "AR2", "region:AR2", null });
        ROWS.put("ab3-central", new String[] { "AB3", "AR2", "central", null });
        ROWS.put("ab1-region-queue", new String[] { "AB1", "AR1", "region:AR1", null });
    }

    static final List<Viewer> VIEWERS = List.of(new Viewer(Viewer.Kind.FRONTLINE, "AE1", "AB1", null, "AE1"),
            new Viewer(Viewer.Kind.FRONTLINE, "AE2", "AB1", null, "AE2"),
            new Viewer(Viewer.Kind.FRONTLINE, "AE3", "AB2", null, "AE3"),
            new Viewer(Viewer.Kind.BRANCH, "AM1", "AB1", "AR1", "AM1"),
            new Viewer(Viewer.Kind.BRANCH, "AM2", "AB2", "AR1", "AM2"),
            new Viewer(Viewer.Kind.REGION, "AR1M", null, "AR1", "AR1M"),
            new Viewer(Viewer.Kind.REGION, "AR2M", null, "AR2", "AR2M"),
            new Viewer(Viewer.Kind.ALL, null, null, null, "admin"));

    @BeforeAll
    static void seed() {
        if (!IDS.isEmpty()) {
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ROWS.forEach((name, row) -> IDS.put(name,
                Orders.insert(row[0], row[1], row[2], row[3], row[3] == null ? "OPEN" : "ASSIGNED", now)));
    }

    @Test
    void thePredicateAndTheSqlFilterAgreeOnEveryCase() throws Throwable {
        int cases = 0;
        for (Viewer viewer : VIEWERS) {
            Set<UUID> bySql = bySql(viewer);
            for (var row : ROWS.entrySet()) {
                String[] r = row.getValue();
                boolean predicate = viewer.sees(r[0], r[1], r[2], r[3]);
                assertThat(bySql.contains(IDS.get(row.getKey()))).as(viewer + " on " + row.getKey())
                        .isEqualTo(predicate);
                cases++;
            }
        }
        assertThat(cases).isEqualTo(64);
    }

    @Test
    void theRuleMatchesTheBriefByHand() {
        assertThat(visibleTo(VIEWERS.get(0))).as("frontline AE1 of AB1: own (any branch) and AB1's queue")
                .containsExactlyInAnyOrder("ab1-queue", "ab1-ae1", "ab2-ae1");
        assertThat(visibleTo(VIEWERS.get(3))).as("branch manager of AB1").containsExactlyInAnyOrder("ab1-queue",
                "ab1-ae1", "ab1-ae2", "ab1-region-queue");
        assertThat(visibleTo(VIEWERS.get(5))).as("regional manager of AR1").containsExactlyInAnyOrder("ab1-queue",
                "ab1-ae1", "ab1-ae2", "ab2-queue", "ab2-ae1", "ab1-region-queue");
        assertThat(visibleTo(VIEWERS.get(7))).as("cx-admin").hasSize(ROWS.size());
    }

    @Test
    void aFrontlineEmployeeListsTheirOwnAndTheirBranchQueueOnly() {
        List<String> ids = Staff.frontline("AE1", "AB1", "AR1").queryParam("limit", "200").get("/v1/workorders").then()
                .statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(ids).contains(id("ab1-queue"), id("ab1-ae1"), id("ab2-ae1")).doesNotContain(id("ab1-ae2"),
                id("ab2-queue"), id("ab3-region-queue"), id("ab3-central"), id("ab1-region-queue"));
    }

    @Test
    void aFilterOutsideTheScopeFindsNothing() {
        Staff.branchManager("AM1", "AB1", "AR1").queryParam("branchId", "AB2").get("/v1/workorders").then()
                .statusCode(200).body("items.size()", org.hamcrest.Matchers.is(0));
        Staff.regionalManager("AR1M", "AR1").queryParam("regionId", "AR2").get("/v1/workorders").then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.is(0));
    }

    @Test
    void aRegionalManagerSeesTheirRegion() {
        List<String> ids = Staff.regionalManager("AR1M", "AR1").queryParam("limit", "200").queryParam("regionId", "AR1")
                .get("/v1/workorders").then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(ids).contains(id("ab1-queue"), id("ab2-queue"), id("ab2-ae1")).doesNotContain(id("ab3-central"));
        Staff.regionalManager("AR1M", "AR1").get("/v1/workorders/" + id("ab3-central")).then().statusCode(404);
    }

    @Test
    void anotherBranchsOrderIsA404OnTheDetailAndOnEveryCommand() {
        String foreign = id("ab2-queue");
        Staff.frontline("AE1", "AB1", "AR1").get("/v1/workorders/" + foreign).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        for (var command : Commands.VALID.entrySet()) {
            assertThat(send(Staff.branchManager("AM1", "AB1", "AR1"), foreign, command.getKey(), command.getValue()))
                    .as("branch manager of AB1: " + command.getKey()).isEqualTo(404);
            int expected = Commands.FRONTLINE.contains(command.getKey()) ? 404 : 403;
            assertThat(send(Staff.frontline("AE1", "AB1", "AR1"), foreign, command.getKey(), command.getValue()))
                    .as("frontline of AB1: " + command.getKey()).isEqualTo(expected);
        }
    }

    @Test
    void analystsReadStatisticsOnly() {
        Staff.analyst().get("/v1/workorders").then().statusCode(403);
        Staff.analyst().get("/v1/workorders/" + id("ab1-queue")).then().statusCode(403);
        Staff.analyst().get("/v1/workorders/export").then().statusCode(403);
        Staff.analyst().queryParam("branchId", "AB1").get("/v1/workorders/stats").then().statusCode(200)
                .body("[0].total", org.hamcrest.Matchers.greaterThanOrEqualTo(4));
    }

    @Test
    void otherRolesAndTokensWithoutTheirClaimAreRefused() {
        Staff.as(TestTokens.access("channel-app")).get("/v1/workorders").then().statusCode(403);
        Staff.as(TestTokens.access("frontline").claim("branch_id", "AB1")).get("/v1/workorders").then().statusCode(403);
        Staff.as(TestTokens.access("branch-manager")).get("/v1/workorders/stats").then().statusCode(403);
    }

    private static int send(RequestSpecification caller, String order, String command, String body) {
        RequestSpecification request = caller.header("If-Match", "\"0\"");
        if (body != null) {
            request = request.contentType("application/json").body(body);
        }
        return request.post("/v1/workorders/" + order + "/" + command).statusCode();
    }

    private static Set<String> visibleTo(Viewer viewer) {
        return ROWS.entrySet().stream().filter(e -> {
            String[] r = e.getValue();
            return viewer.sees(r[0], r[1], r[2], r[3]);
        }).map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private static String id(String name) {
        return IDS.get(name).toString();
    }

    /** The ids of the table the SQL form lets {@code viewer} see. */
    private static Set<UUID> bySql(Viewer viewer) throws Throwable {
        Viewer.Condition condition = viewer.filter("w");
        StringBuilder sql = new StringBuilder("select w.id from work_order w where w.id in (");
        List<Object> parameters = new java.util.ArrayList<>(IDS.values());
        sql.append(IDS.values().stream().map(x -> "?").collect(Collectors.joining(", "))).append(") and ")
                .append(condition.sql());
        parameters.addAll(condition.parameters());
        String numbered = number(sql.toString());
        List<UUID> ids = VertxContextSupport
                .subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession().chain(session -> {
                    var query = session.createNativeQuery(numbered, UUID.class);
                    for (int i = 0; i < parameters.size(); i++) {
                        query.setParameter(i + 1, parameters.get(i));
                    }
                    return query.getResultList();
                })));
        return Set.copyOf(ids);
    }

    private static String number(String sql) {
        StringBuilder out = new StringBuilder();
        int index = 0;
        for (char c : sql.toCharArray()) {
            out.append(c);
            if (c == '?') {
                out.append(++index);
            }
        }
        return out.toString();
    }
}
