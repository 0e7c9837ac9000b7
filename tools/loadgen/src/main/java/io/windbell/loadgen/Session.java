package io.windbell.loadgen;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.windbell.loadgen.catalog.Catalog;
import io.windbell.loadgen.catalog.CatalogJson;
import io.windbell.loadgen.cli.Settings;
import io.windbell.loadgen.http.CatalogClient;
import io.windbell.loadgen.http.ClientCredentials;
import io.windbell.loadgen.http.LocalTarget;
import io.windbell.loadgen.http.TokenSource;
import io.windbell.loadgen.http.VertxTransport;

/**
 * What every command shares: one Vert.x event loop with an HTTP client pool of {@code --connections}, the bearer token,
 * and the catalog. Closing it stops the token refresh and the event loop.
 */
final class Session implements AutoCloseable {

    private static final long SETUP_SECONDS = 30;

    private final Settings settings;
    private final PrintStream err;
    private final Vertx vertx;
    private final Context context;
    private final HttpClient client;
    private ClientCredentials credentials;
    private TokenSource tokens = TokenSource.NONE;
    private boolean authenticated;

    Session(Settings settings, PrintStream err) {
        this.settings = settings;
        this.err = err;
        // One event loop: the runner, the recorder and all callbacks share it, so none of them needs a lock.
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        this.context = vertx.getOrCreateContext();
        HttpClientOptions options = new HttpClientOptions().setKeepAlive(true).setPipelining(false).setTcpNoDelay(true)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis()));
        this.client = vertx.createHttpClient(options,
                new PoolOptions().setHttp1MaxSize(settings.connections()).setMaxWaitQueueSize(-1));
    }

    Context context() {
        return context;
    }

    TokenSource tokens() {
        return tokens;
    }

    VertxTransport transport() {
        return new VertxTransport(client, settings.base(), tokens, settings.timeout().toMillis());
    }

    /** Fixed token, or the first client-credentials token (later ones are fetched in the background). */
    void authenticate() throws LoadGenException {
        if (authenticated) {
            return;
        }
        authenticated = true;
        var auth = settings.auth();
        if (auth.token() != null) {
            tokens = TokenSource.fixed(auth.token());
        } else if (auth.clientCredentials()) {
            credentials = new ClientCredentials(vertx, client, LocalTarget.parse(auth.tokenUrl()), auth.clientId(),
                    auth.clientSecret());
            await(credentials.start(), "getting a token from " + auth.tokenUrl());
            tokens = credentials;
        }
    }

    /** The catalog named by {@code --catalog}. */
    Catalog catalog() throws LoadGenException {
        String source = settings.catalog();
        try {
            return switch (source) {
            case "builtin" -> CatalogJson.builtin();
            case "api" -> fromApi();
            case "auto" -> {
                try {
                    yield fromApi();
                } catch (LoadGenException e) {
                    err.println("loadgen: " + e.getMessage() + "; using the built-in sample catalog");
                    yield CatalogJson.builtin();
                }
            }
            default -> CatalogJson.file(Path.of(source));
            };
        } catch (IOException | RuntimeException e) {
            throw new LoadGenException("cannot read the catalog from " + source + ": " + e.getMessage(), e);
        }
    }

    private Catalog fromApi() throws LoadGenException {
        authenticate();
        return await(new CatalogClient(client, settings.base(), tokens).fetch(),
                "reading the catalog from " + settings.base());
    }

    private <T> T await(Future<T> future, String what) throws LoadGenException {
        CompletableFuture<T> done = future.toCompletionStage().toCompletableFuture();
        try {
            return done.get(SETUP_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new LoadGenException(what + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new LoadGenException(what + " took longer than " + SETUP_SECONDS + "s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadGenException(what + " was interrupted", e);
        }
    }

    @Override
    public void close() {
        if (credentials != null) {
            credentials.close();
        }
        // Two separate waits: a future composed across vertx.close() would complete on a stopped event loop.
        closeQuietly(client.close(), "the HTTP client");
        closeQuietly(vertx.close(), "Vert.x");
    }

    private void closeQuietly(Future<Void> closing, String what) {
        try {
            closing.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            err.println("loadgen: could not close " + what + " cleanly: " + e);
        }
    }
}
