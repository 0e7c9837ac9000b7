package io.windbell.notification.invitation;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.runtime.TokensHelper;
import io.smallrye.mutiny.Uni;
import io.windbell.contracts.EventJson;
import io.windbell.notification.delivery.OutboundHttp;
import io.windbell.notification.delivery.Sender;

/**
 * Asks survey for the link of one invitation ({@code GET /v1/invitations/{id}/link}, ADR 0013) with the service
 * account's token (client credentials of {@code windbell-notification}, role {@code survey-deliverer}). The token is
 * fetched on first use and refreshed when it expires, never at startup: the service starts without the identity
 * provider. The answer is a credential: it is handed to the sender and never logged or stored.
 */
@ApplicationScoped
public class SurveyLinks {

    /** What survey said about an invitation's link. */
    public sealed interface Outcome {
    }

    /** The link to send, and until when it works. */
    public record Link(String url, Instant expiresAt) implements Outcome {
    }

    /** Nothing to send any more: expired, cancelled or answered. */
    public record Closed(String why) implements Outcome {
    }

    private final OidcClient oidc;
    private final TokensHelper tokens = new TokensHelper();
    private final OutboundHttp http;
    private final String surveyUrl;
    private final Duration timeout;

    public SurveyLinks(OidcClient oidc, OutboundHttp http, InvitationsConfig config) {
        this.oidc = oidc;
        this.http = http;
        this.surveyUrl = config.surveyUrl().replaceAll("/+$", "");
        this.timeout = config.timeout();
    }

    /**
     * The outcome for {@code invitationId}; fails with {@link OutboundHttp.RetryableFailure} while survey is down, the
     * token cannot be had or the invitation is not delivered yet, and with {@link Sender.PermanentFailure} when survey
     * does not know it or cannot give its link again.
     */
    public Uni<Outcome> link(UUID invitationId) {
        return tokens.getTokens(oidc).onFailure()
                .transform(
                        e -> new OutboundHttp.RetryableFailure("no token for survey: " + e.getClass().getSimpleName()))
                .chain(t -> http.get(surveyUrl + "/v1/invitations/" + invitationId + "/link",
                        Map.of("Authorization", "Bearer " + t.getAccessToken(), "Accept", "application/json"), timeout))
                .map(SurveyLinks::outcome);
    }

    static Outcome outcome(OutboundHttp.Answer answer) {
        return switch (answer.status()) {
        case 200 -> link(answer.body());
        case 410 -> new Closed("expired or cancelled");
        case 409 -> conflict(problemType(answer.body()));
        // a token survey no longer accepts (keys rotated): the next attempt fetches a fresh one
        case 401 -> throw new OutboundHttp.RetryableFailure("survey refused the token (401)");
        default -> {
            OutboundHttp.classify(answer, "survey");
            throw new Sender.PermanentFailure("survey answered " + answer.status() + " without a link");
        }
        };
    }

    private static Outcome conflict(String type) {
        if (type.endsWith("/answered")) {
            return new Closed("answered");
        }
        if (type.endsWith("/not-delivered")) {
            throw new OutboundHttp.RetryableFailure("survey has not delivered the invitation yet (409 not-delivered)");
        }
        throw new Sender.PermanentFailure("survey cannot give the link (409 " + type + ")");
    }

    private static Link link(String body) {
        JsonNode json = read(body);
        String url = json.path("linkUrl").asText("");
        if (url.isBlank() || !json.hasNonNull("expiresAt")) {
            throw new Sender.PermanentFailure("survey's link answer has no linkUrl or expiresAt");
        }
        try {
            return new Link(url, Instant.parse(json.get("expiresAt").asText()));
        } catch (java.time.format.DateTimeParseException e) {
            throw new Sender.PermanentFailure("survey's link answer has an unreadable expiresAt");
        }
    }

    private static String problemType(String body) {
        return read(body).path("type").asText("");
    }

    private static JsonNode read(String body) {
        try {
            return EventJson.mapper().readTree(body == null ? "{}" : body);
        } catch (java.io.IOException e) {
            // never quote the body: a 200's body is a credential
            throw new Sender.PermanentFailure("survey's answer is not JSON");
        }
    }
}
