package io.windbell.ingest.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.windbell.ingest.support.IngestTestResource;

@QuarkusTest
@QuarkusTestResource(value = IngestTestResource.class, restrictToAnnotatedClass = true)
class CatalogResourceTest {

    @Inject
    CatalogCache cache;

    static Map<String, Object> touchpoint(String code, List<String> channels) {
        return Map.of("code", code, "name", "Video identity check", "nameZh", "视频核身", "journey", "ACCOUNT_OPENING",
                "stepOrder", 9, "keyNode", true, "channels", channels);
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void theSeededCatalogIsARealisticBankCatalog() {
        given().queryParam("limit", 500).when().get("/v1/catalog/touchpoints").then().statusCode(200)
                .body("items.size()", greaterThanOrEqualTo(40)).body("items.journey", hasItems("ACCOUNT_OPENING",
                        "WEALTH_PURCHASE", "LOAN_APPLICATION", "CARD_ACTIVATION", "TRANSFER", "COMPLAINT"))
                .body("nextCursor", nullValue());
        given().when().get("/v1/catalog/channels").then().statusCode(200).body("code",
                hasItems("MOBILE_APP", "WEB", "BRANCH", "CALL_CENTER", "WECHAT", "ATM", "RM_VISIT"));
        given().when().get("/v1/catalog/journeys").then().statusCode(200).body("lifecycleStage",
                hasItems("ACQUISITION", "ACTIVATION", "UPGRADE", "RETENTION", "REFERRAL"));
        given().when().get("/v1/catalog/touchpoints/wealth.risk_assessment").then().statusCode(200)
                .body("phase", equalTo("BEFORE_INVESTING")).body("keyNode", equalTo(true));
    }

    @Test
    @TestSecurity(user = "service-account-channel-app", roles = "channel-app")
    void listsArePagedByCursorAndFilterable() {
        String next = given().queryParam("limit", 5).when().get("/v1/catalog/touchpoints").then().statusCode(200)
                .body("items", hasSize(5)).body("nextCursor", notNullValue()).extract().path("nextCursor");
        given().queryParam("limit", 5).queryParam("cursor", next).when().get("/v1/catalog/touchpoints").then()
                .statusCode(200).body("items", hasSize(5));
        given().queryParam("journey", "TRANSFER").queryParam("channel", "ATM").when().get("/v1/catalog/touchpoints")
                .then().statusCode(200).body("items.journey", everyItem(equalTo("TRANSFER")))
                .body("items.code", hasItem("transfer.submit"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void aNewTouchpointIsUsableAtOnceAndARetiredOneIsRejected() {
        given().contentType(ContentType.JSON).body(touchpoint("account.video_verify", List.of("MOBILE_APP"))).when()
                .post("/v1/catalog/touchpoints").then().statusCode(201).body("version", equalTo(0));

        // the hot path reads the in-memory snapshot, which the change refreshed before answering
        org.assertj.core.api.Assertions.assertThat(cache.snapshot().touchpoints()).containsKey("account.video_verify");

        given().contentType(ContentType.JSON).header("If-Match", "0")
                .body(touchpoint("account.video_verify", List.of("MOBILE_APP", "WECHAT"))).when()
                .put("/v1/catalog/touchpoints/account.video_verify").then().statusCode(200).body("version", equalTo(1))
                .body("channels", hasItems("WECHAT"));

        given().contentType(ContentType.JSON).header("If-Match", "0")
                .body(touchpoint("account.video_verify", List.of("MOBILE_APP"))).when()
                .put("/v1/catalog/touchpoints/account.video_verify").then().statusCode(409)
                .contentType("application/problem+json");

        given().when().delete("/v1/catalog/touchpoints/account.video_verify").then().statusCode(200).body("active",
                equalTo(false));
        org.assertj.core.api.Assertions.assertThat(cache.snapshot().touchpoints().get("account.video_verify").active())
                .isFalse();
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void invalidChangesGetFieldLevelProblems() {
        given().contentType(ContentType.JSON).body(Map.of("code", "Bad Code", "stepOrder", 0, "channels", List.of()))
                .when().post("/v1/catalog/touchpoints").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("code", "name", "nameZh", "journey", "stepOrder", "channels"));
        given().contentType(ContentType.JSON).body(touchpoint("account.fax_form", List.of("FAX"))).when()
                .post("/v1/catalog/touchpoints").then().statusCode(400)
                .body("violations[0].field", equalTo("channels"));
        given().contentType(ContentType.JSON).body(touchpoint("account.entry", List.of("WEB"))).when()
                .post("/v1/catalog/touchpoints").then().statusCode(409);
        given().when().get("/v1/catalog/touchpoints/no.such").then().statusCode(404)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"code\": 1,").when().post("/v1/catalog/touchpoints").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "service-account-channel-app", roles = "channel-app")
    void channelAppsMayReadButNotChangeTheCatalog() {
        given().contentType(ContentType.JSON).body(touchpoint("account.sneaky", List.of("WEB"))).when()
                .post("/v1/catalog/touchpoints").then().statusCode(403);
        given().when().delete("/v1/catalog/touchpoints/account.entry").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void analystsCannotChangeTheCatalog() {
        given().contentType(ContentType.JSON).body(touchpoint("account.sneaky", List.of("WEB"))).when()
                .put("/v1/catalog/touchpoints/account.sneaky").then().statusCode(403);
    }

    @Test
    void readingTheCatalogNeedsAToken() {
        given().when().get("/v1/catalog/touchpoints").then().statusCode(401);
    }

}
