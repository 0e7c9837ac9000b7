package io.windbell.notification.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.windbell.notification.delivery.OutboundHttp;
import io.windbell.notification.delivery.Sender;

/** What each answer of survey's link endpoint (ADR 0013, survey's InvitationLinkResource) means for a send. */
class SurveyLinksOutcomeTest {

    @Test
    void aLinkIsSent() {
        assertThat(SurveyLinks.outcome(answer(200,
                "{\"invitationId\":\"471436ad-1211-4a9d-a0ae-924e55206308\",\"linkUrl\":\"https://s.example/s/t\","
                        + "\"expiresAt\":\"2025-11-21T12:41:30Z\"}"))).isEqualTo(
                                new SurveyLinks.Link("https://s.example/s/t", Instant.parse("2025-11-21T12:41:30Z")));
    }

    @Test
    void goneAndAnsweredLeaveNothingToSend() {
        assertThat(SurveyLinks.outcome(answer(410, problem("gone")))).isInstanceOf(SurveyLinks.Closed.class);
        assertThat(SurveyLinks.outcome(answer(409, problem("answered")))).isEqualTo(new SurveyLinks.Closed("answered"));
    }

    @Test
    void notDeliveredYetAndSurveyTroubleAreRetried() {
        assertThatThrownBy(() -> SurveyLinks.outcome(answer(409, problem("not-delivered"))))
                .isInstanceOf(OutboundHttp.RetryableFailure.class);
        assertThatThrownBy(() -> SurveyLinks.outcome(answer(503, "")))
                .isInstanceOf(OutboundHttp.RetryableFailure.class);
        assertThatThrownBy(() -> SurveyLinks.outcome(answer(401, problem("unauthorized"))))
                .isInstanceOf(OutboundHttp.RetryableFailure.class);
    }

    @Test
    void unknownUnreissuableForbiddenAndMalformedArePermanent() {
        assertThatThrownBy(() -> SurveyLinks.outcome(answer(404, problem("not-found"))))
                .isInstanceOf(Sender.PermanentFailure.class);
        assertThatThrownBy(() -> SurveyLinks.outcome(answer(409, problem("link-not-reissuable"))))
                .isInstanceOf(Sender.PermanentFailure.class);
        assertThatThrownBy(() -> SurveyLinks.outcome(answer(403, problem("forbidden"))))
                .isInstanceOf(Sender.PermanentFailure.class);
        assertThatThrownBy(() -> SurveyLinks.outcome(answer(200, "{\"linkUrl\":\"\"}")))
                .isInstanceOf(Sender.PermanentFailure.class);
        assertThatThrownBy(() -> SurveyLinks.outcome(answer(200, "not json")))
                .isInstanceOf(Sender.PermanentFailure.class).hasMessageNotContaining("not json");
    }

    private static OutboundHttp.Answer answer(int status, String body) {
        return new OutboundHttp.Answer(status, body, Map.of());
    }

    private static String problem(String slug) {
        return "{\"type\":\"https://windbell.io/problems/" + slug + "\",\"status\":0}";
    }
}
