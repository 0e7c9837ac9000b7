package io.windbell.e2e.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.response.Response;

/**
 * The demo bank's organisation in workorder's staff directory, as tools/stack/demo-staff.py loads it for the realm's
 * demo users (B001/B002 in R01, B006/B007 in R02, the head office HQ), imported once per suite by cx-admin through the
 * gateway; and work orders opened the way a branch manager opens them.
 */
public final class Bank {

    private static final String BRANCHES = "branchId,regionId,name,managerId\n" + "B001,R01,Demo branch 1,%s\n"
            + "B002,R01,Demo branch 2,%s\n" + "B006,R02,Demo branch 6,%s\n" + "B007,R02,Demo branch 7,%s\n"
            + "HQ,R00,Head office,\n";
    private static final String STAFF = """
            employeeId,name,branchId,regionId,role,managerId,calendar,skills,capacity,active
            E0201,Regional R01,B001,R01,REGIONAL_MANAGER,,,,3,true
            E0202,Regional R02,B006,R02,REGIONAL_MANAGER,,,,3,true
            E0101,Manager B001,B001,R01,BRANCH_MANAGER,E0201,,,5,true
            E0302,Manager B002,B002,R01,BRANCH_MANAGER,E0201,,,5,true
            E0306,Manager B006,B006,R02,BRANCH_MANAGER,E0202,,,5,true
            E0307,Manager B007,B007,R02,BRANCH_MANAGER,E0202,,,5,true
            E0001,Frontline B001,B001,R01,FRONTLINE,E0101,,,50,true
            E0002,Frontline B002,B002,R01,FRONTLINE,E0302,,,50,true
            E0053,Frontline B006,B006,R02,FRONTLINE,E0306,,,50,true
            E0063,Frontline B007,B007,R02,FRONTLINE,E0307,,,50,true
            """;
    private static boolean imported;

    private Bank() {
    }

    /** Imports the branches and staff (upserts: idempotent) once per suite. */
    public static synchronized void ensureDirectory() {
        if (imported) {
            return;
        }
        importCsv("/api/workorder/v1/branches/import", BRANCHES.formatted("", "", "", ""));
        importCsv("/api/workorder/v1/staff/import", STAFF);
        importCsv("/api/workorder/v1/branches/import", BRANCHES.formatted("E0101", "E0302", "E0306", "E0307"));
        imported = true;
    }

    private static void importCsv(String path, String csv) {
        Api.as("client:cx-admin-cli").contentType("text/csv").body(csv).post(path).then().statusCode(200);
    }

    /** A fresh customer id of the given branch, e.g. {@code CE2EB001x12345678}. */
    public static String newCustomer(String branch) {
        return "CE2E" + branch + "x" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }

    /**
     * A manual order for {@code customerId} opened by B001's manager and, unless routing gave it to E0001 already,
     * claimed by frontline.b001 (E0001): an order assigned to E0001 in B001's queue. Returns its id.
     */
    public static String orderAssignedToE0001(String customerId, String title) {
        ensureDirectory();
        Response created = Api
                .as("manager.b001").contentType("application/json").body(Map.of("origin", "MANUAL", "customerId",
                        customerId, "branchId", "B001", "regionId", "R01", "title", title, "priority", "HIGH"))
                .post("/api/workorder/v1/workorders");
        created.then().statusCode(201);
        String id = created.path("id");
        if (created.path("assigneeEmployeeId") == null) {
            Api.as("frontline.b001").header("If-Match", created.header("ETag"))
                    .post("/api/workorder/v1/workorders/" + id + "/claim").then().statusCode(200);
        }
        // the detail is {"order": {...}, "history": [...], ...}
        assertThat(Api.as("frontline.b001").get("/api/workorder/v1/workorders/" + id).then().statusCode(200).extract()
                .<String> path("order.assigneeEmployeeId")).isEqualTo("E0001");
        return id;
    }
}
