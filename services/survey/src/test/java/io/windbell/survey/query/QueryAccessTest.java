package io.windbell.survey.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.windbell.survey.support.SurveyTestResource;

/** Who may read invitations, decisions and responses, and which branch a branch manager sees. */
@QuarkusTest
@QuarkusTestResource(value = SurveyTestResource.class, restrictToAnnotatedClass = true)
class QueryAccessTest {

    static final String SURVEY = "T_ACCESS";

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void responses() throws SQLException {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("DELETE FROM response WHERE survey_code = '" + SURVEY + "'");
        }
        response("B001", 3);
        response("B001", 9);
        response("B002", 10);
    }

    void response(String branch, int score) throws SQLException {
        UUID invitation = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        try (var connection = dataSource.getConnection()) {
            try (var statement = connection.prepareStatement("""
                    INSERT INTO invitation (id, customer_id, survey_code, anchor_metric, channel, locale, status,
                        counts_against_budget, created_at, send_at, expires_at, survey)
                    VALUES (?, 'C-access', ?, 'NPS', 'SMS', 'zh-CN', 'RESPONDED', true, ?, ?, ?, '{}')""")) {
                statement.setObject(1, invitation);
                statement.setString(2, SURVEY);
                statement.setTimestamp(3, now);
                statement.setTimestamp(4, now);
                statement.setTimestamp(5, now);
                statement.executeUpdate();
            }
            try (var statement = connection.prepareStatement("""
                    INSERT INTO response (id, invitation_id, customer_id, survey_code, locale, responded_at,
                        anchor_metric, anchor_score, answers, branch_id)
                    VALUES (?, ?, 'C-access', ?, 'zh-CN', ?, 'NPS', ?, '[]', ?)""")) {
                statement.setObject(1, UUID.randomUUID());
                statement.setObject(2, invitation);
                statement.setString(3, SURVEY);
                statement.setTimestamp(4, now);
                statement.setInt(5, score);
                statement.setString(6, branch);
                statement.executeUpdate();
            }
        }
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void analystsSeeEveryBranch() {
        given().get("/v1/responses?surveyCode=" + SURVEY).then().statusCode(200).body("items", hasSize(3));
        given().get("/v1/invitations?customerId=C-access").then().statusCode(200).body("items.size()",
                org.hamcrest.Matchers.greaterThanOrEqualTo(3));
        given().get("/v1/decisions?customerId=C-access").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "manager", roles = "branch-manager")
    @OidcSecurity(claims = @Claim(key = "branch_id", value = "B001"))
    void aBranchManagerSeesOnlyTheirBranch() {
        given().get("/v1/responses?surveyCode=" + SURVEY).then().statusCode(200).body("items", hasSize(2))
                .body("items.branchId", everyItem(equalTo("B001")));
        given().get("/v1/responses?surveyCode=" + SURVEY + "&branchId=B002").then().statusCode(200).body("items",
                hasSize(0));
        given().get("/v1/invitations").then().statusCode(403);
        given().get("/v1/decisions?customerId=C-access").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "manager", roles = "branch-manager")
    void aBranchManagerWithoutABranchIsRefused() {
        given().get("/v1/responses").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "teller", roles = "frontline")
    @OidcSecurity(claims = @Claim(key = "branch_id", value = "B001"))
    void frontlineStaffReadNoSurveyData() {
        given().get("/v1/responses").then().statusCode(403);
        given().get("/v1/invitations").then().statusCode(403);
        given().get("/v1/invitations/" + UUID.randomUUID()).then().statusCode(403);
        given().get("/v1/decisions?customerId=C-access").then().statusCode(403);
    }

    @Test
    void withoutATokenNothingIsRead() {
        given().get("/v1/responses").then().statusCode(401);
        given().get("/v1/invitations").then().statusCode(401);
        given().get("/v1/decisions?customerId=C-access").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void badParametersAreProblemsFieldByField() {
        given().get("/v1/invitations?status=LOST&limit=0").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("status", "limit"));
        given().get("/v1/decisions").then().statusCode(400).body("violations[0].field", equalTo("customerId"));
        given().get("/v1/invitations/not-a-uuid").then().statusCode(400);
    }
}
