package io.windbell.journey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.windbell.contracts.Text;
import io.windbell.journey.support.FailingResource;
import io.windbell.journey.support.JourneyTestResource;
import io.windbell.platform.paging.Cursor;
import io.windbell.testing.RawHttp;

/**
 * The answers the probe of issue 10 got as 500s or empty bodies, one by one: each is now a problem+json 4xx naming what
 * was wrong, and an unexpected error is a 500 that says nothing but its errorId, which the log has too.
 */
@QuarkusTest
@QuarkusTestResource(value = JourneyTestResource.class, restrictToAnnotatedClass = true)
@TestSecurity(user = "admin", roles = { "cx-admin", "cx-analyst" })
class ProblemAnswersTest {

    @Test
    void aNulInAQueryOrPathParameterIsA400NamingIt() {
        given().urlEncodingEnabled(false).get("/v1/journeys?customerId=a%00b").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", contains("customerId"))
                .body("violations[0].message", equalTo(Text.RULE));
        given().urlEncodingEnabled(false).get("/v1/customers/a%00b/timeline").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", contains("customerId"));
    }

    @Test
    void idsInParametersFollowTheirRule() {
        given().get("/v1/journeys?definition=not a code").then().statusCode(400).body("violations.field",
                contains("definition"));
        given().get("/v1/funnels/{code}", "wealth-purchase").then().statusCode(400).body("violations.field",
                contains("definitionCode"));
    }

    @Test
    void extremeDatesAreA400SayingTheRange() {
        for (String path : List.of("/v1/journeys?from=%2B999999999-12-31T23:59:59Z",
                "/v1/customers/C1/timeline?to=-999999999-01-01T00:00:00Z",
                "/v1/funnels/WEALTH_PURCHASE?from=%2B999999999-12-31T23:59:59Z")) {
            given().urlEncodingEnabled(false).get(path).then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].message", containsString("1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z"));
        }
    }

    @Test
    void aForgedCursorIsA400OnTheCursor() {
        for (String forged : List.of(Cursor.encode("\u0000", "\u0000"),
                Cursor.encode("+999999999-12-31T23:59:59Z", UUID.randomUUID().toString()))) {
            given().queryParam("cursor", forged).get("/v1/journeys").then().statusCode(400).body("violations.field",
                    contains("cursor"));
            given().queryParam("cursor", forged).get("/v1/customers/C1/timeline").then().statusCode(400)
                    .body("violations.field", contains("cursor"));
        }
        given().queryParam("cursor", Cursor.encode("A\u0000")).get("/v1/definitions").then().statusCode(400)
                .body("violations.field", contains("cursor"));
    }

    @Test
    void aBodyInAnotherCharsetThanUtf8IsA415() {
        given().contentType("application/json; charset=utf-16").body("{}".getBytes(StandardCharsets.UTF_16))
                .post("/v1/definitions").then().statusCode(415).contentType("application/problem+json")
                .body("detail", containsString("UTF-8"));
    }

    @Test
    void duplicateKeysUnknownFieldsAndCoercedScalarsAreRefused() {
        given().contentType(ContentType.JSON).body("{\"code\":\"A_B\",\"code\":\"B_C\"}").post("/v1/definitions").then()
                .statusCode(400).body("violations[0].field", equalTo("code"))
                .body("violations[0].message", equalTo("duplicate field"));
        given().contentType(ContentType.JSON).body("{\"code\":\"A_B\",\"steps\":[{\"order\":\"1\"}]}")
                .post("/v1/definitions").then().statusCode(400).body("violations[0].field", equalTo("steps[0].order"))
                .body("violations[0].message", equalTo("must be an integer"));
        given().contentType(ContentType.JSON).body("{\"code\":\"A_B\",\"colour\":1}").post("/v1/definitions").then()
                .statusCode(400).body("violations[0].field", equalTo("colour"))
                .body("violations[0].message", equalTo("unknown field"));
    }

    @Test
    void answersBeforeAnyResourceAreProblemsWithABody() {
        int port = io.restassured.RestAssured.port;
        RawHttp.Answer tooLong = RawHttp.send(port, "GET", "/v1/journeys?q=" + "a".repeat(9_000), Map.of(), null);
        assertThat(tooLong.status()).isEqualTo(414);
        assertThat(tooLong.contentType()).startsWith("application/problem+json");
        assertThat(new String(tooLong.body(), StandardCharsets.UTF_8)).contains("8192");

        RawHttp.Answer headers = RawHttp.send(port, "GET", "/v1/journeys", Map.of("X-Big", "a".repeat(25_000)), null);
        assertThat(headers.status()).isEqualTo(431);
        assertThat(headers.contentType()).startsWith("application/problem+json");

        RawHttp.Answer tooLarge = RawHttp.send(port, "POST", "/v1/definitions",
                Map.of("Content-Type", "application/json"), new byte[11 * 1024 * 1024]);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        assertThat(tooLarge.body()).isNotEmpty();

        given().get("/v1/no-such-thing").then().statusCode(404).contentType("application/problem+json");
        given().patch("/v1/journeys").then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void anUnexpectedErrorIsA500WithAnErrorIdThatTheLogHasToo() {
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("io.windbell.platform.problem.HttpProblems");
        logger.addHandler(capture);
        try {
            String body = given().get("/test-only/failing").then().statusCode(500)
                    .contentType("application/problem+json").body("type", containsString("internal-error"))
                    .body("errorId", notNullValue()).body(not(containsString(FailingResource.INTERNAL)))
                    .body(not(containsString("IllegalStateException"))).body(not(containsString("stack"))).extract()
                    .asString();
            String errorId = io.restassured.path.json.JsonPath.from(body).getString("errorId");
            assertThat(UUID.fromString(errorId)).isNotNull();
            assertThat(logged).anySatisfy(record -> {
                assertThat(record.getLevel().intValue()).isGreaterThanOrEqualTo(Level.SEVERE.intValue());
                assertThat(((org.jboss.logmanager.ExtLogRecord) record).getFormattedMessage()).contains(errorId);
                assertThat(record.getThrown()).hasMessage(FailingResource.INTERNAL);
            });
        } finally {
            logger.removeHandler(capture);
        }
    }
}
