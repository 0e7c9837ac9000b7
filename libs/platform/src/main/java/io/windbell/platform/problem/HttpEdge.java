package io.windbell.platform.problem;

import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Problem+json for the answers Vert.x gives before JAX-RS sees a request (too large, too long, no route) and for
 * failures outside a resource, which Quarkus would answer with an empty, {@code text/plain} or
 * {@code {"details","stack"}} body.
 * <p>
 * Vert.x's HTTP decoder refuses an over-long request line (414) or header block (431) before any route runs, with an
 * empty body and no hook a router can reach. So the decoder's limits are raised well above the ones enforced here
 * ({@code META-INF/microprofile-config.properties} of this library: 64 KiB each), and this route refuses what is over
 * {@value #MAX_URI} characters of URI or {@value #MAX_HEADER_BYTES} bytes of headers itself, as problem+json. Only a
 * request beyond the decoder's limits, or one that is not HTTP at all, still gets the decoder's bare answer.
 */
@Singleton
public class HttpEdge {

    /** The longest request URI served (path and query); browsers and proxies commonly stop at 8 KiB too. */
    public static final int MAX_URI = 8192;
    /** The largest header block served: Quarkus's own default, which the decoder no longer enforces. */
    public static final int MAX_HEADER_BYTES = 20 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final long maxBodyBytes;

    HttpEdge(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBody) {
        this.maxBodyBytes = maxBody.asLongValue();
    }

    void routes(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 10).handler(this::limits);
        router.route().order(Integer.MAX_VALUE - 1).failureHandler(this::failure);
        for (int status : new int[] { 400, 404, 405, 406, 413, 414, 415, 431, 500 }) {
            router.errorHandler(status, this::failure);
        }
    }

    /** Refuses, before anything reads it, a request over the URI, header or declared body limits. */
    void limits(RoutingContext context) {
        var request = context.request();
        if (request.uri().length() > MAX_URI) {
            answer(context, HttpProblems.of(414, "the request URI may be at most " + MAX_URI + " characters"));
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > MAX_HEADER_BYTES) {
            answer(context, HttpProblems.of(431, "the request headers may be at most " + MAX_HEADER_BYTES + " bytes"));
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredLength(length) > maxBodyBytes) {
            answer(context, HttpProblems.of(413, "the request body may be at most " + maxBodyBytes + " bytes"));
            return;
        }
        context.next();
    }

    /**
     * Any failure no one else answered: a status Vert.x or Quarkus signalled (its reason as the detail), or an
     * exception (a 500 with an {@code errorId}, see {@link HttpProblems#unexpected}). Security failures stay with
     * Quarkus, which adds the authentication challenge.
     */
    void failure(RoutingContext context) {
        Throwable failure = context.failure();
        if (failure != null && failure.getClass().getName().startsWith("io.quarkus.security.")) {
            context.next();
            return;
        }
        int status = context.statusCode();
        if (failure == null || (status >= 400 && status < 500)) {
            answer(context, HttpProblems.of(status < 400 ? 500 : status, null));
        } else {
            answer(context, HttpProblems.unexpected(failure, context.request().path()));
        }
    }

    private static long declaredLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void answer(RoutingContext context, Problem problem) {
        HttpServerResponse response = context.response();
        if (response.headWritten() || response.ended() || response.closed()) {
            return;
        }
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            body = ("{\"status\":" + problem.status() + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(io.vertx.core.buffer.Buffer.buffer(body));
    }
}
