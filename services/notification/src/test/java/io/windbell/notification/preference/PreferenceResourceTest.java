package io.windbell.notification.preference;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.windbell.notification.support.NotificationTestResource;
import io.windbell.testing.TestTokens;

/**
 * {@code GET/PUT /v1/employees/{id}/preferences} with real bearer tokens: the defaults, a first change and the ETags
 * after it, 428 and 409, the field-by-field 400, another employee's 404, a wrong role's 403.
 */
@QuarkusTest
@QuarkusTestResource(NotificationTestResource.class)
class PreferenceResourceTest {

    private static final String PATH = "/v1/employees/{id}/preferences";
    private static final String NIGHT_OWL = """
            {"locale":"en","emailEnabled":true,"emailAddress":"owl@bank.example",
             "quietHours":{"start":"21:00","end":"08:00","timeZone":"Europe/London"},
             "digestLowPriority":true,"digestAt":"18:00"}""";

    @Inject
    DataSource dataSource;

    @Test
    void withNothingStoredTheDefaultsAnswerWithETagZero() {
        String employee = employee();
        as(employee, "frontline").get(PATH, "me").then().statusCode(200).header("ETag", "\"0\"")
                .body("locale", equalTo("zh-CN")).body("emailEnabled", equalTo(true)).body("emailAddress", nullValue())
                .body("quietHours", nullValue()).body("digestLowPriority", equalTo(false))
                .body("digestAt", equalTo("17:30"));
    }

    @Test
    void aFirstChangeNeedsNoIfMatchAndEveryLaterOneTheCurrentETag() {
        String employee = employee();
        as(employee, "branch-manager").contentType(ContentType.JSON).body(NIGHT_OWL).put(PATH, "me").then()
                .statusCode(200).header("ETag", "\"1\"").body("locale", equalTo("en"))
                .body("emailAddress", equalTo("owl@bank.example")).body("quietHours.start", equalTo("21:00"))
                .body("quietHours.end", equalTo("08:00")).body("quietHours.timeZone", equalTo("Europe/London"))
                .body("digestLowPriority", equalTo(true)).body("digestAt", equalTo("18:00"));
        // the own id works like "me"
        as(employee, "branch-manager").get(PATH, employee).then().statusCode(200).header("ETag", "\"1\"")
                .body("quietHours.timeZone", equalTo("Europe/London"));

        as(employee, "branch-manager").contentType(ContentType.JSON).body("{\"locale\":\"zh-CN\"}").put(PATH, "me")
                .then().statusCode(428);
        as(employee, "branch-manager").header("If-Match", "*").contentType(ContentType.JSON)
                .body("{\"locale\":\"zh-CN\"}").put(PATH, "me").then().statusCode(409);
        as(employee, "branch-manager").header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"locale\":\"zh-CN\"}").put(PATH, "me").then().statusCode(200).header("ETag", "\"2\"")
                .body("locale", equalTo("zh-CN")).body("quietHours", nullValue())
                .body("digestLowPriority", equalTo(false));
        as(employee, "branch-manager").header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"locale\":\"en\"}").put(PATH, "me").then().statusCode(409)
                .contentType("application/problem+json");
        as(employee, "branch-manager").get(PATH, "me").then().header("ETag", "\"2\"").body("locale", equalTo("zh-CN"));
    }

    @Test
    void anInvalidBodyIsAnsweredFieldByField() {
        String employee = employee();
        as(employee, "frontline").contentType(ContentType.JSON).body("""
                {"locale":"fr","emailAddress":"not an address",
                 "quietHours":{"start":"25:00","end":"8am","timeZone":"Mars/Olympus"},"digestAt":"17h"}""")
                .put(PATH, "me").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("locale", "emailAddress", "quietHours.start",
                        "quietHours.end", "quietHours.timeZone", "digestAt"));
        as(employee, "frontline").contentType(ContentType.JSON)
                .body("{\"locale\":\"en\",\"quietHours\":{\"start\":\"08:00\",\"end\":\"08:00\"}}").put(PATH, "me")
                .then().statusCode(400).body("violations.field", containsInAnyOrder("quietHours.end"));
        as(employee, "frontline").header("If-Match", "W/\"0\"").contentType(ContentType.JSON)
                .body("{\"locale\":\"en\"}").put(PATH, "me").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("If-Match"));
        // nothing was stored by any of them
        as(employee, "frontline").get(PATH, "me").then().header("ETag", "\"0\"");
    }

    @Test
    void anotherEmployeesPreferencesDoNotExistForTheCaller() {
        String owner = employee();
        as(owner, "frontline").contentType(ContentType.JSON).body(NIGHT_OWL).put(PATH, "me").then().statusCode(200);
        String other = employee();
        as(other, "cx-admin").get(PATH, owner).then().statusCode(404).contentType("application/problem+json");
        as(other, "cx-admin").header("If-Match", "\"1\"").contentType(ContentType.JSON).body(NIGHT_OWL).put(PATH, owner)
                .then().statusCode(404);
        as(owner, "frontline").get(PATH, "me").then().header("ETag", "\"1\"");
    }

    @Test
    void aRoleWithoutAnInboxOrATokenWithoutAnEmployeeIsRefused() {
        as(employee(), "survey-deliverer").get(PATH, "me").then().statusCode(403);
        as(employee(), "channel-app").contentType(ContentType.JSON).body(NIGHT_OWL).put(PATH, "me").then()
                .statusCode(403);
        given().header("Authorization", TestTokens.access("frontline").bearer()).get(PATH, "me").then().statusCode(403);
        given().get(PATH, "me").then().statusCode(401);
    }

    private static RequestSpecification as(String employee, String role) {
        return given().header("Authorization",
                TestTokens.access(role).claim("employee_id", employee).claim("branch_id", "B001").bearer());
    }

    private static String employee() {
        return "E-pref-" + UUID.randomUUID();
    }
}
