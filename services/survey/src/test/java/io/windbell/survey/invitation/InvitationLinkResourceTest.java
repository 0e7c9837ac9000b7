package io.windbell.survey.invitation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.windbell.survey.support.SentInvitations;
import io.windbell.survey.support.SentInvitations.Sent;
import io.windbell.survey.support.SurveyTestResource;

/**
 * {@code GET /v1/invitations/{id}/link}: the deliverer's way to the link now that {@code survey.invited} carries none
 * (ADR 0013). Only the {@code survey-deliverer} role gets it, never cached, and only while the invitation can be
 * answered.
 */
@QuarkusTest
@QuarkusTestResource(value = SurveyTestResource.class, restrictToAnnotatedClass = true)
class InvitationLinkResourceTest {

    @Inject
    AgroalDataSource dataSource;

    SentInvitations invitations;

    @BeforeEach
    void setUp() {
        invitations = new SentInvitations(dataSource);
    }

    @Test
    @TestSecurity(user = "service-account-notification", roles = "survey-deliverer")
    void theDelivererGetsTheLinkThatOpensTheSurvey() {
        Sent sent = invitations.invitation().insert();
        String url = given().get("/v1/invitations/{id}/link", sent.id()).then().statusCode(200)
                .header("Cache-Control", "no-store").body("invitationId", equalTo(sent.id().toString())).extract()
                .path("linkUrl");
        assertThat(url).isEqualTo("http://127.0.0.1:8083/s/" + sent.token());
        // the same link every time: a retried delivery sends the link that works, not a new one
        given().get("/v1/invitations/{id}/link", sent.id()).then().statusCode(200).body("linkUrl", equalTo(url));
        given().get("/v1/s/{token}", url.substring(url.lastIndexOf('/') + 1)).then().statusCode(200)
                .body("invitationId", equalTo(sent.id().toString()));
    }

    @Test
    @TestSecurity(user = "service-account-notification", roles = "survey-deliverer")
    void everyRequestIsAuditedByCallerAndInvitationWithoutTheLink() {
        Sent sent = invitations.invitation().insert();
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                Object[] parameters = record.getParameters();
                lines.add(parameters == null ? record.getMessage() : String.format(record.getMessage(), parameters));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger audit = Logger.getLogger("io.windbell.survey.audit.link");
        audit.addHandler(capture);
        try {
            given().get("/v1/invitations/{id}/link", sent.id()).then().statusCode(200);
            given().get("/v1/invitations/{id}/link", invitations.invitation().status("EXPIRED").insert().id()).then()
                    .statusCode(410);
        } finally {
            audit.removeHandler(capture);
        }
        assertThat(lines).hasSize(2);
        assertThat(lines.getFirst()).contains(sent.id().toString(), "service-account-notification", "Link");
        assertThat(lines.get(1)).contains("service-account-notification", "Closed");
        assertThat(String.join("\n", lines)).doesNotContain(sent.token()).doesNotContain("/s/");
    }

    @Test
    @TestSecurity(user = "service-account-notification", roles = "survey-deliverer")
    void noLinkForUnknownUndeliveredAnsweredOrClosedInvitations() {
        given().get("/v1/invitations/{id}/link", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/v1/invitations/{id}/link", "not-a-uuid").then().statusCode(400);
        given().get("/v1/invitations/{id}/link", invitations.invitation().status("SCHEDULED").insert().id()).then()
                .statusCode(409);
        given().get("/v1/invitations/{id}/link", invitations.invitation().status("RESPONDED").insert().id()).then()
                .statusCode(409);
        given().get("/v1/invitations/{id}/link", invitations.invitation().status("EXPIRED").insert().id()).then()
                .statusCode(410);
        given().get("/v1/invitations/{id}/link", invitations.invitation().status("CANCELLED").insert().id()).then()
                .statusCode(410);
        // still SENT but past its expiry (the expiry sweep has not run yet)
        given().get("/v1/invitations/{id}/link", invitations.invitation().expired().insert().id()).then()
                .statusCode(410);
    }

    @Test
    @TestSecurity(user = "service-account-notification", roles = "survey-deliverer")
    void aLinkIssuedWithAnotherNonceIsNotGivenOut() {
        Sent sent = invitations.invitation().insert();
        // as if issued under an older key or with a random nonce: the derived token would not open the survey
        try (var c = dataSource.getConnection();
                var ps = c.prepareStatement("UPDATE invitation SET token_hash = ? WHERE id = ?")) {
            ps.setBytes(1, new byte[32]);
            ps.setObject(2, sent.id());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        given().get("/v1/invitations/{id}/link", sent.id()).then().statusCode(409);
    }

    @Test
    @TestSecurity(user = "admin", roles = { "cx-admin", "cx-analyst" })
    void staffRolesAreForbidden() {
        Sent sent = invitations.invitation().insert();
        given().get("/v1/invitations/{id}/link", sent.id()).then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void anonymousCallersAreRefused() {
        Sent sent = invitations.invitation().insert();
        given().get("/v1/invitations/{id}/link", sent.id()).then().statusCode(401);
    }
}
