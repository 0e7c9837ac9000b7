package io.windbell.loadgen.respond;

import java.io.IOException;
import java.util.UUID;

/**
 * The survey service as the simulated customers need it: the deliverer's call that gives an invitation's link (the
 * event carries none, ADR 0013), then the public respondent API, as a customer's phone calls it: no login, the link
 * token is the key.
 */
public interface SurveyApi {

    /** An HTTP answer: status and body. */
    record Reply(int status, byte[] body) {
    }

    /**
     * {@code GET /v1/invitations/{id}/link} with the deliverer's bearer token: {@code {"linkUrl": ...}}; 404 unknown,
     * 409 not deliverable (answered, not yet sent), 410 expired.
     */
    Reply link(UUID invitationId) throws IOException, InterruptedException;

    /** {@code GET /v1/s/{token}?lang=...}: the survey to render. */
    Reply form(String token, String lang) throws IOException, InterruptedException;

    /** {@code POST /v1/s/{token}/responses}: 201 stored, 409 answered already, 410 expired, 422 invalid. */
    Reply respond(String token, byte[] submission) throws IOException, InterruptedException;
}
