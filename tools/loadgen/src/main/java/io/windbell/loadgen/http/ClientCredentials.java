package io.windbell.loadgen.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

/**
 * OAuth2 client-credentials tokens from the realm's token endpoint, refreshed in the background when three quarters of
 * a token's lifetime have passed; a failed refresh keeps the old token and tries again a few seconds later.
 */
public final class ClientCredentials implements TokenSource {

    private static final long RETRY_MILLIS = 5_000;

    private final Vertx vertx;
    private final HttpClient client;
    private final LocalTarget endpoint;
    private final String form;
    private volatile String token;
    private volatile long timer = -1;
    private volatile boolean closed;

    public ClientCredentials(Vertx vertx, HttpClient client, LocalTarget endpoint, String clientId,
            String clientSecret) {
        this.vertx = vertx;
        this.client = client;
        this.endpoint = endpoint;
        this.form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret="
                + encode(clientSecret);
    }

    /** Fetches the first token; refreshes follow by themselves until {@link #close()}. */
    public Future<Void> start() {
        return fetch().onSuccess(expiresIn -> scheduleRefresh(expiresIn * 750L)).mapEmpty();
    }

    @Override
    public String current() {
        return token;
    }

    public void close() {
        closed = true;
        vertx.cancelTimer(timer);
    }

    /** Requests a token; the future holds its lifetime in seconds. */
    private Future<Long> fetch() {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(endpoint.host())
                .setPort(endpoint.port()).setURI(endpoint.path()).setIdleTimeout(10_000)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/x-www-form-urlencoded")
                .putHeader(HttpHeaders.ACCEPT, "application/json");
        return client.request(options).compose(request -> request.send(Buffer.buffer(form)))
                .compose(response -> response.body().compose(body -> {
                    if (response.statusCode() != 200) {
                        return Future.failedFuture("token endpoint " + endpoint + " answered " + response.statusCode()
                                + ": " + abbreviate(body.toString()));
                    }
                    JsonObject json = body.toJsonObject();
                    String accessToken = json.getString("access_token");
                    if (accessToken == null) {
                        return Future.failedFuture("token endpoint " + endpoint + " returned no access_token");
                    }
                    token = accessToken;
                    return Future.succeededFuture(json.getLong("expires_in", 300L));
                }));
    }

    private void scheduleRefresh(long delayMillis) {
        if (closed) {
            return;
        }
        timer = vertx.setTimer(Math.max(1_000, delayMillis),
                id -> fetch().onSuccess(expiresIn -> scheduleRefresh(expiresIn * 750L)).onFailure(e -> {
                    System.err.println("loadgen: token refresh failed, keeping the old token: " + e.getMessage());
                    scheduleRefresh(RETRY_MILLIS);
                }));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
