package io.windbell.workorder.directory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.ValidatableResponse;
import io.windbell.platform.problem.Problem;
import io.windbell.workorder.support.DirectoryFixture;
import io.windbell.workorder.support.WorkorderTestResource;

/**
 * The directory's imports and reads over HTTP, on the real database: CSV and JSON, all rows or none, upsert and
 * replace, 413 and 415, who may write and who sees which branch. Every test uses its own branch and region ids.
 */
@QuarkusTest
@QuarkusTestResource(WorkorderTestResource.class)
class StaffImportTest {

    private static final String HEADER = DirectoryFixture.STAFF_HEADER;

    @Inject
    DirectoryImports imports;

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void aCsvImportCreatesEmployeesAndASecondOneUpdatesThem() {
        importCsv("/v1/staff/import", HEADER + """
                SI1-M,Wang Fang,SI1-B,SI1-R,BRANCH_MANAGER,,,,0,
                SI1-A,"Li, Na",SI1-B,SI1-R,frontline,SI1-M,CN,WEALTH_PURCHASE;LOAN,5,true
                SI1-C,Zhao Lei,SI1-B,SI1-R,RELATIONSHIP_MANAGER,SI1-M,,,,false
                """).statusCode(200).body("imported", equalTo(3)).body("created", equalTo(3)).body("updated",
                equalTo(0));

        importCsv("/v1/staff/import", HEADER + """
                SI1-A,Li Na,SI1-B,SI1-R,FRONTLINE,SI1-M,CN,LOAN,8,true
                SI1-D,Sun Yu,SI1-B,SI1-R,FRONTLINE,SI1-M,,,,
                """).statusCode(200).body("imported", equalTo(2)).body("created", equalTo(1)).body("updated",
                equalTo(1));

        given().get("/v1/staff/SI1-A").then().statusCode(200).body("name", equalTo("Li Na"))
                .body("skills", contains("LOAN")).body("capacity", equalTo(8)).body("managerId", equalTo("SI1-M"))
                .body("openOrders", equalTo(0));
        given().get("/v1/staff/SI1-D").then().statusCode(200).body("capacity", equalTo(10))
                .body("active", equalTo(true)).body("calendar", nullValue());
        given().get("/v1/staff/SI1-C").then().statusCode(200).body("active", equalTo(false));
        given().queryParam("branchId", "SI1-B").queryParam("role", "FRONTLINE").get("/v1/staff").then().statusCode(200)
                .body("items.employeeId", contains("SI1-A", "SI1-D"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void aJsonImportTakesTheSameFieldsWithTheirJsonTypes() {
        given().contentType("application/json").body("""
                [{"employeeId": "SI2-A", "name": "Chen Jie", "branchId": "SI2-B", "regionId": "SI2-R",
                  "role": "RELATIONSHIP_MANAGER", "skills": ["WEALTH_PURCHASE", "MORTGAGE"], "capacity": 12,
                  "active": true, "onLeaveUntil": "2026-12-10"},
                 {"employeeId": "SI2-B1", "name": "Xu Ming", "branchId": "SI2-B", "regionId": "SI2-R",
                  "role": "FRONTLINE", "managerId": null, "calendar": null, "skills": "LOAN"}]
                """).post("/v1/staff/import").then().statusCode(200).body("imported", equalTo(2)).body("created",
                equalTo(2));

        given().get("/v1/staff/SI2-A").then().statusCode(200).body("skills", contains("WEALTH_PURCHASE", "MORTGAGE"))
                .body("capacity", equalTo(12)).body("onLeaveUntil", equalTo("2026-12-10"));
        given().get("/v1/staff/SI2-B1").then().statusCode(200).body("skills", contains("LOAN"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void aCsvWithThreeBadRowsAnswersOneProblemListingThemAndImportsNothing() {
        importCsv("/v1/staff/import", HEADER + """
                SI3-A,Ok One,SI3-B,SI3-R,FRONTLINE,,,,,
                SI3-B,Bad Role,SI3-B,SI3-R,JANITOR,,,,,
                SI3-C,Ok Two,SI3-B,SI3-R,FRONTLINE,,,,,
                SI3-D,Bad Capacity,SI3-B,SI3-R,FRONTLINE,,,,-2,
                SI3-E,Ok Three,SI3-B,SI3-R,FRONTLINE,SI3-A,,,,
                SI3-F,Ok Four,SI3-B,SI3-R,FRONTLINE,,,,,
                SI3-G,Ok Five,SI3-B,SI3-R,FRONTLINE,,,,,
                bad id,Bad Id,SI3-B,SI3-R,FRONTLINE,SI3-nobody,,,,
                """).statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://windbell.io/problems/invalid-import")).body("rows", contains(3, 5, 9))
                .body("violations.field",
                        contains("line[3].role", "line[5].capacity", "line[9].employeeId", "line[9].managerId"));

        given().get("/v1/staff/SI3-A").then().statusCode(404);
        given().queryParam("branchId", "SI3-B").get("/v1/staff").then().statusCode(200).body("items", empty());
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void aJsonRowOfTheWrongTypeIsNamedByItsIndex() {
        given().contentType("application/json").body("""
                [{"employeeId": "SI4-A", "name": "A", "branchId": "SI4-B", "role": "FRONTLINE"},
                 {"employeeId": "SI4-B", "name": "B", "branchId": "SI4-B", "role": "FRONTLINE", "capacity": "5",
                  "nickname": "Bee"}]
                """).post("/v1/staff/import").then().statusCode(400).body("rows", contains(1)).body("violations.field",
                containsInAnyOrder("$[1].capacity", "$[1].nickname"));
        given().get("/v1/staff/SI4-A").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void replaceDeactivatesTheEmployeesOfTheFilesBranchesThatItLeavesOut() {
        importCsv("/v1/staff/import", HEADER + """
                SI5-A,A,SI5-B,SI5-R,FRONTLINE,,,,,
                SI5-B,B,SI5-B,SI5-R,FRONTLINE,,,,,
                SI5-X,X,SI5-OTHER,SI5-R,FRONTLINE,,,,,
                """).statusCode(200);

        given().contentType("text/csv").queryParam("mode", "replace")
                .body(HEADER + "SI5-A,A,SI5-B,SI5-R,FRONTLINE,,,,,\n").post("/v1/staff/import").then().statusCode(200)
                .body("updated", equalTo(1)).body("deactivated", equalTo(1));

        given().get("/v1/staff/SI5-B").then().body("active", equalTo(false));
        given().get("/v1/staff/SI5-X").then().body("active", equalTo(true));
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void anImportOverTheRowLimitIs413AndAnotherMediaTypeIs415() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i <= 10_000; i++) {
            csv.append("SI6-").append(i).append(",N,SI6-B,,FRONTLINE,,,,,\n");
        }
        importCsv("/v1/staff/import", csv.toString()).statusCode(413).contentType(Problem.MEDIA_TYPE).body("detail",
                equalTo("an import may hold at most 10000 rows, this one has 10001; split the file"));
        given().contentType("text/plain").body("x").post("/v1/staff/import").then().statusCode(415);
        given().get("/v1/staff/SI6-0").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void branchesAndRelationshipManagersImportAndReadBack() {
        importCsv("/v1/staff/import", HEADER + "SI7-M,M,SI7-B,SI7-R,BRANCH_MANAGER,,,,,\nSI7-RM,R,SI7-B,SI7-R,"
                + "RELATIONSHIP_MANAGER,SI7-M,,,,\n").statusCode(200);
        importCsv("/v1/branches/import",
                "branchId,regionId,name,managerId\nSI7-B,SI7-R,Futian,SI7-M\n" + "SI7-B2,SI7-R,Nanshan,\n")
                        .statusCode(200).body("created", equalTo(2));
        importCsv("/v1/relationship-managers/import", "customerId,employeeId\nC-si7-1,SI7-RM\n").statusCode(200)
                .body("created", equalTo(1));
        // the same assignment again is an update that keeps its "since"
        String since = given().get("/v1/relationship-managers/C-si7-1").then().statusCode(200)
                .body("employeeId", equalTo("SI7-RM")).body("branchId", equalTo("SI7-B")).extract().path("since");
        importCsv("/v1/relationship-managers/import", "customerId,employeeId\nC-si7-1,SI7-RM\n").statusCode(200)
                .body("updated", equalTo(1));

        given().get("/v1/relationship-managers/C-si7-1").then().body("since", equalTo(since));
        given().queryParam("regionId", "SI7-R").get("/v1/branches").then().statusCode(200)
                .body("items.branchId", contains("SI7-B", "SI7-B2")).body("items[0].managerId", equalTo("SI7-M"));
        importCsv("/v1/relationship-managers/import", "customerId,employeeId\nC-si7-2,SI7-nobody\n").statusCode(400)
                .body("violations[0].field", equalTo("line[2].employeeId"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void listsArePagedByCursor() {
        importCsv("/v1/staff/import",
                HEADER + "SI8-A,A,SI8-B,SI8-R,FRONTLINE,,,,,\nSI8-B,B,SI8-B,SI8-R,FRONTLINE,,,,,\n"
                        + "SI8-C,C,SI8-B,SI8-R,FRONTLINE,,,,,\n").statusCode(200);

        String next = given().queryParam("branchId", "SI8-B").queryParam("limit", 2).get("/v1/staff").then()
                .statusCode(200).body("items.employeeId", contains("SI8-A", "SI8-B")).extract().path("nextCursor");
        given().queryParam("branchId", "SI8-B").queryParam("limit", 2).queryParam("cursor", next).get("/v1/staff")
                .then().statusCode(200).body("items.employeeId", contains("SI8-C")).body("nextCursor", nullValue());
        given().queryParam("cursor", "not-a-cursor").get("/v1/staff").then().statusCode(400).body("violations[0].field",
                equalTo("cursor"));
    }

    @Test
    @TestSecurity(user = "manager.b001", roles = "branch-manager")
    @OidcSecurity(claims = { @Claim(key = "branch_id", value = "SI9-B1"),
            @Claim(key = "employee_id", value = "SI9-M") })
    void aBranchManagerCannotImportAndSeesOnlyTheirBranch() throws Throwable {
        directory().staff("SI9-M,M,SI9-B1,SI9-R,BRANCH_MANAGER,,,,,\nSI9-A,A,SI9-B1,SI9-R,FRONTLINE,SI9-M,,,,\n"
                + "SI9-Z,Z,SI9-B2,SI9-R,FRONTLINE,,,,,\n");
        directory().relationshipManagers("C-si9-1,SI9-Z\n");

        importCsv("/v1/staff/import", HEADER + "SI9-Q,Q,SI9-B1,SI9-R,FRONTLINE,,,,,\n").statusCode(403);
        importCsv("/v1/branches/import", "branchId,regionId,name,managerId\nSI9-B1,SI9-R,X,\n").statusCode(403);
        given().get("/v1/staff/SI9-A").then().statusCode(200);
        given().get("/v1/staff/SI9-Z").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        given().get("/v1/relationship-managers/C-si9-1").then().statusCode(404);
        given().queryParam("branchId", "SI9-B2").get("/v1/staff").then().statusCode(200).body("items", empty());
        List<String> visible = given().queryParam("regionId", "SI9-R").get("/v1/staff").then().statusCode(200).extract()
                .path("items.employeeId");
        assertThat(visible).containsExactly("SI9-A", "SI9-M");
    }

    @Test
    @TestSecurity(user = "regional.r01", roles = "regional-manager")
    @OidcSecurity(claims = { @Claim(key = "region_id", value = "SI10-R") })
    void aRegionalManagerSeesTheirRegionAndAFrontlinerSeesNothing() throws Throwable {
        directory().staff("SI10-A,A,SI10-B1,SI10-R,FRONTLINE,,,,,\nSI10-Z,Z,SI10-B9,SI10-OTHER,FRONTLINE,,,,,\n");

        given().get("/v1/staff/SI10-A").then().statusCode(200);
        given().get("/v1/staff/SI10-Z").then().statusCode(404);
        given().queryParam("regionId", "SI10-OTHER").get("/v1/staff").then().statusCode(200).body("items", empty());
        given().get("/v1/staff").then().statusCode(200).body("items.employeeId", hasItems("SI10-A"));
    }

    @Test
    @TestSecurity(user = "frontline.b001", roles = "frontline")
    @OidcSecurity(claims = { @Claim(key = "branch_id", value = "B001") })
    void frontlineStaffHaveNoAccessToTheDirectory() {
        given().get("/v1/staff").then().statusCode(403);
        given().get("/v1/branches").then().statusCode(403);
        given().get("/v1/relationship-managers/C-any").then().statusCode(403);
        importCsv("/v1/relationship-managers/import", "customerId,employeeId\n").statusCode(403);
    }

    private DirectoryFixture directory() {
        return new DirectoryFixture(imports);
    }

    private static ValidatableResponse importCsv(String path, String csv) {
        return given().contentType("text/csv").body(csv).post(path).then();
    }
}
