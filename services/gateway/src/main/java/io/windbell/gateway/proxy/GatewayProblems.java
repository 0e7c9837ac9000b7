package io.windbell.gateway.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpServerResponse;
import io.windbell.platform.problem.Problem;

/** The gateway's own refusals, as {@code application/problem+json} (RFC 9457) like every service's. */
final class GatewayProblems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GatewayProblems() {
    }

    static Problem unauthorized(String detail) {
        return Problem.of("unauthenticated", "Unauthenticated", 401, detail);
    }

    static Problem forbidden(String route) {
        return Problem.of("forbidden", "Forbidden", 403,
                "the token holds none of the roles route " + route + " admits");
    }

    static Problem tooLarge(long limit) {
        return Problem
                .of("payload-too-large", "Payload too large", 413,
                        "the request body is larger than this route accepts (" + limit + " bytes)")
                .with("limitBytes", limit);
    }

    static Problem tooMany(long retryAfterSeconds) {
        return Problem.of("rate-limited", "Too many requests", 429,
                "this client sent more requests than the route allows; retry after " + retryAfterSeconds + " s");
    }

    static Problem badGateway(String route, String why) {
        return Problem.of("upstream-unavailable", "Bad gateway", 502, "route " + route + ": " + why);
    }

    static Problem gatewayTimeout(String route, long millis) {
        return Problem.of("upstream-timeout", "Gateway timeout", 504,
                "route " + route + ": the service did not start answering within " + millis + " ms");
    }

    /** Sends the problem unless an answer has already begun (then the connection is reset instead). */
    static void send(HttpServerResponse response, Problem problem, String path) {
        if (response.headWritten()) {
            response.reset();
            return;
        }
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(problem.withInstance(path));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (problem.status() == 401) {
            response.putHeader("WWW-Authenticate", "Bearer realm=\"windbell\"");
        }
        response.setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Cache-Control", "no-store").end(io.vertx.core.buffer.Buffer.buffer(body));
    }
}
