package io.windbell.scoring;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.windbell.scoring.support.ScoringTestResource;

/** Frontline staff and channel apps read neither driver analysis nor silent detractors (customer-level risk). */
@QuarkusTest
@QuarkusTestResource(value = ScoringTestResource.class, restrictToAnnotatedClass = true)
class InsightAccessTest {

    static final String[] PATHS = { "/v1/journeys/LOAN_APPLY/drivers", "/v1/silent-detractors" };

    @Test
    @TestSecurity(user = "teller", roles = "frontline")
    @OidcSecurity(claims = @Claim(key = "branch_id", value = "B001"))
    void frontlineStaffAreRefused() {
        for (String path : PATHS) {
            given().get(path).then().statusCode(403);
        }
    }

    @Test
    @TestSecurity(user = "app", roles = "channel-app")
    void channelAppsAreRefused() {
        for (String path : PATHS) {
            given().get(path).then().statusCode(403);
        }
    }

    @Test
    @TestSecurity(user = "manager", roles = "branch-manager")
    void aBranchManagerWithoutABranchClaimIsRefused() {
        for (String path : PATHS) {
            given().get(path).then().statusCode(403);
        }
    }
}
