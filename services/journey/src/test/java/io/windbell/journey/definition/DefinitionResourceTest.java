package io.windbell.journey.definition;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.windbell.config.VersionedStore;
import io.windbell.config.VersionedStore.Stored;
import io.windbell.contracts.journey.LifecycleStage;
import io.windbell.journey.support.JourneyTestResource;

@QuarkusTest
@QuarkusTestResource(value = JourneyTestResource.class, restrictToAnnotatedClass = true)
class DefinitionResourceTest {

    static final List<String> SEEDED = List.of("ACCOUNT_OPENING", "CARD_ACTIVATION", "WEALTH_PURCHASE",
            "LOAN_APPLICATION", "TRANSFER", "COMPLAINT", "REFERRAL");

    @Inject
    VersionedStore<JourneyDefinition> repository;

    @Inject
    DefinitionCatalog catalog;

    @Inject
    DataSource dataSource;

    /** A valid three-step definition as a client sends it; tests change what they need. */
    static Map<String, Object> definition(String code, String name) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("code", code);
        d.put("name", name);
        d.put("nameZh", "测试旅程");
        d.put("stage", "RETENTION");
        List<Map<String, Object>> steps = new ArrayList<>();
        steps.add(step(1, "T_START", "t.start", false, null));
        steps.add(step(2, "T_VERIFY", "t.verify", true, "PT30M"));
        steps.add(step(3, "T_DONE", "t.done", false, null));
        d.put("steps", steps);
        d.put("startTouchpoints", List.of("t.start"));
        d.put("completionTouchpoints", List.of("t.done"));
        d.put("maxDuration", "P1D");
        d.put("channelSwitchGrace", "PT30M");
        d.put("assistedChannels", List.of("CALL_CENTER"));
        return d;
    }

    static Map<String, Object> step(int order, String code, String touchpoint, boolean keyNode, String timeout) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("order", order);
        s.put("code", code);
        s.put("name", code.toLowerCase());
        s.put("touchpoints", List.of(touchpoint));
        s.put("keyNode", keyNode);
        if (timeout != null) {
            s.put("inactivityTimeout", timeout);
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> stepOf(Map<String, Object> definition, int index) {
        return ((List<Map<String, Object>>) definition.get("steps")).get(index);
    }

    static void create(Map<String, Object> body) {
        given().contentType(ContentType.JSON).body(body).when().post("/v1/definitions").then().statusCode(201);
    }

    // --- the seed ---------------------------------------------------------------------------------------------

    @Test
    void everySeededDefinitionReadsBackThroughTheRepositoryAndIsValid() throws Exception {
        Map<String, String> specs = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT code, spec::text FROM journey_definition WHERE version = 1 AND created_by = 'seed'")) {
            while (rs.next()) {
                specs.put(rs.getString(1), rs.getString(2));
            }
        }
        assertThat(specs).containsOnlyKeys(SEEDED);

        int touchpoints = 0;
        for (String code : SEEDED) {
            Stored<JourneyDefinition> stored = repository.versions(code).getFirst();
            JourneyDefinition d = stored.value();
            assertThat(d.version()).isEqualTo(1);
            assertThat(DefinitionValidator.validate(d)).as(code).isEmpty();
            // the stored document is exactly what the repository writes: no field it would not read (no typo that
            // a tolerant reader would silently drop), and the same definition after a round trip
            assertThat(fieldNames(new ObjectMapper().readTree(specs.get(code)))).as(code).isSubsetOf("name", "nameZh",
                    "stage", "steps", "order", "code", "phase", "touchpoints", "keyNode", "inactivityTimeout",
                    "startTouchpoints", "completionTouchpoints", "maxDuration", "channelSwitchGrace",
                    "assistedChannels");
            assertThat(DefinitionSpec.CODEC.read(code, 1, true, DefinitionSpec.CODEC.json(d))).isEqualTo(d);
            assertThat(d.assistedChannels()).containsExactlyInAnyOrder("CALL_CENTER", "BRANCH", "RM_VISIT");
            touchpoints += d.steps().size();
        }
        assertThat(touchpoints).isEqualTo(47);

        JourneyDefinition wealth = repository.versions("WEALTH_PURCHASE").getFirst().value();
        assertThat(wealth.stage()).isEqualTo(LifecycleStage.UPGRADE);
        assertThat(wealth.nameZh()).isEqualTo("理财购买");
        assertThat(wealth.startTouchpoints()).containsExactlyInAnyOrder("wealth.product_browse",
                "wealth.product_detail");
        assertThat(wealth.stepOf("wealth.risk_assessment")).hasValueSatisfying(s -> {
            assertThat(s.code()).isEqualTo("WEALTH_RISK_ASSESSMENT");
            assertThat(s.order()).isEqualTo(3);
            assertThat(s.phase()).isEqualTo("BEFORE_INVESTING");
            assertThat(s.keyNode()).isTrue();
            assertThat(s.inactivityTimeout()).hasHours(2);
        });
        assertThat(wealth.step(11).phase()).isEqualTo("AFTER_INVESTING");
        assertThat(repository.versions("TRANSFER").getFirst().value().channelSwitchGrace()).hasMinutes(30);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                names.add(field.getKey());
                names.addAll(fieldNames(field.getValue()));
            }
        } else if (node.isArray()) {
            node.forEach(element -> names.addAll(fieldNames(element)));
        }
        return names;
    }

    // --- reads --------------------------------------------------------------------------------------------------

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void analystsReadTheSeededDefinitions() {
        given().when().get("/v1/definitions").then().statusCode(200)
                .body("items.code", hasItems(SEEDED.toArray(String[]::new))).body("nextCursor", nullValue());
        given().when().get("/v1/definitions/WEALTH_PURCHASE").then().statusCode(200).header("ETag", startsWith("\""))
                .body("code", equalTo("WEALTH_PURCHASE")).body("stage", equalTo("UPGRADE"))
                .body("active", equalTo(true)).body("steps", hasSize(11))
                .body("steps[2].code", equalTo("WEALTH_RISK_ASSESSMENT"))
                .body("steps[2].phase", equalTo("BEFORE_INVESTING")).body("steps[2].keyNode", equalTo(true))
                .body("steps[2].inactivityTimeout", equalTo("PT2H")).body("maxDuration", equalTo("P30D"))
                .body("channelSwitchGrace", equalTo("P1D"));
        given().when().get("/v1/definitions/TRANSFER/versions/1").then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("maxDuration", equalTo("PT2H"))
                .body("channelSwitchGrace", equalTo("PT30M"))
                .body("completionTouchpoints", equalTo(List.of("transfer.result")));
        given().when().get("/v1/definitions/NO_SUCH_JOURNEY").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().when().get("/v1/definitions/TRANSFER/versions/999").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void listsArePagedByCursor() {
        String next = given().queryParam("limit", 3).when().get("/v1/definitions").then().statusCode(200)
                .body("items", hasSize(3)).extract().path("nextCursor");
        assertThat(next).isNotNull();
        given().queryParam("limit", 3).queryParam("cursor", next).when().get("/v1/definitions").then().statusCode(200)
                .body("items", hasSize(3));
        given().queryParam("cursor", "garbage!").when().get("/v1/definitions").then().statusCode(400)
                .body("violations[0].field", equalTo("cursor"));
    }

    // --- changes ------------------------------------------------------------------------------------------------

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    @SuppressWarnings("unchecked")
    void aNewVersionReplacesTheActiveOneAndTheOldOneStaysReadable() {
        String code = "TEST_DEF_VERSIONS";
        given().contentType(ContentType.JSON).body(definition(code, "First")).when().post("/v1/definitions").then()
                .statusCode(201).header("Location", endsWith("/v1/definitions/" + code))
                .header("ETag", equalTo("\"1\"")).body("version", equalTo(1)).body("active", equalTo(true))
                .body("createdBy", equalTo("admin"));
        assertThat(catalog.find(code, 1)).isPresent();

        // the document read is the document sent back: read-only fields are ignored, not rejected
        Map<String, Object> read = given().when().get("/v1/definitions/" + code).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).extract().as(Map.class);
        read.put("name", "Second");
        read.put("version", 42);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(read).when()
                .put("/v1/definitions/" + code).then().statusCode(200).header("ETag", equalTo("\"2\""))
                .body("version", equalTo(2)).body("name", equalTo("Second"));

        given().when().get("/v1/definitions/" + code).then().statusCode(200).header("ETag", equalTo("\"2\""))
                .body("name", equalTo("Second"));
        given().when().get("/v1/definitions/" + code + "/versions/1").then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("name", equalTo("First")).body("active", equalTo(false));
        given().when().get("/v1/definitions/" + code + "/versions/2").then().statusCode(200)
                .header("ETag", equalTo("\"2\"")).body("name", equalTo("Second")).body("active", equalTo(true));
        given().when().get("/v1/definitions/" + code + "/versions").then().statusCode(200)
                .body("items.version", equalTo(List.of(1, 2))).body("items.active", equalTo(List.of(false, true)));
        assertThat(catalog.active()).anySatisfy(d -> {
            assertThat(d.code()).isEqualTo(code);
            assertThat(d.version()).isEqualTo(2);
        });
        assertThat(catalog.find(code, 1)).hasValueSatisfying(d -> assertThat(d.name()).isEqualTo("First"));

        // someone who read version 1 loses: 412, and learns which version is active
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(definition(code, "Stale")).when()
                .put("/v1/definitions/" + code).then().statusCode(412).contentType("application/problem+json")
                .body("activeVersion", equalTo(2));
        given().contentType(ContentType.JSON).header("If-Match", "W/\"2\"").body(definition(code, "Weak")).when()
                .put("/v1/definitions/" + code).then().statusCode(412);
        given().contentType(ContentType.JSON).body(definition(code, "Blind")).when().put("/v1/definitions/" + code)
                .then().statusCode(428).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body(definition("TEST_DEF_NONE", "x")).when()
                .put("/v1/definitions/TEST_DEF_NONE").then().statusCode(404);
        given().when().get("/v1/definitions/" + code).then().header("ETag", equalTo("\"2\""));

        // as in survey's resources, the body may leave the code out: the path names it
        Map<String, Object> noCode = definition(code, "Third");
        noCode.remove("code");
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body(noCode).when()
                .put("/v1/definitions/" + code).then().statusCode(200).header("ETag", equalTo("\"3\""))
                .body("code", equalTo(code)).body("name", equalTo("Third"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void aDuplicateCodeIsAConflict() {
        create(definition("TEST_DEF_DUPLICATE", "Once"));
        given().contentType(ContentType.JSON).body(definition("TEST_DEF_DUPLICATE", "Twice")).when()
                .post("/v1/definitions").then().statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/conflict"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void anInvalidDefinitionIsRejectedFieldByField() {
        String code = "TEST_DEF_INVALID";
        create(definition(code, "Valid"));

        Map<String, Object> bad = definition("TEST_DEF_OTHER", " ");
        stepOf(bad, 1).remove("inactivityTimeout");
        stepOf(bad, 2).put("order", 4);
        bad.put("channelSwitchGrace", "P2D");
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(bad).when()
                .put("/v1/definitions/" + code).then().statusCode(400).contentType("application/problem+json")
                .body("type", endsWith("/invalid-request"))
                .body("violations.field",
                        equalTo(List.of("code", "name", "steps[1].inactivityTimeout", "steps[2].order",
                                "channelSwitchGrace")))
                .body("violations[0].message", equalTo("must equal the code in the path (" + code + ") or be absent"));
        given().when().get("/v1/definitions/" + code).then().header("ETag", equalTo("\"1\""));

        Map<String, Object> noCode = definition("lower_case", "x");
        given().contentType(ContentType.JSON).body(noCode).when().post("/v1/definitions").then().statusCode(400)
                .body("violations.field", equalTo(List.of("code")));
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void unknownAndMalformedFieldsAreRejected() {
        Map<String, Object> typo = definition("TEST_DEF_TYPO", "Typo");
        stepOf(typo, 1).put("keynode", true);
        given().contentType(ContentType.JSON).body(typo).when().post("/v1/definitions").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("steps[1].keynode"));

        Map<String, Object> duration = definition("TEST_DEF_TYPO", "Typo");
        duration.put("maxDuration", "thirty days");
        given().contentType(ContentType.JSON).body(duration).when().post("/v1/definitions").then().statusCode(400)
                .body("violations.field", hasItem("maxDuration"));

        Map<String, Object> stage = definition("TEST_DEF_TYPO", "Typo");
        stage.put("stage", "ONBOARDING");
        given().contentType(ContentType.JSON).body(stage).when().post("/v1/definitions").then().statusCode(400)
                .body("violations.field", hasItem("stage"));

        given().contentType(ContentType.JSON).body("{\"code\": ").when().post("/v1/definitions").then().statusCode(400);
        given().when().get("/v1/definitions/TEST_DEF_TYPO").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void aRetiredDefinitionStartsNoJourneysButKeepsItsHistory() {
        String code = "TEST_DEF_RETIRE";
        create(definition(code, "Short-lived"));
        given().when().delete("/v1/definitions/" + code).then().statusCode(204);
        given().when().get("/v1/definitions/" + code).then().statusCode(404).contentType("application/problem+json");
        given().when().get("/v1/definitions").then().body("items.code", not(hasItem(code)));
        given().when().get("/v1/definitions/" + code + "/versions/1").then().statusCode(200).body("active",
                equalTo(false));
        assertThat(catalog.active()).noneMatch(d -> d.code().equals(code));
        assertThat(catalog.find(code, 1)).isPresent();

        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(definition(code, "Again")).when()
                .put("/v1/definitions/" + code).then().statusCode(412);
        given().when().delete("/v1/definitions/TEST_DEF_UNKNOWN").then().statusCode(404);

        // the retirement is itself a version (inactive, a copy of the last one): who retired it and when stays on
        // record
        given().when().get("/v1/definitions/" + code + "/versions").then().statusCode(200)
                .body("items.version", equalTo(List.of(1, 2))).body("items.active", equalTo(List.of(false, false)))
                .body("items[1].name", equalTo("Short-lived")).body("items[1].createdBy", equalTo("admin"));

        // brought back by creating it again: the next version, active
        given().contentType(ContentType.JSON).body(definition(code, "Back")).when().post("/v1/definitions").then()
                .statusCode(201).header("ETag", equalTo("\"3\"")).body("version", equalTo(3));
        given().when().get("/v1/definitions/" + code).then().statusCode(200).body("name", equalTo("Back"));
    }

    // --- who may -----------------------------------------------------------------------------------------------

    @Test
    void withoutAnIdentityEverythingIs401() {
        given().when().get("/v1/definitions").then().statusCode(401);
        given().contentType(ContentType.JSON).body(definition("TEST_DEF_ANON", "x")).when().post("/v1/definitions")
                .then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "teller", roles = "frontline")
    void frontlineMayNotRead() {
        assertReadsForbidden();
    }

    @Test
    @TestSecurity(user = "manager", roles = "branch-manager")
    void branchManagersMayNotRead() {
        assertReadsForbidden();
    }

    @Test
    @TestSecurity(user = "service-account-channel-app", roles = "channel-app")
    void channelAppsMayNotRead() {
        assertReadsForbidden();
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void analystsMayNotChange() {
        given().contentType(ContentType.JSON).body(definition("TEST_DEF_ANALYST", "x")).when().post("/v1/definitions")
                .then().statusCode(403);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(definition("TRANSFER", "x")).when()
                .put("/v1/definitions/TRANSFER").then().statusCode(403);
        given().when().delete("/v1/definitions/TRANSFER").then().statusCode(403);
    }

    private static void assertReadsForbidden() {
        given().when().get("/v1/definitions").then().statusCode(403);
        given().when().get("/v1/definitions/TRANSFER").then().statusCode(403);
        given().when().get("/v1/definitions/TRANSFER/versions").then().statusCode(403);
        given().when().get("/v1/definitions/TRANSFER/versions/1").then().statusCode(403);
    }
}
