package io.windbell.loadgen.respond;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import io.windbell.loadgen.http.LocalTarget;
import io.windbell.loadgen.http.TokenSource;

/**
 * {@link SurveyApi} over the JDK's HTTP client: a handful of requests per second needs no event loop. The base URL is a
 * {@link LocalTarget}, so only this machine can be called. Only the link request carries the bearer token: the
 * respondent's requests go out without one, as a customer's would.
 */
public final class HttpSurveyApi implements SurveyApi {

    private final HttpClient client;
    private final LocalTarget base;
    private final Duration timeout;
    private final TokenSource tokens;

    public HttpSurveyApi(LocalTarget base, Duration timeout, TokenSource tokens) {
        this.base = base;
        this.timeout = timeout;
        this.tokens = tokens;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Reply link(UUID invitationId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/v1/invitations/" + invitationId + "/link")).GET()
                .header("Accept", "application/json");
        String token = tokens.current();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    @Override
    public Reply form(String token, String lang) throws IOException, InterruptedException {
        String query = lang == null ? "" : "?lang=" + encode(lang);
        return send(HttpRequest.newBuilder(uri("/v1/s/" + encode(token) + query)).GET().header("Accept",
                "application/json"));
    }

    @Override
    public Reply respond(String token, byte[] submission) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("/v1/s/" + encode(token) + "/responses"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(submission)).header("Content-Type", "application/json")
                .header("Accept", "application/json"));
    }

    private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(request.timeout(timeout).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(response.statusCode(), response.body());
    }

    private URI uri(String relative) {
        return URI.create("http://" + base.host() + ":" + base.port() + base.uri(relative));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
