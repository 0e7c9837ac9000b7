package io.windbell.notification.delivery;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * The one HTTP client of every sender that calls another system (robots, webhooks, the push service, the SMS gateway,
 * survey's link endpoint): URLs come from data, so a Vert.x web client rather than a typed REST client, with a timeout
 * on every call. {@link #classify} turns an answer into the worker's three outcomes.
 */
@ApplicationScoped
public class OutboundHttp {

    /** What the other side answered. */
    public record Answer(int status, String body, Map<String, String> headers) {
    }

    /** A failure worth retrying (timeouts, 408, 429, 5xx). */
    public static final class RetryableFailure extends RuntimeException {
        private final Integer statusCode;

        public RetryableFailure(String message) {
            this(message, null);
        }

        /** With the HTTP status the other side answered, for the delivery log. */
        public RetryableFailure(String message, Integer statusCode) {
            super(message, null, false, false);
            this.statusCode = statusCode;
        }

        /** The HTTP status that failed, {@code null} when there was no answer. */
        public Integer statusCode() {
            return statusCode;
        }
    }

    private final WebClient client;

    public OutboundHttp(Vertx vertx) {
        this.client = WebClient.create(vertx,
                new WebClientOptions().setUserAgent("windbell-notification").setFollowRedirects(false));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    public Uni<Answer> post(String url, Map<String, String> headers, String body, Duration timeout) {
        return send(HttpMethod.POST, url, headers, body, timeout);
    }

    public Uni<Answer> get(String url, Map<String, String> headers, Duration timeout) {
        return send(HttpMethod.GET, url, headers, null, timeout);
    }

    private Uni<Answer> send(HttpMethod method, String url, Map<String, String> headers, String body,
            Duration timeout) {
        HttpRequest<Buffer> request = client.requestAbs(method, URI.create(url).toString()).timeout(timeout.toMillis());
        headers.forEach(request::putHeader);
        Uni<io.vertx.mutiny.ext.web.client.HttpResponse<Buffer>> response = body == null ? request.send()
                : request.sendBuffer(Buffer.buffer(body));
        return response.map(r -> {
            Map<String, String> answerHeaders = new java.util.HashMap<>();
            r.headers().forEach(h -> answerHeaders.put(h.getKey().toLowerCase(java.util.Locale.ROOT), h.getValue()));
            return new Answer(r.statusCode(), r.bodyAsString(), answerHeaders);
        }).onFailure(e -> !(e instanceof RetryableFailure))
                .transform(e -> new RetryableFailure(method + " " + host(url) + " failed: " + e.getMessage()));
    }

    /**
     * The answer when it is a 2xx; a {@link RetryableFailure} for 408, 429 and 5xx; a {@link Sender.PermanentFailure}
     * for any other status (the request itself is wrong: retrying sends the same wrong request).
     */
    public static Answer classify(Answer answer, String what) {
        int status = answer.status();
        if (status >= 200 && status < 300) {
            return answer;
        }
        String message = what + " answered " + status;
        if (status == 408 || status == 429 || status >= 500) {
            throw new RetryableFailure(message, status);
        }
        throw new Sender.PermanentFailure(message, status);
    }

    /** The host of {@code url}, for messages: never the path or query, which may carry a token or a key. */
    public static String host(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        } catch (IllegalArgumentException e) {
            return "(invalid url)";
        }
    }
}
