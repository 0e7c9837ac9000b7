package io.windbell.survey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.windbell.survey.support.SentInvitations;
import io.windbell.survey.support.SentInvitations.Sent;
import io.windbell.survey.support.SurveyTestResource;

/**
 * How survey answers about credentials: public links ignore a stale bearer token, everything else refuses with
 * problem+json (401 with the bearer challenge, 403 for a role the endpoint does not allow).
 */
@QuarkusTest
@QuarkusTestResource(value = SurveyTestResource.class, restrictToAnnotatedClass = true)
class AuthenticationTest {

    private static final String STALE = "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJub2JvZHkifQ.c2lnbmF0dXJl";

    @Inject
    DataSource dataSource;

    @Test
    void aStaleBearerTokenDoesNotLockACustomerOutOfTheirSurvey() {
        Sent sent = new SentInvitations(dataSource).invitation().insert();
        given().header("Authorization", STALE).redirects().follow(false).get("/s/{token}", sent.token()).then()
                .statusCode(200).contentType(containsString("text/html"));
        given().header("Authorization", STALE).get("/v1/s/{token}", sent.token()).then().statusCode(200)
                .contentType(ContentType.JSON).body("invitationId", equalTo(sent.id().toString()));
        given().header("Authorization", STALE).get("/s-assets/survey.css").then().statusCode(200);
        // an unknown link is still just unknown
        given().header("Authorization", STALE).get("/v1/s/{token}", "not-a-token").then().statusCode(404);
    }

    @Test
    void aStaleBearerTokenOnAProtectedEndpointIsAProblemWithTheBearerChallenge() {
        given().header("Authorization", STALE).get("/v1/rules").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401)).body("instance", equalTo("/v1/rules"));
    }

    @Test
    void noTokenIsAProblemWithTheBearerChallenge() {
        given().get("/v1/invitations").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer")).body("title", equalTo("Unauthorized"));
    }

    @Test
    @TestSecurity(user = "teller", roles = "frontline")
    void theWrongRoleIsAProblemToo() {
        given().get("/v1/questions").then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403)).body("instance", equalTo("/v1/questions"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void anEndpointWithoutAnAuthorizationRuleIsRefusedEvenToAnAdmin() {
        given().get("/test-only/unannotated").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anEndpointWithoutAnAuthorizationRuleIsRefusedToAnonymousCallers() {
        given().get("/test-only/unannotated").then().statusCode(401).contentType("application/problem+json");
    }
}
