package io.windbell.survey.names;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
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
class NamesResourceTest {

    @Inject
    SurveyCatalog catalog;

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void analystsReadSeededNames() {
        given().when().get("/v1/names/TOUCHPOINT/wealth.risk_assessment").then().statusCode(200)
                .body("kind", equalTo("TOUCHPOINT")).body("code", equalTo("wealth.risk_assessment"))
                .body("names.zh-CN", equalTo("风险测评")).body("names.en", equalTo("Risk tolerance assessment"));
        // journey names are piped mid-sentence: "... after your wealth product purchase?"
        given().when().get("/v1/names/JOURNEY/WEALTH_PURCHASE").then().statusCode(200)
                .body("names.zh-CN", equalTo("理财购买")).body("names.en", equalTo("your wealth product purchase"));
        given().when().get("/v1/names/BRANCH/B001").then().statusCode(200).body("names.en", notNullValue());
        given().when().get("/v1/names/EMPLOYEE/E0850").then().statusCode(200).body("names.zh-CN", notNullValue());
        given().when().get("/v1/names/PRODUCT/NO-SUCH").then().statusCode(404);
        given().when().get("/v1/names/PLANET/EARTH").then().statusCode(400).body("violations[0].field",
                equalTo("kind"));
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void listsArePagedByKindAndCode() {
        given().queryParam("kind", "JOURNEY").when().get("/v1/names").then().statusCode(200).body("items", hasSize(7))
                .body("items.kind", everyItem(equalTo("JOURNEY"))).body("nextCursor", nullValue());
        List<String> codes = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("kind", "TOUCHPOINT").queryParam("limit", 20);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.when().get("/v1/names").then().statusCode(200).extract();
            codes.addAll(page.path("items.code"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(codes).hasSize(47).doesNotHaveDuplicates().isSorted();

        // across kinds: BRANCH comes first, and the second page continues after the first
        String next = given().queryParam("limit", 25).when().get("/v1/names").then().statusCode(200)
                .body("items", hasSize(25)).body("items[0].kind", equalTo("BRANCH")).extract().path("nextCursor");
        given().queryParam("limit", 25).queryParam("cursor", next).when().get("/v1/names").then().statusCode(200)
                .body("items[0].code", equalTo("E0006"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void adminsSetNamesAndTheCatalogPipesThem() {
        given().contentType(ContentType.JSON).body(Map.of("names", Map.of("zh-CN", "测试产品", "en", "Test product")))
                .when().put("/v1/names/PRODUCT/TEST-PRODUCT-1").then().statusCode(200).body("kind", equalTo("PRODUCT"))
                .body("names.en", equalTo("Test product")).body("updatedAt", notNullValue());
        assertThat(catalog.names().name(Names.Kind.PRODUCT, "TEST-PRODUCT-1", "zh-CN")).contains("测试产品");

        given().contentType(ContentType.JSON)
                .body(Map.of("kind", "PRODUCT", "code", "TEST-PRODUCT-1", "names",
                        Map.of("zh-CN", "测试产品二", "en", "Test product two")))
                .when().put("/v1/names/PRODUCT/TEST-PRODUCT-1").then().statusCode(200)
                .body("names.zh-CN", equalTo("测试产品二"));
        given().when().get("/v1/names/PRODUCT/TEST-PRODUCT-1").then().body("names.en", equalTo("Test product two"));
        assertThat(catalog.names().name(Names.Kind.PRODUCT, "TEST-PRODUCT-1", "en")).contains("Test product two");
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void invalidNamesAreRejectedFieldByField() {
        given().contentType(ContentType.JSON).body(Map.of("names", Map.of("zh-CN", "只有中文"))).when()
                .put("/v1/names/BRANCH/B099").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("names.en")));
        given().contentType(ContentType.JSON).body(Map.of("kind", "BRANCH", "names", Map.of("zh-CN", "甲", "en", "A")))
                .when().put("/v1/names/PRODUCT/P1").then().statusCode(400)
                .body("violations.field", equalTo(List.of("kind")));
        given().contentType(ContentType.JSON).body(Map.of("names", Map.of("zh-CN", "甲", "en", "A"), "nmaes", 1)).when()
                .put("/v1/names/PRODUCT/P1").then().statusCode(400);
        given().when().get("/v1/names/BRANCH/B099").then().statusCode(404);
    }

    @Test
    void withoutAnIdentityIs401() {
        given().when().get("/v1/names").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "teller", roles = "frontline")
    void frontlineMayNotRead() {
        given().when().get("/v1/names").then().statusCode(403);
        given().when().get("/v1/names/BRANCH/B001").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void analystsMayNotChange() {
        given().contentType(ContentType.JSON).body(Map.of("names", Map.of("zh-CN", "甲", "en", "A"))).when()
                .put("/v1/names/BRANCH/B001").then().statusCode(403);
    }
}
