package io.windbell.survey.bank;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.windbell.survey.catalog.SurveyCatalog;
import io.windbell.survey.support.SurveyTestResource;

@QuarkusTest
@QuarkusTestResource(value = SurveyTestResource.class, restrictToAnnotatedClass = true)
class QuestionResourceTest {

    @Inject
    SurveyCatalog catalog;

    /** A valid touchpoint choice question as a client sends it; tests change what they need. */
    static Map<String, Object> question(String id) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("id", id);
        q.put("type", "SINGLE_CHOICE");
        q.put("purpose", "TOUCHPOINT");
        q.put("text", new LinkedHashMap<>(Map.of("zh-CN", "“{touchpoint}”的说明清楚吗？", "en", "Was {touchpoint} clear?")));
        List<Map<String, Object>> options = new ArrayList<>();
        options.add(option("YES", "是", "Yes"));
        options.add(option("NO", "否", "No"));
        q.put("options", options);
        q.put("tags", new LinkedHashMap<>(Map.of("journeys", List.of("WEALTH_PURCHASE"), "touchpoints",
                List.of("wealth.order_submit"), "factors", List.of("CLARITY"))));
        return q;
    }

    static Map<String, Object> option(String id, String zh, String en) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", id);
        o.put("label", Map.of("zh-CN", zh, "en", en));
        return o;
    }

    static void create(Map<String, Object> body) {
        given().contentType(ContentType.JSON).body(body).when().post("/v1/questions").then().statusCode(201);
    }

    // --- reads --------------------------------------------------------------------------------------------------

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void analystsReadTheSeededBank() {
        given().when().get("/v1/questions").then().statusCode(200).body("items.id",
                hasItems("Q_NPS_GENERIC", "Q_CSAT_GENERIC", "Q_CES_GENERIC", "Q_TP_EASE"));
        given().when().get("/v1/questions/Q_NPS_WEALTH").then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("type", equalTo("NPS")).body("purpose", equalTo("ANCHOR")).body("active", equalTo(true))
                .body("text.en",
                        equalTo("After buying {product}, how likely are you to recommend our wealth"
                                + " management to a friend?"))
                .body("tags.journeys", equalTo(List.of("WEALTH_PURCHASE"))).body("createdBy", equalTo("seed"))
                .body("scaleMin", nullValue());
        given().when().get("/v1/questions/Q_TP_EASE/versions/1").then().statusCode(200).body("type", equalTo("RATING"))
                .body("scaleMin", equalTo(1)).body("scaleMax", equalTo(5));
        given().when().get("/v1/questions/Q_NO_SUCH").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/v1/questions/Q_TP_EASE/versions/99").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void listsFilterByPurposeJourneyAndTouchpointAndArePaged() {
        given().queryParam("purpose", "ANCHOR").when().get("/v1/questions").then().statusCode(200)
                .body("items.purpose", everyItem(equalTo("ANCHOR"))).body("items.id", hasItem("Q_NPS_LOAN"));
        given().queryParam("journey", "LOAN_APPLICATION").when().get("/v1/questions").then().statusCode(200)
                .body("items.id", hasItems("Q_NPS_LOAN", "Q_TP_LOAN_UPLOAD"))
                .body("items.id", not(hasItem("Q_NPS_GENERIC")));
        given().queryParam("touchpoint", "transfer.otp_verify").when().get("/v1/questions").then().statusCode(200)
                .body("items.id", equalTo(List.of("Q_TP_TRANSFER_OTP")));

        String next = given().queryParam("limit", 2).when().get("/v1/questions").then().statusCode(200)
                .body("items", hasSize(2)).body("nextCursor", notNullValue()).extract().path("nextCursor");
        List<String> first = given().queryParam("limit", 2).when().get("/v1/questions").then().extract()
                .path("items.id");
        List<String> second = given().queryParam("limit", 2).queryParam("cursor", next).when().get("/v1/questions")
                .then().statusCode(200).body("items", hasSize(2)).extract().path("items.id");
        assertThat(second.getFirst()).isGreaterThan(first.getLast());
        given().queryParam("cursor", "garbage!").when().get("/v1/questions").then().statusCode(400)
                .body("violations[0].field", equalTo("cursor"));
    }

    // --- changes ------------------------------------------------------------------------------------------------

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    @SuppressWarnings("unchecked")
    void aNewVersionReplacesTheActiveOneAndTheOldOneStaysReadable() {
        String id = "Q_TEST_VERSIONS";
        given().contentType(ContentType.JSON).body(question(id)).when().post("/v1/questions").then().statusCode(201)
                .header("Location", endsWith("/v1/questions/" + id)).header("ETag", equalTo("\"1\""))
                .body("version", equalTo(1)).body("active", equalTo(true)).body("createdBy", equalTo("admin"))
                .body("options[1].label.zh-CN", equalTo("否"));
        assertThat(catalog.question(id, 1)).isPresent();
        assertThat(catalog.questions()).anySatisfy(q -> assertThat(q.id()).isEqualTo(id));

        // the document read is the document sent back: read-only fields are ignored, not rejected
        Map<String, Object> read = given().when().get("/v1/questions/" + id).then().statusCode(200).extract()
                .as(Map.class);
        ((Map<String, Object>) read.get("text")).put("en", "Was {touchpoint} easy to follow?");
        read.put("version", 42);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(read).when().put("/v1/questions/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"2\"")).body("version", equalTo(2))
                .body("text.en", equalTo("Was {touchpoint} easy to follow?"));

        given().when().get("/v1/questions/" + id).then().statusCode(200).header("ETag", equalTo("\"2\""));
        given().when().get("/v1/questions/" + id + "/versions/1").then().statusCode(200)
                .body("text.en", equalTo("Was {touchpoint} clear?")).body("active", equalTo(false));
        given().when().get("/v1/questions/" + id + "/versions").then().statusCode(200)
                .body("items.version", equalTo(List.of(1, 2))).body("items.active", equalTo(List.of(false, true)));
        assertThat(catalog.questions()).filteredOn(q -> q.id().equals(id)).singleElement()
                .satisfies(q -> assertThat(q.version()).isEqualTo(2));
        assertThat(catalog.question(id, 1)).hasValueSatisfying(q -> assertThat(q.active()).isFalse());

        // someone who read version 1 loses: 412, and learns which version is active
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(question(id)).when()
                .put("/v1/questions/" + id).then().statusCode(412).contentType("application/problem+json")
                .body("activeVersion", equalTo(2));
        given().contentType(ContentType.JSON).header("If-Match", "W/\"2\"").body(question(id)).when()
                .put("/v1/questions/" + id).then().statusCode(412);
        given().contentType(ContentType.JSON).body(question(id)).when().put("/v1/questions/" + id).then()
                .statusCode(428).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(question("Q_TEST_NONE")).when()
                .put("/v1/questions/Q_TEST_NONE").then().statusCode(404);
        given().when().get("/v1/questions/" + id).then().header("ETag", equalTo("\"2\""));
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void aDuplicateIdIsAConflict() {
        create(question("Q_TEST_DUPLICATE"));
        given().contentType(ContentType.JSON).body(question("Q_TEST_DUPLICATE")).when().post("/v1/questions").then()
                .statusCode(409).contentType("application/problem+json").body("type", endsWith("/conflict"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    @SuppressWarnings("unchecked")
    void anInvalidQuestionIsRejectedFieldByField() {
        String id = "Q_TEST_INVALID";
        create(question(id));

        Map<String, Object> bad = question("Q_TEST_OTHER");
        ((Map<String, Object>) bad.get("text")).put("en", "Was {customer} happy?");
        ((List<Map<String, Object>>) bad.get("options")).remove(1);
        bad.put("scaleMax", 5);
        bad.put("answeredByBehaviour", "MOOD");
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(bad).when().put("/v1/questions/" + id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", endsWith("/invalid-request"))
                .body("violations.field",
                        equalTo(List.of("id", "text.en", "options", "scaleMax", "answeredByBehaviour")))
                .body("violations[0].message", equalTo("must equal the id in the path (" + id + ") or be absent"));
        given().when().get("/v1/questions/" + id).then().header("ETag", equalTo("\"1\""));

        Map<String, Object> anchor = question("Q_TEST_BAD_ANCHOR");
        anchor.put("purpose", "ANCHOR");
        anchor.put("type", "RATING");
        anchor.remove("options");
        anchor.put("text", Map.of("zh-CN", "推荐吗？", "en", "Recommend {touchpoint}?"));
        given().contentType(ContentType.JSON).body(anchor).when().post("/v1/questions").then().statusCode(400)
                .body("violations.field", equalTo(List.of("type", "text.en", "scaleMin", "scaleMax")));

        given().contentType(ContentType.JSON).body(Map.of("id", "q")).when().post("/v1/questions").then()
                .statusCode(400)
                .body("violations.field", equalTo(List.of("id", "type", "purpose", "text.zh-CN", "text.en")));
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void unknownAndMalformedFieldsAreRejected() {
        Map<String, Object> typo = question("Q_TEST_TYPO");
        typo.put("scalemax", 5);
        given().contentType(ContentType.JSON).body(typo).when().post("/v1/questions").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("scalemax"));

        Map<String, Object> type = question("Q_TEST_TYPO");
        type.put("type", "SLIDER");
        given().contentType(ContentType.JSON).body(type).when().post("/v1/questions").then().statusCode(400)
                .body("violations.field", hasItem("type"));
        given().when().get("/v1/questions/Q_TEST_TYPO").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void retiringAddsAnInactiveVersionAndHidesTheQuestion() {
        String id = "Q_TEST_RETIRE";
        create(question(id));
        given().when().delete("/v1/questions/" + id).then().statusCode(204);
        given().when().delete("/v1/questions/" + id).then().statusCode(204);
        given().when().get("/v1/questions/" + id).then().statusCode(404).contentType("application/problem+json");
        given().when().get("/v1/questions").then().body("items.id", not(hasItem(id)));
        given().when().get("/v1/questions/" + id + "/versions").then().statusCode(200)
                .body("items.version", equalTo(List.of(1, 2))).body("items.active", equalTo(List.of(false, false)))
                .body("items[1].createdBy", equalTo("admin"));
        assertThat(catalog.questions()).noneMatch(q -> q.id().equals(id));
        assertThat(catalog.question(id, 1)).isPresent();

        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body(question(id)).when()
                .put("/v1/questions/" + id).then().statusCode(412);
        given().when().delete("/v1/questions/Q_TEST_UNKNOWN").then().statusCode(404);

        // brought back by creating it again: the next version, active
        given().contentType(ContentType.JSON).body(question(id)).when().post("/v1/questions").then().statusCode(201)
                .header("ETag", equalTo("\"3\""));
        assertThat(catalog.questions()).anyMatch(q -> q.id().equals(id) && q.version() == 3);
    }

    // --- who may -----------------------------------------------------------------------------------------------

    @Test
    void withoutAnIdentityEverythingIs401() {
        given().when().get("/v1/questions").then().statusCode(401);
        given().when().get("/v1/questions/Q_NPS_GENERIC").then().statusCode(401);
        given().contentType(ContentType.JSON).body(question("Q_TEST_ANON")).when().post("/v1/questions").then()
                .statusCode(401);
    }

    @Test
    @TestSecurity(user = "teller", roles = "frontline")
    void frontlineMayNotReadOrWrite() {
        assertForbidden();
    }

    @Test
    @TestSecurity(user = "manager", roles = "branch-manager")
    void branchManagersMayNotReadOrWrite() {
        assertForbidden();
    }

    @Test
    @TestSecurity(user = "service-account-channel-app", roles = "channel-app")
    void channelAppsMayNotReadOrWrite() {
        assertForbidden();
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void analystsMayNotChange() {
        assertWritesForbidden();
    }

    private static void assertForbidden() {
        given().when().get("/v1/questions").then().statusCode(403);
        given().when().get("/v1/questions/Q_NPS_GENERIC").then().statusCode(403);
        given().when().get("/v1/questions/Q_NPS_GENERIC/versions").then().statusCode(403);
        given().when().get("/v1/questions/Q_NPS_GENERIC/versions/1").then().statusCode(403);
        assertWritesForbidden();
    }

    private static void assertWritesForbidden() {
        given().contentType(ContentType.JSON).body(question("Q_TEST_FORBIDDEN")).when().post("/v1/questions").then()
                .statusCode(403);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(question("Q_NPS_GENERIC")).when()
                .put("/v1/questions/Q_NPS_GENERIC").then().statusCode(403);
        given().when().delete("/v1/questions/Q_NPS_GENERIC").then().statusCode(403);
    }
}
