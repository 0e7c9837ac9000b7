package io.windbell.loadgen.http;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Consumer;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.windbell.loadgen.engine.Payload;
import io.windbell.loadgen.engine.Response;
import io.windbell.loadgen.engine.Transport;

/**
 * Posts payloads with a Vert.x HTTP/1.1 client: keep-alive connections, no pipelining. Call it on one Vert.x context;
 * completions arrive on the same context.
 */
public final class VertxTransport implements Transport {

    private final HttpClient client;
    private final LocalTarget target;
    private final TokenSource tokens;
    private final long timeoutMillis;
    /** Connections that have carried a request: the first request on any other one paid for its TCP connect. */
    private final Set<HttpConnection> used = Collections.newSetFromMap(new IdentityHashMap<>());

    public VertxTransport(HttpClient client, LocalTarget target, TokenSource tokens, long timeoutMillis) {
        this.client = client;
        this.target = target;
        this.tokens = tokens;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public void send(Payload payload, Consumer<Response> done) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(target.host())
                .setPort(target.port()).setURI(target.uri(payload.path())).setIdleTimeout(timeoutMillis)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        String token = tokens.current();
        if (token != null) {
            options.putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        boolean[] fresh = { false };
        client.request(options).compose(request -> {
            fresh[0] = firstUse(request.connection());
            return request.send(Buffer.buffer(payload.body()));
        })
                // Reading the body to its end hands the connection back to the pool.
                .compose(response -> response.body().map(body -> response.statusCode())).onComplete(ar -> done
                        .accept(ar.succeeded() ? Response.status(ar.result(), fresh[0]) : Response.failed(ar.cause())));
    }

    private boolean firstUse(HttpConnection connection) {
        if (!used.add(connection)) {
            return false;
        }
        connection.closeHandler(v -> used.remove(connection));
        return true;
    }
}
