package io.windbell.survey.support;

import static io.restassured.RestAssured.given;

import java.util.UUID;

/**
 * The link of a delivered invitation as its deliverer gets it ({@code GET /v1/invitations/{id}/link}, ADR 0013):
 * {@code survey.invited} carries none. The calling test needs the {@code survey-deliverer} role.
 */
public final class DeliveredLinks {

    private DeliveredLinks() {
    }

    /** The link token, the last path segment of the link. */
    public static String token(UUID invitationId) {
        String url = given().get("/v1/invitations/{id}/link", invitationId).then().statusCode(200)
                .header("Cache-Control", "no-store").extract().path("linkUrl");
        return url.substring(url.lastIndexOf("/s/") + "/s/".length());
    }
}
