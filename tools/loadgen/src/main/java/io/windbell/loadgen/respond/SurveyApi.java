package io.windbell.loadgen.respond;

import java.io.IOException;

/** The survey service's public respondent API, as a customer's phone calls it: no login, the link token is the key. */
public interface SurveyApi {

    /** An HTTP answer: status and body. */
    record Reply(int status, byte[] body) {
    }

    /** {@code GET /v1/s/{token}?lang=...}: the survey to render. */
    Reply form(String token, String lang) throws IOException, InterruptedException;

    /** {@code POST /v1/s/{token}/responses}: 201 stored, 409 answered already, 410 expired, 422 invalid. */
    Reply respond(String token, byte[] submission) throws IOException, InterruptedException;
}
